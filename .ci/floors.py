"""Print pip constraints pinning every runtime dependency of frusdoc to its floor.

Reads pyproject.toml: the dependencies and every extra's. Each must be written
``name>=version`` (optionally ``name[extra]>=version``): a dependency without a
floor, or with a bound this script cannot pin, is an error, so the floors stay
the tested ones. .ci/run installs the project under these constraints and runs
the tests, which shows that the stated floors resolve together and work.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*>=\s*([0-9][0-9A-Za-z.]*)\s*$")


def floors(pyproject: Path) -> dict[str, str]:
    """The floor of every runtime dependency (dependencies and extras), by name."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        requirements.extend(extra)
    pins: dict[str, str] = {}
    for requirement in requirements:
        match = _FLOOR.match(requirement)
        if match is None:
            raise SystemExit(f"floors.py: {requirement!r} is not written name>=version")
        name, version = match.group(1).lower().replace("_", "-"), match.group(2)
        if pins.get(name, version) != version:
            raise SystemExit(f"floors.py: {name} has two floors, {pins[name]} and {version}")
        pins[name] = version
    return pins


def main() -> None:
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    if sys.argv[1:] == ["--extras"]:
        # The extras to install with the pins: all of them, so every floor is exercised.
        extras = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["optional-dependencies"]
        sys.stdout.write(",".join(sorted(extras)) + "\n")
        return
    for name, version in sorted(floors(pyproject).items()):
        sys.stdout.write(f"{name}=={version}\n")


if __name__ == "__main__":
    main()
