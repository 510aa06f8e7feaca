"""`make demo`: serve the bundled demo sites, crawl them into ./seasonnews.db, export, summarise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from demo.server import start_servers

DB = "sqlite:///seasonnews.db"
OUT = Path("exports/demo")


def seasonnews(*args: str) -> None:
    """Run the real command line, as an operator would."""
    command = [str(Path(sys.executable).with_name("seasonnews")), *args]
    print("$ seasonnews", " ".join(args), flush=True)
    subprocess.run(command, check=True)


def main() -> int:
    with start_servers() as sites:
        a, b = sites.base("a"), sites.base("b")
        print(f"demo sites: {a}  {b}", flush=True)
        crawl = (
            "crawl",
            "--url", f"{a}/",
            "--sitemap", f"{a}/robots.txt",
            "--feed", f"{a}/feed/",
            "--sitemap", f"{b}/sitemap.xml",
            "--db", DB,
            "-s", "DOWNLOAD_DELAY=0",
            "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "LOG_LEVEL=WARNING",
            "-s", "DOWNLOAD_TIMEOUT=3",
            "-s", "DOWNLOAD_MAXSIZE=1048576",
        )  # fmt: skip
        seasonnews(*crawl)
        print("-- the same crawl again, as tomorrow's scheduled run would be:", flush=True)
        seasonnews(*crawl)
    seasonnews("runs", "--db", DB)
    seasonnews("copies", "--db", DB)
    OUT.mkdir(parents=True, exist_ok=True)
    for what in ("articles", "seasons", "links", "claims", "copies", "changes"):
        for fmt in ("csv", "json"):
            seasonnews(
                "export",
                "--what",
                what,
                "--format",
                fmt,
                "-o",
                str(OUT / f"{what}.{fmt}"),
                "--db",
                DB,
            )
    seasonnews("shows", "--db", DB)
    seasonnews("season", "All of Us Are Dead", "2", "--db", DB)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
