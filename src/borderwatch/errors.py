"""The one error hierarchy: every error a user can meet has a stable code and a one-line message."""

from __future__ import annotations


class BorderwatchError(Exception):
    """Base of every error raised on purpose: `code` is stable, `message` is for people."""

    code = "error"
    http_status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, str]:
        """The one JSON error shape the API answers with."""
        return {"code": self.code, "message": self.message}


class InputError(BorderwatchError):
    """Input that cannot be used as given (empty, absurd, malformed)."""

    code = "invalid_input"


class NotFoundError(BorderwatchError):
    """A thing asked for by id or name does not exist."""

    code = "not_found"
    http_status = 404


class RegionPackError(BorderwatchError):
    """A region pack is missing or does not conform to the pack format."""

    code = "region_pack_invalid"


class IntakeError(BorderwatchError):
    """A report could not be read (binary, empty, too large, undecodable)."""

    code = "intake_failed"


class ExtractionError(BorderwatchError):
    """Extraction failed on a report that could be read."""

    code = "extraction_failed"


class PlanningError(BorderwatchError):
    """A plan cannot be computed from the given inputs (bad figures, infeasible bounds)."""

    code = "planning_failed"


class AuthenticationError(BorderwatchError):
    """The caller is not signed in or the credentials are wrong."""

    code = "not_authenticated"
    http_status = 401


class PermissionDeniedError(BorderwatchError):
    """The caller's role does not allow this action."""

    code = "permission_denied"
    http_status = 403


class StoreError(BorderwatchError):
    """The database cannot be reached or is not at the expected schema."""

    code = "store_unavailable"
    http_status = 503
