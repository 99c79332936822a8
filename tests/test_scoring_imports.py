"""The scoring package runs in Pyodide, so it may import only the standard library."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.sites import REPO

PROBE = """
import json, sys
before = set(sys.modules)
import generator.scoring
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_scoring_imports_nothing_but_the_standard_library():
    output = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO)},
    ).stdout
    imported = json.loads(output)
    ours = {"generator", "generator.scoring"} | {m for m in imported if m.startswith("generator.scoring.")}
    foreign = [name for name in imported if name not in ours and name.split(".")[0] not in sys.stdlib_module_names]
    assert "generator.scoring" in imported
    assert foreign == []
    assert not [name for name in imported if name.startswith("generator.") and name not in ours]
