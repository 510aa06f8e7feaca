"""Precision and recall of the near-duplicate detector (crawler/extract/neardup.py).

Run with ``python -m bench.neardup_eval [--data DIR] [--seed N] [--negatives N]``.

Base texts: the 181 human-checked article bodies of the AEB set (``../shared/data/aeb``, about
half English) and the bodies of the season-news fixture pages (``tests/fixtures/claims``, through
the real ``extract_page``). Every base with a fingerprint gets one rewrite per operator, each
seeded from ``--seed`` and the base's index:

- ``name``: the two most frequent capitalised words (the show, a lead) become other names;
- ``reorder``: paragraphs shuffled;
- ``intro_outro``: a new intro paragraph and a new closing paragraph;
- ``spin``: 10-20% of the words replaced (a synonym where the small list has one, else another
  word: for shingles both are the same change);
- ``truncate``: the first ~70% of the words (whole paragraphs kept where possible);
- ``also_faq``: "Also Read: ..." lines between paragraphs and a FAQ block at the end;
- ``combo2`` / ``combo3``: 2 or 3 of the above, drawn at random.

Negatives: every cross pair of different bases (or a sample of ``--negatives``), and hard
negatives: two different bases wrapped in the same season-news intro template and the same outro
(boilerplate with different substance).

Printed: per-operator recall at ``THRESHOLD``, overall precision / recall / F1, tables over
candidate thresholds, shingle sizes and LSH band settings (candidate recall: share of positive
pairs with at least one equal band key; candidate rate on negatives: the database's verification
load), the MinHash estimation error against exact Jaccard, and fingerprint time per article.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.aeb_eval import resolve_data_dir
from crawler.extract import neardup
from crawler.extract.page import extract_page

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_DIRS = ("claims", "pages", "realworld")
SAME_TOPIC = [
    ["a03_wednesday_s2_stranger_things_s5", "b37_stranger_things_5_and_wednesday_season_2",
     "netflixjunkie_wednesday", "jannah_elementor_strangerthings"],
    ["a18_slow_horses_s6", "b02_slow_horses_series_5", "radiotimes_slow_horses"],
    ["a31_outer_banks_s3", "b40_outer_banks_season_5", "tvacute_outer_banks"],
    ["a08_last_of_us_s3_hotd_s3", "a23_house_of_the_dragon_s2", "collider_last_of_us"],
    ["a22_ginny_georgia_s3", "cinemaholic_ginny_georgia"],
    ["b01_line_of_duty_series_7", "mirror_line_of_duty"],
    ["b19_squid_game_season_4", "dexerto_squid_game", "tvline_squid_game_recap"],
    ["a15_bridgerton_s4", "whatsonnetflix_bridgerton"],
    ["newspaper_theboys", "screenrant_the_boys"],
    ["a13_ghosts_s3", "b12_ghosts_series_6"],
]  # fmt: skip
"""Fixture pages (file stems) about the same show: different articles, same facts and names."""

NAMES = [
    "Harper Quinn", "Silver Coast", "Night Harbor", "Marcus Vale", "Ivy Sterling",
    "Broken Crown", "Jonah Reyes", "The Outlanders", "Elena Cross", "Dark Meridian",
    "Tessa Moore", "Ridgeline", "Owen Blake", "Paper Kingdoms", "Nadia Frost",
]  # fmt: skip
SYNONYMS = {
    "said": "stated", "says": "states", "big": "huge", "new": "fresh", "show": "series",
    "series": "show", "fans": "viewers", "viewers": "fans", "season": "installment",
    "episode": "chapter", "also": "too", "however": "but", "announced": "revealed",
    "revealed": "disclosed", "release": "premiere", "date": "day", "story": "plot",
    "plot": "storyline", "first": "initial", "last": "final", "final": "last",
    "will": "shall", "may": "might", "might": "could", "could": "may", "very": "really",
    "many": "numerous", "people": "folks", "make": "create", "made": "created", "get": "obtain",
    "know": "understand", "think": "believe", "start": "begin", "started": "began",
    "begin": "start", "important": "crucial", "help": "assist", "use": "utilize",
    "used": "utilized", "show's": "series'", "popular": "well-liked", "good": "great",
    "great": "fantastic", "best": "finest", "small": "little", "large": "big", "about": "regarding",
    "more": "additional", "most": "majority", "expected": "anticipated", "soon": "shortly",
    "return": "comeback", "back": "again", "cast": "ensemble", "character": "role",
    "characters": "roles", "year": "twelvemonth", "time": "period", "team": "crew",
    "company": "firm", "world": "globe", "report": "account", "according": "as per",
    "because": "since", "before": "prior to", "after": "following", "early": "premature",
    "late": "delayed", "quickly": "rapidly", "recently": "lately", "officially": "formally",
}  # fmt: skip
FILLER = [
    "really",
    "quite",
    "truly",
    "simply",
    "basically",
    "actually",
    "certainly",
    "indeed",
    "clearly",
    "surely",
    "probably",
    "definitely",
    "notably",
    "largely",
    "mostly",
    "fairly",
    "rather",
    "pretty",
    "somewhat",
    "highly",
    "greatly",
]

INTROS = [
    "Are you waiting for the next chapter of {name}? You are not alone. Fans all over the world "
    "have been asking when the show will return, who will be back and what the story will be. "
    "In this article we have gathered every update we could find so far.",
    "{name} has quickly become one of the most talked about titles of the year, and viewers "
    "cannot stop discussing it online. Here is a quick roundup of everything that has been "
    "confirmed, plus a few of our own predictions for what comes next.",
    "Good news for everyone who binged {name} in a single weekend. There has been plenty of "
    "chatter lately, so we decided to put the latest news, rumours and official statements "
    "together in one place for you.",
]
OUTROS = [
    "We will keep updating this page as soon as any new information about {name} is released. "
    "Stay tuned and bookmark this page for the latest news.",
    "That is all we know for now. Let us know in the comments what you expect from {name}, and "
    "check back soon for more updates.",
    "Until then, you can stream the earlier episodes of {name} and catch up before the new "
    "chapter arrives. We will share more as soon as we hear anything.",
]
HARD_INTROS = [
    "Fans have been waiting for a long time to know more about {show} Season {n}. After the "
    "success of the previous season, everyone wants to know the release date, cast, plot and "
    "other details of the upcoming season. In this article, we have covered everything you need "
    "to know about {show} Season {n}, including the release date, cast, plot, trailer and where "
    "to watch it.",
    "{show} Season {n} is one of the most awaited shows of the year. Ever since the last season "
    "ended, viewers have been searching for the release date, the cast and the plot of the new "
    "season. Here is everything we know so far about {show} Season {n}.",
    "Is {show} coming back for Season {n}? That is the question every fan is asking right now. "
    "Keep reading to find out the latest news about the release date, cast, plot and trailer of "
    "{show} Season {n}.",
    "The wait for {show} Season {n} is finally getting shorter. Below you will find all the "
    "details about the release date, the returning cast members, the expected storyline and the "
    "platform where you can stream {show} Season {n}.",
]
HARD_OUTROS = [
    "So, that is all we know about {show} Season {n} for now. We will update this article as soon "
    "as there is any official announcement about the release date, cast, plot or trailer. Stay "
    "tuned to our website for the latest updates on your favourite TV shows and web series. Do "
    "not forget to share this article with your friends and family.",
    "That is everything we know about {show} Season {n} so far. Bookmark this page and keep "
    "checking back, because we will add every new detail as soon as it is confirmed.",
    "What do you expect from {show} Season {n}? Tell us in the comments below and follow us for "
    "more news about your favourite TV series, anime and movies.",
    "We will keep this page updated with every official news about {show} Season {n}. Until then, "
    "you can rewatch the previous seasons and share this article with other fans.",
]
HARD_SHOWS = ["Broken Crown", "Silver Coast", "Night Harbor", "Paper Kingdoms", "Dark Meridian"]

Rewrite = Callable[[str, random.Random], str]
_WORD_SUB_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


# --------------------------------------------------------------------------- rewrite operators


def paragraphs(text: str) -> list[str]:
    """Non-empty lines (the bodies put one paragraph per line or per blank-line block)."""
    return [p.strip() for p in text.splitlines() if p.strip()]


def _sentence_blocks(text: str) -> list[str]:
    """Paragraphs, or groups of ~3 sentences when the body is a single paragraph."""
    paras = paragraphs(text)
    if len(paras) >= 3:
        return paras
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(paras))
    return [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def op_name(text: str, rng: random.Random) -> str:
    counts: dict[str, int] = {}
    for match in re.finditer(r"(?<![.!?]\s)\b([A-Z][a-z]{2,})\b", text):
        counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    top = sorted(counts, key=lambda w: (-counts[w], w))[:2]
    for word in top:
        text = re.sub(rf"\b{re.escape(word)}\b", rng.choice(NAMES), text)
    return text


def op_reorder(text: str, rng: random.Random) -> str:
    blocks = _sentence_blocks(text)
    rng.shuffle(blocks)
    return "\n".join(blocks)


def op_intro_outro(text: str, rng: random.Random) -> str:
    name = rng.choice(NAMES)
    intro = rng.choice(INTROS).format(name=name)
    outro = rng.choice(OUTROS).format(name=name)
    return f"{intro}\n{text}\n{outro}"


def op_spin(text: str, rng: random.Random) -> str:
    rate = rng.uniform(0.10, 0.20)

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() >= rate:
            return word
        synonym = SYNONYMS.get(word.lower())
        if synonym is None:
            return rng.choice(FILLER) + " " + word if rng.random() < 0.3 else rng.choice(FILLER)
        return synonym.capitalize() if word[:1].isupper() else synonym

    return _WORD_SUB_RE.sub(swap, text)


def op_truncate(text: str, rng: random.Random) -> str:
    share = rng.uniform(0.65, 0.75)
    blocks = _sentence_blocks(text)
    total = sum(len(b.split()) for b in blocks)
    kept: list[str] = []
    count = 0
    for block in blocks:
        if count >= share * total:
            break
        kept.append(block)
        count += len(block.split())
    if count > 0.85 * total:  # one huge block: cut words
        words = text.split()
        return " ".join(words[: int(share * len(words))])
    return "\n".join(kept)


def op_also_faq(text: str, rng: random.Random) -> str:
    blocks = _sentence_blocks(text)
    for _ in range(rng.randint(2, 3)):
        title = f"{rng.choice(NAMES)} Season {rng.randint(2, 6)} Release Date, Cast and Plot"
        blocks.insert(rng.randint(1, max(1, len(blocks) - 1)), f"Also Read: {title}")
    name = rng.choice(NAMES)
    faq = [
        "Frequently Asked Questions",
        f"When will {name} return? There is no official release date yet, but we expect news "
        "later this year.",
        f"Who will be in the cast of {name}? Most of the main cast is expected to return.",
        f"Where can I watch {name}? All the earlier episodes are available to stream online.",
        f"Is there a trailer for {name}? Not yet; we will add it here as soon as it is out.",
    ]
    return "\n".join(blocks + faq)


OPERATORS: dict[str, Rewrite] = {
    "name": op_name,
    "reorder": op_reorder,
    "intro_outro": op_intro_outro,
    "spin": op_spin,
    "truncate": op_truncate,
    "also_faq": op_also_faq,
}


def op_combo(count: int) -> Rewrite:
    def rewrite(text: str, rng: random.Random) -> str:
        names = rng.sample(sorted(OPERATORS), count)
        order = ["truncate", "name", "spin", "reorder", "also_faq", "intro_outro"]
        for name in sorted(names, key=order.index):
            text = OPERATORS[name](text, rng)
        return text

    return rewrite


ALL_OPERATORS: dict[str, Rewrite] = {**OPERATORS, "combo2": op_combo(2), "combo3": op_combo(3)}


# --------------------------------------------------------------------------- data and pairs


def load_bases(data: Path) -> list[tuple[str, str]]:
    """(label, body) of every AEB body and fixture body with a fingerprint."""
    bases: list[tuple[str, str]] = []
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        bases.append((f"aeb/{page_id}", truth[page_id]["articleBody"]))
    for folder in FIXTURE_DIRS:
        for path in sorted((FIXTURES / folder).glob("*.html")):
            html = path.read_text(encoding="utf-8")
            page = extract_page(html, f"https://example.com/{path.stem}/")
            bases.append((path.stem, page.body))
    return [(label, body) for label, body in bases if neardup.fingerprint(body) is not None]


@dataclass(slots=True)
class PairSet:
    """Texts and the index pairs over them."""

    texts: list[str]
    positives: list[tuple[int, int, str]]  # (i, j, operator)
    negatives: list[tuple[int, int]]
    hard: list[tuple[int, int]]  # same intro/outro template, same show and season
    template: list[tuple[int, int]]  # same template, different show and season
    topic: list[tuple[int, int]]  # real different articles about the same show


def _wrap(body: str, template: int, show: str, n: int) -> str:
    """``body`` inside season-news intro and outro number ``template``."""
    intro = HARD_INTROS[template % len(HARD_INTROS)].format(show=show, n=n)
    outro = HARD_OUTROS[template // len(HARD_INTROS)].format(show=show, n=n)
    return "\n".join([intro, body, outro])


def build_pairs(
    labels: Sequence[str], bases: Sequence[str], seed: int, max_negatives: int
) -> PairSet:
    texts = list(bases)
    positives: list[tuple[int, int, str]] = []
    for i, base in enumerate(bases):
        for k, (name, rewrite) in enumerate(ALL_OPERATORS.items()):
            rewritten = rewrite(base, random.Random(seed * 1_000_003 + i * 101 + k))
            if neardup.fingerprint(rewritten) is None:
                continue
            texts.append(rewritten)
            positives.append((i, len(texts) - 1, name))
    cross = list(itertools.combinations(range(len(bases)), 2))
    if 0 < max_negatives < len(cross):
        cross = random.Random(seed).sample(cross, max_negatives)
    rng = random.Random(seed + 7)
    hard: list[tuple[int, int]] = []
    template: list[tuple[int, int]] = []
    order = list(range(len(bases)))
    rng.shuffle(order)
    for a, b in itertools.pairwise(order):
        show, n = rng.choice(HARD_SHOWS), rng.randint(2, 6)
        other = rng.choice([s for s in HARD_SHOWS if s != show])
        tpl = rng.randrange(len(HARD_INTROS) * len(HARD_OUTROS))
        texts.extend([_wrap(bases[a], tpl, show, n), _wrap(bases[b], tpl, show, n)])
        hard.append((len(texts) - 2, len(texts) - 1))
        texts.extend([_wrap(bases[a], tpl, show, n), _wrap(bases[b], tpl, other, n + 1)])
        template.append((len(texts) - 2, len(texts) - 1))
    index = {label: i for i, label in enumerate(labels)}
    topic = [
        (index[a], index[b])
        for group in SAME_TOPIC
        for a, b in itertools.combinations(group, 2)
        if a in index and b in index
    ]
    return PairSet(texts, positives, cross, hard, template, topic)


# --------------------------------------------------------------------------- measurement


def signatures(texts: Sequence[str], k: int) -> np.ndarray:
    rows = [neardup.minhash(neardup.shingle_hashes(neardup.words(t), k)) for t in texts]
    return np.array(rows, dtype=np.uint32)


def pair_similarity(sig: np.ndarray, pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    if not pairs:
        return np.empty(0)
    idx = np.array(pairs, dtype=np.int64)
    return (sig[idx[:, 0]] == sig[idx[:, 1]]).mean(axis=1)


def band_hit(
    sig: np.ndarray, pairs: Sequence[tuple[int, int]], bands: int, rows: int
) -> np.ndarray:
    """Whether each pair shares at least one band (rows equal in all ``rows`` of some band)."""
    if not pairs:
        return np.empty(0, dtype=bool)
    idx = np.array(pairs, dtype=np.int64)
    eq = sig[idx[:, 0], : bands * rows] == sig[idx[:, 1], : bands * rows]
    return eq.reshape(len(pairs), bands, rows).all(axis=2).any(axis=1)


def prf(pos: np.ndarray, neg: np.ndarray, threshold: float) -> tuple[float, float, float]:
    tp = int((pos >= threshold).sum())
    fp = int((neg >= threshold).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / len(pos) if len(pos) else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def exact_jaccard(a: str, b: str, k: int) -> float:
    sa = set(neardup.shingle_hashes(neardup.words(a), k).tolist())
    sb = set(neardup.shingle_hashes(neardup.words(b), k).tolist())
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def time_fingerprint(texts: Sequence[str]) -> tuple[float, float, float]:
    """Mean ms per fingerprint over ``texts``, mean words, and ms for a ~900-word body."""
    for text in texts[:20]:
        neardup.fingerprint(text)
    start = time.perf_counter()
    for text in texts:
        neardup.fingerprint(text)
    mean_ms = (time.perf_counter() - start) * 1000 / len(texts)
    mean_words = statistics.mean(len(neardup.words(t)) for t in texts)
    target = min(texts, key=lambda t: abs(len(neardup.words(t)) - 900))
    start = time.perf_counter()
    for _ in range(200):
        neardup.fingerprint(target)
    return mean_ms, mean_words, (time.perf_counter() - start) * 1000 / 200


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", help="AEB folder (default: $SEASONNEWS_AEB or ../shared/data/aeb)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--negatives", type=int, default=0, help="sample of cross pairs (0: all)")
    parser.add_argument("--k", type=int, default=neardup.SHINGLE_K, help="shingle size to study")
    parser.add_argument("--threshold", type=float, default=neardup.THRESHOLD, help="to study")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    loaded = load_bases(resolve_data_dir(args.data))
    bases = [body for _, body in loaded]
    pairs = build_pairs([label for label, _ in loaded], bases, args.seed, args.negatives)
    pos_pairs = [(i, j) for i, j, _ in pairs.positives]
    ops = np.array([op for _, _, op in pairs.positives])
    print(
        f"bases {len(bases)}  positive pairs {len(pos_pairs)}  cross negatives "
        f"{len(pairs.negatives)}  hard negatives {len(pairs.hard)} (same show) + "
        f"{len(pairs.template)} (other show)  same-topic real pairs {len(pairs.topic)}"
    )
    k0, threshold = args.k, args.threshold
    print(
        f"module: SHINGLE_K={neardup.SHINGLE_K} THRESHOLD={neardup.THRESHOLD}; studied: "
        f"k={k0} threshold={threshold}; NUM_PERM={neardup.NUM_PERM} BANDS={neardup.BANDS} "
        f"ROWS={neardup.ROWS}"
    )

    sig_by_k = {k: signatures(pairs.texts, k) for k in (2, 3, 4, 5)}
    sig = sig_by_k[k0]
    pos = pair_similarity(sig, pos_pairs)
    neg = pair_similarity(sig, pairs.negatives)
    hard = pair_similarity(sig, pairs.hard)
    tmpl = pair_similarity(sig, pairs.template)
    topic = pair_similarity(sig, pairs.topic)
    all_neg = np.concatenate([neg, hard, tmpl, topic])

    print(f"\n== per-operator recall at threshold {threshold} (k={k0}) ==")
    print(
        f"{'operator':<12} {'pairs':>5} {'recall':>7} {'min sim':>8} {'median':>7} {'band hit':>8}"
    )
    hits = band_hit(sig, pos_pairs, neardup.BANDS, neardup.ROWS)
    for name in ALL_OPERATORS:
        mask = ops == name
        print(
            f"{name:<12} {int(mask.sum()):>5} {(pos[mask] >= threshold).mean():>7.3f} "
            f"{pos[mask].min():>8.3f} {np.median(pos[mask]):>7.3f} {hits[mask].mean():>8.3f}"
        )
    p, r, f = prf(pos, all_neg, threshold)
    print(
        f"\noverall at {threshold}: precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  "
        f"(false positives: cross {int((neg >= threshold).sum())}/{len(neg)}, "
        f"hard {int((hard >= threshold).sum())}/{len(hard)}, "
        f"template {int((tmpl >= threshold).sum())}/{len(tmpl)}, "
        f"topic {int((topic >= threshold).sum())}/{len(topic)})"
    )
    long_hard = np.array(
        [
            min(len(pairs.texts[i].split()), len(pairs.texts[j].split())) >= 350
            for i, j in pairs.hard
        ]
    )
    print(
        f"  hard false positives where both wrapped bodies have >= 350 words (boilerplate < ~1/3): "
        f"{int((hard[long_hard] >= threshold).sum())}/{int(long_hard.sum())}"
    )
    for label, values in (("cross", neg), ("hard", hard), ("template", tmpl), ("topic", topic)):
        print(
            f"  {label:<8} negatives' similarity: median {np.median(values):.3f}  "
            f"p99 {np.quantile(values, 0.99):.3f}  max {values.max():.3f}"
        )

    print(f"\n== thresholds (k={k0}) ==")
    header = "threshold precision  recall      F1 FP cross FP hard FP tmpl FP topic"
    print(header)
    for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
        p, r, f = prf(pos, all_neg, t)
        print(
            f"{t:>9.2f} {p:>9.4f} {r:>7.4f} {f:>7.4f} {int((neg >= t).sum()):>8} "
            f"{int((hard >= t).sum()):>7} {int((tmpl >= t).sum()):>7} {int((topic >= t).sum()):>8}"
        )

    print("\n== shingle size k (best threshold of 0.10..0.60 by F1) ==")
    print(
        " k  pos p5 pos median cross max hard med hard max topic max best t      F1  recall "
        f"{f'F1@{threshold}':>7}"
    )
    for k, s in sig_by_k.items():
        kp = pair_similarity(s, pos_pairs)
        kc = pair_similarity(s, pairs.negatives)
        kh = pair_similarity(s, pairs.hard)
        kt = pair_similarity(s, pairs.topic)
        kn = np.concatenate([kc, kh, pair_similarity(s, pairs.template), kt])
        grid = [round(x, 3) for x in np.arange(0.10, 0.61, 0.025)]
        best = max(grid, key=lambda t, kp=kp, kn=kn: prf(kp, kn, t)[2])
        _, br, bf = prf(kp, kn, best)
        print(
            f"{k:>2} {np.quantile(kp, 0.05):>7.3f} {np.median(kp):>10.3f} {kc.max():>9.3f} "
            f"{np.median(kh):>8.3f} {kh.max():>8.3f} {kt.max():>9.3f} {best:>6.3f} {bf:>7.4f} "
            f"{br:>7.4f} "
            f"{prf(kp, kn, threshold)[2]:>7.4f}"
        )

    print(
        f"\n== LSH band settings (k={k0}): candidate = shares >= 1 band; cand recall over "
        f"positives with similarity >= {threshold} and over all; candidate rate of negatives =\n"
        "   verification load per stored article of that kind =="
    )
    print("bands x rows P(s=t) cand recall all pos cross cand hard cand tmpl cand topic cand")
    strong = [pair for pair, s in zip(pos_pairs, pos, strict=True) if s >= threshold]
    for bands, rows in ((16, 8), (21, 6), (25, 5), (32, 4), (42, 3), (64, 2)):
        theory = 1 - (1 - threshold**rows) ** bands
        mark = " <- module" if (bands, rows) == (neardup.BANDS, neardup.ROWS) else ""
        print(
            f"{bands:>5} x {rows:<4}  {theory:>6.3f} "
            f"{band_hit(sig, strong, bands, rows).mean():>11.4f} "
            f"{band_hit(sig, pos_pairs, bands, rows).mean():>7.4f} "
            f"{band_hit(sig, pairs.negatives, bands, rows).mean():>10.5f} "
            f"{band_hit(sig, pairs.hard, bands, rows).mean():>9.4f} "
            f"{band_hit(sig, pairs.template, bands, rows).mean():>9.4f} "
            f"{band_hit(sig, pairs.topic, bands, rows).mean():>10.4f}{mark}"
        )
    detected = (pos >= threshold) & band_hit(sig, pos_pairs, neardup.BANDS, neardup.ROWS)
    print(f"end-to-end recall (shares a band AND is_copy): {detected.mean():.4f}")

    sample = random.Random(args.seed).sample(pos_pairs, min(300, len(pos_pairs)))
    exact = np.array([exact_jaccard(pairs.texts[i], pairs.texts[j], k0) for i, j in sample])
    est = pair_similarity(sig, sample)
    print(
        f"\nMinHash estimate vs exact Jaccard over {len(sample)} positive pairs: mean abs error "
        f"{np.abs(est - exact).mean():.4f}, bias {(est - exact).mean():+.4f} "
        f"(theory sd at J=0.5: {(0.25 / neardup.NUM_PERM) ** 0.5:.4f})"
    )

    mean_ms, mean_words, ms_900 = time_fingerprint(bases)
    print(
        f"\nfingerprint(): {mean_ms:.3f} ms per article (mean {mean_words:.0f} words), "
        f"{ms_900:.3f} ms for a ~900-word article; bands(): "
        f"{_time_bands(sig):.3f} ms"
    )
    print(f"total {time.perf_counter() - started:.1f} s")
    return 0


def _time_bands(sig: np.ndarray) -> float:
    fps = [neardup.Fingerprint(tuple(row.tolist())) for row in sig[:200]]
    start = time.perf_counter()
    for fp in fps:
        fp.bands()
    return (time.perf_counter() - start) * 1000 / len(fps)


if __name__ == "__main__":
    sys.exit(main())
