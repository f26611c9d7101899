#!/usr/bin/env python3
"""Check the default lexicon's TSV files and print counts.

Checks every csrc/lexicon/*.tsv (or the files given): valid UTF-8; each
non-comment line has 2 to 4 tab-separated columns with a non-empty surface
and a known type or class; no surface listed twice (in one file or across
files) unless its type differs; no stray spaces around columns.  Prints
the number of entries per file and per type, and exits 1 on any error.

Usage: python3 tools/lexicon/check.py [file.tsv ...]
"""
import collections
import glob
import sys

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE",
         "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL",
         "TITLE", "GIVEN", "ORGHEAD", "LOCHEAD", "FACHEAD", "EVENTHEAD",
         "CUE", "SOURCE", "NOTNAME"}


def main():
    """Check the files named on the command line (default: all of them),
    print the counts, and return the exit status."""
    files = sys.argv[1:] or sorted(glob.glob("csrc/lexicon/*.tsv"))
    errors = 0
    seen = {}                     # (surface key, type) -> where first seen
    by_file = collections.Counter()
    by_type = collections.Counter()

    # report one problem at 'where' (file:line) and count it
    def error(where, msg):
        nonlocal errors
        errors += 1
        print(f"{where}: {msg}")

    for path in files:
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            error(path, f"invalid UTF-8 at byte {e.start}")
            continue
        # one entry a line; '#' lines and blank lines are skipped, as
        # lexicon_add_tsv does
        for n, line in enumerate(text.split("\n"), 1):
            where = f"{path}:{n}"
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not 2 <= len(cols) <= 4:
                error(where, f"{len(cols)} columns")
                continue
            if any(c != c.strip() for c in cols):
                error(where, "space around a column")
            surface, kind = cols[0], cols[1]
            if not surface:
                error(where, "empty surface")
            if kind not in TYPES:
                error(where, f"unknown type {kind!r}")
            # case matters for matching, so 'US' and 'us' are different keys
            key = (surface, kind)
            if key in seen:
                error(where, f"{surface!r} {kind} already at {seen[key]}")
            else:
                seen[key] = where
            by_file[path] += 1
            by_type[kind] += 1

    # the same surface as two entity types is legal but worth a look
    kinds = collections.defaultdict(list)
    for (surface, kind), where in seen.items():
        kinds[surface].append((kind, where))
    for surface, ks in sorted(kinds.items()):
        ents = [k for k in ks if
                k[0] in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}]
        if len(ents) > 1:
            print(f"note: {surface!r} is " +
                  ", ".join(f"{k} ({w})" for k, w in ents))

    # the figures: entries per file, then per type or class
    for path in files:
        print(f"{by_file[path]:6d}  {path}")
    print(f"{sum(by_file.values()):6d}  total")
    for kind, count in sorted(by_type.items(), key=lambda kv: -kv[1]):
        print(f"{count:6d}  {kind}")
    if errors:
        print(f"{errors} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
