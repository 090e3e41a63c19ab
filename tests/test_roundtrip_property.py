"""Random workbooks, hostile text included, survive save → load unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planning.enums import CarryDecision, ObjectiveStatus, OfficeKind, Strength, ValueCategory
from planning.fileformat import dumps, load_workbook, loads, save_workbook
from planning.model import (
    AlignmentLink,
    CarryOver,
    Constituent,
    Objective,
    Participant,
    StrategicObjective,
    Workbook,
)

HOSTILE = st.sampled_from(
    [
        "=1+1",
        "+SUM(A1)",
        "-2",
        "@cmd",
        "#N/A",
        "_x0041_",
        "\x00\x01\x1f\x7f",
        "\ufffe\uffff",
        "مرحبا بالعالم",
        "שלום \u202e עולם",
        "🚀👩‍💻🇩🇪",
        "x" * 40_000,
        "line\nbreak\ttab\r",
        "\u200b\u200d",
        "",
    ]
)
TEXT = st.one_of(st.text(max_size=80), HOSTILE)
NUMBER = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=64))
DAY = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))


@st.composite
def workbooks(draw: st.DrawFn) -> Workbook:
    wb = Workbook()
    wb.setup.organisation = draw(TEXT)
    wb.setup.fiscal_year.label = draw(TEXT)
    wb.setup.fiscal_year.start = draw(DAY)
    wb.setup.participants = draw(
        st.lists(st.builds(Participant, name=TEXT, role=TEXT, executive=st.booleans()), max_size=3)
    )
    wb.office.kind = draw(st.one_of(st.none(), st.sampled_from(OfficeKind)))
    wb.office.full_name = draw(TEXT)
    wb.mission.text = draw(TEXT)
    wb.vision.text = draw(TEXT)
    wb.strategy = draw(st.lists(st.builds(StrategicObjective, code=TEXT, title=TEXT), max_size=3))
    wb.constituents = draw(
        st.lists(
            st.builds(Constituent, name=TEXT, satisfaction=st.one_of(st.none(), st.floats(1, 5))),
            max_size=3,
        )
    )
    objectives = draw(
        st.lists(
            st.builds(
                Objective,
                code=TEXT,
                title=TEXT,
                measure=TEXT,
                baseline=NUMBER,
                target=NUMBER,
                due=DAY,
                status=st.sampled_from(ObjectiveStatus),
                actuals=st.lists(NUMBER, min_size=4, max_size=4),
                value_category=st.one_of(st.none(), st.sampled_from(ValueCategory)),
                comments=TEXT,
                carried=st.one_of(
                    st.none(),
                    st.builds(
                        CarryOver,
                        decision=st.one_of(st.none(), st.sampled_from(CarryDecision)),
                        reason=TEXT,
                        last_year_result=NUMBER,
                    ),
                ),
            ),
            max_size=4,
        )
    )
    wb.objectives = objectives
    if objectives and wb.strategy:
        wb.alignment = [
            AlignmentLink(
                objective_id=objectives[0].id,
                strategic_id=wb.strategy[0].id,
                strength=draw(st.sampled_from(Strength)),
            )
        ]
    return wb


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_dumps_loads_round_trip(workbook: Workbook) -> None:
    assert loads(dumps(workbook)) == workbook


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(workbooks())
def test_file_round_trip(tmp_path: Path, workbook: Workbook) -> None:
    path = tmp_path / "random.pmowb"
    save_workbook(workbook, path)
    assert load_workbook(path) == workbook
    assert path.read_bytes().decode("utf-8")  # always valid UTF-8 on disk
