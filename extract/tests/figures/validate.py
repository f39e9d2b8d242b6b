#!/usr/bin/env python3
"""Checks tests/data/gold_figures.json against the articles in this folder (or
tests/data/gold_<name>.json against the articles of the folder <name> given as argument).

Every "quote" and every "not_figures" string must occur exactly once in its
article; quotes must be 10-60 characters and contain the annotated number
(as digits or as a word); fields must have the allowed values. With -v,
also lists numeric tokens of each article covered by neither a quote nor a
not_figures string (headline/dateline numbers included), to spot misses.
"""
import json, re, sys
from pathlib import Path

# The article folder: this one, or another given as an argument ("../holdout"); its gold is
# ../data/gold_<folder name>.json.
_folders = [a for a in sys.argv[1:] if not a.startswith("-")]
HERE = Path(_folders[0]).resolve() if _folders else Path(__file__).resolve().parent
GOLD = HERE.parent / "data" / f"gold_{HERE.name}.json"
METRICS = {"killed", "wounded", "casualties", "missing", "displaced", "arrested",
           "captured", "deployed", "fighting", "other"}
QUALS = {"exact", "about", "at_least", "up_to", "range"}
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
         8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}

def spellings(n):
    out = {str(n), f"{n:,}", f"{n:,}".replace(",", " ")}
    if n in WORDS:
        out.add(WORDS[n])
    if n >= 1_000_000:
        out.add(f"{n / 1_000_000:g} million")
    return out

def main():
    verbose = "-v" in sys.argv
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    errors = []
    seen = set()
    for d in gold:
        name = d["doc"]
        if name in seen:
            errors.append(f"{name}: duplicate doc")
        seen.add(name)
        path = HERE / f"{name}.txt"
        if not path.exists():
            errors.append(f"{name}: no article file")
            continue
        text = path.read_text(encoding="utf-8")
        spans = []
        for f in d["figures"]:
            q = f["quote"]
            if f["metric"] not in METRICS:
                errors.append(f"{name}: bad metric {f['metric']!r}")
            if f["qualifier"] not in QUALS:
                errors.append(f"{name}: bad qualifier {f['qualifier']!r}")
            if (f["qualifier"] == "range") != (f.get("value_high") is not None):
                errors.append(f"{name}: range/value_high mismatch in {q!r}")
            if not isinstance(f["source"], list) or any(s != s.lower() for s in f["source"]):
                errors.append(f"{name}: source must be a lower-case list in {q!r}")
            if not 10 <= len(q) <= 60:
                errors.append(f"{name}: quote length {len(q)}: {q!r}")
            n = text.count(q)
            if n != 1:
                errors.append(f"{name}: quote found {n} times: {q!r}")
            ql = q.lower()
            if not any(s.lower() in ql for s in spellings(f["value"])):
                errors.append(f"{name}: value {f['value']} not in quote {q!r}")
            if f.get("value_high") is not None and not any(s in q for s in spellings(f["value_high"])):
                errors.append(f"{name}: value_high {f['value_high']} not in quote {q!r}")
            i = text.find(q)
            spans.append((i, i + len(q)))
        for s in d["not_figures"]:
            n = text.count(s)
            if n != 1:
                errors.append(f"{name}: not_figure found {n} times: {s!r}")
            i = text.find(s)
            spans.append((i, i + len(s)))
        if verbose:
            for m in re.finditer(r"\d(?:[\d,.]*\d)?(?: \d{3})*", text):
                if not any(a <= m.start() and m.end() <= b for a, b in spans):
                    line = text[max(0, m.start() - 30):m.end() + 20].replace("\n", " ")
                    print(f"  uncovered {name}: {m.group()!r} ...{line}...")
    for e in errors:
        print("ERROR", e)
    print(f"{len(gold)} docs, {sum(len(d['figures']) for d in gold)} figures, {len(errors)} errors")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
