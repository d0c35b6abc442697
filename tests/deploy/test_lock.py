"""The lock file: every package the project needs, direct and transitive, at one exact version with its
hashes, and the environment the tests run in installed from it (what `make`, CI and the image install)."""

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def _locked() -> dict[str, tuple[str, list[str]]]:
    """Name → (version, hashes) of every pin in requirements.lock."""
    text = (ROOT / "requirements.lock").read_text()
    pins = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        head = re.match(r"([A-Za-z0-9_.\-]+)==(\S+)", block)
        if head:
            pins[canonicalize_name(head[1])] = (head[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    names = project["project"]["dependencies"] + project["project"]["optional-dependencies"]["dev"]
    return [Requirement(r) for r in names + project["build-system"]["requires"]]


def test_every_declared_requirement_is_locked_at_a_version_it_allows():
    """A dependency added to pyproject.toml without `make lock` is caught here, not on a user's machine."""
    locked = _locked()
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is in pyproject.toml but not in requirements.lock: run `make lock`"
        assert req.specifier.contains(locked[name][0], prereleases=True), f"{req} does not allow the locked {locked[name][0]}"


def test_every_pin_carries_hashes():
    """pip installs with --require-hashes: a pin without a hash would stop every install."""
    unhashed = [name for name, (_, hashes) in _locked().items() if not hashes]
    assert not unhashed


def test_the_test_environment_is_the_locked_one():
    """The packages the tests run with are exactly the locked versions (make installs nothing else)."""
    differing = {}
    for name, (version, _) in _locked().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            differing[name] = (version, None)
            continue
        if installed != version:
            differing[name] = (version, installed)
    assert not differing, f"locked vs installed: {differing}"
