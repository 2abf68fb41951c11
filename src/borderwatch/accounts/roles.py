"""What each role may do: one table, checked on every route."""

from __future__ import annotations

from enum import StrEnum

from borderwatch.errors import PermissionDeniedError
from borderwatch.types import Role


class Action(StrEnum):
    """Things a user can do that need a permission."""

    READ = "read"
    SUBMIT_REPORT = "submit_report"
    REVIEW_CLAIM = "review_claim"
    GRADE_SOURCE = "grade_source"
    PLAN = "plan"
    MANAGE_USERS = "manage_users"


PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.VIEWER: frozenset({Action.READ}),
    Role.PLANNER: frozenset({Action.READ, Action.PLAN}),
    Role.ANALYST: frozenset(
        {Action.READ, Action.SUBMIT_REPORT, Action.REVIEW_CLAIM, Action.GRADE_SOURCE}
    ),
    Role.ADMIN: frozenset(Action),
}


def allows(role: Role | str, action: Action) -> bool:
    """Whether `role` may perform `action`."""
    return action in PERMISSIONS.get(Role(role), frozenset())


def require(role: Role | str, action: Action) -> None:
    """Raise PermissionDeniedError unless `role` may perform `action`."""
    if not allows(role, action):
        raise PermissionDeniedError(f"the {role} role may not {action.value.replace('_', ' ')}")
