#!/usr/bin/env python3
"""Build the held-out texts and their gold annotations from hand markup.

usage: build_gold.py            (run from anywhere; reads markup/*.ann)

Each markup/ID.ann is the text of ID.txt with spans marked in place:

    ⟦TYPE[;canonical][;r=role]|mention⟧      an entity (PERSON, ORG, GPE, ...)
    ⟦sN[;anon][;=canonical]|phrase⟧           a speaker, referred to by quotes
    ⟦cN|cue words⟧                            a cue, referred to by quotes
    ⟦q;KIND;sN|-;cN|-[;turn][;in][;alt=A/B]|quote⟧   a quote

Spans nest. Lines starting with "@" are aliases ("@Blinken=Antony Blinken"):
an entity without an explicit canonical takes its alias (case-insensitive)
or else its own text. A speaker without an explicit canonical is anonymous
(canonical null) when marked "anon", else takes the canonical of the
entity with exactly its span. The script writes ID.txt and gold/ID.json and
checks that every span's text is the text at its byte offsets.
"""
import json, os, sys

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME",
         "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
RESOLVED = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
OPEN, SEP, CLOSE = "⟦", "|", "⟧"


# Walk the markup once, keeping a stack of open spans; offsets count the
# UTF-8 bytes written so far, so they are byte offsets by construction.
def parse(markup):
    """Strip the marks; return (plain text as bytes, list of (attrs, start, end))."""
    out = bytearray()
    stack, spans = [], []
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == OPEN:
            bar = markup.index(SEP, i)
            stack.append((markup[i + 1:bar], len(out)))
            i = bar + 1
        elif ch == CLOSE:
            attrs, start = stack.pop()
            spans.append((attrs, start, len(out)))
            i += 1
        else:
            out += ch.encode("utf-8")
            i += 1
    if stack:
        sys.exit("unclosed span: %r" % (stack,))
    return bytes(out), spans


# Read one markup file: aliases first, then the text with its spans.
# Returns (id, text bytes, gold object); exits with a message on bad markup.
def build(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    aliases = {}
    body = []
    for line in lines:
        if line.startswith("@"):
            k, v = line[1:].split("=", 1)
            aliases[k.strip().casefold()] = v.strip()
        else:
            body.append(line)
    text, spans = parse("\n".join(body).strip("\n") + "\n")

    # the text between two byte offsets, as a string
    def sub(a, b):
        return text[a:b].decode("utf-8")

    # sort the spans by what their first attribute says they are
    entities, speakers, cues, quotes = [], {}, {}, []
    for attrs, a, b in spans:
        f = attrs.split(";")
        if f[0] in TYPES:
            e = {"start": a, "end": b, "type": f[0], "text": sub(a, b)}
            canon = None
            for x in f[1:]:
                if x.startswith("r="):
                    e["role"] = x[2:]
                else:
                    canon = x
            if f[0] in RESOLVED:
                e["canonical"] = canon or aliases.get(e["text"].casefold(), e["text"])
            entities.append(e)
        elif f[0][0] == "s" and f[0][1:].isdigit():
            speakers[f[0]] = (a, b, f[1:])
        elif f[0][0] == "c" and f[0][1:].isdigit():
            cues[f[0]] = (a, b)
        elif f[0] == "q":
            quotes.append((f[1:], a, b))
        else:
            sys.exit("%s: unknown span %r" % (path, attrs))
    # a speaker that is exactly an entity mention takes its canonical name
    by_span = {(e["start"], e["end"]): e for e in entities if e["type"] in RESOLVED}

    # the gold speaker object for speaker id "sN", or None for "-"
    def speaker(sid):
        if sid == "-":
            return None
        a, b, f = speakers[sid]
        s = {"start": a, "end": b, "text": sub(a, b), "canonical": None, "anonymous": False}
        explicit = [x[1:] for x in f if x.startswith("=")]
        if explicit:
            s["canonical"] = explicit[0]
        elif "anon" in f:
            s["anonymous"] = True
        elif (a, b) in by_span:
            s["canonical"] = by_span[(a, b)]["canonical"]
        else:
            sys.exit("%s: speaker %s %r has no canonical" % (path, sid, s["text"]))
        return s

    # quotes refer to speakers and cues by id, so they resolve last
    out_q = []
    for f, a, b in quotes:
        kind, sid, cid = f[0], f[1], f[2]
        q = {"start": a, "end": b, "kind": kind, "text": sub(a, b),
             "speaker": speaker(sid), "cue": None}
        if cid != "-":
            ca, cb = cues[cid]
            q["cue"] = {"start": ca, "end": cb, "text": sub(ca, cb)}
        for x in f[3:]:
            if x == "turn":
                q["turn"] = True
            elif x == "in":
                q["in_quote"] = True
            elif x.startswith("alt="):
                q["alt_speakers"] = x[4:].split("/")
        if kind not in ("direct", "partial", "scare", "indirect"):
            sys.exit("%s: bad kind %r" % (path, kind))
        out_q.append(q)

    entities.sort(key=lambda e: (e["start"], -e["end"]))
    out_q.sort(key=lambda q: (q["start"], -q["end"]))
    doc = {"id": os.path.basename(path)[:-4],
           "source": "written for annot's held-out test (spec/heldout/README.md)",
           "license": "same as the project",
           "note": "invented quotations; see README.md",
           "text_bytes": len(text), "entities": entities, "quotes": out_q}
    # every span must be the text at its offsets
    for e in entities:
        assert sub(e["start"], e["end"]) == e["text"]
    for q in out_q:
        assert sub(q["start"], q["end"]) == q["text"]
        for k in ("speaker", "cue"):
            if q[k]:
                assert sub(q[k]["start"], q[k]["end"]) == q[k]["text"]
    return doc["id"], text, doc


# Rebuild every ID.txt and gold/ID.json from markup/ID.ann.
def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(os.path.join(here, "markup"))):
        if not name.endswith(".ann"):
            continue
        doc_id, text, doc = build(os.path.join(here, "markup", name))
        with open(os.path.join(here, doc_id + ".txt"), "wb") as f:
            f.write(text)
        with open(os.path.join(here, "gold", doc_id + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("%s: %d bytes, %d entities, %d quotes" % (doc_id, len(text),
              len(doc["entities"]), len(doc["quotes"])))


if __name__ == "__main__":
    main()
