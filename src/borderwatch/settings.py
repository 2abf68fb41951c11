"""Settings in one typed object, built explicitly from the environment; nothing runs at import."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DEFAULT_REGION_PACK = "tj-af"
MAX_REPORT_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """What a borderwatch process needs to know about its surroundings."""

    database_url: str
    data_dir: Path
    region_pack: str = DEFAULT_REGION_PACK
    max_report_bytes: int = MAX_REPORT_BYTES

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from `BORDERWATCH_*` variables, with defaults for a local user."""
        env = os.environ if environ is None else environ
        data_dir = Path(
            env.get("BORDERWATCH_DATA_DIR") or platformdirs.user_data_dir("borderwatch")
        )
        url = env.get("BORDERWATCH_DATABASE_URL") or f"sqlite:///{data_dir / 'borderwatch.db'}"
        return cls(
            database_url=url,
            data_dir=data_dir,
            region_pack=env.get("BORDERWATCH_REGION_PACK", DEFAULT_REGION_PACK),
        )
