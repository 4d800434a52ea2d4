"""A bundle carries identity numbers in clear (sealed again by the receiver). A hostile one that sends
a value in the stored, sealed form ("e1:...") would have it stored as it is: it opens with no key
here, and every list showing residents would stop with "身份证号码无法解密". Refused on arrival."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from yichao.app.core.errors import UserError
from yichao.app.people import PersonInput, create_person, query_people
from yichao.app.sync import bundle_format as bf
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.records import RecordError, decode_record, decode_records, table_codecs
from yichao.models.identifiers import make_id_number
from yichao.models.person import Person

from .support import pair, reseal, resign, unseal, zip_members


def test_a_bundle_with_a_sealed_looking_number_changes_nothing(make_workspace, tmp_path):
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    create_person(street, PersonInput(name="王秀英", id_number=make_id_number("370102", date(1952, 3, 4), 12)))
    path = tmp_path / "up.ycb"
    export_bundle(street, "370102", path)
    header, plain = unseal(path.read_bytes(), district)
    manifest, members = zip_members(plain)
    lines = [json.loads(line) for line in members[bf.CHANGES].splitlines() if line]
    for item in lines:
        if item["t"] == "person":
            item["d"]["id_number"] = "e1:" + "A" * 40
    members[bf.CHANGES] = b"".join(json.dumps(x, ensure_ascii=False).encode() + b"\n" for x in lines)
    path.write_bytes(reseal(resign(manifest, members, street), header, district))
    record = next(item["d"] for item in lines if item["t"] == "person")
    with pytest.raises(RecordError, match="id_number"):  # the line-by-line decoder names the field
        decode_record(table_codecs()["person"], record)
    assert decode_records(table_codecs()["person"], [record]) is None  # the batch decoder leaves it to it

    with pytest.raises(UserError, match="id_number"):
        import_bundle(district, path)
    with district.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
    assert query_people(district) == []  # the residents list still opens
