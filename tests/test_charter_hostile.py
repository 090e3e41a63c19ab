"""Hostile user text never breaks the charter: control characters, U+FFFE, lone surrogates,
right-to-left text, emoji, markup and 40,000-character fields all export, reopen, and read
back as the sanitised text."""

from __future__ import annotations

import io

import pytest
from conftest import LATER_SAMPLE
from docx import Document
from docx2python import docx2python
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_charter_support import NOW, body_text, charter_document

from exporters.charter import build_charter
from exporters.text import xml_safe
from planning.fileformat import load_workbook
from planning.model import Approval, Constituent, Workbook

HOSTILE_PIECES = [
    "\x00",
    "\x01",
    "\x0b",
    "\x1f",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
    "\u202e",
    "\u200f",
    "مرحبا بالعالم",
    "שלום",
    "😀",
    "👩‍👩‍👧",
    "<w:p>",
    "&amp;",
    "]]>",
    "=1+1",
    "\t",
    "\n",
    "\r\n",
    "_x0041_",
    "'\"",
    "\\",
]


@pytest.fixture(scope="module")
def later() -> Workbook:
    return load_workbook(LATER_SAMPLE)


def expected(text: str) -> str:
    """What a reader sees: the sanitised text, with Word's own line breaks."""
    return xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")


hostile_text = st.lists(
    st.sampled_from(HOSTILE_PIECES) | st.text(max_size=12), min_size=1, max_size=8
).map(lambda parts: "«" + "".join(parts) + "»")


@pytest.mark.slow  # about 20 s: 25 charters built and read back
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    organisation=hostile_text,
    mission=hostile_text,
    title=hostile_text,
    name=hostile_text,
    classification=hostile_text,
)
def test_hostile_text_exports_and_reads_back(
    later: Workbook, organisation: str, mission: str, title: str, name: str, classification: str
) -> None:
    workbook = later.model_copy(deep=True)
    workbook.setup.organisation = organisation
    workbook.office.full_name = organisation + " office"
    workbook.mission.text = mission
    workbook.objectives[0].title = title
    workbook.constituents.append(Constituent(name=name, needs=name))
    workbook.approvals.append(Approval(name=name, role=title))
    workbook.charter.classification = classification
    data, _ = build_charter(workbook, now=NOW)
    document = Document(io.BytesIO(data))
    text = body_text(document)
    for value in (organisation, mission, title, name, classification):
        assert expected(value) in text
    properties = document.core_properties
    assert " ".join(expected(organisation).split()) in properties.title
    assert len(properties.title) <= 255
    with docx2python(io.BytesIO(data)) as content:
        assert "«" in str(content.text)


def test_forty_thousand_character_fields_are_kept_whole(later: Workbook) -> None:
    workbook = later.model_copy(deep=True)
    long_text = ("Long field " + "x" * 8 + " ") * 2000  # 40,000 characters
    assert len(long_text) == 40_000
    workbook.objectives[0].description = long_text
    workbook.vision.text = long_text
    workbook.office.full_name = long_text
    document = charter_document(workbook)[0]
    text = body_text(document)
    assert text.count(long_text.strip()) >= 3
    assert len(document.core_properties.title) == 255  # Word's limit for a property


def test_right_to_left_and_emoji_statements_survive_word_diff(later: Workbook) -> None:
    workbook = later.model_copy(deep=True)
    workbook.mission.text = "نساعد العملاء 😀 on time שלום"
    document = charter_document(workbook)[0]
    paragraph = next(
        p
        for p in document.paragraphs
        if any(r.font.underline and "نساعد" in r.text for r in p.runs)
    )
    assert "😀" in "".join(r.text for r in paragraph.runs if r.font.underline)
