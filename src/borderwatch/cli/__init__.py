"""The `borderwatch` command: one subcommand module per flow step, errors as one-line messages."""

from __future__ import annotations

import sys

import typer

from borderwatch.cli import (
    demo,
    evaluate,
    events,
    extract,
    ingest,
    picture,
    plan,
    region,
    resolve,
    serve,
    users,
)
from borderwatch.cli.context import err_console
from borderwatch.errors import BorderwatchError

app = typer.Typer(
    name="borderwatch",
    help=(
        "borderwatch reads crisis reports about a border, extracts who did what where and when, "
        "fuses them into events, keeps a picture of every border section and plans the "
        "response.\n\n"
        "Start with `borderwatch demo`. The database is BORDERWATCH_DATABASE_URL (default: a "
        "SQLite file in your user data folder)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

for module in (
    demo,
    region,
    resolve,
    ingest,
    extract,
    evaluate,
    events,
    picture,
    plan,
    serve,
    users,
):
    module.register(app)


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the command and turns a BorderwatchError into one line and exit code 1."""
    try:
        result = app(args=argv, standalone_mode=False)
    except BorderwatchError as exc:
        err_console.print(
            f"error [{exc.code}]: {exc.message}", markup=False, highlight=False, soft_wrap=True
        )
        return 1
    except typer.Abort:
        err_console.print("aborted")
        return 130
    except Exception as exc:  # a usage error from click carries its own exit code
        exit_code = getattr(exc, "exit_code", None)
        show = getattr(exc, "show", None)
        if exit_code is not None and callable(show):
            show()
            return int(exit_code)
        raise
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
