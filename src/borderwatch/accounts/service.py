"""Queries and changes on accounts; flushes, never commits (the boundary owns the unit of work)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from borderwatch.accounts.passwords import hash_password, verify_password
from borderwatch.errors import AuthenticationError, InputError, NotFoundError
from borderwatch.store.base import utcnow
from borderwatch.store.tables.accounts import ApiToken, AuditEntry, User, WebSession
from borderwatch.types import Role

SESSION_LIFETIME = timedelta(hours=12)


@cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown users, made on first need, not at import."""
    return hash_password("not-a-real-password-used-for-timing")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def get_all_users(session: Session) -> list[User]:
    """Every user, by name."""
    return list(session.scalars(select(User).order_by(User.username)))


def get_user_by_username(session: Session, username: str) -> User | None:
    """The user with this name, or None."""
    return session.scalar(select(User).where(User.username == username))


def create_user(session: Session, username: str, password: str, role: Role | str) -> User:
    """A new active user; the name must be free and the role one of the four."""
    username = username.strip()
    if not username or len(username) > 100:
        raise InputError("a username needs 1 to 100 characters")
    if get_user_by_username(session, username) is not None:
        raise InputError(f"the username {username!r} is taken")
    try:
        role = Role(role)
    except ValueError as exc:
        raise InputError(f"unknown role {role!r}: use admin, analyst, planner or viewer") from exc
    user = User(username=username, password_hash=hash_password(password), role=role.value)
    session.add(user)
    session.flush()
    return user


def update_user(
    session: Session, user_id: int, *, role: Role | str | None = None, active: bool | None = None
) -> User:
    """Change a user's role or whether they may sign in."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"no user {user_id}")
    if role is not None:
        user.role = Role(role).value
    if active is not None:
        user.active = active
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User:
    """The active user with these credentials, or AuthenticationError (same message either way)."""
    user = get_user_by_username(session, username)
    if user is None:
        verify_password(_dummy_hash(), password)  # spend the same time as for a real user
        raise AuthenticationError("wrong username or password")
    if not verify_password(user.password_hash, password) or not user.active:
        raise AuthenticationError("wrong username or password")
    return user


def create_session(session: Session, user: User) -> tuple[str, WebSession]:
    """A new web session for `user`; returns the cookie token (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    web_session = WebSession(
        token_hash=_digest(token),
        csrf_token=secrets.token_urlsafe(32),
        user_id=user.id,
        expires_at=utcnow() + SESSION_LIFETIME,
    )
    session.add(web_session)
    session.flush()
    return token, web_session


def get_session(session: Session, token: str) -> WebSession | None:
    """The live session behind a cookie token, or None when unknown or expired."""
    web_session = session.scalar(select(WebSession).where(WebSession.token_hash == _digest(token)))
    if web_session is None or web_session.expires_at <= utcnow() or not web_session.user.active:
        return None
    return web_session


def delete_session(session: Session, token: str) -> None:
    """Sign out: forget the session behind this cookie token."""
    session.execute(delete(WebSession).where(WebSession.token_hash == _digest(token)))
    session.flush()


def create_token(session: Session, user: User, name: str) -> str:
    """A new API token for `user`; the plain token is returned once and never stored."""
    token = "bw_" + secrets.token_urlsafe(32)
    session.add(ApiToken(name=name, token_hash=_digest(token), user_id=user.id))
    session.flush()
    return token


def get_token_user(session: Session, token: str) -> User | None:
    """The active user behind a bearer token, or None."""
    api_token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if api_token is None or api_token.revoked or not api_token.user.active:
        return None
    return api_token.user


def record_audit(
    session: Session,
    username: str,
    action: str,
    target: tuple[str, str],
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Keep who changed what (`target` is object type and id), with before and after."""
    entry = AuditEntry(
        username=username,
        action=action,
        object_type=target[0],
        object_id=target[1],
        before=before,
        after=after,
    )
    session.add(entry)
    session.flush()
    return entry


def get_audit(session: Session, limit: int = 200) -> list[AuditEntry]:
    """The newest audit entries first."""
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))


class LoginThrottle:
    """Limits sign-in attempts per client and per username within a sliding window."""

    def __init__(self, attempts: int = 5, window: timedelta = timedelta(minutes=5)) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[str, list[datetime]] = {}

    def check(self, *keys: str) -> None:
        """Raise AuthenticationError when any key has used up its attempts."""
        now = utcnow()
        for key in keys:
            recent = [t for t in self._failures.get(key, []) if now - t < self.window]
            self._failures[key] = recent
            if len(recent) >= self.attempts:
                raise AuthenticationError("too many sign-in attempts: wait a few minutes")

    def fail(self, *keys: str) -> None:
        """Count a failed attempt against every key."""
        for key in keys:
            self._failures.setdefault(key, []).append(utcnow())

    def succeed(self, *keys: str) -> None:
        """Forget the failures of these keys."""
        for key in keys:
            self._failures.pop(key, None)
