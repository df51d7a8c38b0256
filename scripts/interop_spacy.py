"""Checks Spanmark's exports in real spaCy: every span of the spaCy JSONL becomes the same entity
through Doc(words, spaces) + char_span, and the CoNLL file read by `spacy convert --converter ner`
gives the same entities. Usage: interop_spacy.py SOURCE.json EXPORT.jsonl EXPORT.conll WORKDIR"""

import json
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin


def fail_list(problems):
    for p in problems[:30]:
        print("MISMATCH:", p, file=sys.stderr)
    if len(problems) > 30:
        print(f"... and {len(problems) - 30} more", file=sys.stderr)


def check_jsonl(nlp, source, jsonl_path):
    """Returns (problems, spans checked, docs, expected CoNLL entities per doc, spans that also
    align with spaCy's own English tokenizer run on the raw text)."""
    by_id = {d["id"]: d for d in source["documents"]}
    problems, n_spans, n_docs, conll_expected, own = [], 0, 0, [], 0
    english = spacy.blank("en")
    own_misses = []
    for line_no, line in enumerate(Path(jsonl_path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        task = json.loads(line)
        text, tokens, meta = task["text"], task["tokens"], task.get("meta", {})
        where = f"{jsonl_path}:{line_no} ({meta.get('id')})"
        src = by_id.get(meta.get("id"))
        if src is None or src["text"] != text:
            problems.append(f"{where}: text differs from the source document")
            continue
        doc = Doc(nlp.vocab, words=[t["text"] for t in tokens], spaces=[bool(t["ws"]) for t in tokens])
        if doc.text != text:
            problems.append(f"{where}: Doc(words, spaces).text differs from the text")
            continue
        if len(doc) != len(tokens):
            problems.append(f"{where}: spaCy made {len(doc)} tokens of {len(tokens)} words")
            continue
        source_spans = {(s["start"], s["end"], s["label"]) for s in src["spans"]}
        ents, expected, raw = [], [], english.make_doc(text)
        for k, s in enumerate(task["spans"], 1):
            start, end, label = s["start"], s["end"], s["label"]
            span = doc.char_span(start, end, label=label)
            if span is None:
                problems.append(f"{where}: span {k} {start}-{end} {label} is not on spaCy token boundaries")
                continue
            if span.text != text[start:end]:
                problems.append(f"{where}: span {k} is '{span.text}' in spaCy but '{text[start:end]}' in the text")
                continue
            if (span.start, span.end - 1) != (s["token_start"], s["token_end"]):
                problems.append(f"{where}: span {k} covers tokens {span.start}-{span.end - 1}, file says {s['token_start']}-{s['token_end']}")
                continue
            if (start, end, label) not in source_spans:
                problems.append(f"{where}: span {k} {start}-{end} {label} is not a span of the source document")
                continue
            ents.append(span)
            # Informational: would spaCy's own tokenizer on the raw text place it too?
            if raw.char_span(start, end) is not None:
                own += 1
            elif len(own_misses) < 5:
                own_misses.append(f"{meta.get('id')}: '{text[start:end]}' ({label})")
            words = [t.text for t in span if not t.is_space]
            expected.append((" ".join(words), label))
            n_spans += 1
        try:
            doc.ents = ents  # spaCy refuses overlapping entities here
        except ValueError as e:
            problems.append(f"{where}: spaCy refused the entities: {e}")
        if [(e.start_char, e.end_char, e.label_) for e in doc.ents] != [(e.start_char, e.end_char, e.label_) for e in ents]:
            problems.append(f"{where}: doc.ents differ from the spans")
        conll_expected.append(expected)
        n_docs += 1
    for miss in own_misses:
        print(f"  not on spaCy's own token boundaries (fine with our tokens): {miss}")
    return problems, n_spans, n_docs, conll_expected, own


def check_conll(conll_path, workdir, expected):
    out = Path(workdir) / "spacy-convert"
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "spacy", "convert", str(conll_path), str(out), "--converter", "ner", "--file-type", "spacy"]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        return [f"spacy convert failed:\n{run.stdout}\n{run.stderr}"]
    nlp = spacy.blank("xx")
    docs = list(DocBin().from_disk(out / (Path(conll_path).stem + ".spacy")).get_docs(nlp.vocab))
    got = [(e.text, e.label_) for d in docs for e in d.ents]
    want = [e for doc in expected for e in doc]
    if got == want:
        return []
    problems = [f"{conll_path}: spacy convert gave {len(got)} entities, expected {len(want)}"]
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            problems.append(f"{conll_path}: entity {i + 1} is {g} in spaCy, expected {w}")
            break
    return problems


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    source_path, jsonl_path, conll_path, workdir = sys.argv[1:]
    source = json.loads(Path(source_path).read_text(encoding="utf-8"))
    nlp = spacy.blank("xx")
    problems, n_spans, n_docs, expected, own = check_jsonl(nlp, source, jsonl_path)
    problems += check_conll(conll_path, workdir, expected)
    if problems:
        fail_list(problems)
        print(f"interop FAILED: {len(problems)} mismatches in {jsonl_path} / {conll_path}", file=sys.stderr)
        return 1
    print(f"checked {Path(jsonl_path).name}: {n_spans} spans in {n_docs} docs identical in spaCy {spacy.__version__} (char_span and spacy convert)")
    print(f"  for information: {own} of {n_spans} also align with spaCy's own English tokenizer on the raw text")
    print(f"COUNT {n_spans} {n_docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
