"""The compose file as Debian's docker-compose (v1) reads it: valid, and starting what the code expects —
the server under gunicorn with its health check, RQ workers on the queue the jobs use, one rq cron, a volume
for PostgreSQL, and every setting the processes read in the example environment file."""

import glob
import re
import shutil
import subprocess
import tempfile
import tomllib
from pathlib import Path

import pytest
import yaml
from browser import missing_service

from worker import jobs

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_ENV = ROOT / "deploy" / "onward.env.example"


def _compose(*args: str) -> subprocess.CompletedProcess:
    binary = shutil.which("docker-compose")
    if binary is None:
        missing_service("docker-compose is not installed (apt-get install docker-compose)")
    return subprocess.run([binary, "-f", str(ROOT / "docker-compose.yml"), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "HOME": tempfile.gettempdir()}, check=False)


@pytest.fixture(scope="module")
def config() -> dict:
    """The file as docker-compose resolves it (anchors merged, the example env file read)."""
    out = _compose("config")
    assert out.returncode == 0, out.stderr
    return yaml.safe_load(out.stdout)


def test_compose_file_is_valid():
    """`docker-compose -f docker-compose.yml config -q` accepts the file, as CI runs it."""
    out = _compose("config", "-q")
    assert out.returncode == 0 and out.stdout == "", out.stderr


def test_services_run_the_commands_the_code_expects(config):
    """gunicorn via `onward serve`, `rq worker` on the jobs' queue with replicas, and `rq cron worker.cron`."""
    services = config["services"]
    assert set(services) == {"postgres", "redis", "server", "worker", "scheduler"}
    assert services["server"]["command"][:2] == ["onward", "serve"]
    worker = services["worker"]["command"]
    assert worker[:2] == ["rq", "worker"] and worker[-1] == jobs.QUEUE and "--with-scheduler" in worker
    assert worker[worker.index("-c") + 1] == "worker.jobs"  # the sync code imported once, not in every job's process
    assert services["worker"]["deploy"]["replicas"] >= 2
    assert services["scheduler"]["command"] == ["rq", "cron", "worker.cron"] and "deploy" not in services["scheduler"]
    for name in ("server", "worker", "scheduler"):
        assert services[name]["build"]["context"] == str(ROOT) and services[name]["image"] == "onward:latest"


def test_health_checks_and_start_order(config):
    """Each service with a port has a health check (the server's hits /api/v1/health); the workers wait for a healthy server."""
    services = config["services"]
    assert "/api/v1/health" in " ".join(services["server"]["healthcheck"]["test"])
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert services["redis"]["healthcheck"]["test"][-2:] == ["redis-cli", "ping"]
    for name in ("worker", "scheduler"):
        assert services[name]["depends_on"] == {"redis": {"condition": "service_healthy"}, "server": {"condition": "service_healthy"}}
    assert services["server"]["depends_on"]["postgres"] == {"condition": "service_healthy"}


def test_postgres_keeps_its_data_in_a_volume(config):
    """The database lives in a named volume, so `docker compose down` and an upgrade of the image keep it."""
    [mount] = config["services"]["postgres"]["volumes"]
    assert mount.startswith("pgdata:/var/lib/postgresql/data") and "pgdata" in config["volumes"]


def test_example_env_file_sets_what_the_processes_read(config):
    """Every setting the server, the workers and rq read is in the example file, and compose hands it to them."""
    names = set(re.findall(r"(?m)^([A-Z_]+)=", EXAMPLE_ENV.read_text()))
    needed = {"ONWARD_DATABASE_URL", "ONWARD_SECRET_KEY_FERNET", "ONWARD_REDIS_URL", "ONWARD_SERVER_URL", "ONWARD_TOKEN",
              "ONWARD_SYNC_INTERVAL_MINUTES", "RQ_REDIS_URL", "POSTGRES_PASSWORD"}
    assert needed <= names
    for name in ("server", "worker", "scheduler"):
        assert needed <= set(config["services"][name]["environment"]), name
    env = config["services"]["server"]["environment"]
    assert env["ONWARD_DATABASE_URL"].startswith("postgresql+psycopg://") and "@postgres:5432/" in env["ONWARD_DATABASE_URL"]
    assert env["ONWARD_REDIS_URL"] == env["RQ_REDIS_URL"] == "redis://redis:6379/0"


def test_image_holds_only_the_packages():
    """The Dockerfile starts from python:3.11-slim, installs the locked packages with their hashes, then the project
    without dependencies; .dockerignore lets in only what it copies."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"(?m)^FROM python:3\.11-slim$", dockerfile)
    assert "pip install --require-hashes --no-deps -r requirements.lock" in dockerfile
    assert "pip install --no-deps --no-build-isolation ." in dockerfile
    copied = {src for line in re.findall(r"(?m)^COPY (.+) \S+$", dockerfile) for src in line.split()}
    allowed = {line[1:].rstrip("/") for line in (ROOT / ".dockerignore").read_text().splitlines() if line.startswith("!")}
    assert copied == allowed == {"pyproject.toml", "requirements.lock", "README.md", "onward", "server", "worker"}
    assert all((ROOT / src).exists() for src in copied)


def test_pip_install_carries_every_file_the_services_read():
    """`pip install .` (the image) takes Python modules and only the package-data files: every other file the
    server and worker read (migrations' template, model, dashboard templates and styles) must be listed there."""
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    missing = []
    for package in ("server", "worker"):
        folder = ROOT / package
        listed = {path for pattern in package_data.get(package, []) for path in glob.glob(pattern, root_dir=folder, recursive=True)}
        for path in sorted(folder.rglob("*")):
            inside = path.relative_to(folder).as_posix()
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts and inside not in listed:
                missing.append(f"{package}/{inside}")
    assert not missing, f"not in [tool.setuptools.package-data], so not in the image: {missing}"
