"""Year over year: word-level statement changes, objective decisions, health ratings."""

from __future__ import annotations

from planning.enums import Complaint
from planning.history import health_comparison, objective_changes, same_words, word_diff


def test_word_diff_marks_changed_words() -> None:
    parts = word_diff("We help projects deliver on time.", "We help initiatives deliver value.")
    ops = [(p.op, p.text.strip()) for p in parts if p.text.strip()]
    assert ("delete", "projects") in ops
    assert ("insert", "initiatives") in ops
    assert ("equal", "We help") in ops
    old = "".join(p.text for p in parts if p.op != "insert")
    new = "".join(p.text for p in parts if p.op != "delete")
    assert old == "We help projects deliver on time."
    assert new == "We help initiatives deliver value."


def test_word_diff_of_identical_text_is_one_equal_part() -> None:
    assert [p.op for p in word_diff("Same text", "Same text")] == ["equal"]
    assert word_diff("", "") == []
    assert same_words("a  b\nc", "a b c")


def test_objective_changes_of_later_sample(later_sample, first_sample) -> None:
    changes = {c.code: c for c in objective_changes(later_sample)}
    assert changes["PO-1"].change == "revised" and changes["PO-1"].reason
    assert changes["PO-2"].change == "achieved"
    assert changes["PO-3"].change == "retired"
    assert changes["PO-4"].change == "pending"
    assert changes["PF-1"].change == "new"
    assert changes["PO-1"].last_year_result == 68
    assert objective_changes(first_sample)[0].change == "new"


def test_health_comparison(later_sample) -> None:
    rows = {r.complaint: r for r in health_comparison(later_sample)}
    focus = rows[Complaint.LACK_OF_FOCUS]
    assert (focus.last_year, focus.this_year, focus.change) == (2, 3, 1)
    unrated = rows[Complaint.OFFICE_DOESNT_UNDERSTAND_BUSINESS]
    assert unrated.this_year is None and unrated.change is None
