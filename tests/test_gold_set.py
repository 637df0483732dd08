"""The gold set itself is well-formed: every record per the spec, every evidence in its text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_gold_set_passes_its_checker(repo_dir: Path) -> None:
    result = subprocess.run([sys.executable, str(repo_dir / "tests" / "gold" / "check_gold.py")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "OK:" in result.stdout
