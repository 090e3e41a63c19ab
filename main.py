"""Entry point of `pmo-workbook`: the desktop app by default, subcommands for headless work.

    pmo-workbook [WORKBOOK]
    pmo-workbook check WORKBOOK
    pmo-workbook new-year WORKBOOK --out FILE
    pmo-workbook export WORKBOOK [--xlsx FILE] [--docx FILE] [--template FILE]
    pmo-workbook import-tracker WORKBOOK TRACKER.xlsx [--dry-run]
    pmo-workbook self-test
    pmo-workbook --version

Exit code 0 on success; 2 with one line on stderr when a file is refused or cannot be
written. Heavy libraries (Qt, openpyxl, python-docx) are imported only by the command that
needs them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

__version__ = "0.1.0"  # the one place: pyproject.toml and packaging/build.py read it
COMMANDS = ("check", "new-year", "export", "import-tracker", "self-test")
EXIT_REFUSED = 2


class CommandError(Exception):
    """A one-line reason for a non-zero exit."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pmo-workbook",
        description="Annual review of a management office's purpose, mission, vision and "
        "objectives. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="print the findings of a workbook, grouped by step")
    check.add_argument("workbook", type=Path)

    new_year = sub.add_parser("new-year", help="start next year's review from a workbook")
    new_year.add_argument("workbook", type=Path)
    new_year.add_argument("--out", type=Path, required=True, help="the new .pmowb file")

    export = sub.add_parser("export", help="write the Excel tracker and/or the Word charter")
    export.add_argument("workbook", type=Path)
    export.add_argument("--xlsx", type=Path, help="Excel tracker to write")
    export.add_argument("--docx", type=Path, help="Word charter to write")
    export.add_argument("--template", type=Path, help="the organisation's .docx/.dotx template")

    tracker = sub.add_parser(
        "import-tracker", help="bring owners' updates from an exported tracker back in"
    )
    tracker.add_argument("workbook", type=Path)
    tracker.add_argument("tracker", type=Path)
    tracker.add_argument("--dry-run", action="store_true", help="list the changes, change nothing")

    self_test = sub.add_parser(
        "self-test", help="start the app offscreen, walk the sample, export and read back"
    )
    self_test.add_argument("--time-to-window", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in (*COMMANDS, "-h", "--help", "--version"):
        return _run_app(args_list)
    args = _parser().parse_args(args_list)
    handler = {
        "check": cmd_check,
        "new-year": cmd_new_year,
        "export": cmd_export,
        "import-tracker": cmd_import_tracker,
        "self-test": cmd_self_test,
    }[args.command]
    from planning.errors import WorkbookError

    try:
        return handler(args)
    except (WorkbookError, CommandError) as exc:
        print(f"pmo-workbook: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # The reader went away (`pmo-workbook check X | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run_app(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="pmo-workbook")
    parser.add_argument("workbook", nargs="?", type=Path, help="a .pmowb file to open")
    known, qt_args = parser.parse_known_args(args)
    from ui.app import run_app

    return run_app(known.workbook, qt_args)


def cmd_check(args: argparse.Namespace) -> int:
    from planning.fileformat import load_workbook
    from planning.readiness import all_findings, readiness, step_states
    from planning.steps import Step

    workbook = load_workbook(args.workbook)
    findings = all_findings(workbook)
    states = step_states(workbook, findings)
    setup = workbook.setup
    organisation = setup.organisation or "(no organisation)"
    year = setup.fiscal_year.label or "(no fiscal year)"
    print(f"{organisation} · {year} · {workbook.office_title()}")
    print(readiness(workbook, findings).summary())
    for step in Step:
        print(f"\n{step.number:>2}. {step.title}: {states[step].label.lower()}")
        for finding in (f for f in findings if f.step is step):
            print(f"    {finding.severity.label.lower():<8} {finding.message}")
    return 0


def cmd_new_year(args: argparse.Namespace) -> int:
    from planning.carry_forward import carry_forward
    from planning.fileformat import load_workbook, save_workbook

    workbook = load_workbook(args.workbook)
    if args.out.resolve() == args.workbook.resolve():
        raise CommandError("--out must be a new file; this year's workbook is kept as it is.")
    nxt = carry_forward(workbook)
    save_workbook(nxt, args.out)
    print(
        f"Wrote {args.out} for fiscal year {nxt.setup.fiscal_year.label or '(unnamed)'}, "
        f"{len(nxt.objectives)} objectives carried over, {len(nxt.history)} years of history."
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planning.fileformat import load_workbook

    if not args.xlsx and not args.docx:
        raise CommandError("nothing to export: give --xlsx FILE, --docx FILE or both.")
    if args.template and not args.docx:
        raise CommandError("--template applies to the Word charter: give --docx FILE too.")
    workbook = load_workbook(args.workbook)
    if args.xlsx:
        from exporters.tracker import write_tracker

        for note in write_tracker(workbook, args.xlsx):
            print(f"note: {note}", file=sys.stderr)
        print(f"Wrote {args.xlsx}")
    if args.docx:
        from exporters.charter import write_charter

        for note in write_charter(workbook, args.docx, template=args.template):
            print(f"note: {note}", file=sys.stderr)
        print(f"Wrote {args.docx}")
    return 0


def cmd_import_tracker(args: argparse.Namespace) -> int:
    from exporters.tracker_import import run_import_command

    return run_import_command(args.workbook, args.tracker, dry_run=args.dry_run)


def cmd_self_test(args: argparse.Namespace) -> int:
    from ui.self_test import run_self_test, time_to_window

    return time_to_window(args.time_to_window) if args.time_to_window else run_self_test()


if __name__ == "__main__":
    sys.exit(main())
