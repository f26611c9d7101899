#!/usr/bin/env python3
"""List where the system's annotation of the held-out texts differs from gold.

usage: diff.py SYSTEM_DIR      (SYSTEM_DIR/ID.json: `annot json --no-tokens` of ID.txt)

For each text: missing and extra entities (span + type), wrong canonical
names on matched spans, missing and extra quotes (direct, partial, scare by
exact span, indirect by half overlap as score.py counts them), wrong kinds
and wrong speakers. A reading aid for the owners of the stages; the figures
themselves come from ../shared/tools/score.py.
"""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "..", "shared", "tools"))
try:
    from score import speaker_ok, overlap, norm
except ImportError:
    sys.exit("diff.py needs ../shared/tools/score.py")


# a speaker as "text=canonical", for one line of output
def who(q):
    s = q.get("speaker")
    if not s:
        return "-"
    return "%s=%s%s" % (s.get("text"), s.get("canonical"), " (anon)" if s.get("anonymous") else "")


# a quote or clause cut to one short line
def short(t, n=70):
    t = t.replace("\n", "\\n")
    return t if len(t) <= n else t[:n - 3] + "..."


# Compare each gold file with the system file of the same name and print
# one line per difference, grouped by text.
def main():
    sys_dir = sys.argv[1]
    for name in sorted(os.listdir(os.path.join(here, "gold"))):
        gold = json.load(open(os.path.join(here, "gold", name), encoding="utf-8"))
        path = os.path.join(sys_dir, name)
        out = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
        print("==", name[:-5])
        key = lambda e: (e["start"], e["end"], e["type"])
        ge = {key(e): e for e in gold["entities"]}
        se = {key(e): e for e in out.get("entities", [])}
        for k in sorted(set(ge) | set(se)):
            if k not in se:
                print("  entity missed  %-8s %r" % (k[2], ge[k]["text"]))
            elif k not in ge:
                print("  entity extra   %-8s %r" % (k[2], se[k]["text"]))
            elif ge[k].get("canonical") and norm(ge[k]["canonical"]) != norm(se[k].get("canonical")):
                print("  canonical      %r: %r, gold %r" % (ge[k]["text"], se[k].get("canonical"),
                                                            ge[k]["canonical"]))
        gq = [q for q in gold["quotes"] if q["kind"] != "indirect"]
        sq = {(q["start"], q["end"]): q for q in out.get("quotes", []) if q["kind"] != "indirect"}
        gspan = {(q["start"], q["end"]) for q in gq}
        for q in gq:
            s = sq.get((q["start"], q["end"]))
            if not s:
                print("  quote missed   %-8s %r (%s)" % (q["kind"], short(q["text"]), who(q)))
                continue
            if s["kind"] != q["kind"]:
                print("  quote kind     %r: %s, gold %s" % (short(q["text"]), s["kind"], q["kind"]))
            if q["kind"] in ("direct", "partial") and q.get("speaker") and not speaker_ok(q, s):
                print("  speaker        %r: %s, gold %s" % (short(q["text"]), who(s), who(q)))
        for k, s in sorted(sq.items()):
            if k not in gspan:
                print("  quote extra    %-8s %r (%s)" % (s["kind"], short(s["text"]), who(s)))
        gi = [q for q in gold["quotes"] if q["kind"] == "indirect"]
        si = [q for q in out.get("quotes", []) if q["kind"] == "indirect"]
        for g in gi:
            hits = [s for s in si if overlap(g, s) >= 0.5]
            if not hits:
                near = [s for s in si if overlap(g, s) > 0]
                extra = (" (system: %r)" % short(near[0]["text"])) if near else ""
                print("  indirect missed %r (%s)%s" % (short(g["text"]), who(g), extra))
            elif not any(speaker_ok(g, s) for s in hits):
                print("  indirect speaker %r: %s, gold %s" % (short(g["text"]), who(hits[0]), who(g)))
        for s in si:
            if not any(overlap(g, s) >= 0.5 for g in gi):
                print("  indirect extra %r (%s)" % (short(s["text"]), who(s)))


if __name__ == "__main__":
    main()
