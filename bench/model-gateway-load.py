#!/usr/bin/env python3
"""Load driver and report for bench/model-gateway.sh (standard library only).

  quota   --clients C --start-at EPOCH --duration S : C threads loop POST /api/v1/roleplay/chat with unique messages
            from START-AT until START-AT+S (no new request after that; requests in flight finish)
  warmup  --count N --clients C  : N unique requests from C threads, back to back, not measured (JIT warm-up)
  paced   --count N --interval S : N sequential unique requests, one every S seconds (0: back to back)
  repeat  --count N --warmup W   : the same request N times over one keep-alive connection (cache hits)
  report  ... : joins the client logs, the stub's per-request log and stats, and the gateway events; prints Markdown

Every request is timed with time.perf_counter() around the whole HTTP exchange; one JSON line per request.
"""
import argparse
import collections
import http.client
import json
import math
import re
import os
import sys
import threading
import time
from urllib.parse import urlparse


def chat_body(message):
    return json.dumps({"scenario": "Ordering coffee in a cafe", "role": "Barista", "message": message,
                       "history": [], "target_language": "Spanish", "level": "A2"}).encode()


class Client:
    def __init__(self, base, token, timeout):
        url = urlparse(base)
        self.host, self.port = url.hostname, url.port or 80
        self.token, self.timeout = token, timeout
        self.conn = None

    def post_chat(self, message):
        body = chat_body(message)
        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + self.token}
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            t_wall = time.time()
            t0 = time.perf_counter()
            try:
                self.conn.request("POST", "/api/v1/roleplay/chat", body, headers)
                resp = self.conn.getresponse()
                data = resp.read()
                elapsed = time.perf_counter() - t0
            except (http.client.HTTPException, OSError) as e:
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    return {"start": t_wall, "elapsed_s": time.perf_counter() - t0, "status": 0, "error": repr(e)}
                continue
            rec = {"start": t_wall, "elapsed_s": elapsed, "status": resp.status,
                   "retry_after": resp.getheader("Retry-After")}
            if resp.status != 200:
                rec["body"] = data[:300].decode("utf-8", "replace")
            if resp.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            return rec


def cmd_baseline(a):
    """GET /api/v1/auth/me with the same JWT over one keep-alive connection: the HTTP + authentication floor."""
    url = urlparse(a.base)
    conn, records = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=a.timeout), []
    for i in range(a.warmup + a.count):
        t0 = time.perf_counter()
        conn.request("GET", "/api/v1/auth/me", headers={"Authorization": "Bearer " + a.token})
        resp = conn.getresponse()
        resp.read()
        records.append({"elapsed_s": time.perf_counter() - t0, "status": resp.status, "warmup": i < a.warmup})
    write_lines(a.out, records)


def write_lines(path, records):
    with open(path, "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")


def cmd_quota(a):
    records, lock = [], threading.Lock()
    end = a.start_at + a.duration

    def worker(w):
        client, n = Client(a.base, a.token, a.timeout), 0
        while True:
            now = time.time()
            if now < a.start_at:
                time.sleep(min(a.start_at - now, 0.5))
                continue
            if now >= end:
                return
            n += 1
            tag = "%s quota client %d request %d" % (a.run_id, w, n)
            rec = client.post_chat(tag)
            rec.update(worker=w, tag=tag)
            with lock:
                records.append(rec)
            if rec["status"] != 200 and a.pause_on_503 > 0:
                time.sleep(min(a.pause_on_503, max(0.0, end - time.time())))

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    write_lines(a.out, records)
    ok = sum(1 for r in records if r["status"] == 200)
    print("quota: %d requests, %d x 200" % (len(records), ok), file=sys.stderr)


def cmd_warmup(a):
    """a.count unique requests from a.clients threads, back to back; nothing is measured or written but a count."""
    left, lock, statuses = [a.count], threading.Lock(), collections.Counter()

    def worker(w):
        client = Client(a.base, a.token, a.timeout)
        while True:
            with lock:
                if left[0] == 0:
                    return
                left[0] -= 1
                n = left[0]
            rec = client.post_chat("%s warm-up request %d" % (a.run_id, n))
            with lock:
                statuses[rec["status"]] += 1

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("warm-up: %d requests, statuses %s" % (a.count, dict(statuses)), file=sys.stderr)


def cmd_paced(a):
    client, records = Client(a.base, a.token, a.timeout), []
    next_at = time.time()
    for i in range(a.count):
        now = time.time()
        if next_at > now:
            time.sleep(next_at - now)
        next_at += a.interval
        tag = "%s paced request %d" % (a.run_id, i + 1)
        rec = client.post_chat(tag)
        rec["tag"] = tag
        records.append(rec)
    write_lines(a.out, records)


def cmd_repeat(a):
    client, records = Client(a.base, a.token, a.timeout), []
    tag = "%s the cached question" % a.run_id
    for i in range(a.warmup + a.count):
        rec = client.post_chat(tag)
        rec.update(tag=tag, warmup=i < a.warmup)
        records.append(rec)
    write_lines(a.out, records)


# ---------------------------------------------------------------------------------------------------- report
def read_lines(path):
    try:
        with open(path) as f:
            return [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        return []


def pct(values, p):
    """Nearest-rank percentile (no interpolation)."""
    if not values:
        return None
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(p / 100.0 * len(s)) - 1))]


def fmt(v, digits=2):
    return "n/a" if v is None else ("%.*f" % (digits, v))


def dist_row(label, values, unit_scale=1.0, digits=2):
    vals = [v * unit_scale for v in values]
    return "| %s | %d | %s | %s | %s | %s | %s |" % (
        label, len(vals), fmt(pct(vals, 50), digits), fmt(pct(vals, 95), digits), fmt(pct(vals, 99), digits),
        fmt(min(vals) if vals else None, digits), fmt(max(vals) if vals else None, digits))


DIST_HEAD = "| measure | n | p50 | p95 | p99 | min | max |\n|---|---:|---:|---:|---:|---:|---:|"


ACCESS = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) +INFO +\[he\.access\] POST /api/v1/roleplay/chat (\d{3}) ([\d.]+)ms")


def access_log(path, day_of):
    """The app's access-log lines of roleplay chat: (end epoch s, status, duration ms), in log order."""
    rows = []
    try:
        lines = open(path, errors="replace")
    except OSError:
        return rows
    midnight = math.floor(day_of / 86400) * 86400  # the log prints UTC time of day
    for line in lines:
        m = ACCESS.match(line)
        if m:
            h, mi, sec, ms, status, dur = m.groups()
            t = midnight + int(h) * 3600 + int(mi) * 60 + int(sec) + int(ms) / 1000.0
            rows.append((t, int(status), float(dur)))
    return rows


def cmd_report(a):
    tmp = a.tmp
    stub_log = read_lines(tmp + "/stub-requests.jsonl")
    overhead_stub_log = read_lines(tmp + "/stub-overhead-requests.jsonl")
    events = json.load(open(tmp + "/events.json")) or []
    stats = json.load(open(tmp + "/stub-stats.json"))
    phases = json.load(open(tmp + "/phases.json"))
    quota = read_lines(tmp + "/quota.jsonl")
    paced = read_lines(tmp + "/paced.jsonl")
    repeat = [r for r in read_lines(tmp + "/repeat.jsonl") if not r.get("warmup")]
    curl_times = [float(x) for x in open(tmp + "/curl-cache-hits.txt").read().split()] \
        if a.curl_file else []
    key_names = dict(kv.split("=", 1) for kv in a.key_names.split(",") if kv)  # secret=id
    latency_s = a.stub_latency_ms / 1000.0
    out = []
    p = out.append

    # ---- (a) quota run
    q_start, q_dur = phases["quota_start"], phases["quota_duration"]
    q_end = q_start + q_dur
    q_last = phases["quota_done"]
    stub_q = [r for r in stub_log if q_start - 1 <= r["arrival"] and r["tag"] and " quota client " in r["tag"]]
    served_in = [r for r in stub_q if r["status"] == 200 and not r.get("aborted") and r["arrival"] < q_end]
    served_tail = [r for r in stub_q if r["status"] == 200 and not r.get("aborted") and r["arrival"] >= q_end]
    aborted_logged = [r for r in stub_q if r["status"] == 200 and r.get("aborted")]
    before = json.load(open(tmp + "/stub-stats-before-quota.json"))
    admitted = stats["served"] - before["served"]
    abandoned = admitted - len(served_in) - len(served_tail)
    rejected = [r for r in stub_q if r["status"] == 429]
    keys_n, rpm = a.keys, a.rpm
    windows_fixed = math.ceil(q_end / 60.0) - math.floor(q_start / 60.0)  # clock minutes touched by [start, end)
    windows_sliding = math.ceil(q_dur / 60.0 - 1e-6)  # disjoint 60 s intervals needed to cover [start, end)
    max_fixed = keys_n * rpm * windows_fixed
    max_sliding = keys_n * rpm * windows_sliding
    max_rate = keys_n * rpm * q_dur / 60.0
    max_mode = max_sliding if stats["mode"] == "sliding" else max_fixed
    statuses = {}
    for r in quota:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    n503 = [r for r in quota if r["status"] == 503]
    with_ra = [r for r in n503 if r.get("retry_after")]
    other = {s: c for s, c in statuses.items() if s not in (200, 503)}

    p("### (a) Quota run: %d clients, %.0f s from %s (stub: %s window, %d keys x %d RPM, %.0f ms latency)\n"
      % (a.clients, q_dur, time.strftime("%H:%M:%S", time.gmtime(q_start)), stats["mode"], keys_n, rpm,
         a.stub_latency_ms))
    p("| quantity | value |\n|---|---:|")
    p("| requests sent by the clients (a new one only before start+%.0f s) | %d |" % (q_dur, len(quota)))
    p("| answered 200 | %d |" % statuses.get(200, 0))
    p("| answered 503 MODEL_UNAVAILABLE (with Retry-After) | %d (%d) |" % (len(n503), len(with_ra)))
    p("| other answers | %s |" % (", ".join("%s: %d" % kv for kv in sorted(other.items())) or "none"))
    p("| stub: served (200), arrival inside [start, start+%.0f s) | %d |" % (q_dur, len(served_in)))
    p("| stub: served after the end (requests that were waiting for a key at the end) | %d |" % len(served_tail))
    p("| stub: admitted and counted against the quota, but the app had given up (call timeout) before the answer "
      "| %d (%d of them in the stub's per-request log, %d arriving inside the run) |" % (
          abandoned, len(aborted_logged), sum(1 for r in aborted_logged if r["arrival"] < q_end)))
    p("| **stub: upstream 429s** (arrival inside the run / after its end) | **%d** (%d / %d) |" % (
        len(rejected), sum(1 for r in rejected if r["arrival"] < q_end), sum(1 for r in rejected if r["arrival"] >= q_end)))
    p("| theoretical maximum, sliding window: keys x RPM x ceil(duration/60 s) = %d x %d x %d | %d |"
      % (keys_n, rpm, windows_sliding, max_sliding))
    p("| theoretical maximum, clock-minute windows touched by the run: %d x %d x %d | %d |"
      % (keys_n, rpm, windows_fixed, max_fixed))
    p("| rate only: keys x RPM x duration/60 s | %.1f |" % max_rate)
    p("| **achieved share** = stub served inside the run / maximum for the stub's %s window | **%.1f %%** (%d / %d) |"
      % (stats["mode"], 100.0 * len(served_in) / max_mode if max_mode else 0, len(served_in), max_mode))
    p("| achieved share vs the rate-only figure | %.1f %% |" % (100.0 * len(served_in) / max_rate if max_rate else 0))
    p("| client-side latency of the 200s: p50 / p95 / max (s) | %s / %s / %s |" % (
        fmt(pct([r["elapsed_s"] for r in quota if r["status"] == 200], 50)),
        fmt(pct([r["elapsed_s"] for r in quota if r["status"] == 200], 95)),
        fmt(max([r["elapsed_s"] for r in quota if r["status"] == 200], default=None))))
    p("")
    # per key and per minute
    p("Per key (stub counts: served and 429 by arrival inside the run, abandoned over the whole quota phase; the "
      "gateway's events for the same calls, including the tail):\n")
    p("| key (id) | stub served | stub 429 | admitted, abandoned by the app | max admitted in one window "
      "| gateway events ok | 429s in the gateway's events (key of the event = last key tried) |")
    p("|---|---:|---:|---:|---:|---:|---:|")
    ev_q = [e for e in events if q_start - 1 <= e["end"] <= q_last + 1 and not e["cache_hit"]]
    for secret in sorted({r["key"] for r in stub_q} | set(key_names)):
        kid = key_names.get(secret, secret)
        kstats = stats["keys"].get(secret, {})
        kbefore = before["keys"].get(secret, {}).get("served", 0)
        p("| %s | %d | %d | %d | %s | %d | %d |" % (
            kid, sum(1 for r in served_in if r["key"] == secret), sum(1 for r in rejected if r["key"] == secret),
            kstats.get("served", 0) - kbefore - sum(1 for r in served_in + served_tail if r["key"] == secret),
            kstats.get("max_admitted_in_one_window", 0),
            sum(1 for e in ev_q if e["key_id"] == kid and e["quality"]),
            sum(sum(1 for c in e["errors"] if c.startswith("RATE_LIMITED")) for e in ev_q if e["key_id"] == kid)))
    p("")
    minute0 = int(q_start // 60)
    per_min = {}
    for r in stub_q:
        m = int(r["arrival"] // 60) - minute0
        d = per_min.setdefault(m, [0, 0])
        d[0 if r["status"] == 200 else 1] += 1
    p("Stub arrivals per clock minute of the run (minute 0 = the minute the run started in):\n")
    p("| minute | served | 429 |\n|---:|---:|---:|")
    for m in sorted(per_min):
        p("| %d | %d | %d |" % (m, per_min[m][0], per_min[m][1]))
    p("")
    codes = {}
    for e in ev_q:
        for c in e["errors"]:
            codes[c] = codes.get(c, 0) + 1
    p("Gateway events during the run: %d (ok %d, failed %d, attempts > 1: %d); error codes: %s\n" % (
        len(ev_q), sum(1 for e in ev_q if e["quality"]), sum(1 for e in ev_q if not e["quality"]),
        sum(1 for e in ev_q if e["attempts"] > 1), json.dumps(codes, sort_keys=True) or "{}"))
    if rejected:
        p("Upstream 429s in detail (stub arrival time, key, what the stub's window held):\n")
        p("| arrival (UTC) | s after minute boundary | key | retryDelay the stub computed |")
        p("|---|---:|---|---:|")
        for r in rejected[:30]:
            prior = sorted(x["arrival"] for x in stub_log if x["key"] == r["key"] and x["status"] == 200
                           and r["arrival"] - 60 < x["arrival"] <= r["arrival"])
            delay = (prior[0] + 60 - r["arrival"]) if prior and stats["mode"] == "sliding" else \
                ((int(r["arrival"] // 60) + 1) * 60 - r["arrival"])
            p("| %s.%03d | %.3f | %s | %.3f s |" % (time.strftime("%H:%M:%S", time.gmtime(r["arrival"])),
                                                  int((r["arrival"] % 1) * 1000), r["arrival"] % 60,
                                                  key_names.get(r["key"], r["key"]), delay))
        p("")
    # boundary analysis: in sliding mode, how far are first admissions after a boundary from their counterpart
    # 60 s earlier
    # ---- (b) overhead
    p("### (b) Gateway overhead per call (%d sequential unique requests after %d warm-up ones, in an app run of "
      "their own against a stub without quota)\n" % (len(paced), int(open(tmp + "/overhead-warmup-count.txt").read())))
    by_tag = {}
    for r in overhead_stub_log + stub_log:
        if r["tag"] and r["status"] == 200:
            by_tag.setdefault(r["tag"], r)
    ok_paced = [r for r in paced if r["status"] == 200]
    client_minus_fixed = [(r["elapsed_s"] - latency_s) * 1000 for r in ok_paced]
    client_minus_stub = [(r["elapsed_s"] - by_tag[r["tag"]]["service_s"]) * 1000 for r in ok_paced if r["tag"] in by_tag]
    stub_service = [by_tag[r["tag"]]["service_s"] * 1000 for r in ok_paced if r["tag"] in by_tag]
    before_call = [(by_tag[r["tag"]]["arrival"] - r["start"]) * 1000 for r in ok_paced if r["tag"] in by_tag]
    after_call = [(r["start"] + r["elapsed_s"] - by_tag[r["tag"]]["arrival"] - by_tag[r["tag"]]["service_s"]) * 1000
                  for r in ok_paced if r["tag"] in by_tag]
    p_start, p_end = phases["paced_start"], phases["paced_done"]
    # no margin before the start: the warm-up's last calls ended just before it
    ev_p = [e for e in events if p_start <= e["end"] <= p_end + 1 and not e["cache_hit"] and e["quality"]]
    ev_over = [e["latency_ms"] - a.stub_latency_ms for e in ev_p]
    access = access_log(tmp + "/app-overhead.log", p_start)
    acc_p = [r for r in access if p_start <= r[0] <= p_end + 0.5]
    acc_over = []
    if len(acc_p) == len(paced):  # sequential requests: the log order is the request order
        acc_over = [dur - by_tag[r["tag"]]["service_s"] * 1000 for (t, st, dur), r in zip(acc_p, paced)
                    if st == 200 and r["tag"] in by_tag]
    p("answers: %s; gateway events ok: %d (all attempts = 1: %s)\n" % (
        json.dumps({str(k): v for k, v in sorted({r["status"]: sum(1 for x in paced if x["status"] == r["status"])
                                                  for r in paced}.items())}),
        len(ev_p), all(e["attempts"] == 1 for e in ev_p)))
    p(DIST_HEAD)
    p(dist_row("client end-to-end minus the stub's measured service time (ms), matched per request", client_minus_stub))
    p(dist_row("client end-to-end minus the stub's nominal %.0f ms (ms)" % a.stub_latency_ms, client_minus_fixed))
    p(dist_row("app access-log duration minus the stub's measured service time (ms): server side, request "
               "received to response written", acc_over))
    p(dist_row("gateway event latency_ms minus %.0f ms (ms, whole-ms resolution)" % a.stub_latency_ms, ev_over, digits=0))
    p(dist_row("**gateway's own time per call**: event gateway_ms = whole call minus time inside the provider call "
               "(ms, microsecond resolution)", [e["gateway_ms"] for e in ev_p if "gateway_ms" in e]))
    p(dist_row("  time inside the provider call: event upstream_ms (HTTP client + stub)",
               [e["upstream_ms"] for e in ev_p if "upstream_ms" in e]))
    p(dist_row("  of which before the upstream call: client send -> stub arrival (ms, wall clocks of one host)", before_call))
    p(dist_row("  of which after it: stub response written -> client has the answer (ms)", after_call))
    p(dist_row("stub's own service time of these requests (ms)", stub_service))
    p("")
    # ---- (c) cache hits
    p("### (c) Cache hit end to end (the same request after one miss; sequential, 1 connection at a time)\n")
    c_start, c_end = phases["cache_start"], phases["cache_done"]
    ev_c = [e for e in events if c_start - 0.5 <= e["end"] <= c_end + 1]
    p("keep-alive answers: %s; gateway events in the phase: %d, cache_hit=true: %d; stub calls for the cached "
      "question: %d\n" % (
          json.dumps({str(s): sum(1 for r in repeat if r["status"] == s) for s in sorted({r["status"] for r in repeat})}),
          len(ev_c), sum(1 for e in ev_c if e["cache_hit"]),
          sum(1 for r in overhead_stub_log + stub_log if r["tag"] and r["tag"].endswith(" the cached question"))))
    p(DIST_HEAD)
    p(dist_row("python http.client, one keep-alive connection (ms)", [r["elapsed_s"] for r in repeat if r["status"] == 200], 1000))
    if curl_times:
        p(dist_row("curl, one process and a new connection per request, %{time_total} (ms)", curl_times, 1000))
    acc_c = [r for r in access_log(tmp + "/app-overhead.log", c_start) if c_start <= r[0] <= c_end + 0.5]
    skip = 1 + a.cache_warmup
    if len(acc_c) == skip + 2 * len(repeat):  # miss + warm-up, keep-alive hits, curl hits, in this order
        p(dist_row("app access-log duration of the measured keep-alive hits (ms; server side)",
                   [d for (_, st, d) in acc_c[skip:skip + len(repeat)] if st == 200]))
        p(dist_row("app access-log duration of the curl hits (ms; server side)",
                   [d for (_, st, d) in acc_c[skip + len(repeat):] if st == 200]))
    base = [r for r in read_lines(tmp + "/baseline.jsonl") if not r.get("warmup")]
    if base:
        p(dist_row("reference: GET /api/v1/auth/me with the same JWT, one keep-alive connection (ms; no gateway, "
                   "one PostgreSQL read of the user)", [r["elapsed_s"] for r in base if r["status"] == 200], 1000))
    p(dist_row("gateway event latency_ms of the hits (ms, whole-ms resolution)",
               [e["latency_ms"] for e in ev_c if e["cache_hit"]], digits=0))
    p(dist_row("gateway's own time of the hits: event gateway_ms (ms, microsecond resolution)",
               [e["gateway_ms"] for e in ev_c if e["cache_hit"] and "gateway_ms" in e]))
    p("")
    cpu = read_lines(tmp + "/cpu.jsonl")
    if cpu:
        p("### CPU during each phase (host has %d cores; core-seconds from /proc)\n" % cpu[0]["cores"])
        p("| phase | wall s | host busy | app (java) | stub (python) | everything else: PostgreSQL, Redis, load client, "
          "other users' processes | load average at the end |")
        p("|---|---:|---:|---:|---:|---:|---|")
        snaps = {c["label"]: c for c in cpu}
        for name in ("cache", "paced", "quota"):
            b, e = snaps.get(name + "_start"), snaps.get(name + "_done")
            if not b or not e:
                continue
            busy, app, stub = e["busy"] - b["busy"], e["app"] - b["app"], e["stub"] - b["stub"]
            p("| %s | %.0f | %.1f (%.0f %% of %d cores) | %.1f | %.1f | %.1f | %s |" % (
                name, e["t"] - b["t"], busy, 100 * busy / max(1e-9, (e["t"] - b["t"]) * e["cores"]), e["cores"],
                app, stub, busy - app - stub, e["loadavg"]))
        p("")
    foreign = open(tmp + "/foreign-cpu.txt").readlines() if os.path.exists(tmp + "/foreign-cpu.txt") else []
    if foreign:
        p("Other processes seen above 20 %% CPU (sampled every 10 s; not started by this script): %s\n"
          % "; ".join(sorted(set(l.strip() for l in foreign if l.strip()))[:12]))
    print("\n".join(out))


# ---------------------------------------------------------------------------------------------------- CPU
def proc_jiffies(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12]), int(fields[1])  # utime + stime, ppid
    except (OSError, ValueError, IndexError):
        return 0, 0


def host_busy():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v) - v[3] - v[4]  # all but idle and iowait


def cmd_cpusnap(a):
    hz = os.sysconf("SC_CLK_TCK")
    with open(a.out, "a") as f:
        f.write(json.dumps({"label": a.label, "t": time.time(), "cores": os.cpu_count(), "busy": host_busy() / hz,
                            "app": proc_jiffies(a.app)[0] / hz, "stub": proc_jiffies(a.stub)[0] / hz,
                            "loadavg": " ".join(open("/proc/loadavg").read().split()[:3])}) + "\n")


def cmd_cpusample(a):
    """Every --interval s: processes above 20 % of a core over 1 s that are not descendants of --mine."""
    hz = os.sysconf("SC_CLK_TCK")
    while True:
        before = {int(p): proc_jiffies(int(p)) for p in os.listdir("/proc") if p.isdigit()}
        time.sleep(1)
        parents = {}
        with open(a.out, "a") as f:
            for pid, (j0, _) in before.items():
                j1, ppid = proc_jiffies(pid)
                parents[pid] = ppid
                if (j1 - j0) / hz < 0.2:
                    continue
                chain, p = set(), pid
                while p > 1 and p not in chain:
                    chain.add(p)
                    p = parents.get(p) or proc_jiffies(p)[1]
                if a.mine in chain:
                    continue
                try:
                    cmd = open("/proc/%d/cmdline" % pid).read().replace("\0", " ")[:90]
                except OSError:
                    continue
                f.write("%s (pid %d)\n" % (cmd.strip(), pid))
        time.sleep(max(0, a.interval - 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    for name in ("quota", "paced", "repeat", "baseline", "warmup"):
        s = sub.add_parser(name)
        s.add_argument("--base", required=True)
        s.add_argument("--token", required=True)
        s.add_argument("--run-id", required=True)
        s.add_argument("--out", required=True)
        s.add_argument("--timeout", type=float, default=60)
        if name == "quota":
            s.add_argument("--clients", type=int, default=4)
            s.add_argument("--start-at", type=float, required=True)
            s.add_argument("--duration", type=float, required=True)
            s.add_argument("--pause-on-503", type=float, default=1.0,
                           help="seconds a client waits after a non-200 answer before its next request (0: none)")
        elif name == "warmup":
            s.add_argument("--count", type=int, default=300)
            s.add_argument("--clients", type=int, default=8)
        elif name == "paced":
            s.add_argument("--count", type=int, default=40)
            s.add_argument("--interval", type=float, default=1.2)
        else:  # repeat, baseline
            s.add_argument("--count", type=int, default=200)
            s.add_argument("--warmup", type=int, default=50)
    r = sub.add_parser("report")
    r.add_argument("--tmp", required=True)
    r.add_argument("--keys", type=int, required=True)
    r.add_argument("--rpm", type=int, required=True)
    r.add_argument("--clients", type=int, required=True)
    r.add_argument("--stub-latency-ms", type=float, required=True)
    r.add_argument("--key-names", default="")
    r.add_argument("--curl-file", action="store_true")
    r.add_argument("--cache-warmup", type=int, default=50)
    c = sub.add_parser("cpusnap")
    c.add_argument("--label", required=True)
    c.add_argument("--app", type=int, required=True)
    c.add_argument("--stub", type=int, required=True)
    c.add_argument("--out", required=True)
    c = sub.add_parser("cpusample")
    c.add_argument("--mine", type=int, required=True)
    c.add_argument("--interval", type=float, default=10)
    c.add_argument("--out", required=True)
    a = parser.parse_args()
    {"quota": cmd_quota, "paced": cmd_paced, "warmup": cmd_warmup, "repeat": cmd_repeat, "baseline": cmd_baseline, "report": cmd_report, "cpusnap": cmd_cpusnap,
     "cpusample": cmd_cpusample}[a.cmd](a)


if __name__ == "__main__":
    main()
