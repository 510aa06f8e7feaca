"""Scheduling: one crawl per database on every crawl path (`scrapy crawl` here, the CLI in
test_lock.py, scrapyd in test_scrapyd.py), and the cron line and systemd units of deploy/ run the
way cron and systemd run them."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from storage import Store
from storage.lock import DatabaseBusy, crawl_lock
from storage.repo import Filters
from tests.conftest import FAST, ROOT, seasonnews

DEPLOY = ROOT / "deploy"
PROJECT = "/srv/seasonnews"
"""The project folder the files in deploy/ name, replaced by a temporary one here."""
CRON_ENV = {"HOME": "/root", "LOGNAME": "root", "PATH": "/usr/bin:/bin", "SHELL": "/bin/sh"}
"""The whole environment cron gives a job (no virtualenv, no SEASONNEWS_DB)."""
SYSTEMD_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SEASONNEWS_DB", None)
    return env


def scrapy_crawl(url: str, db: str, *extra: str) -> list[str]:
    """`scrapy crawl season_news` as an operator types it in the project folder."""
    return [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "season_news",
        "-a",
        f"url={url}",
        "-a",
        "max_pages=3",
        "-s",
        f"SEASONNEWS_DB={db}",
        *FAST,
        *extra,
    ]


def tables(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return inspect(conn).get_table_names()
    finally:
        engine.dispose()


def articles(store: Store) -> int:
    return sum(1 for _ in store.iter_articles(Filters(include_all=True)))


# -- the lock on `scrapy crawl` ----------------------------------------------------------


def test_scrapy_crawl_refuses_a_busy_database_and_writes_nothing(
    db_url: str, demo_sites, tmp_path: Path
) -> None:
    start = f"{demo_sites.base('a')}/"
    jobdir = tmp_path / "job"
    holder = Store(db_url)
    with crawl_lock(holder.engine):
        busy = subprocess.run(
            scrapy_crawl(start, db_url, "-s", f"SEASONNEWS_JOBDIR={jobdir}"),
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert busy.returncode == 0, busy.stderr[-3000:]
        assert "database_busy: another crawl is writing to this database" in busy.stderr
        assert "'finish_reason': 'database_busy'" in busy.stderr
        assert "response_received_count" not in busy.stderr  # nothing was fetched
        assert tables(db_url) == []  # not even the schema: nothing was written
        assert not jobdir.exists()  # the running crawl's journal is left alone
    holder.close()

    done = subprocess.run(
        scrapy_crawl(start, db_url),
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    log = done.stderr
    # The lock is taken while the crawler is built, before the spider opens (and with it
    # StorePipeline.open_spider, which migrates and records the run).
    assert log.index("holding the crawl lock of this database") < log.index("Spider opened")
    store = Store(db_url)
    runs = store.runs()
    assert [r["finish_reason"] for r in runs] == ["max_pages"]
    assert articles(store) > 0
    store.close()


def test_scrapy_crawl_waits_for_the_lock_when_told_to(db_url: str, demo_sites) -> None:
    holder = Store(db_url)
    with crawl_lock(holder.engine):
        waiting = subprocess.Popen(
            scrapy_crawl(f"{demo_sites.base('a')}/", db_url, "-s", "SEASONNEWS_LOCK_WAIT=True"),
            cwd=ROOT,
            env=_env(),
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        watchdog = threading.Timer(300, waiting.kill)  # a hung crawl fails the test, no more
        watchdog.start()
        try:
            assert waiting.stderr is not None
            seen = []
            for line in waiting.stderr:
                seen.append(line)
                if "waiting for it to end" in line:
                    break
            assert "waiting for it to end" in seen[-1], "".join(seen[-30:])
            assert waiting.poll() is None
            assert tables(db_url) == []
        except BaseException:
            waiting.kill()
            raise
        finally:
            watchdog.cancel()
    holder.close()
    _, rest = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, rest[-3000:]
    store = Store(db_url)
    assert [r["finish_reason"] for r in store.runs()] == ["max_pages"]
    store.close()


def test_a_scrapy_crawl_holds_the_lock_against_the_cli(db_url: str, demo_sites) -> None:
    # /slow/ answers after 5 s: the crawl is still running while the CLI tries.
    crawl = subprocess.Popen(
        scrapy_crawl(f"{demo_sites.base('a')}/slow/", db_url),
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        store = Store(db_url)
        while crawl.poll() is None:
            try:
                with crawl_lock(store.engine):
                    pass
            except DatabaseBusy:
                break
            time.sleep(0.05)
        assert crawl.poll() is None, "the crawl ended before it was seen holding the lock"
        refused = seasonnews(
            "crawl", "--url", f"{demo_sites.base('a')}/", "--db", db_url, *FAST, check=False
        )
        assert refused.returncode == 1
        assert "another crawl is writing to this database" in refused.stderr
        _, err = crawl.communicate(timeout=300)
    finally:
        crawl.kill()
        crawl.wait(timeout=30)
    assert crawl.returncode == 0, err[-3000:]
    assert len(store.runs()) == 1  # only the scrapy crawl's
    with crawl_lock(store.engine):  # released at the end
        pass
    store.close()


# -- cron and systemd --------------------------------------------------------------------


@pytest.fixture
def app(tmp_path: Path, demo_sites) -> Path:
    """A project folder as deploy/ expects it: .venv, sites.toml (demo site a), var/."""
    folder = tmp_path / "app"
    (folder / "var").mkdir(parents=True)
    (folder / ".venv").symlink_to(ROOT / ".venv")
    base = demo_sites.base("a")
    (folder / "sites.toml").write_text(
        f'[[site]]\nurls = ["{base}/squid-game-season-2-release-date/"]\n'
        'allow = ["squid-game-season-2"]\n',
        encoding="utf-8",
    )
    return folder


def cron_command(app: Path) -> str:
    """The command of the one crontab line in deploy/seasonnews.cron, for `app`."""
    lines = [
        line
        for line in (DEPLOY / "seasonnews.cron").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert len(lines) == 1
    *when, command = lines[0].split(None, 5)
    assert len(when) == 5 and all(
        field.replace("*", "").isdigit() or field == "*" for field in when
    )
    assert "%" not in command  # cron turns % into a newline
    return command.replace(PROJECT, str(app))


def run_cron(command: str) -> subprocess.CompletedProcess[str]:
    """Run a crontab command the way cron does: /bin/sh -c, cron's environment, from $HOME."""
    return subprocess.run(
        ["/bin/sh", "-c", command],
        env=CRON_ENV,
        cwd="/",
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_cron_line_crawls_and_records_every_run(app: Path) -> None:
    command = cron_command(app)
    for expected in (1, 2):  # the second run records its own run too
        result = run_cron(command)
        log = (app / "var" / "crawl.log").read_text(encoding="utf-8")
        assert result.returncode == 0, log[-3000:]
        assert "crawl finished (finished)" in log
        assert not (app / "var" / "job").exists()  # a crawl that ended well leaves no journal
        store = Store(f"sqlite:///{app / 'var' / 'seasonnews.db'}")
        runs = store.runs()
        assert len(runs) == expected
        assert runs[-1]["finish_reason"] == "finished"
        assert articles(store) > 0
        store.close()


def test_the_cron_line_refuses_while_another_crawl_runs(app: Path) -> None:
    store = Store(f"sqlite:///{app / 'var' / 'seasonnews.db'}")
    with crawl_lock(store.engine):
        result = run_cron(cron_command(app))
    assert result.returncode == 1
    log = (app / "var" / "crawl.log").read_text(encoding="utf-8")
    assert "seasonnews: error: another crawl is writing to this database" in log
    assert not (app / "var" / "seasonnews.db").exists()
    store.close()


def unit(path: Path) -> dict[str, list[str]]:
    """A systemd unit file as {"Section.Key": [values...]} (keys may repeat)."""
    found: dict[str, list[str]] = {}
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        found.setdefault(f"{section}.{key.strip()}", []).append(value.strip())
    return found


def test_the_systemd_units_crawl_and_record_every_run(app: Path, tmp_path: Path) -> None:
    timer = unit(DEPLOY / "seasonnews-crawl.timer")
    assert timer["Timer.OnCalendar"] == ["daily"]
    assert timer["Timer.Persistent"] == ["true"]
    assert timer["Timer.RandomizedDelaySec"]
    assert timer["Install.WantedBy"] == ["timers.target"]
    service = unit(DEPLOY / "seasonnews-crawl.service")
    assert service["Service.Type"] == ["oneshot"]
    workdir = Path(service["Service.WorkingDirectory"][0].replace(PROJECT, str(app)))
    assert workdir == app
    commands = [
        shlex.split(command.replace(PROJECT, str(app)))
        for key in ("Service.ExecStart", "Service.ExecStartPost")
        for command in service[key]
    ]
    for expected in (1, 2):
        for argv in commands:  # systemd runs ExecStartPost= only after ExecStart= succeeded
            result = subprocess.run(
                argv, cwd=workdir, env=SYSTEMD_ENV, capture_output=True, text=True, timeout=300
            )
            assert result.returncode == 0, result.stderr[-3000:]
        assert not (app / "var" / "job").exists()
        store = Store(f"sqlite:///{app / 'var' / 'seasonnews.db'}")
        assert [r["finish_reason"] for r in store.runs()] == ["finished"] * expected
        store.close()

    if shutil.which("systemd-analyze"):  # check the units as systemd reads them, when it can
        units = tmp_path / "units"
        units.mkdir()
        for name in ("seasonnews-crawl.service", "seasonnews-crawl.timer"):
            text = (DEPLOY / name).read_text(encoding="utf-8").replace(PROJECT, str(app))
            (units / name).write_text(text, encoding="utf-8")
        verify = subprocess.run(
            ["systemd-analyze", "verify", "--man=no", *sorted(str(p) for p in units.iterdir())],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert verify.returncode == 0 and not verify.stderr.strip(), verify.stderr
