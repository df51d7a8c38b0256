#!/usr/bin/env bash
# Proves the brat export of events and relations against a brat standoff parser from PyPI:
# bratly (its EntityAnnotation/EventAnnotation/RelationAnnotation line parsers) in a venv under
# target/ (reused when present) reads every E, R and trigger T line of the incidents set's export.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/brat-events-venv
py="$venv/bin/python"
work=target/interop-brat-events
PACKAGES=(bratly==0.1.4)

die() { printf '\033[31mbrat events interop FAILED: %s\033[0m\n' "$*" >&2; exit 1; }

if ! "$py" -c "import bratly" 2>/dev/null; then
  echo "brat events interop: installing ${PACKAGES[*]} into $venv (from PyPI)"
  python3 -m venv "$venv" || die "cannot create a Python venv: install python3-venv"
  "$py" -m pip install --quiet --disable-pip-version-check "${PACKAGES[@]}" || die "pip install ${PACKAGES[*]}"
fi

cargo build -q -p spanmark-cli || die "cargo build -p spanmark-cli"
cli="${CARGO_TARGET_DIR:-target}/debug/spanmark"
rm -rf "$work"; mkdir -p "$work"

# The incidents set's gold as one Spanmark JSON file; a located_in relation from each event's
# second place to its first ("Manipur's Tengnoupal district") gives relations to check too.
"$py" - "$work/gold.json" tests/fixtures/dev/incidents/*.json <<'PY'
import json, sys, pathlib
docs = []
for path in sys.argv[2:]:
    d = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    rels = []
    for e in d["events"]:
        places = [a for a in e["args"] if a["role"] == "place" and a["label"] == "GPE"]
        if len(places) >= 2:
            a, b = places[1], places[0]
            rels.append({"type": "located_in", "from": {"start": a["start"], "end": a["end"]}, "to": {"start": b["start"], "end": b["end"]}})
    spans = [{"start": s["start"], "end": s["end"], "label": s["label"]} for s in d["spans"]]
    docs.append({"id": pathlib.Path(path).stem, "title": pathlib.Path(path).stem, "text": d["text"], "spans": spans, "events": d["events"], "relations": rels})
pathlib.Path(sys.argv[1]).write_text(json.dumps({"format": "spanmark/2", "documents": docs}, ensure_ascii=False), encoding="utf-8")
PY
"$cli" convert --from spanmark --to brat "$work/gold.json" "$work/brat/" >/dev/null 2>&1 || die "exporting the incidents set to brat"
[ -f "$work/brat/annotation.conf" ] || die "the brat export has no annotation.conf"

"$py" - "$work/gold.json" "$work/brat" <<'PY'
import json, sys, pathlib, re
from bratly.annotation_types import EntityAnnotation, EventAnnotation, RelationAnnotation
gold = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
folder = pathlib.Path(sys.argv[2])
events_seen = args_seen = rels_seen = 0
for d in gold["documents"]:
    ann = (folder / (d["id"] + ".ann")).read_text(encoding="utf-8").splitlines()
    ents = {}
    for line in ann:
        if line.startswith("T"):
            e = EntityAnnotation.from_line(line)
            ents[e.id] = e
    events, rels = [], []
    for line in ann:
        if line.startswith("E"):
            ev = EventAnnotation.from_line(line, ents)
            args = sorted((re.sub(r"\d+$", "", role), a.get_start(), a.get_end(), a.label) for role, a in ev.args.items())
            events.append((ev.label, ev.event_trigger.get_start(), ev.event_trigger.get_end(), args))
        elif line.startswith("R"):
            r = RelationAnnotation.from_line(line, ents)
            rels.append((r.label, r.argument1[1].get_start(), r.argument1[1].get_end(), r.argument2[1].get_start(), r.argument2[1].get_end()))
    want_events = sorted((e["type"], e["trigger"]["start"], e["trigger"]["end"], sorted((a["role"], a["start"], a["end"], a["label"]) for a in e["args"])) for e in d["events"])
    want_rels = sorted((r["type"], r["from"]["start"], r["from"]["end"], r["to"]["start"], r["to"]["end"]) for r in d["relations"])
    if sorted(events) != want_events:
        sys.exit(f"{d['id']}: bratly read events {sorted(events)}, the export was of {want_events}")
    if sorted(rels) != want_rels:
        sys.exit(f"{d['id']}: bratly read relations {sorted(rels)}, the export was of {want_rels}")
    events_seen += len(events); rels_seen += len(rels); args_seen += sum(len(e[3]) for e in events)
if events_seen == 0 or rels_seen == 0:
    sys.exit("no events or relations were checked")
print(f"brat events interop: bratly read all {events_seen} events ({args_seen} arguments) and {rels_seen} relations of {len(gold['documents'])} documents exactly")
PY
