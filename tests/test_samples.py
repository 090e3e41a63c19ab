"""The shipped samples: up to date with their generator, and showing every finding kind."""

from __future__ import annotations

import make_samples
from clean_workbook import clean_workbook
from conftest import FIRST_SAMPLE, LATER_SAMPLE
from test_findings import FIRST_YEAR_RULES, SECOND_YEAR_RULES

from planning.fileformat import dumps
from planning.readiness import all_findings


def test_shipped_samples_match_their_generator() -> None:
    first, later = make_samples.build()
    assert FIRST_SAMPLE.read_bytes() == dumps(first), "run python tests/make_samples.py"
    assert LATER_SAMPLE.read_bytes() == dumps(later), "run python tests/make_samples.py"


def test_later_sample_is_made_from_the_first(first_sample, later_sample) -> None:
    assert later_sample.history[0].fiscal_year.label == first_sample.setup.fiscal_year.label
    assert later_sample.history[0].mission.text == first_sample.mission.text
    assert {o.id for o in first_sample.objectives} <= {o.id for o in later_sample.objectives}


def test_every_section_of_the_later_sample_is_filled(later_sample) -> None:
    for field in (
        "strategy",
        "constituents",
        "objectives",
        "alignment",
        "office_strategy",
        "not_doing",
        "communication",
        "approvals",
        "parking_lot",
        "decision_log",
        "history",
    ):
        assert getattr(later_sample, field), field
    assert later_sample.office.kind_change.people_and_skills


def test_samples_show_the_finding_kinds(first_sample, later_sample) -> None:
    shown = {f.rule for wb in (first_sample, later_sample) for f in all_findings(wb)}
    every = set(FIRST_YEAR_RULES) | set(SECOND_YEAR_RULES)
    # A reversed fiscal year or an untitled objective would make a sample implausible: those
    # two are left to the rule tests; four coaching rules show in tests/coaching_workbook.py.
    assert every - shown == {
        "setup.year_reversed",
        "objective.untitled",
        "measure.percent_out_of_range",
        "objective.wrong_side",
        "focus.duplicate_code",
        "focus.similar_titles",
    }
    assert shown <= every
    assert all_findings(clean_workbook()) == []
