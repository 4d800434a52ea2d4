"""`yichao verify CODE`: check a certificate's verification code offline (exit 0 valid, 1 not)."""

from __future__ import annotations

import argparse
import sys

from yichao.app.cli.common import workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="核验证书的验证码（或二维码里的文字）")
    p.add_argument("code", metavar="CODE")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.certificates import verify_certificate

    with workspace(args, signed_in=False) as ws:
        verdict = verify_certificate(ws, args.code)
    if not verdict.valid:
        print(f"yichao: {verdict.message}", file=sys.stderr)
        return 1
    row = verdict.certificate
    assert row is not None
    print(verdict.message)
    print(f"编号\t{row.serial}")
    print(f"种类\t{row.kind_label}")
    print(f"持证\t{row.recipient}")
    print(f"签发\t{row.issued_on.isoformat()}\t{row.issuer}")
    print(f"验证码\t{row.code}")
    print(f"状态\t{row.status_label}（打印 {row.print_count} 次）")
    return 0
