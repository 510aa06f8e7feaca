"""The command line contract: help everywhere, one clear line and non-zero exit on mistakes."""

from __future__ import annotations

import pytest

from tests.conftest import seasonnews


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["crawl"],
        ["export"],
        ["shows"],
        ["season"],
        ["db"],
        ["db", "upgrade"],
        ["db", "reclaim"],
        ["runs"],
        ["show"],
        ["show", "merge"],
        ["show", "split"],
        ["show", "aliases"],
    ],
)
def test_every_command_has_help(command) -> None:
    result = seasonnews(*command, "--help")
    assert result.stdout.startswith("usage: seasonnews")


def _error_line(result) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_mistakes_in_a_database_give_one_line(db_url) -> None:
    assert "nothing to crawl" in _error_line(seasonnews("crawl", "--db", db_url, check=False))
    assert "not an absolute http(s) URL" in _error_line(
        seasonnews("crawl", "--url", "ftp://example.com/", "--db", db_url, check=False)
    )
    assert "no seasonnews schema" in _error_line(seasonnews("shows", "--db", db_url, check=False))
    seasonnews("db", "upgrade", "--db", db_url)
    assert "unknown show 'Nope'" in _error_line(
        seasonnews("season", "Nope", "2", "--db", db_url, check=False)
    )


def test_mistakes_outside_a_database_give_one_line(tmp_path) -> None:
    assert "no folder" in _error_line(
        seasonnews("shows", "--db", f"sqlite:///{tmp_path}/no/such/dir.db", check=False)
    )
    assert "invalid database URL" in _error_line(
        seasonnews("shows", "--db", "nonsense", check=False)
    )
    bad = tmp_path / "sources.toml"
    bad.write_text("[[site]]\nurls = ['https://a.example/']\nallow = ['(']\n")
    assert "bad pattern" in _error_line(seasonnews("crawl", "--sources", str(bad), check=False))
    bad.write_text("not = [toml")
    assert "invalid TOML" in _error_line(seasonnews("crawl", "--sources", str(bad), check=False))


def test_unreachable_database_is_one_line() -> None:
    line = _error_line(
        seasonnews("shows", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", check=False)
    )
    assert line.startswith("seasonnews: error: ")


def test_bad_date_is_rejected(db_url) -> None:
    result = seasonnews("export", "--since", "2023-13-01", "--db", db_url, check=False)
    assert result.returncode == 2
    assert "not a YYYY-MM-DD date" in result.stderr


def test_empty_database_shows_hint(db_url) -> None:
    seasonnews("db", "upgrade", "--db", db_url)
    assert "No shows yet" in seasonnews("shows", "--db", db_url).stdout
    assert seasonnews("export", "--db", db_url).stdout.splitlines() == [
        "url,canonical_url,site,title,author,published,modified,show,season,status,"
        "release_date,release_precision,platform,body,also_read,duplicate_urls,copy_of,"
        "copy_similarity,copies,first_seen,last_seen,gone_at"
    ]
