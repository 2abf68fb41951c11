"""The `borderwatch user` commands: add users and API tokens from the shell."""

from __future__ import annotations

from typing import Annotated

import typer

from borderwatch.cli.context import console, open_store
from borderwatch.errors import NotFoundError

user_app = typer.Typer(help="Manage users and API tokens.", no_args_is_help=True)


@user_app.command("add")
def add(
    username: str,
    role: Annotated[str, typer.Option(help="admin, analyst, planner or viewer.")] = "viewer",
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)
    ] = "",
) -> None:
    """Add a user who can sign in to the web app."""
    from borderwatch.accounts import service as accounts  # argon2 loads only when used

    with open_store().unit_of_work() as session:
        user = accounts.create_user(session, username, password, role)
        console.print(f"added {user.username} ({user.role})")


@user_app.command("token")
def token(
    username: str, name: Annotated[str, typer.Option(help="What the token is for.")] = "api"
) -> None:
    """Create an API token acting as USERNAME (printed once; keep it secret)."""
    from borderwatch.accounts import service as accounts

    with open_store().unit_of_work() as session:
        user = accounts.get_user_by_username(session, username)
        if user is None:
            raise NotFoundError(f"no user {username!r}")
        typer.echo(accounts.create_token(session, user, name))


def register(app: typer.Typer) -> None:
    """Add the `user` commands to `app`."""
    app.add_typer(user_app, name="user")
