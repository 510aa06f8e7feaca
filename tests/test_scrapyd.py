"""scrapyd: deploy the project with `scrapyd-deploy` to a real scrapyd on 127.0.0.1, run the
spider through schedule.json, and check the database; scrapyd jobs take the crawl lock too.

The project is deployed from a copy in a temporary folder (scrapy.cfg's [deploy] URL pointed at
this scrapyd), so the egg build leaves nothing behind in the repository.
"""

from __future__ import annotations

import configparser
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import pytest
from sqlalchemy import create_engine, inspect

from storage import Store
from storage.lock import crawl_lock
from storage.repo import Filters
from tests.conftest import FAST, ROOT

BIN = Path(sys.executable).parent
TIMEOUT = 300.0
"""Longest wait for scrapyd to answer, a deployment, or a job to finish."""
SETTINGS = FAST[1::2]
"""The fast local-server settings, as NAME=VALUE."""
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    ".git",
    "build",
    "*.egg-info",
    "*.egg",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "tests",
    "bench",
    "seasonnews.db*",
)


@dataclass
class Scrapyd:
    """A running scrapyd and its folder (eggs/, logs/, dbs/, items/)."""

    url: str
    root: Path
    process: subprocess.Popen[bytes]

    def call(self, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        """GET (no data) or POST an endpoint; its JSON answer, which must say ok."""
        if data is None:
            request = urllib.request.Request(self.url + endpoint)
        else:  # form-encoded: a "+" in a database URL stays a "+"
            body = urllib.parse.urlencode(data).encode()
            request = urllib.request.Request(self.url + endpoint, data=body)
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.loads(response.read())
        assert answer.get("status") == "ok", answer
        return answer

    def wait_finished(self, job: str) -> dict[str, Any]:
        """Poll listjobs.json until the job is finished; its entry."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            jobs = self.call("listjobs.json?project=seasonnews")
            for entry in jobs["finished"]:
                if entry["id"] == job:
                    return entry
            assert self.process.poll() is None, "scrapyd died"
            time.sleep(0.2)
        raise AssertionError(f"job {job} did not finish in {TIMEOUT} s: {self.log(job)[-3000:]}")

    def log(self, job: str) -> str:
        path = self.root / "logs" / "seasonnews" / "season_news" / f"{job}.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def crawl(self, url: str, db: str) -> tuple[dict[str, Any], str]:
        """Schedule season_news on `url` into `db`, wait for it; (listjobs entry, job log)."""
        data = [
            ("project", "seasonnews"),
            ("spider", "season_news"),
            ("url", url),
            ("setting", f"SEASONNEWS_DB={db}"),
            *(("setting", setting) for setting in SETTINGS),
        ]
        job = self.call("schedule.json", data)["jobid"]
        entry = self.wait_finished(job)
        return entry, self.log(job)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop scrapyd and every process it started (jobs, their extraction workers)."""
    try:
        family = [*psutil.Process(process.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        family = []
    for proc in [psutil.Process(process.pid), *family] if process.poll() is None else family:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.send_signal(signal.SIGTERM)
    _, alive = psutil.wait_procs(family, timeout=30)
    for proc in alive:
        proc.kill()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scrapyd]:
    """A real scrapyd on a free port of 127.0.0.1, all its folders in a temporary one."""
    root = tmp_path_factory.mktemp("scrapyd")
    port = _free_port()
    (root / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        f"eggs_dir = {root / 'eggs'}\n"
        f"logs_dir = {root / 'logs'}\n"
        f"dbs_dir = {root / 'dbs'}\n"
        # No items_dir: the database is the output (and scrapyd's JSON-lines feed cannot
        # encode the items' bytes fields).
        "items_dir =\n"
        "max_proc = 1\n"
        "poll_interval = 0.2\n",
        encoding="utf-8",
    )
    env = dict(os.environ, HOME=str(root))  # no ~/.scrapyd.conf of the machine's user
    env.pop("SEASONNEWS_DB", None)
    with (root / "scrapyd.out").open("wb") as out:
        process = subprocess.Popen(
            [str(BIN / "scrapyd"), "--pidfile=", "--logfile", str(root / "scrapyd.log")],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Scrapyd(f"http://127.0.0.1:{port}/", root, process)
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            assert process.poll() is None, (root / "scrapyd.out").read_text()
            try:
                server.call("daemonstatus.json")
                break
            except OSError:
                assert time.monotonic() < deadline, "scrapyd did not answer"
                time.sleep(0.1)
        yield server
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def deployed(scrapyd: Scrapyd, tmp_path_factory: pytest.TempPathFactory) -> Scrapyd:
    """The project deployed with `scrapyd-deploy` (the [deploy] target of scrapy.cfg)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = pyproject["project"].get("entry-points", {})
    # scrapyd's runner finds the project's settings module through this entry point of the egg
    assert entry_points.get("scrapy", {}).get("settings") == "crawler.settings"
    project = tmp_path_factory.mktemp("project") / "seasonnews"
    shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
    cfg = configparser.ConfigParser()
    cfg.read(project / "scrapy.cfg")
    assert cfg["deploy"]["project"] == "seasonnews"
    cfg["deploy"]["url"] = scrapyd.url
    with (project / "scrapy.cfg").open("w", encoding="utf-8") as handle:
        cfg.write(handle)
    result = subprocess.run(
        [str(BIN / "scrapyd-deploy")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout)
    assert answer.get("status") == "ok", answer.get("message", answer)
    assert (answer["project"], answer["spiders"]) == ("seasonnews", 1)
    return scrapyd


def test_the_egg_holds_what_a_crawl_needs(deployed: Scrapyd) -> None:
    (egg,) = (deployed.root / "eggs" / "seasonnews").glob("*.egg")
    with zipfile.ZipFile(egg) as archive:
        names = set(archive.namelist())
        entry_points = archive.read("EGG-INFO/entry_points.txt").decode()
    assert "[scrapy]\nsettings = crawler.settings" in entry_points
    migrations = {
        str(p.relative_to(ROOT))
        for p in (ROOT / "storage" / "migrations").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert migrations <= names  # env.py, script.py.mako and every version
    assert {"crawler/settings.py", "crawler/lockext.py", "crawler/spiders/season_news.py"} <= names
    assert not any(name.startswith(("tests/", "bench/")) for name in names)
    spiders = deployed.call("listspiders.json?project=seasonnews")["spiders"]
    assert spiders == ["season_news"]


def test_a_scheduled_job_crawls_into_the_database(
    deployed: Scrapyd, demo_sites, db_url: str
) -> None:
    _, log = deployed.crawl(f"{demo_sites.base('a')}/", db_url)
    assert "holding the crawl lock of this database" in log
    assert "Traceback" not in log, log[-3000:]
    store = Store(db_url)
    runs = store.runs()
    assert [r["finish_reason"] for r in runs] == ["finished"]
    assert runs[0]["stats"]["response_received_count"] > 0
    assert sum(1 for _ in store.iter_articles(Filters(include_all=True))) > 0
    store.close()


def test_a_job_on_a_busy_database_stops_and_writes_nothing(
    deployed: Scrapyd, demo_sites, db_url: str
) -> None:
    store = Store(db_url)
    with crawl_lock(store.engine):
        _, log = deployed.crawl(f"{demo_sites.base('a')}/", db_url)
    store.close()
    assert "database_busy: another crawl is writing to this database" in log
    assert "'finish_reason': 'database_busy'" in log
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    engine.dispose()
