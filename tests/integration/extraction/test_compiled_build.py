"""The compiled build gives byte-identical claims to the pure-Python sources.

Each build runs in its own process (the build is chosen once, at import): the same gold reports,
with the sentence model on and off, must give the same claims as JSON. Without a compiled build
(BORDERWATCH_COMPILE=0, or no C compiler) there is nothing to compare and the test skips, unless
BORDERWATCH_REQUIRE_COMPILED=1 (CI), where a missing or stale build fails it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from borderwatch import build

GOLD = Path(__file__).parents[2] / "data" / "gold"
FOLDERS = ("dev", "heldout", "blind", "blind2")

# Prints {"build": ..., "claims": {where: [claim, ...]}} for the gold reports of argv[1:], read
# and extracted as `borderwatch evaluate` does.
EXTRACT = """
import json, os, sys
from pathlib import Path
from borderwatch import BUILD
from borderwatch.cli.evaluate import load_gold, pipeline_extractor

found = {}
for model in ("off", "bundled"):
    os.environ["BORDERWATCH_SENTENCE_MODEL"] = model
    extract = pipeline_extractor("tj-af")
    for folder in map(Path, sys.argv[1:]):
        for report in load_gold(folder):
            raw = (folder / report.report).read_bytes()
            claims = extract(raw, report.report, report.published)
            found[f"{model}:{folder.name}/{report.report}"] = claims
print(json.dumps({"build": BUILD, "claims": found}, sort_keys=True, default=str))
"""


def extract(pure: bool) -> dict[str, object]:
    """The claims of the gold folders, in a process running the compiled or the pure build."""
    env = {k: v for k, v in os.environ.items() if k != build.PURE_VARIABLE}
    if pure:
        env[build.PURE_VARIABLE] = "1"
    done = subprocess.run(
        [sys.executable, "-c", EXTRACT, *(str(GOLD / f) for f in FOLDERS)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.slow
def test_compiled_and_pure_builds_give_the_same_claims() -> None:
    state = build.compiled_state()
    if state != build.COMPILED:
        if os.environ.get("BORDERWATCH_REQUIRE_COMPILED") == "1":
            pytest.fail(f"BORDERWATCH_REQUIRE_COMPILED=1 but the extraction build is {state}")
        pytest.skip(f"no compiled build to compare: {state}")
    compiled, pure = extract(pure=False), extract(pure=True)
    assert compiled["build"] == build.COMPILED
    assert pure["build"] == build.ASKED_PURE
    assert compiled["claims"] == pure["claims"]
    claims = compiled["claims"]
    assert isinstance(claims, dict) and len(claims) > 150 and any(claims.values())
