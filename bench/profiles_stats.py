#!/usr/bin/env python3
"""Helpers of bench/profiles.sh: poll an export, sample heap metrics, read access and GC logs, check a JSON file.

Every sub-command prints one line of `key=value` pairs (or JSON where stated) for the shell script to read.
Requests go to 127.0.0.1 only, without any proxy.
"""
import json
import re
import statistics
import sys
import time
import urllib.request
from datetime import datetime

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
TERMINAL = {"succeeded", "failed", "expired"}


def get(url, headers=None, timeout=15):
    request = urllib.request.Request(url, headers=headers or {})
    with OPENER.open(request, timeout=timeout) as response:
        return response.read()


def heap_used(base):
    """Sum of jvm_memory_used_bytes{area="heap",...} over all heap pools, from the Prometheus metrics."""
    total, seen = 0.0, False
    for line in get(base + "/q/metrics", {"Accept": "text/plain"}).decode().splitlines():
        if line.startswith("jvm_memory_used_bytes{") and 'area="heap"' in line:
            total += float(line.rsplit(" ", 1)[1])
            seen = True
    if not seen:
        raise SystemExit("no jvm_memory_used_bytes{area=\"heap\"} in /q/metrics")
    return total


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def ms_between(a, b):
    a, b = instant(a), instant(b)
    return (b - a).total_seconds() * 1000.0 if a and b else float("nan")


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def cmd_heap(base):
    print(f"heap_bytes={heap_used(base):.0f}")


def cmd_wait(base, key, export_id, poll_s, out_path, sample_heap):
    """Polls GET /api/v1/exports/{id} every poll_s until the export is finished; with sample_heap=1 also samples the
    heap from /q/metrics at each poll. Writes the last status JSON to out_path; prints the polling summary."""
    poll_s = float(poll_s)
    url = f"{base}/api/v1/exports/{export_id}"
    heaps, polls, started = [], 0, time.monotonic()
    while True:
        doc = json.loads(get(url, {"X-API-Key": key}))
        polls += 1
        if sample_heap == "1":
            heaps.append(heap_used(base))
        if doc.get("status") in TERMINAL:
            break
        if time.monotonic() - started > 3600:
            raise SystemExit(f"export {export_id} not finished after 1 h: {doc}")
        time.sleep(poll_s)
    with open(out_path, "w") as out:
        json.dump(doc, out)
    fields = {"status": doc.get("status"), "polls": polls,
              "seen_s": f"{time.monotonic() - started:.3f}"}
    if heaps:
        fields.update(heap_samples=len(heaps), heap_max_bytes=f"{max(heaps):.0f}")
    print(" ".join(f"{k}={v}" for k, v in fields.items()))


def cmd_export(path):
    """Times of one finished export from its status JSON: run = completed_at - started_at, wait = requested_at to
    started_at (queue and worker poll), total = requested_at to completed_at, in ms."""
    doc = json.load(open(path))
    print(" ".join(f"{k}={v}" for k, v in {
        "status": doc.get("status"),
        "run_ms": f"{ms_between(doc.get('started_at'), doc.get('completed_at')):.1f}",
        "wait_ms": f"{ms_between(doc.get('requested_at'), doc.get('started_at')):.1f}",
        "total_ms": f"{ms_between(doc.get('requested_at'), doc.get('completed_at')):.1f}",
        "processed": doc.get("processed"), "total": doc.get("total"),
        "size_bytes": doc.get("size_bytes"), "attempts": doc.get("attempts"),
        "error": json.dumps(doc.get("error")).replace(" ", "_"),
    }.items()))


def cmd_stats(divisor, *values):
    """p50 (nearest rank), min, max and mean of the values, each divided by divisor."""
    numbers = [float(v) / float(divisor) for v in values]
    if not numbers:
        raise SystemExit("stats: no values")
    print(f"n={len(numbers)} p50={percentile(numbers, 50):.2f} min={min(numbers):.2f} max={max(numbers):.2f} "
          f"mean={statistics.fmean(numbers):.2f}")


ACCESS = re.compile(r"\] (GET|POST|PUT|PATCH|DELETE) (\S+) (\d{3}) (\d+\.\d+)ms ")


def cmd_access(log_path, first_line, last_line, method, path):
    """Server-side latency (the access log's time, from the first router handler to the response end) of the
    requests logged between two line numbers of the app's log."""
    values, non2xx = [], 0
    with open(log_path, errors="replace") as log:
        for number, line in enumerate(log, 1):
            if number <= int(first_line) or number > int(last_line):
                continue
            match = ACCESS.search(line)
            if not match or match.group(1) != method or match.group(2) != path:
                continue
            values.append(float(match.group(4)))
            non2xx += not match.group(3).startswith("2")
    if not values:
        print("n=0 p50=n/a p99=n/a mean=n/a non2xx=0")
        return
    print(f"n={len(values)} p50={percentile(values, 50):.2f} p99={percentile(values, 99):.2f} "
          f"mean={statistics.fmean(values):.2f} non2xx={non2xx}")


GC_LINE = re.compile(r"^\[(\d+\.\d+)s\].*\bGC\((\d+)\) (Pause .*?) (\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\)")
UNIT = {"K": 1 / 1024, "M": 1, "G": 1024}
EXPLICIT = re.compile(r"^Pause Full \((Diagnostic Command|System\.gc\(\))\)")
# Pauses that collect (young, mixed, full): their "after" is what survived. Remark and Cleanup collect nothing, so
# their figures still include the garbage in eden; they are left out.
COLLECTING = re.compile(r"^Pause (Young|Full)")


def cmd_gc_window(log_path):
    """Heap after GC during the window between the last two explicit GCs (jcmd GC.run, logged as
    'Pause Full (Diagnostic Command)' by JDK 25, 'Pause Full (System.gc())' by older JDKs): the first is the
    baseline, the collecting pauses in between are the window, the second shows what is still live afterwards.
    Prints MiB values (the GC log's M)."""
    events = []
    with open(log_path, errors="replace") as log:
        for line in log:
            match = GC_LINE.search(line)
            if match:
                events.append({"t": float(match.group(1)), "kind": match.group(3).strip(),
                               "before": int(match.group(4)) * UNIT[match.group(5)],
                               "after": int(match.group(6)) * UNIT[match.group(7)],
                               "capacity": int(match.group(8)) * UNIT[match.group(9)]})
    explicit = [i for i, e in enumerate(events) if EXPLICIT.search(e["kind"])]
    if len(explicit) < 2:
        raise SystemExit(f"gc-window: need two explicit GCs in {log_path}, found {len(explicit)}")
    start, end = explicit[-2], explicit[-1]
    base, last = events[start], events[end]
    window = [e for e in events[start + 1:end] if COLLECTING.search(e["kind"])]
    if window:
        peak = max(e["after"] for e in window)
        peak_text, growth_text = f"{peak:.0f}", f"{peak - base['after']:.0f}"
        before_text = f"{max(e['before'] for e in window):.0f}"
    else:   # no collection while the export ran: the live heap during it is not observed
        peak_text = growth_text = before_text = "n/a"
    # Allocated in the window: what each pause found above what the previous one left (every pause in between,
    # including Remark and Cleanup, and the closing full GC).
    allocated, previous = 0.0, base["after"]
    for event in events[start + 1:end + 1]:
        allocated += max(0.0, event["before"] - previous)
        previous = event["after"]
    print(f"t0={base['t']:.3f} t1={last['t']:.3f} base_mb={base['after']:.0f} peak_after_mb={peak_text} "
          f"growth_mb={growth_text} gcs={len(window)} after_full_mb={last['after']:.0f} "
          f"retained_mb={last['after'] - base['after']:.0f} capacity_mb={last['capacity']:.0f} "
          f"peak_before_mb={before_text} window_s={last['t'] - base['t']:.1f} allocated_mb={allocated:.0f}")


def cmd_check_json(path, expected):
    """Parses the whole export; checks it is an array of `expected` objects with distinct ids."""
    with open(path, "rb") as file:
        doc = json.load(file)
    ok = isinstance(doc, list)
    items = len(doc) if ok else 0
    ids = len({item.get("id") for item in doc if isinstance(item, dict)}) if ok else 0
    valid = ok and items == int(expected) and ids == items
    print(f"valid={'yes' if valid else 'no'} items={items} distinct_ids={ids}")


COMMANDS = {"heap": cmd_heap, "wait": cmd_wait, "export": cmd_export, "stats": cmd_stats, "access": cmd_access,
            "gc-window": cmd_gc_window, "check-json": cmd_check_json}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        raise SystemExit(f"usage: {sys.argv[0]} {'|'.join(COMMANDS)} ...")
    COMMANDS[sys.argv[1]](*sys.argv[2:])
