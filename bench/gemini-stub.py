#!/usr/bin/env python3
"""A stand-in for Google Gemini's generateContent that enforces per-key request quotas and adds fixed latency.

Used by bench/model-gateway.sh. Standard library only. Listens on 127.0.0.1.

  POST /v1beta/models/{model}:generateContent   key in header x-goog-api-key (or ?key=)
      admitted:  sleeps --latency-ms, then 200 with candidates/usageMetadata (Gemini's wire format); an image
                 request (generationConfig.responseModalities contains IMAGE) also gets --images 1x1 PNG inlineData parts
      refused:   429 at once, RESOURCE_EXHAUSTED with a QuotaFailure violation
                 (quotaId GenerateRequestsPerMinutePerProjectPerModel-FreeTier) and RetryInfo.retryDelay =
                 seconds until the key's window admits a request again; no Retry-After header (as Gemini)
  PUT /faults?rate=R   sets the fault rate (see fault mode below); answers the fault counters
  GET /stats     JSON counters: served / rejected per key and in total, mode, limits
  GET /health    "ok"

Quota per key (x-goog-api-key value), --rpm requests per minute, counted when a request ARRIVES (before the
latency), refused requests are not counted:
  --mode sliding (default): at most RPM admitted requests in any 60 s interval (t-60, t] -- the strictest reading
                 of "per minute"; retryDelay = oldest admitted arrival in the window + 60 - now.
  --mode fixed:  at most RPM admitted requests per clock minute (windows aligned to epoch multiples of 60 s);
                 retryDelay = next minute boundary - now.
--rpm 0 admits every request (no quota; the overhead phase of the benchmark).
Fault mode (--fault-rate R, default 0: off): a fraction R of the requests with a key fail, in equal shares and in a
random order (--fault-seed): 500 INTERNAL, 503 UNAVAILABLE ("The model is overloaded"), 429 RESOURCE_EXHAUSTED with a
per-minute QuotaFailure and RetryInfo.retryDelay --fault-retry-delay-s, and a timeout (the stub holds the request for
--fault-hang-ms and then closes the connection without answering). Faulted requests skip the quota and the latency;
/stats counts them per kind under "faults". PUT /faults?rate=R changes the rate while the stub runs (bench/faults.sh
turns faults on for its model scenario only).
--log FILE writes one JSON line per request: arrival (epoch s), key, status, aborted (admitted, but the caller had
closed the connection before the answer was written), service_s (arrival to response written), tag (the last user
text, so a client can match its own requests).
"""
import argparse
import collections
import json
import random
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

WINDOW_S = 60.0
# A 1x1 PNG: what an image request (generationConfig.responseModalities contains IMAGE) gets beside its text part.
STUB_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


class Quotas:
    def __init__(self, rpm, mode):
        self.rpm = rpm
        self.mode = mode
        self.lock = threading.Lock()
        self.admitted = collections.defaultdict(collections.deque)  # sliding: arrival times in the window
        self.fixed = {}  # fixed: key -> [window index, count]
        self.served = collections.Counter()
        self.rejected = collections.Counter()
        self.first = {}
        self.last = {}
        self.max_in_window = collections.Counter()  # sliding: the largest count any admission saw (<= rpm)

    def acquire(self, key, now):
        """Returns None when admitted, else the seconds until the key's window admits a request."""
        with self.lock:
            if self.rpm <= 0:
                pass  # no quota: every request is admitted
            elif self.mode == "sliding":
                window = self.admitted[key]
                while window and window[0] <= now - WINDOW_S:
                    window.popleft()
                if len(window) >= self.rpm:
                    self.rejected[key] += 1
                    return max(0.001, window[0] + WINDOW_S - now)
                window.append(now)
                self.max_in_window[key] = max(self.max_in_window[key], len(window))
            else:
                index = int(now // WINDOW_S)
                state = self.fixed.get(key)
                if state is None or state[0] != index:
                    state = self.fixed[key] = [index, 0]
                if state[1] >= self.rpm:
                    self.rejected[key] += 1
                    return max(0.001, (index + 1) * WINDOW_S - now)
                state[1] += 1
                self.max_in_window[key] = max(self.max_in_window[key], state[1])
            self.served[key] += 1
            self.first.setdefault(key, now)
            self.last[key] = now
            return None

    def stats(self):
        with self.lock:
            keys = sorted(set(self.served) | set(self.rejected))
            return {
                "mode": self.mode,
                "rpm_per_key": self.rpm,
                "served": sum(self.served.values()),
                "rejected_429": sum(self.rejected.values()),
                "keys": {k: {"served": self.served[k], "rejected_429": self.rejected[k],
                             "max_admitted_in_one_window": self.max_in_window[k],
                             "first_served_at": self.first.get(k), "last_served_at": self.last.get(k)}
                         for k in keys},
            }


def last_user_text(body):
    try:
        for content in reversed(body.get("contents") or []):
            if content.get("role", "user") == "user":
                for part in content.get("parts") or []:
                    if "text" in part:
                        return part["text"]
    except AttributeError:
        pass
    return None


class Faults:
    """Which requests fail and how (fault mode); counts what it injected."""
    KINDS = ("500", "503", "429", "timeout")

    def __init__(self, rate, seed, hang_s, retry_delay_s):
        self.rate = rate
        self.hang_s = hang_s
        self.retry_delay_s = retry_delay_s
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.counts = collections.Counter()

    def draw(self):
        """None (answer normally) or one of KINDS."""
        if self.rate <= 0:
            return None
        with self.lock:
            if self.random.random() >= self.rate:
                return None
            kind = self.random.choice(self.KINDS)
            self.counts[kind] += 1
            return kind

    def stats(self):
        with self.lock:
            return {"rate": self.rate, **{kind: self.counts[kind] for kind in self.KINDS}}


def make_handler(quotas, latency_s, log_file, log_lock, images_per_call=1, faults=None):
    faults = faults or Faults(0.0, 0, 0.0, 1.0)
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # headers and body leave in separate writes: without this, Nagle holds the body until the client ACKs the
        # headers, which a delayed ACK puts off by ~40 ms (measured: upstream 246 ms for 200 ms of latency)
        disable_nagle_algorithm = True
        server_version = "gemini-stub/1"

        def log_message(self, fmt, *args):  # no per-request stderr noise
            pass

        def send_json(self, status, doc):
            data = json.dumps(doc).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def try_send_json(self, status, doc):
            """send_json; returns True when the client had already closed the connection."""
            try:
                self.send_json(status, doc)
                return False
            except (BrokenPipeError, ConnectionResetError):
                return True

        def do_GET(self):
            path = urlparse(self.path).path
            if path == "/stats":
                self.send_json(200, dict(quotas.stats(), faults=faults.stats()))
            elif path == "/health":
                self.send_json(200, {"status": "ok"})
            else:
                self.send_json(404, {"error": {"code": 404, "message": "not found", "status": "NOT_FOUND"}})

        def do_PUT(self):
            url = urlparse(self.path)
            try:
                rate = float((parse_qs(url.query).get("rate") or [""])[0])
            except ValueError:
                rate = -1.0
            if url.path != "/faults" or not 0.0 <= rate <= 1.0:
                self.send_json(400, {"error": {"code": 400, "message": "PUT /faults?rate=<0..1>",
                                               "status": "INVALID_ARGUMENT"}})
                return
            faults.rate = rate
            self.send_json(200, faults.stats())

        def do_POST(self):
            arrival = time.time()
            t0 = time.perf_counter()
            url = urlparse(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if not (url.path.startswith("/v1beta/models/") and url.path.endswith(":generateContent")):
                self.send_json(404, {"error": {"code": 404, "message": "not found", "status": "NOT_FOUND"}})
                return
            model = url.path[len("/v1beta/models/"):-len(":generateContent")]
            key = self.headers.get("x-goog-api-key") or (parse_qs(url.query).get("key") or [None])[0]
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {}
            tag = last_user_text(body)
            aborted = False
            if not key:
                status = 403
                self.send_json(403, {"error": {"code": 403, "message": "Method doesn't allow unregistered callers.",
                                               "status": "PERMISSION_DENIED"}})
            elif (fault := faults.draw()) is not None:
                status = self.inject(fault, model)
            else:
                wait = quotas.acquire(key, arrival)
                if wait is None:
                    status = 200
                    remaining = latency_s - (time.perf_counter() - t0)
                    if remaining > 0:
                        time.sleep(remaining)
                    text = "Stub reply to: " + (tag or "")[:200]
                    # an image request (responseModalities IMAGE) gets one small PNG, as Gemini's image models answer
                    wants_image = "IMAGE" in (body.get("generationConfig") or {}).get("responseModalities", [])
                    parts = [{"text": text}] + ([{"inlineData": {"mimeType": "image/png", "data": STUB_PNG}}] * images_per_call
                                                if wants_image else [])
                    # The caller may have given up (its timeout) during the latency: the request was admitted and
                    # counts against the quota all the same; log it as "aborted" instead of failing the handler.
                    aborted = self.try_send_json(200, {
                        "candidates": [{"content": {"parts": parts, "role": "model"},
                                        "finishReason": "STOP", "index": 0}],
                        "usageMetadata": {"promptTokenCount": 40, "candidatesTokenCount": 12, "totalTokenCount": 52},
                        "modelVersion": model, "responseId": "stub-%d" % int(arrival * 1e6)})
                    if aborted:
                        self.close_connection = True
                else:
                    status = 429
                    self.send_json(429, {"error": {
                        "code": 429,
                        "message": "You exceeded your current quota, please check your plan and billing details.",
                        "status": "RESOURCE_EXHAUSTED",
                        "details": [
                            {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{
                                "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                                "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                                "quotaDimensions": {"location": "global", "model": model},
                                "quotaValue": str(quotas.rpm)}]},
                            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "%.3fs" % wait}]}})
            if log_file is not None:
                line = json.dumps({"arrival": arrival, "key": key, "status": status,
                                   "aborted": status == 200 and aborted,
                                   "service_s": time.perf_counter() - t0, "tag": tag})
                with log_lock:
                    log_file.write(line + "\n")
                    log_file.flush()

        def inject(self, fault, model):
            """Answers with the fault drawn; returns the status logged (0 for a timeout: nothing is answered)."""
            if fault == "timeout":
                time.sleep(faults.hang_s)
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return 0
            if fault == "429":
                self.send_json(429, {"error": {
                    "code": 429, "message": "You exceeded your current quota (injected fault).",
                    "status": "RESOURCE_EXHAUSTED",
                    "details": [
                        {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{
                            "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                            "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                            "quotaDimensions": {"location": "global", "model": model}}]},
                        {"@type": "type.googleapis.com/google.rpc.RetryInfo",
                         "retryDelay": "%.3fs" % faults.retry_delay_s}]}})
                return 429
            code = int(fault)
            self.send_json(code, {"error": {
                "code": code,
                "message": "The model is overloaded. Please try again later." if code == 503
                else "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
                "status": "UNAVAILABLE" if code == 503 else "INTERNAL"}})
            return code

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--rpm", type=int, default=20, help="requests per minute per key (0: no quota)")
    parser.add_argument("--latency-ms", type=float, default=200.0, help="fixed latency of an admitted request")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--mode", choices=["sliding", "fixed"], default="sliding")
    group.add_argument("--fixed-window", dest="mode", action="store_const", const="fixed",
                       help="same as --mode fixed (windows aligned to clock minutes)")
    parser.add_argument("--log", help="append one JSON line per request to this file")
    parser.add_argument("--images", type=int, default=1, help="images in the answer to an image request")
    parser.add_argument("--fault-rate", type=float, default=0.0,
                        help="fraction of requests answered with an injected fault (0: none)")
    parser.add_argument("--fault-seed", type=int, default=20, help="seed of the fault draws")
    parser.add_argument("--fault-hang-ms", type=float, default=5000.0,
                        help="how long a 'timeout' fault holds the request before closing the connection")
    parser.add_argument("--fault-retry-delay-s", type=float, default=1.0, help="retryDelay of an injected 429")
    args = parser.parse_args()
    if not 0.0 <= args.fault_rate <= 1.0:
        parser.error("--fault-rate must be between 0 and 1")

    quotas = Quotas(args.rpm, args.mode)
    log_file = open(args.log, "a", buffering=1) if args.log else None
    faults = Faults(args.fault_rate, args.fault_seed, args.fault_hang_ms / 1000.0, args.fault_retry_delay_s)
    handler = make_handler(quotas, args.latency_ms / 1000.0, log_file, threading.Lock(), args.images, faults)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.daemon_threads = True
    server.request_queue_size = 128
    print("gemini-stub on 127.0.0.1:%d, %s window, %d RPM per key, %.0f ms latency, %.0f %% faults"
          % (args.port, args.mode, args.rpm, args.latency_ms, args.fault_rate * 100), file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
