"""The bundle's inner zip: members, manifest, and the checks made before anything is read.

Members: ``manifest.json`` (signed), ``manifest.sig``, ``changes.jsonl``, ``ack.json``, optionally
``hashes.jsonl`` and ``attachments/<sha256>``. Names outside that list (absolute paths, ``..``,
backslashes, anything else), duplicates, and sizes that betray a decompression bomb are refused
from the zip's directory alone, before a byte is inflated.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from yichao.app.core.errors import UserError
from yichao.app.sync.records import printable

FORMAT = "yichao-bundle"
FORMAT_VERSION = 1
MANIFEST, SIGNATURE, CHANGES, ACK, HASHES = "manifest.json", "manifest.sig", "changes.jsonl", "ack.json", "hashes.jsonl"
_NAME = re.compile(r"^(manifest\.json|manifest\.sig|changes\.jsonl|ack\.json|hashes\.jsonl|attachments/[0-9a-f]{64})$")
MAX_MEMBERS = 200_000
MAX_MANIFEST = 4 * 1024 * 1024
MAX_TOTAL = 4 * 1024**3  # inflated bytes of one bundle
MAX_RATIO = 200  # inflated / compressed, beyond which a member is treated as a bomb
RATIO_FLOOR = 1024 * 1024  # small members may compress better than that (a run of spaces)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_zip(manifest: dict[str, Any], signer: Any, members: dict[str, bytes]) -> bytes:
    """The zip: members, then the manifest listing their hashes, then its signature.

    ``signer(bytes) -> bytes`` signs the manifest as written (Ed25519).
    """
    manifest = dict(manifest, members={name: {"sha256": sha256(data), "size": len(data)}
                                       for name, data in sorted(members.items())})
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=3) as zf:
        for name, data in members.items():
            stored = name.startswith("attachments/")
            zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(SIGNATURE, signer(manifest_bytes).hex().encode())
    return buf.getvalue()


@dataclass(frozen=True)
class OpenedZip:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    members: dict[str, bytes]  # everything but the manifest and its signature, hashes checked


def _refuse_names(infos: list[zipfile.ZipInfo], compressed_size: int) -> None:
    if len(infos) > MAX_MEMBERS:
        raise UserError("数据包里的文件数量异常，已拒绝导入。")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if not _NAME.match(name) or info.is_dir():
            raise UserError(f"数据包里有不允许的文件名“{printable(name, 60)}”（可能是恶意构造的路径），已拒绝导入。")
        if name in seen:
            raise UserError(f"数据包里的文件“{printable(name, 60)}”出现了两次，数据包可能被篡改，已拒绝导入。")
        seen.add(name)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UserError("数据包里有压缩比异常的文件（疑似压缩炸弹），已拒绝导入。")
        total += info.file_size
    if total > MAX_TOTAL or total > RATIO_FLOOR + MAX_RATIO * compressed_size:
        raise UserError("数据包解压后的大小异常（疑似压缩炸弹），已拒绝导入。")
    for need in (MANIFEST, SIGNATURE):
        if need not in seen:
            raise UserError("数据包缺少清单或签名，已拒绝导入。")


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit or len(data) != info.file_size:
        raise UserError("数据包里的文件大小与目录不符，数据包可能被篡改，已拒绝导入。")
    return data


def open_zip(data: bytes) -> OpenedZip:
    """Check the directory, read the manifest and every member, check every member's hash."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, struct.error) as exc:
        raise UserError("数据包内容已损坏（不是完整的压缩包），已拒绝导入。") from exc
    try:
        with zf:
            infos = zf.infolist()
            _refuse_names(infos, len(data))
            by_name = {i.filename: i for i in infos}
            manifest_bytes = _read(zf, by_name[MANIFEST], MAX_MANIFEST)
            try:
                signature = bytes.fromhex(_read(zf, by_name[SIGNATURE], 1024).decode("ascii"))
                manifest = json.loads(manifest_bytes.decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise UserError("数据包的清单或签名已损坏，已拒绝导入。") from exc
            if not isinstance(manifest, dict):
                raise UserError("数据包的清单已损坏，已拒绝导入。")
            listed = manifest.get("members")
            if not isinstance(listed, dict):
                raise UserError("数据包的清单已损坏，已拒绝导入。")
            names = set(by_name) - {MANIFEST, SIGNATURE}
            if names != set(listed):
                missing = sorted(set(listed) - names)
                raise UserError(
                    f"数据包缺少文件“{missing[0]}”，可能复制不完整，已拒绝导入。" if missing
                    else "数据包里有清单之外的文件，数据包可能被篡改，已拒绝导入。")
            members: dict[str, bytes] = {}
            for name in sorted(names):
                entry = listed[name]
                if not isinstance(entry, dict) or not isinstance(entry.get("size"), int):
                    raise UserError("数据包的清单已损坏，已拒绝导入。")
                if entry["size"] != by_name[name].file_size:
                    raise UserError(f"数据包里的文件“{name}”大小与清单不符，已拒绝导入。")
                content = _read(zf, by_name[name], entry["size"])
                if sha256(content) != entry.get("sha256"):
                    raise UserError(f"数据包里的文件“{name}”与清单的校验值不符，数据包被改动过，已拒绝导入。")
                members[name] = content
    except UserError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, zlib.error,
            struct.error, NotImplementedError, RuntimeError) as exc:
        raise UserError("数据包内容已损坏（解压失败），已拒绝导入。") from exc
    return OpenedZip(manifest, manifest_bytes, signature, members)
