"""Near-duplicate article bodies: MinHash signatures with LSH band keys (pure, no I/O).

Blogs copy each other's season news with light rewrites (a changed name, re-ordered paragraphs,
a new intro, a few synonyms, an "Also Read" line or a trailing FAQ). :func:`fingerprint` turns a
body into a :class:`Fingerprint`: a MinHash signature of its word shingles whose equal-position
agreement estimates the Jaccard similarity of the two shingle sets (:func:`similarity`), and
:meth:`Fingerprint.bands` gives ``BANDS`` band keys (LSH banding) that a database indexes, so
that finding the candidate copies of a new article is a few index look-ups whatever the number
of stored articles; only candidates are then checked with :func:`is_copy`.

Text normalisation: NFKC, case-folded, words are the maximal runs of letters and digits
(``[^\\W_]+``), so punctuation, quotes and spacing do not matter. Shingles are runs of
``SHINGLE_K`` consecutive words.

Hashing is deterministic across processes, machines and library versions (band keys are stored):
each distinct word is hashed once with ``blake2b`` (8 bytes), a shingle's 64-bit hash is an
order-sensitive polynomial of its words' hashes (mod 2**64) finished with the splitmix64 mixer,
and the ``NUM_PERM`` hash functions are multiply-add-shift hashes ``(a*x + b) mod 2**64 >> 32``
whose odd multipliers ``a`` and offsets ``b`` come from ``blake2b`` of a fixed label (never from
Python's salted ``hash()`` nor a random generator whose stream could change between versions).

Why hand-written rather than ``datasketch``: datasketch's ``MinHash`` needs numpy *and* scipy
(scipy only for its LSH parameter optimiser), hashes each shingle with a Python-level call and
takes about the same numpy work per article; this module is ~100 lines on numpy alone, about
0.5 ms for a 900-word article (``python -m bench.neardup_eval`` prints the figure), and pins
the hash functions the stored band keys depend on.

Parameters (measured by ``python -m bench.neardup_eval`` on rewrites of 300 real bodies, AEB
plus the fixture pages; figures in bench/README.md): ``SHINGLE_K = 3``: k=2 scores a little higher
on the synthetic rewrites but lets unrelated real articles get too close (cross max 0.27 against
0.15 for k=3, same-show articles 0.13 against 0.09); k=4-5 lose spin rewrites. ``THRESHOLD =
0.3``: no false positive among 44,850 real cross pairs nor same-show pairs, a few among
template-wrapped short bodies; 0.25 gains recall (0.991 against 0.971) for more template false
positives. ``42 bands x 3 rows``: 98% of pairs at or above the threshold share a band (32 x 4:
92%), with no random candidate pair; shared boilerplate makes candidates (5% of templated pairs),
so the storage side should cap or ignore band keys that too many stored articles share.
"""

from __future__ import annotations

import functools
import operator
import re
import struct
import unicodedata
from dataclasses import dataclass
from hashlib import blake2b
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported where signatures are computed (the extraction workers):
    import numpy as np  # the crawler's main process only compares them (11 MB less per process)

NUM_PERM: int = 128
"""Hash functions (permutations) in a signature."""
BANDS: int = 42
"""LSH bands; each band is ``ROWS`` consecutive signature values."""
ROWS: int = NUM_PERM // BANDS
"""Signature values per band (the last ``NUM_PERM - BANDS * ROWS`` values are in no band)."""
THRESHOLD: float = 0.3
"""Estimated Jaccard similarity at or above which two bodies are copies."""
SHINGLE_K: int = 3
"""Words per shingle."""
MIN_WORDS: int = 50
"""Bodies with fewer words get no fingerprint: too short to judge."""

_WORD_RE = re.compile(r"[^\W_]+")
_MASK64 = (1 << 64) - 1
_SHINGLE_MULT = 0x9E3779B97F4A7C15
_U32 = struct.Struct("<I")


def _seeded_u64(label: str, count: int) -> np.ndarray:
    """``count`` fixed 64-bit values derived from ``label`` with blake2b (version-proof)."""
    import numpy as np

    values = [
        int.from_bytes(blake2b(f"{label}:{i}".encode(), digest_size=8).digest(), "little")
        for i in range(count)
    ]
    return np.array(values, dtype=np.uint64)


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``NUM_PERM`` hash functions' odd multipliers and offsets."""
    import numpy as np

    odd = _seeded_u64("seasonnews-neardup-a", NUM_PERM) | np.uint64(1)
    return odd, _seeded_u64("seasonnews-neardup-b", NUM_PERM)


def words(text: str) -> list[str]:
    """Normalised words of ``text``: NFKC, case-folded runs of letters and digits."""
    return _WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold())


def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser, element-wise on uint64 (wraps mod 2**64)."""
    import numpy as np

    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def shingle_hashes(tokens: list[str], k: int = SHINGLE_K) -> np.ndarray:
    """64-bit hashes of the ``k``-word shingles of ``tokens`` (one per position, uint64)."""
    import numpy as np

    cache: dict[str, int] = {}
    ids = []
    for token in tokens:
        value = cache.get(token)
        if value is None:
            value = int.from_bytes(blake2b(token.encode(), digest_size=8).digest(), "little")
            cache[token] = value
        ids.append(value)
    word_hash = np.array(ids, dtype=np.uint64)
    n = len(word_hash) - k + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        acc = word_hash[:n].copy()
        for j in range(1, k):
            acc = acc * np.uint64(_SHINGLE_MULT) + word_hash[j : j + n]
        return _mix64(acc)


def minhash(hashes: np.ndarray) -> tuple[int, ...]:
    """MinHash signature (``NUM_PERM`` unsigned 32-bit values) of a non-empty hash array."""
    import numpy as np

    odd, offset = _permutations()
    with np.errstate(over="ignore"):
        permuted = (hashes[:, None] * odd[None, :] + offset[None, :]) >> np.uint64(32)
    return tuple(permuted.min(axis=0).tolist())


def band_keys(signature: tuple[int, ...], bands: int = BANDS, rows: int = ROWS) -> list[int]:
    """``bands`` signed 64-bit keys, band ``i`` hashing its index and ``rows`` values."""
    if bands * rows > len(signature):
        raise ValueError(f"{bands} bands of {rows} rows need more than {len(signature)} values")
    keys = []
    for i in range(bands):
        part = signature[i * rows : (i + 1) * rows]
        data = struct.pack(f"<I{rows}I", i, *part)
        keys.append(int.from_bytes(blake2b(data, digest_size=8).digest(), "little", signed=True))
    return keys


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """MinHash signature of one body: ``NUM_PERM`` unsigned 32-bit values."""

    signature: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.signature) != NUM_PERM:
            raise ValueError(f"signature has {len(self.signature)} values, not {NUM_PERM}")

    def bands(self) -> list[int]:
        """``BANDS`` LSH band keys, each a signed 64-bit int (a BIGINT / SQLite INTEGER)."""
        return band_keys(self.signature)

    def to_bytes(self) -> bytes:
        """The signature as ``4 * NUM_PERM`` little-endian bytes."""
        return struct.pack(f"<{NUM_PERM}I", *self.signature)

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        """Inverse of :meth:`to_bytes`; ``ValueError`` on a wrong length."""
        if len(data) != 4 * NUM_PERM:
            raise ValueError(f"fingerprint needs {4 * NUM_PERM} bytes, got {len(data)}")
        return cls(struct.unpack(f"<{NUM_PERM}I", data))


def fingerprint(text: str) -> Fingerprint | None:
    """Fingerprint of a body, or None when it has fewer than ``MIN_WORDS`` words."""
    tokens = words(text)
    if len(tokens) < max(MIN_WORDS, SHINGLE_K):
        return None
    return Fingerprint(minhash(shingle_hashes(tokens)))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the two bodies' shingle sets (0.0 to 1.0)."""
    # Both signatures hold NUM_PERM values (checked when built); map() keeps this hot loop in C.
    return sum(map(operator.eq, a.signature, b.signature)) / NUM_PERM


def is_copy(a: Fingerprint, b: Fingerprint) -> bool:
    """True when the two bodies are near-duplicates: ``similarity >= THRESHOLD``."""
    return similarity(a, b) >= THRESHOLD
