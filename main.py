"""Entry point of `pmo-workbook`: the desktop app by default, subcommands for headless work.

    pmo-workbook [WORKBOOK]
    pmo-workbook check WORKBOOK
    pmo-workbook new-year WORKBOOK --out FILE [--force]
    pmo-workbook export WORKBOOK [--xlsx FILE] [--docx FILE] [--template FILE]
                        [--pdf FILE [--page-size A3|A4]] [--pptx FILE [--pptx-template FILE]]
                        [--force]
    pmo-workbook import-tracker WORKBOOK TRACKER.xlsx [--dry-run] [--force]
    pmo-workbook self-test
    pmo-workbook --version

Exit code 0 on success; 2 with one line on stderr when a file is refused or cannot be
written. No command writes over one of its inputs or over a workbook a running app holds
under a live lock, unless --force (planning.output_paths). Heavy libraries (Qt, openpyxl,
python-docx) are imported only by the command that needs them.
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
    _add_force(new_year)

    export = sub.add_parser("export", help="write the Excel tracker and/or the Word charter")
    export.add_argument("workbook", type=Path)
    export.add_argument("--xlsx", type=Path, help="Excel tracker to write")
    export.add_argument("--docx", type=Path, help="Word charter to write")
    export.add_argument("--template", type=Path, help="the organisation's .docx/.dotx template")
    export.add_argument("--pdf", type=Path, help="one-page summary (PDF) to write")
    export.add_argument("--page-size", choices=("A3", "A4"), help="of the PDF (default A3)")
    export.add_argument("--pptx", type=Path, help="briefing deck (PowerPoint) to write")
    export.add_argument("--pptx-template", type=Path, help="the organisation's .pptx template")
    _add_force(export)

    tracker = sub.add_parser(
        "import-tracker", help="bring owners' updates from an exported tracker back in"
    )
    tracker.add_argument("workbook", type=Path)
    tracker.add_argument("tracker", type=Path)
    tracker.add_argument("--dry-run", action="store_true", help="list the changes, change nothing")
    _add_force(tracker)

    self_test = sub.add_parser(
        "self-test", help="start the app offscreen, walk the sample, export and read back"
    )
    self_test.add_argument("--time-to-window", type=Path, help=argparse.SUPPRESS)
    return parser


def _add_force(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--force",
        action="store_true",
        help="write even over an existing file, an input, or a workbook a running app holds",
    )


def _guard_output(output: Path, inputs: Sequence[Path | None], *, force: bool, option: str) -> None:
    """Refuses (exit 2, one line) an output that is an input or held by a live lock."""
    from planning.output_paths import check_output

    for note in check_output(output, inputs, force=force, option=option):
        print(f"note: {note}", file=sys.stderr)


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

    # A text the terminal cannot encode is shown as "?", never a traceback mid-report.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        return handler(args)
    except (WorkbookError, CommandError) as exc:
        # One line whatever a file name or a damaged file put in the message.
        line = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in str(exc))
        print(f"pmo-workbook: {line}", file=sys.stderr)
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
    from planning.paths import same_file

    if same_file(args.out, args.workbook) and not args.force:
        raise CommandError("--out must be a new file; this year's workbook is kept as it is.")
    if args.out.exists() and not args.force:
        raise CommandError(f"{args.out.name} already exists; give --force to replace it.")
    _guard_output(args.out, [args.workbook], force=args.force, option="--out")
    nxt = carry_forward(workbook)
    save_workbook(nxt, args.out)
    print(
        f"Wrote {args.out} for fiscal year {nxt.setup.fiscal_year.label or '(unnamed)'}, "
        f"{len(nxt.objectives)} objectives carried over, {len(nxt.history)} years of history."
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planning.fileformat import load_workbook

    if not (args.xlsx or args.docx or args.pdf or args.pptx):
        raise CommandError("nothing to export: give --xlsx, --docx, --pdf and/or --pptx FILE.")
    _check_visual_options(args)
    if args.template and not args.docx:
        raise CommandError("--template applies to the Word charter: give --docx FILE too.")
    inputs = [args.workbook, args.template, args.pptx_template]
    outputs = (
        ("--xlsx", args.xlsx),
        ("--docx", args.docx),
        ("--pdf", args.pdf),
        ("--pptx", args.pptx),
    )
    earlier: list[Path] = []
    for option, output in outputs:
        if output is not None:
            # Neither an input nor an output named earlier on the same line.
            _guard_output(output, [*inputs, *earlier], force=args.force, option=option)
            earlier.append(output)
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
    _export_visuals(args, workbook)
    return 0


def _check_visual_options(args: argparse.Namespace) -> None:
    if args.page_size and not args.pdf:
        raise CommandError("--page-size applies to the one-page summary: give --pdf FILE too.")
    if args.pptx_template and not args.pptx:
        raise CommandError("--pptx-template applies to the briefing deck: give --pptx FILE too.")


def _export_visuals(args: argparse.Namespace, workbook) -> None:
    """The one-page summary (PDF) and the briefing deck (PowerPoint), see docs/SUMMARY.md."""
    from exporters.formats import write_export

    for key, path, options in (
        ("pdf", args.pdf, {"page_size": args.page_size}),
        ("pptx", args.pptx, {"template": args.pptx_template}),
    ):
        if path:
            for note in write_export(key, workbook, path, **options):
                print(f"note: {note}", file=sys.stderr)
            print(f"Wrote {path}")


def cmd_import_tracker(args: argparse.Namespace) -> int:
    """Lists the tracker's changes and problems; unless --dry-run, applies all the changes
    (or none) and saves the workbook atomically."""
    from exporters.tracker_import import prepare_import
    from planning.fileformat import load_workbook, save_workbook
    from planning.tracker_updates import apply_updates

    if not args.dry_run:
        _guard_output(args.workbook, [args.tracker], force=args.force, option="the workbook")
    workbook = load_workbook(args.workbook)
    plan = prepare_import(workbook, args.tracker)
    print(plan.summary())
    for title, items in (("Changes:", plan.changes), ("Problems (not imported):", plan.problems)):
        if items:
            print(title)
            for item in items:
                print(f"  {item.describe()}")
    if args.dry_run or not plan.changes:
        print(
            "Dry run: the workbook is unchanged."
            if args.dry_run
            else "Nothing to import: the workbook is unchanged."
        )
        return 0
    applied = apply_updates(workbook, plan)
    save_workbook(workbook, args.workbook)
    print(f"Applied {applied} change{'s' if applied != 1 else ''} to {args.workbook.name}.")
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    from ui.self_test import run_self_test, time_to_window

    return time_to_window(args.time_to_window) if args.time_to_window else run_self_test()


if __name__ == "__main__":
    sys.exit(main())
