"""Unit tests of the near-duplicate fingerprints (crawler/extract/neardup.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.aeb_eval import resolve_data_dir
from crawler.extract import neardup
from crawler.extract.neardup import Fingerprint, fingerprint, is_copy, similarity

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = [
    "Netflix has officially confirmed that The Night Agent will return for a third season. The "
    "announcement came only a few weeks after the second season premiered, and the streamer "
    "shared a short teaser showing Gabriel Basso back at the White House.",
    "The second season was watched for more than 98 million hours in its first week, and it spent "
    "five weeks in the global top ten list. Showrunner Shawn Ryan said the writers had already "
    "mapped out most of the new story before the renewal was made public.",
    "Filming of the third season began in Istanbul in the spring and moved to New York during the "
    "summer. Production is expected to wrap before the end of the year, which means the new "
    "episodes could land on the platform early next year.",
    "Gabriel Basso returns as Peter Sutherland, and Fola Evans-Akingbola is back as Rose Larkin. "
    "Newcomers include Genesis Rodriguez and Stephen Moyer, who play a journalist and a former "
    "intelligence officer with a secret of his own.",
    "The plot will follow Peter after the events of the finale, as he works undercover for a "
    "mysterious intelligence broker while trying to keep the people he loves out of danger. Ryan "
    "promised more action, bigger twists and a story that travels across several countries.",
]
"""A season-news article (one paragraph per item)."""

REAL_IDS = [
    "2c46804d9db4a85e8f8d31128ce0e11d02f25c7120c2faa5ec0664c604a47717",
    "39d5c43beb60605c3eec760c99500e62e7bd71ebbe4ae05edf382125e1b0b80a",
    "3c5bf8db4272925bf1dd5713fc325e179fd0d1cc6fb8c77aa2d917cfd2518a32",
    "5fbc7ccb504c755ae23a85499a17518483d7862b74b4a5c34d86ede1a1a4448e",
    "833caf3bdba53dcf48de273cf646370eebe9ac565744b0d0e941e298e1b79730",
]
"""Real article bodies of the AEB set (English, 300-900 words, different subjects)."""


def _fp(text: str) -> Fingerprint:
    result = fingerprint(text)
    assert result is not None
    return result


def _real_bodies() -> list[str]:
    truth_path = resolve_data_dir() / "ground-truth.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return [truth[page_id]["articleBody"] for page_id in REAL_IDS]


def test_rewrite_is_a_copy_and_shares_a_band() -> None:
    original = "\n\n".join(ARTICLE)
    reordered = [ARTICLE[0], ARTICLE[3], ARTICLE[1], ARTICLE[4], ARTICLE[2]]
    renamed = [p.replace("Gabriel Basso", "Luciane Buchanan") for p in reordered]
    intro = (
        "Good news for everyone who binged The Night Agent in a single weekend! Here is a quick "
        "roundup of all the latest updates we could find about the next chapter of the show."
    )
    rewrite = "\n".join([intro, *renamed, "Also Read: Reacher Season 3 Release Date and Cast"])
    a, b = _fp(original), _fp(rewrite)
    assert similarity(a, b) >= neardup.THRESHOLD
    assert is_copy(a, b)
    assert set(a.bands()) & set(b.bands())


def test_normalisation_ignores_case_punctuation_and_spacing() -> None:
    original = " ".join(ARTICLE)
    shouted = original.upper().replace(",", " ,").replace(".", " !  ")
    assert _fp(original) == _fp(shouted)
    assert similarity(_fp(original), _fp(shouted)) == 1.0


def test_different_real_articles_are_not_copies_and_share_no_band() -> None:
    fingerprints = [_fp(body) for body in _real_bodies()] + [_fp("\n".join(ARTICLE))]
    for i, a in enumerate(fingerprints):
        for b in fingerprints[i + 1 :]:
            assert not is_copy(a, b)
            assert similarity(a, b) < 0.1
            assert not set(a.bands()) & set(b.bands())


def test_bytes_round_trip() -> None:
    fp = _fp(" ".join(ARTICLE))
    data = fp.to_bytes()
    assert isinstance(data, bytes)
    assert len(data) == 4 * neardup.NUM_PERM
    assert Fingerprint.from_bytes(data) == fp
    assert Fingerprint.from_bytes(data).bands() == fp.bands()
    with pytest.raises(ValueError):
        Fingerprint.from_bytes(data[:-1])


def test_signature_and_bands_shape_and_range() -> None:
    fp = _fp(" ".join(ARTICLE))
    assert len(fp.signature) == neardup.NUM_PERM
    assert all(0 <= v < 2**32 for v in fp.signature)
    bands = fp.bands()
    assert len(bands) == neardup.BANDS
    assert all(isinstance(key, int) and -(2**63) <= key < 2**63 for key in bands)
    assert len(set(bands)) == len(bands)
    # equal rows in different bands still give different keys: the band index is hashed in
    same = Fingerprint((7,) * neardup.NUM_PERM)
    assert len(set(same.bands())) == neardup.BANDS
    with pytest.raises(ValueError):
        Fingerprint((1, 2, 3))


def test_bands_are_deterministic_across_processes() -> None:
    text = " ".join(ARTICLE)
    code = (
        "import json, sys\n"
        "from crawler.extract.neardup import fingerprint\n"
        "fp = fingerprint(sys.stdin.read())\n"
        "print(json.dumps({'signature': list(fp.signature), 'bands': fp.bands()}))\n"
    )
    results = []
    for seed in ("0", "12345"):  # a different str hash salt in each child
        done = subprocess.run(
            [sys.executable, "-c", code],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        )
        results.append(json.loads(done.stdout))
    fp = _fp(text)
    for result in results:
        assert result["signature"] == list(fp.signature)
        assert result["bands"] == fp.bands()


def test_short_text_has_no_fingerprint() -> None:
    assert fingerprint("") is None
    assert fingerprint("Season 2 is coming soon to Netflix, stay tuned for more news.") is None
    assert fingerprint(" ".join(["word"] * (neardup.MIN_WORDS - 1))) is None
    assert fingerprint(" ".join(f"w{i}" for i in range(neardup.MIN_WORDS))) is not None
