"""`yichao keys export|trust|export-data-key|import-data-key` and `yichao bundle export|import|status`
(DESIGN.md section 6)."""

from __future__ import annotations

import argparse
from pathlib import Path

from yichao.app.cli.common import workspace


def register(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="交换站点密钥（每两个站点之间一次）")
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = ksub.add_parser("export", help="导出本站点的密钥文件给对方")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=run_keys_export)
    p = ksub.add_parser("trust", help="信任对方的密钥文件（显示指纹供核对）")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true",
                   help="替换该站点原先信任的另一把密钥（请先电话核对指纹）")
    p.set_defaults(handler=run_keys_trust)
    p = ksub.add_parser("export-data-key",
                        help="保管身份证号码的加密密钥：用口令加密后写入文件（管理员）")
    p.add_argument("file", metavar="FILE", help="要写入的文件（请保存在别处，如 U 盘）")
    p.add_argument("--passphrase-file", required=True, metavar="P",
                   help="口令文件：第一行是口令（至少 10 个字符）")
    p.set_defaults(handler=run_export_data_key)
    p = ksub.add_parser("import-data-key",
                        help="把导出的身份证号码密钥恢复为本数据文件夹的密钥（管理员）")
    p.add_argument("file", metavar="FILE", help="export-data-key 写出的文件")
    p.add_argument("--passphrase-file", required=True, metavar="P", help="口令文件：第一行是口令")
    p.set_defaults(handler=run_import_data_key)

    bundle = sub.add_parser("bundle", help="与上级或下级站点交换数据包（.ycb）")
    bsub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    p = bsub.add_parser("export", help="导出数据包：对方尚未确认收到的全部变更")
    p.add_argument("--to", required=True, metavar="CODE", help="接收站点的代码")
    p.add_argument("file", metavar="FILE", help="要写入的 .ycb 文件（或文件夹）")
    p.set_defaults(handler=run_bundle_export)
    p = bsub.add_parser("import", help="检查并导入另一个站点的数据包")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只显示会改动什么，不作任何改动")
    p.set_defaults(handler=run_bundle_import)
    p = bsub.add_parser("status", help="各站点的密钥、最近的数据包和待发送的变更")
    p.set_defaults(handler=run_bundle_status)


def run_keys_export(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.sync import export_key_file

    with workspace(args) as ws:
        key = export_key_file(ws, Path(args.file))
    print(f"已导出 {key.name}（{key.code}）的密钥文件：{args.file}")
    print(f"指纹：{key.fingerprint}")
    return 0


def run_keys_trust(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.sync import POLICY_NOTICE, trust_key_file

    with workspace(args) as ws:
        key = trust_key_file(ws, Path(args.file), replace=args.replace)
        upward = key.code == ws.site.parent_code
    if upward:  # the clerk sees what the district will learn before any bundle can be made
        print(POLICY_NOTICE)
    print(f"已{'替换并' if args.replace else ''}信任 {key.name}（{key.code}）的密钥，请与对方核对指纹：")
    print(key.fingerprint)
    return 0


def run_export_data_key(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import export_data_key, read_password_file

    passphrase = read_password_file(args.passphrase_file)
    with workspace(args) as ws:
        path = export_data_key(ws, Path(args.file), passphrase)
    print(f"已导出身份证号码密钥：{path}。请把它和口令分开保管在这台电脑之外；重装 Windows 或换电脑后用 "
          "yichao keys import-data-key 导入。")
    return 0


def run_import_data_key(args: argparse.Namespace) -> int:
    """Works when the folder's own key cannot be read here (a new Windows): the folder is then
    opened with the imported key, after the passphrase has opened it."""
    # per command: the CLI starts light
    from yichao.app.core import DataKeyUnavailable, import_data_key, read_key_export, read_password_file

    passphrase = read_password_file(args.passphrase_file)
    try:
        with workspace(args) as ws:
            result = import_data_key(ws, Path(args.file), passphrase)
    except DataKeyUnavailable:
        wrapped = read_key_export(Path(args.file), passphrase)  # a wrong passphrase stops here
        with workspace(args, data_key=wrapped.key) as ws:
            result = import_data_key(ws, Path(args.file), passphrase)
    print(result.message)
    if result.kept is not None:
        print(f"原来的密钥文件保留在 {result.kept}")
    return 0


def run_bundle_export(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.sync import export_bundle

    with workspace(args) as ws:
        r = export_bundle(ws, args.to, Path(args.file))
    print(f"已导出第 {r.seq} 号数据包给 {r.to_name}（{r.to_code}）：{r.records} 条记录，"
          f"{r.size} 字节，{r.path}")
    return 0


def run_bundle_import(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.sync import import_bundle, report_lines

    with workspace(args) as ws:
        r = import_bundle(ws, Path(args.file), dry_run=args.dry_run)
    for line in report_lines(r):
        print(line)
    return 0


def run_bundle_status(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import site_role_label
    from yichao.app.sync import kind_label, list_held, open_notices, street_flags, sync_status

    with workspace(args) as ws:
        st = sync_status(ws)
        flags = street_flags(ws) if st.role == "district" else {}
        held = list_held(ws)
        notices = open_notices(ws)
    print(f"本站点：{st.site_name}（{st.site_code}，{site_role_label(st.role)}）")
    print(f"本站点密钥指纹：{st.fingerprint}")
    if not st.peers:
        print("尚未信任任何站点的密钥。")
    for p in st.peers:
        sent = p.last_sent_at.astimezone().strftime("%Y-%m-%d %H:%M") if p.last_sent_at else "从未"
        got = p.last_received_at.astimezone().strftime("%Y-%m-%d %H:%M") if p.last_received_at else "从未"
        print(f"{p.name}（{p.code}）指纹 {p.fingerprint}")
        print(f"  已发出 {p.out_seq} 个（最近 {sent}），对方已确认到第 {p.acked_seq} 号；"
              f"已收到 {p.in_seq} 个（最近 {got}）；待发送变更 {p.pending} 条"
              + (f"（其中转交其他站点的 {p.relayed} 条）" if p.relayed else ""))
    if st.days_since_exchange is not None:
        print(f"距上次交换数据包 {st.days_since_exchange} 天" + ("（已超过30天）" if st.overdue else ""))
    if st.totals:
        print("各街道记录数：")
        for code, name, counts in st.totals:
            parts = "，".join(f"{kind_label(k)} {n}" for k, n in counts.items()) or "没有记录"
            flag = f"【{flags[code]}】" if code in flags else ""
            print(f"  {name}（{code}）{flag}：{parts}")
        print(f"在多个街道登记的居民（按身份号码摘要）：{st.shared_people} 人")
    if held:
        print(f"暂存的记录 {len(held)} 条（其余记录已导入）：")
        for h in held[:20]:
            print(f"  来自 {h.peer_code} 的{h.kind}：{h.reason}。")
    for n in notices:
        print(f"上级的更正请求（{n.peer_code}）：{n.text}")
    return 0
