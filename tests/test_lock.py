"""The lock files agree with pyproject.toml: every direct pin is locked at its version, with hashes.

pyproject.toml names what the code imports (pinned); requirements.lock pins everything installed
for the site, the tests and the code checks, requirements-zensical.lock what the Zensical canary
adds. An edit to one without the other (README, "Dependencies": how to write the locks) fails here.
"""

from __future__ import annotations

import re
import tomllib

import pytest

from support import REPO

LOCKS = {"requirements.lock": ("test", "lint"), "requirements-zensical.lock": ("zensical",)}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: list[str]) -> dict[str, str]:
    found = {}
    for requirement in requirements:
        match = PIN.match(requirement)
        assert match, f"pyproject.toml: {requirement!r} is not pinned with =="
        found[normalised(match.group(1))] = match.group(2)
    return found


def locked(lock: str) -> dict[str, tuple[str, int]]:
    """Package -> (version, number of hashes) of a lock file."""
    found: dict[str, tuple[str, int]] = {}
    current = ""
    for line in (REPO / lock).read_text("utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = normalised(match.group(1))
            found[current] = (match.group(2), 0)
        elif line.strip().startswith("--hash=sha256:"):
            version, hashes = found[current]
            found[current] = (version, hashes + 1)
    return found


@pytest.fixture(scope="module")
def project() -> dict[str, list[str]]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    return {"": data["dependencies"], **data["optional-dependencies"]}


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_direct_pin_is_locked_at_its_version(project: dict[str, list[str]], lock: str) -> None:
    wanted = pins(project[""] + [r for extra in LOCKS[lock] for r in project[extra]])
    versions = {name: version for name, (version, _) in locked(lock).items()}
    assert {name: versions.get(name) for name in wanted} == wanted


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_locked_package_has_its_hashes(lock: str) -> None:
    packages = locked(lock)
    assert packages and [name for name, (_, hashes) in packages.items() if hashes == 0] == []


def test_every_extra_is_in_a_lock(project: dict[str, list[str]]) -> None:
    assert sorted(extra for extras in LOCKS.values() for extra in extras) == sorted(e for e in project if e)


def test_the_locks_agree_where_they_overlap() -> None:
    main, canary = locked("requirements.lock"), locked("requirements-zensical.lock")
    assert {n: canary[n][0] for n in canary if n in main} == {n: main[n][0] for n in canary if n in main}
