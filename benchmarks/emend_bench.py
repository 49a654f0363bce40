"""OCR proposals: precision, recall and speed on corpus text with injected noise.

Takes the corpus pages (tests/data), injects OCR-style errors with a fixed
seed into known words (c/e, m/rn, d/cl, h/li, w/vv, d/ct, n/ii, o/0, l/1),
then runs ``frusdoc.emend.propose`` and counts:

* a hit: a proposal over an injected error that restores the word;
* a false proposal: any other proposal, except those already made on the
  clean text (the corpus's own OCR errors, such as the seed's ``eondud``);
* recall: hits / injected errors; precision: hits / (hits + false proposals).

It also times ``propose`` on a 5 KB document after warm-up, beside a floor: one
regular-expression pass over the same text.

    python benchmarks/emend_bench.py [--errors 400] [--seed 1234]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from frusdoc import emend, text

DATA = Path(__file__).parents[1] / "tests" / "data"
CORRUPTIONS = [
    ("c", "e"),
    ("e", "c"),
    ("m", "rn"),
    ("d", "cl"),
    ("h", "li"),
    ("w", "vv"),
    ("ct", "d"),
    ("n", "ii"),
    ("o", "0"),
    ("l", "1"),
]


def pages() -> list[str]:
    return [
        p.read_bytes().decode("utf-8") for p in [DATA / "seed.txt", *sorted((DATA / "text").glob("*.txt"))]
    ]


def inject(
    page: str, rng: random.Random, per_page: int, known: dict[str, int]
) -> tuple[str, list[tuple[int, str, str]]]:
    """The page with errors injected, and each (position, word, corrupted)."""
    body_end = page.find("\n  1. ")
    body = page if body_end < 0 else page[:body_end]
    words = [
        m for m in re.finditer(r"(?<![\w/.-])[a-z]{4,}(?![\w/-])", body) if known.get(m.group(0), 0) >= 5000
    ]
    rng.shuffle(words)
    chosen = sorted(words[:per_page], key=lambda m: m.start())
    out, errors, shift, last = page, [], 0, -10
    for m in chosen:
        if m.start() - last < 40:  # one error per stretch: context stays readable
            continue
        word = m.group(0)
        options = [(a, b) for a, b in CORRUPTIONS if a in word]
        rng.shuffle(options)
        for a, b in options:
            i = word.find(a)
            bad = word[:i] + b + word[i + len(a) :]
            if bad.lower() not in known:
                start = m.start() + shift
                out = out[:start] + bad + out[start + len(word) :]
                errors.append((start, word, bad))
                shift += len(bad) - len(word)
                last = m.start()
                break
    return out, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", type=int, default=400, help="about how many errors to inject")
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--summary", action="store_true", help="JSON lines for benchmarks/run_all.py")
    args = parser.parse_args()
    from spellchecker import SpellChecker

    known = dict(SpellChecker().word_frequency.dictionary)
    rng = random.Random(args.seed)
    corpus = pages()
    per_page = max(1, args.errors // len(corpus))
    hits = false = injected = 0
    misses: list[str] = []
    wrong: list[str] = []
    for page in corpus:
        baseline = {(p.original, p.corrected) for p in emend.propose(text.parse(page))}
        noisy, errors = inject(page, rng, per_page, known)
        injected += len(errors)
        doc = text.parse(noisy)
        rendered = text.render(doc)
        assert rendered == noisy
        proposals = emend.propose(doc)
        found = set()
        for p in proposals:
            match = next((e for e in errors if p.start <= e[0] < p.end), None)
            if match is not None and p.corrected.split()[0].lower() == match[1]:
                hits += 1
                found.add(match[0])
            elif (p.original, p.corrected) not in baseline:
                false += 1
                wrong.append(
                    f"{p.original!r} -> {p.corrected!r}  …{rendered[max(0, p.start - 25) : p.end + 25]!r}"
                )
        misses.extend(f"{w!r} as {b!r}" for s, w, b in errors if s not in found)
    precision = hits / (hits + false) if hits + false else 1.0
    recall = hits / injected if injected else 1.0

    five_kb = text.parse("\n\n".join(corpus)[:5000])
    emend.propose(five_kb)  # warm-up: the word lists load once
    best = min(_time(lambda: emend.propose(five_kb)) for _ in range(10))
    floor = min(_time(lambda: re.findall(r"[A-Za-z]+", text.render(five_kb))) for _ in range(10))

    if args.summary:
        print(
            json.dumps(
                {
                    "benchmark": "emend",
                    "measure": f"propose 5 KB ({best * 1000:.1f} ms) vs regex",
                    "ratio": best / floor,
                }
            )
        )
        print(
            json.dumps(
                {
                    "benchmark": "emend",
                    "measure": f"precision {precision:.2f}, recall {recall:.2f} (share)",
                    "ratio": precision,
                }
            )
        )
        return
    print(f"injected {injected} errors into {len(corpus)} pages (seed {args.seed})")
    print(f"hits {hits}, false proposals {false}: precision {precision:.3f}, recall {recall:.3f}")
    print(
        f"propose on a 5 KB document: {best * 1000:.1f} ms (floor, one regex pass: {floor * 1000:.2f} ms, {best / floor:.0f}×)"
    )
    for line in wrong:
        print("  false:", line)
    for line in misses[:40]:
        print("  missed:", line)


def _time(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
