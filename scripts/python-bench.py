#!/usr/bin/env python3
"""Throughput of the Python package: detect_many on one core and on all cores (CPU time / wall
time shows the cores used, and each thread's CPU time, read from /proc/self/task, shows how the
work was spread), the README's Dask recipe on a local cluster of 2 workers, the CLI
`spanmark detect --jsonl` on the same files, and what `detect` adds per 5 KB article over the
core's own time (`count_spans`). Prints a Markdown table for BENCHMARKS.md.

Run with the venv of scripts/test-python.sh (spanmark, dask, distributed installed) and a
release CLI:  cargo build --release -p spanmark-cli &&
              target/python-venv/bin/python scripts/python-bench.py [--articles 10000]
`--cores-only` runs just the two detect_many rows (no CLI build or Dask needed).
"""

import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import threading
import time

import spanmark
import spanmark._spanmark as core

ROOT = pathlib.Path(__file__).resolve().parents[1]


def articles_of_5kb(n):
    """`n` texts of about 5,000 characters, whole paragraphs of the fixture articles in turn."""
    paths = sorted((ROOT / "tests" / "fixtures").rglob("*.json"))
    paragraphs = []
    for p in paths:
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(d, dict) and isinstance(d.get("text"), str):
            paragraphs += [x for x in d["text"].split("\n\n") if x.strip()]
    texts, k = [], 0
    while len(texts) < n:
        parts, size = [], 0
        while size < 5000:
            parts.append(paragraphs[k % len(paragraphs)])
            size += len(parts[-1]) + 2
            k += 1
        texts.append("\n\n".join(parts)[:5000])
    return texts


def timed(f):
    w, c = time.perf_counter(), time.process_time()
    out = f()
    return out, time.perf_counter() - w, time.process_time() - c


def cpu_by_thread():
    """CPU seconds (user + sys) of every thread of this process so far, by thread id (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    seconds = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii") as f:
                # after "(name)": state is field 3, utime field 14, stime field 15
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended meanwhile
        seconds[int(tid)] = (int(fields[11]) + int(fields[12])) / tick
    return seconds


def spread(f):
    """Runs f; returns its result, wall and process CPU time, and the CPU time of each thread that
    worked during it (largest first), the calling thread marked."""
    me = threading.get_native_id()
    before = cpu_by_thread()
    out, wall, cpu = timed(f)
    after = cpu_by_thread()
    used = {t: s - before.get(t, 0.0) for t, s in after.items()}
    busy = sorted(((s, t == me) for t, s in used.items() if s >= 0.02 * max(cpu, 1e-9)), reverse=True)
    return out, wall, cpu, busy


def threads_column(busy, cpu):
    """"3: 49 %, 48 %, 3 % (caller)": how many threads worked and each one's share of the CPU time."""
    shares = ", ".join(f"{100 * s / cpu:.0f} %" + (" (caller)" if caller else "") for s, caller in busy)
    return f"{len(busy)}: {shares}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--cli", default=str(ROOT / "target" / "release" / "spanmark"))
    ap.add_argument("--overhead-docs", type=int, default=1000)
    ap.add_argument("--cores-only", action="store_true", help="only the two detect_many rows")
    a = ap.parse_args()
    texts = articles_of_5kb(a.articles)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    spanmark.detect("Kabul")  # load the word lists once
    rows = []

    def row(name, wall, cpu=None, threads="–"):
        rate = f"{len(texts) / wall:,.0f} docs/s, {mb / wall:.1f} MB/s"
        cores = f"{cpu / wall:.2f}" if cpu is not None else "–"
        rows.append(f"| {name} | {wall:.1f} s | {rate} | {cores} | {threads} |")
        print(rows[-1], flush=True)

    print("| run | wall | throughput | CPU time / wall | threads that worked: share of CPU time |")
    print("| --- | --- | --- | --- | --- |")
    one, w1, c1, b1 = spread(lambda: spanmark.detect_many(texts, threads=1))
    row("detect_many, threads=1", w1, c1, threads_column(b1, c1))
    cores = len(os.sched_getaffinity(0))
    many, wn, cn, bn = spread(lambda: spanmark.detect_many(texts))
    row(f"detect_many, threads=None ({cores} cores)", wn, cn, threads_column(bn, cn))
    print(
        f"all cores: {cn / wn:.2f} cores busy of {cores}, {w1 / wn:.2f}x the speed of threads=1; "
        f"same results: {one == many}",
        flush=True,
    )
    if a.cores_only:
        return

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "corpus").mkdir()
        per = -(-len(texts) // 10)
        for f in range(10):
            with open(tmp / "corpus" / f"part-{f:02d}.jsonl", "w", encoding="utf-8") as out:
                for i in range(f * per, min((f + 1) * per, len(texts))):
                    out.write(json.dumps({"id": i, "text": texts[i]}, ensure_ascii=False) + "\n")
        files = sorted(str(p) for p in (tmp / "corpus").glob("*.jsonl"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        w = time.perf_counter()
        subprocess.run([a.cli, "detect", "--jsonl", *files, "--out", str(tmp / "cli.jsonl")], check=True)
        wc = time.perf_counter() - w
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cc = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        row("CLI `spanmark detect --jsonl` (release)", wc, cc)

        import dask.bag as db
        from dask.distributed import Client, LocalCluster

        with LocalCluster(n_workers=2, processes=True, threads_per_worker=1) as cluster, Client(cluster):
            # the README recipe, the cluster already up
            def run():
                (
                    db.read_text(str(tmp / "corpus" / "*.jsonl"))
                    .map(json.loads)
                    .map_partitions(spanmark.detect_many)
                    .map(lambda r: json.dumps(r, ensure_ascii=False, separators=(",", ":")))
                    .to_textfiles(str(tmp / "out" / "*.jsonl"), name_function=lambda i: f"{i:05d}")
                )

            _, wd, _ = timed(run)
        row("Dask local, 2 worker processes (README recipe)", wd)
        got = [l for p in sorted((tmp / "out").glob("*.jsonl")) for l in p.read_text(encoding="utf-8").splitlines()]
        same = got == (tmp / "cli.jsonl").read_text(encoding="utf-8").splitlines()
        print(f"Dask output identical to the CLI's: {same}")

    # Python overhead per document: detect() against the core's own time (count_spans), one
    # document per call, interleaved; best of 3. The clock is this thread's CPU time (both calls
    # do all their work on the calling thread), so other load on the machine does not count.
    sample = texts[: a.overhead_docs]
    best_core = best_py = float("inf")
    for _ in range(3):
        t_core = t_py = 0.0
        for t in sample:
            s = time.thread_time()
            core.count_spans(t)
            m = time.thread_time()
            spanmark.detect(t)
            t_core += m - s
            t_py += time.thread_time() - m
        best_core, best_py = min(best_core, t_core), min(best_py, t_py)
    per_core = best_core / len(sample) * 1e6
    per_py = best_py / len(sample) * 1e6
    print(
        f"overhead per 5 KB article: detect {per_py:.0f} µs, core alone {per_core:.0f} µs, "
        f"Python adds {per_py - per_core:.0f} µs = {100 * (per_py - per_core) / per_core:.1f} %"
    )
    print(f"{len(texts)} articles, {mb:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
