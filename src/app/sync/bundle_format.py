"""The bundle's inner zip: members, manifest, and the checks made before anything is read.

Members: ``manifest.json`` (signed), ``manifest.sig``, ``changes.jsonl``, ``ack.json``, optionally
``hashes.jsonl`` and ``attachments/<sha256>``. Names outside that list (absolute paths, ``..``,
backslashes, anything else), duplicates, and sizes that betray a decompression bomb are refused
from the zip's directory alone, before a byte is inflated.

Trust before work (:func:`open_bundle`): the sealed file's signed manifest is read (a few kilobytes)
and its signature checked before anything else; the hard limits (member count, sizes, the body's
length) come from that verified manifest; the body is then decrypted chunk by chunk into a
temporary file and every member is inflated as a stream, its size and hash checked against the
manifest. Whatever its size, a bundle that is not from a trusted sender costs a few kilobytes.
The importer then reads the members it needs from that file a piece at a time (records line by
line, attachments copied to their place), so a genuine bundle is never held in memory either.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import replace_with_retry
from yichao.app.sync import crypto
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


PIECE = 1024 * 1024  # members are inflated, hashed and copied this much at a time
MAX_LINE = 16 * 1024 * 1024  # one line of changes.jsonl (a record): far beyond any honest one
_ZIP_OVERHEAD = 64 * 1024  # end records, the manifest's own copy, slack


class OpenedBundle:
    """A bundle whose signature, limits and member hashes are checked, read member by member.

    Its members stay in the decrypted body (a temporary file) until the importer reads them:
    :meth:`lines` yields a member's lines, :meth:`copy_to` copies one to a file, a piece at a
    time; only :meth:`read` (for the small ``ack.json``) returns a member whole, within a limit.
    Valid inside the ``with open_bundle(...)`` block only.
    """

    def __init__(self, head: dict[str, Any], manifest: dict[str, Any], manifest_bytes: bytes,
                 zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], size: int, sha: str) -> None:
        self.head = head
        self.manifest = manifest
        self.manifest_bytes = manifest_bytes
        self.size = size  # bytes of the sealed file
        self.sha = sha  # SHA-256 of the sealed file
        self._zf = zf
        self._infos = infos  # everything but the manifest and its signature, sizes and hashes checked

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._infos)

    def digest(self, name: str) -> str:
        """The member's SHA-256 as the signed manifest lists it (and its content was found to be)."""
        return str(self.manifest["members"][name]["sha256"])

    def _pieces(self, name: str) -> Iterator[bytes]:
        try:
            with self._zf.open(self._infos[name]) as fh:
                while piece := fh.read(PIECE):
                    yield piece
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error, struct.error,
                NotImplementedError, RuntimeError) as exc:
            raise UserError("数据包内容已损坏（解压失败），已拒绝导入。") from exc

    def lines(self, name: str, max_line: int = MAX_LINE) -> Iterator[bytes]:
        """The member's lines (without the newline), a piece of the member in memory at a time."""
        rest = b""
        for piece in self._pieces(name):
            parts = (rest + piece).split(b"\n")
            rest = parts.pop()
            if len(rest) > max_line:
                raise UserError(f"数据包里的文件“{printable(name, 60)}”有一行过长，已拒绝导入。")
            yield from parts
        if rest:
            yield rest

    def read(self, name: str, limit: int) -> bytes:
        """A small member whole; more than ``limit`` bytes is refused."""
        if self._infos[name].file_size > limit:
            raise UserError(f"数据包里的文件“{printable(name, 60)}”过大，已拒绝导入。")
        return b"".join(self._pieces(name))

    def copy_to(self, name: str, target: Path) -> None:
        """Copy a member to ``target`` in pieces (through a ``.part`` file beside it), its hash
        checked again on the way: a file named by its hash always holds that content."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        h = hashlib.sha256()
        try:
            with open(tmp, "wb") as out:
                for piece in self._pieces(name):
                    h.update(piece)
                    out.write(piece)
            if h.hexdigest() != self.digest(name):
                raise UserError(f"数据包里的文件“{printable(name, 60)}”与清单的校验值不符，"
                                "数据包被改动过，已拒绝导入。")
            replace_with_retry(tmp, target)  # antivirus scans a fresh scan (an ID card) before it may move
        except OSError as exc:
            raise UserError(f"无法保存数据包里的附件（{exc.strerror or exc}）。") from exc
        finally:
            tmp.unlink(missing_ok=True)


def _signed_members(manifest_bytes: bytes) -> tuple[dict[str, Any], dict[str, int], int]:
    """The verified manifest, its members' sizes, and the most bytes the zip may hold."""
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserError("数据包的清单已损坏，已拒绝导入。") from exc
    listed = manifest.get("members") if isinstance(manifest, dict) else None
    if not isinstance(listed, dict) or len(listed) > MAX_MEMBERS:
        raise UserError("数据包的清单已损坏或文件数量异常，已拒绝导入。")
    sizes: dict[str, int] = {}
    for name, entry in listed.items():
        size = entry.get("size") if isinstance(entry, dict) else None
        if (not isinstance(name, str) or not _NAME.match(name) or name in (MANIFEST, SIGNATURE)
                or not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= MAX_TOTAL
                or not isinstance(entry.get("sha256"), str)):
            raise UserError("数据包的清单已损坏，已拒绝导入。")
        sizes[name] = size
    total = sum(sizes.values())
    if total > MAX_TOTAL:
        raise UserError("数据包清单所列的内容大小超过上限，已拒绝导入。")
    # stored or deflated, a member never takes much more than its size plus its headers
    bound = total + total // 500 + len(manifest_bytes) + _ZIP_OVERHEAD + sum(200 + 3 * len(n) for n in sizes)
    return manifest, sizes, bound


def _check_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int, digest: str) -> None:
    """Inflate one member piece by piece, never past its signed size, keeping nothing: its hash
    must match the signed manifest."""
    h = hashlib.sha256()
    got = 0
    with zf.open(info) as fh:
        while piece := fh.read(min(PIECE, size - got + 1)):
            got += len(piece)
            if got > size:
                raise UserError(f"数据包里的文件“{printable(info.filename, 60)}”比清单所说的大，已拒绝导入。")
            h.update(piece)
    if got != size or h.hexdigest() != digest:
        raise UserError(f"数据包里的文件“{printable(info.filename, 60)}”与清单的校验值不符，"
                        "数据包被改动过，已拒绝导入。")


def _check_members(zf: zipfile.ZipFile, body_size: int, manifest_bytes: bytes, manifest: dict[str, Any],
                   sizes: dict[str, int]) -> dict[str, zipfile.ZipInfo]:
    try:
        infos = zf.infolist()
        _refuse_names(infos, body_size)
        by_name = {i.filename: i for i in infos}
        if set(by_name) - {MANIFEST, SIGNATURE} != set(sizes):
            missing = sorted(set(sizes) - set(by_name))
            raise UserError(
                f"数据包缺少文件“{missing[0]}”，可能复制不完整，已拒绝导入。" if missing
                else "数据包里有清单之外的文件，数据包可能被篡改，已拒绝导入。")
        if _read(zf, by_name[MANIFEST], MAX_MANIFEST) != manifest_bytes:
            raise UserError("数据包里的清单与签名的清单不一致，数据包被改动过，已拒绝导入。")
        for name, size in sorted(sizes.items()):
            _check_member(zf, by_name[name], size, manifest["members"][name]["sha256"])
        return {name: by_name[name] for name in sizes}
    except UserError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, zlib.error,
            struct.error, NotImplementedError, RuntimeError, KeyError) as exc:
        raise UserError("数据包内容已损坏（解压失败），已拒绝导入。") from exc


@contextmanager
def open_bundle(path: Path, box_private: bytes, sign_key_for: Callable[[dict[str, Any]], bytes],
                workdir: Path | None = None) -> Iterator[OpenedBundle]:
    """Open a sealed bundle file, trust before work (see the module's docstring).

    ``sign_key_for(head)`` checks the clear header (recipient, a trusted sender) and returns the
    sender's Ed25519 public key, or refuses with a sentence. The decrypted body stays in a
    temporary file in ``workdir`` while the block runs and is removed after it.
    """
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UserError(f"无法读取数据包 {path}：{exc.strerror or exc}。") from exc
    with raw, io.BufferedReader(raw) as fh:
        reader = crypto.SealedReader(fh, box_private)
        sign_public = sign_key_for(reader.head)
        manifest_bytes, signature_hex = reader.manifest()
        if not manifest_bytes or not signature_hex:
            raise UserError("数据包缺少清单或签名，已拒绝导入。")
        try:
            signature = bytes.fromhex(signature_hex.decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            signature = b""
        if not crypto.verify(sign_public, signature, manifest_bytes):
            raise UserError("数据包的签名与已信任的站点的密钥不符，数据包被改动过或不是该站点导出的，已拒绝导入。")
        manifest, sizes, bound = _signed_members(manifest_bytes)
        with tempfile.TemporaryFile(dir=workdir) as body:
            try:
                written = reader.body_into(body, bound)
            except OSError as exc:
                raise UserError(f"无法解开数据包（临时文件写入失败：{exc.strerror or exc}）。") from exc
            body.seek(0)
            try:
                zf = zipfile.ZipFile(body)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, zlib.error,
                    struct.error, NotImplementedError, RuntimeError, KeyError) as exc:
                raise UserError("数据包内容已损坏（解压失败），已拒绝导入。") from exc
            with zf:
                infos = _check_members(zf, written, manifest_bytes, manifest, sizes)
                yield OpenedBundle(reader.head, manifest, manifest_bytes, zf, infos, reader.size, reader.sha256)
