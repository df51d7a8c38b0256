"""A 50 MB string is detected with no crash and no hang: each run is a child process with a limit
on its CPU time (independent of the machine's load) and on its wall time (a hang is killed)."""

import json
import os
import resource
import signal
import subprocess
import sys

import pytest

import spanmark

# The child: reads the big text, detects it, checks every 997th span and the last one against
# the text, and prints what the parent asserts on (the spans themselves would be 100 MB of JSON).
CHILD = r"""
import json, resource, sys
import spanmark
big = open(sys.argv[1], encoding="utf-8").read()
head = int(sys.argv[2])
spans = spanmark.detect(big)
sample = spans[::997] + spans[-1:]
used = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "chars": len(big),
    "spans": len(spans),
    "in_head": sum(s.end < head for s in spans),
    "where_they_say": all(big[s.start:s.end] == s.text for s in sample),
    "cpu": used.ru_utime + used.ru_stime,
}))
"""


def detect_in_child(path, head, cpu_limit):
    """What CHILD prints for the text in `path`, run under `cpu_limit` seconds of CPU; a run
    over the limit, a crash or a hang fails the test with a sentence."""
    wall_limit = max(900, 10 * cpu_limit)  # the machine may be shared: wall time only catches hangs

    def limit_cpu():
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit, cpu_limit + 5))

    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(head)],
            capture_output=True,
            text=True,
            timeout=wall_limit,
            preexec_fn=limit_cpu,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"no answer after {wall_limit} s of wall time: detection hangs")
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        pytest.fail(f"detection took more than {cpu_limit} s of CPU time")
    assert done.returncode == 0, f"the child crashed (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(done.stdout)


def test_a_50_mb_text_is_detected_without_a_crash(articles, tmp_path):
    # 50 MB: 20 KB of news, then the articles in lower case (few names: seconds of CPU; the
    # real-news variant below is still minutes)
    text = "\n\n".join(t for _, t in articles)
    head = text[:20_000]
    big = head + "\n\n" + (text.lower() + "\n\n") * (50_000_000 // len(text) + 1)
    assert len(big.encode("utf-8")) >= 50_000_000
    path = tmp_path / "big.txt"
    path.write_text(big, encoding="utf-8")
    got = detect_in_child(path, len(head), cpu_limit=120)
    assert got["chars"] == len(big)
    # names at the start are found (a page this long counts as a sports page, so some labels
    # differ from the 20 KB alone), and every span checked is where it says
    assert got["in_head"] > 0.9 * len(spanmark.detect(head))
    assert got["where_they_say"]
    assert got["spans"] > 1000


@pytest.mark.skipif(
    os.environ.get("SPANMARK_SLOW") != "1",
    reason="about 45 s of CPU (was minutes before companies/shouted became linear): set SPANMARK_SLOW=1",
)
def test_a_50_mb_news_text_is_detected_within_a_minute_of_cpu(articles, tmp_path):
    text = "\n\n".join(t for _, t in articles)
    big = text * (50_000_000 // len(text) + 1)
    path = tmp_path / "news.txt"
    path.write_text(big, encoding="utf-8")
    limit = int(os.environ.get("SPANMARK_50MB_CPU", "60"))
    got = detect_in_child(path, len(text), cpu_limit=limit)
    print(f"50 MB of news: {got['spans']} spans in {got['cpu']:.1f} s of CPU")
    assert got["where_they_say"]
    assert got["spans"] > 200 * len(spanmark.detect(text))
