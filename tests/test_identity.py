"""The spelling rules that decide when two show names are one show (storage.identity)."""

from __future__ import annotations

import pytest

from crawler.extract.seasons import show_key
from storage.identity import best_match, same_show


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("All of Us Are Dead", "All Of Us Is Dead"),
        ("all-of-us-are-dead", "All of Us Are Dead"),
        ("Spider-Man: Across the Spider-Verse", "Spiderman Across the Spiderverse"),
        ("Bridgerton", "Bridgerten"),
        ("Stranger Things", "Stranger Thing"),
        ("The Last of Us", "Last of Us"),
        ("House of the Dragon", "House of Dragon"),
        ("Grey's Anatomy", "Greys Anatomy"),
    ],
)
def test_spellings_of_one_show_merge(a: str, b: str) -> None:
    assert same_show(show_key(a), show_key(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dead to Me", "All of Us Are Dead"),
        ("The Witcher", "The Witcher: Blood Origin"),
        ("Love Is Blind", "Love Is Blind UK"),
        ("1923", "1883"),
        ("9-1-1", "9-1-1: Lone Star"),
        ("Yellowstone", "Yellowjackets"),
        ("The Boys", "The Boys Presents: Diabolical"),
        ("Sweet Home", "Sweet Tooth"),
        ("Cobra Kai", "Cobra"),
        ("The Bear", "The Bean"),
        ("Outer Banks", "Outer Range"),
        ("Fargo", "Largo"),
    ],
)
def test_different_shows_with_similar_names_stay_apart(a: str, b: str) -> None:
    assert not same_show(show_key(a), show_key(b))


def test_best_match_picks_the_same_show_only() -> None:
    known = [show_key(n) for n in ("All of Us Are Dead", "Dead to Me", "The Witcher")]
    assert best_match(show_key("All Of Us Is Dead"), known) == "all of us are dead"
    assert best_match(show_key("The Witcher: Blood Origin"), known) is None
    assert best_match(show_key("Dead to Me"), []) is None
