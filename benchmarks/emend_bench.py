"""OCR proposals: precision and recall on real OCR and on injected noise; speed.

**Real OCR** (the figure that matters): ``tests/data/expect/ocr_errors.json``
is an answer key made by reading every page before 1950 in full. On the pages
it lists as read, a proposal is a hit when it makes exactly a listed slip's
correction at the slip's place; precision is hits over all proposals on those
pages, recall hits over the slips. The key's pages are split alternately (in
file order) into a development half, from which the rules were designed, and
a held-out half. Over the whole corpus (every page and the seed) it counts
the proposals that are not hits, per 10,000 words: on pages outside the key
each one counts as false unless it is listed below as checked by reading.

**Injected noise**: takes the corpus pages, injects OCR-style errors with a fixed
seed into known words (c/e, m/rn, d/cl, h/li, w/vv, d/ct, n/ii, o/0, l/1),
then runs ``frusdoc.emend.propose`` and counts:

* a hit: a proposal over an injected error that restores the word;
* a false proposal: any other proposal, except those already made on the
  clean text (the corpus's own OCR errors, such as the seed's ``eondud``);
* recall: hits / injected errors; precision: hits / (hits + false proposals).

The injected errors are the confusions the skeleton model detects, so this
half measures the model against itself: it checks nothing is lost, not how
``propose`` does on real scans.

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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import frusdoc
from frusdoc import emend, text

DATA = Path(__file__).parents[1] / "tests" / "data"
# Proposals on pages outside the key (after 1950, and the seed) that were read
# and found to be real slips: (file, as printed, correction).
CHECKED = {
    ("seed.txt", "eondud", "conduct"),
    ("seed.txt", "ii accordance", "in accordance"),
    ("frus1952-54v14p2_d677.txt", "resuIt", "result"),  # index.jsonl notes the slip
}
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


def real_key() -> dict[str, Any]:
    """The measurement on the hand-made key: counts by half, and the
    proposals that are not hits over the whole corpus."""
    key = json.loads((DATA / "expect" / "ocr_errors.json").read_text(encoding="utf-8"))
    read = sorted(key["read"])
    halves: dict[str, dict[str, float]] = {
        name: {"hits": 0, "proposals": 0, "slips": 0} for name in ("development", "held-out")
    }
    words, false, checked, hits, misses = 0, [], [], [], []
    for path in [DATA / "seed.txt", *sorted((DATA / "text").glob("*.txt"))]:
        page = path.read_bytes().decode("utf-8")
        doc = text.parse(page)
        words += frusdoc.word_count(doc)
        slips = []
        for wrong, right, context in key["errors"].get(path.name, []):
            at = page.index(context) + context.index(wrong)
            slips.append((at, wrong, right))
        found = set()
        for p in emend.propose(doc):
            slip = next((s for s in slips if p.makes(*s, doc=doc)), None)
            start, end = p.span(doc)
            where = (
                f"{path.name}: {p.original!r} -> {p.corrected!r}  …{page[max(0, start - 30) : end + 30]!r}"
            )
            if slip is not None:
                found.add(slip)
                hits.append(where)
            elif path.name not in read and (path.name, p.original, p.corrected) in CHECKED:
                checked.append(where)
            else:
                false.append(where)
            if path.name in read:
                halves[_half(read, path.name)]["proposals"] += 1
        if path.name in read:
            half = halves[_half(read, path.name)]
            half["slips"] += len(slips)
            half["hits"] += len(found)
            misses += [f"{path.name}: {w!r} for {r!r}" for at, w, r in slips if (at, w, r) not in found]
    halves["whole"] = {k: sum(h[k] for h in halves.values()) for k in ("hits", "proposals", "slips")}
    for half in halves.values():
        half["precision"] = half["hits"] / half["proposals"] if half["proposals"] else 1.0
        half["recall"] = half["hits"] / half["slips"] if half["slips"] else 1.0
    return {
        "halves": halves,
        "words": words,
        "false": false,
        "checked": checked,
        "hits": hits,
        "misses": misses,
        "false_per_10k": len(false) / words * 10_000,
    }


def _half(read: list[str], name: str) -> str:
    return "development" if read.index(name) % 2 == 0 else "held-out"


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

    real = real_key()

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
            start, end = p.span(doc)
            match = next((e for e in errors if start <= e[0] < end), None)
            if match is not None and p.corrected.split()[0].lower() == match[1]:
                hits += 1
                found.add(match[0])
            elif (p.original, p.corrected) not in baseline:
                false += 1
                wrong.append(
                    f"{p.original!r} -> {p.corrected!r}  …{rendered[max(0, start - 25) : end + 25]!r}"
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
        whole = real["halves"]["whole"]
        for measure, ratio in (
            (
                f"real OCR key: precision {whole['precision']:.2f}, recall {whole['recall']:.2f} (share)",
                whole["recall"],
            ),
            (f"injected noise: precision {precision:.2f}, recall {recall:.2f} (share)", precision),
        ):
            print(json.dumps({"benchmark": "emend", "measure": measure, "ratio": ratio}))
        return
    print("real OCR: tests/data/expect/ocr_errors.json, the pages read by hand (before 1950)")
    for name, half in real["halves"].items():
        print(
            f"  {name:12} slips {half['slips']:3}, proposals {half['proposals']:3}, hits {half['hits']:3}:"
            f" precision {half['precision']:.3f}, recall {half['recall']:.3f}"
        )
    print(
        f"  whole corpus ({real['words']} words): {len(real['false'])} false proposals,"
        f" {real['false_per_10k']:.2f} per 10,000 words; {len(real['checked'])} more checked by reading as real slips"
    )
    for line in real["hits"]:
        print("    hit:", line)
    for line in real["checked"]:
        print("    checked real:", line)
    for line in real["false"]:
        print("    false:", line)
    for line in real["misses"]:
        print("    missed:", line)
    print()
    print(f"injected noise: {injected} errors into {len(corpus)} pages (seed {args.seed})")
    print(
        "  (the noise injects the very confusions the skeleton model detects: it measures the model against itself)"
    )
    print(f"  hits {hits}, false proposals {false}: precision {precision:.3f}, recall {recall:.3f}")
    print(
        f"propose on a 5 KB document: {best * 1000:.1f} ms (floor, one regex pass: {floor * 1000:.2f} ms, {best / floor:.0f}×)"
    )
    for line in wrong:
        print("  false:", line)
    for line in misses[:40]:
        print("  missed:", line)


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
