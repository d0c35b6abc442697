"""The server's layers: views (the API's blueprints and the dashboard's pages) call service modules
and never other views; service modules never call views. Checked on the source with ``ast``, so a
new import that breaks the rule fails here before it tangles the code."""

import ast
from pathlib import Path

import pytest

SERVER = Path(__file__).resolve().parents[2] / "server"

VIEW_PACKAGES = ("server.api", "server.dashboard")
"""The packages whose modules are views (and the helpers of the dashboard's views)."""

REGISTRARS = {"server": VIEW_PACKAGES, "server.api": ("server.api",), "server.dashboard": ("server.dashboard",)}
"""Modules that may import views, and which: the app factory and each package registering its blueprints."""


def module_name(path: Path) -> str:
    parts = path.relative_to(SERVER.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(name: str, is_package: bool, source: str) -> set[str]:
    """Every module ``source`` imports (``from a import b`` counts as ``a`` and ``a.b``), relative imports resolved."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                base = ".".join(package[:len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def violations(name: str, is_package: bool, source: str) -> list[str]:
    """The imports of module ``name`` that break the layering."""
    allowed = REGISTRARS.get(name, ())
    bad = []
    for target in sorted(imported(name, is_package, source)):
        for package in VIEW_PACKAGES:
            if not _within(target, package) or package in allowed:
                continue
            if _within(name, package) and package == "server.dashboard" and target != "server.dashboard.views":
                continue  # the dashboard's views use its own helpers (signin, charts)
            if name != target:
                bad.append(f"{name} imports {target}")
    return bad


def server_modules() -> list[Path]:
    return sorted(p for p in SERVER.rglob("*.py") if "migrations" not in p.parts)


def test_the_checker_sees_every_module_of_the_view_packages():
    """The API's blueprints and the dashboard's views are among the modules checked."""
    names = {module_name(p) for p in server_modules()}
    assert {"server.api", "server.api.accounts", "server.api.messages", "server.dashboard.views"} <= names


@pytest.mark.parametrize("name, source, bad", [
    ("server.api.accounts", "from server.api.messages import ingest_batch", True),
    ("server.api.advice", "from server.api import applications", True),
    ("server.api.advice", "from . import classify", True),
    ("server.api.advice", "from .messages import message_dict", True),
    ("server.api.advice", "import server.api.messages", True),
    ("server.api.tokens", "from server.api import owned", True),
    ("server.api.me", "def f():\n    from server.dashboard import views", True),
    ("server.dashboard.views", "from server.api import followups", True),
    ("server.dashboard.views", "from server.api.reflections import add_reflection", True),
    ("server.dashboard.signin", "from server.dashboard import views", True),
    ("server.store", "from server.api.messages import message_dict", True),
    ("server.api.accounts", "from server.accounts import new_account\nfrom server.inputs import body", False),
    ("server.dashboard.views", "from server.dashboard import charts, signin", False),
    ("server.api", "def blueprints():\n    from server.api import accounts, messages", False),
    ("server.dashboard", "from server.dashboard.views import bp", False),
    ("server", "from server.api import blueprints\nfrom server import dashboard", False),
])
def test_the_checker_tells_a_view_importing_a_view(name, source, bad):
    """An import of another view (absolute, relative, inside a function) is found; services and registering are not."""
    assert bool(violations(name, name in REGISTRARS, source)) is bad


@pytest.mark.parametrize("path", server_modules(), ids=lambda p: str(p.relative_to(SERVER.parent)))
def test_views_import_no_other_view_and_services_no_view(path):
    """No view imports another view, and no module outside the view packages imports a view, except to register blueprints."""
    assert violations(module_name(path), path.name == "__init__.py", path.read_text(encoding="utf-8")) == []
