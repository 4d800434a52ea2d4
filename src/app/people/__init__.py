"""Residents (居民) and the skills register (能人库): records, masked identity numbers, rosters in and out.

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

from yichao.app.people.labels import GENDER_CODES, GENDER_LABELS
from yichao.app.people.listing import people_rows
from yichao.app.people.residents import (
    DuplicatePerson,
    PeopleFilter,
    PersonInput,
    PersonRow,
    check_new_person,
    count_people,
    create_person,
    delete_person,
    get_person,
    person_uid_by_id_number,
    prefix,
    query_people,
    refresh_statistics,
    register_in_session,
    reveal_id_number,
    skill_tag_counts,
    split_tags,
    update_person,
)
from yichao.app.people.xlsx import GENDER_LIST, export_people, import_people, value_questions

__all__ = [
    "value_questions",
    "GENDER_CODES",
    "GENDER_LIST",
    "check_new_person",
    "people_rows",
    "DuplicatePerson",
    "GENDER_LABELS",
    "PeopleFilter",
    "PersonInput",
    "PersonRow",
    "count_people",
    "create_person",
    "delete_person",
    "export_people",
    "get_person",
    "import_people",
    "prefix",
    "person_uid_by_id_number",
    "query_people",
    "register_in_session",
    "refresh_statistics",
    "reveal_id_number",
    "skill_tag_counts",
    "split_tags",
    "update_person",
]
