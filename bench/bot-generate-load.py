#!/usr/bin/env python3
"""Load for bench/bot-generate.sh: USERS bot users, then one POST /api/v1/bot/generate each, all released at once.

While the generations run, samples pg_stat_activity every 100 ms: how many of the app's connections are busy
(state active or idle in transaction), i.e. held while the model answers. Prints one BENCH_RESULT line.
Standard library only; psql on PATH.
"""
import argparse
import io
import json
import statistics
import subprocess
import threading
import time
import urllib.request
import uuid
import zlib
import struct


def png(width, height):
    raw = b"".join(b"\x00" + bytes([(x * 7 + y * 3) % 256 for x in range(width) for _ in range(3)]) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def call(base, key, method, path, body=None, content_type=None, timeout=120):
    request = urllib.request.Request(base + path, data=body, method=method, headers={"api-key": key})
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def multipart(chat_id, image):
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    out.write(("--%s\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n%d\r\n" % (boundary, chat_id)).encode())
    out.write(("--%s\r\nContent-Disposition: form-data; name=\"image\"; filename=\"d.png\"\r\n"
               "Content-Type: image/png\r\n\r\n" % boundary).encode())
    out.write(image + ("\r\n--%s--\r\n" % boundary).encode())
    return out.getvalue(), "multipart/form-data; boundary=" + boundary


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()

    first = int(time.time()) * 1000
    chats = [first + i for i in range(args.users)]
    for chat in chats:
        status, body = call(args.base, args.key, "POST", "/api/v1/bot/users",
                            json.dumps({"chat_id": chat, "username": "bench"}).encode(), "application/json")
        assert status == 201, (status, body)
    image = png(256, 256)

    busy, held, stop = [], {}, threading.Event()
    def sample():
        query = ("select count(*) || '|' || coalesce(string_agg(state || ': ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 70), '|'), '') "
                 "from pg_stat_activity where datname = '%s' and pid <> pg_backend_pid() "
                 "and state in ('active', 'idle in transaction')" % args.db)
        proc = subprocess.Popen(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", args.db, "-Atq"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        while not stop.is_set():
            proc.stdin.write(query + ";\n")
            fields = proc.stdout.readline().rstrip("\n").split("|")
            busy.append(int(fields[0]))
            for statement in fields[1:]:
                if statement:
                    held[statement] = held.get(statement, 0) + 1
            time.sleep(0.1)
        proc.stdin.close()

    results, barrier = [], threading.Barrier(args.users + 1)
    def generate(chat):
        body, content_type = multipart(chat, image)
        barrier.wait()
        start = time.perf_counter()
        status, _ = call(args.base, args.key, "POST", "/api/v1/bot/generate", body, content_type)
        results.append((status, time.perf_counter() - start))

    threads = [threading.Thread(target=generate, args=(c,)) for c in chats]
    for t in threads:
        t.start()
    sampler = threading.Thread(target=sample)
    sampler.start()
    barrier.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    stop.set()
    sampler.join()

    ok = sorted(s for code, s in results if code == 200)
    codes = {}
    for code, _ in results:
        codes[code] = codes.get(code, 0) + 1
    p = lambda q: ok[min(len(ok) - 1, int(q * len(ok)))] if ok else float("nan")
    print("BENCH_RESULT requests=%d ok=%d statuses=%s wall_s=%.2f throughput_per_s=%.1f p50_s=%.2f p99_s=%.2f "
          "max_s=%.2f busy_connections_mean=%.2f busy_connections_max=%d samples=%d"
          % (len(results), len(ok), json.dumps(codes, separators=(",", ":")), wall, len(ok) / wall, p(0.5), p(0.99),
             ok[-1] if ok else float("nan"), statistics.mean(busy) if busy else float("nan"),
             max(busy) if busy else -1, len(busy)))
    for statement, samples in sorted(held.items(), key=lambda kv: -kv[1])[:5]:
        print("busy connection seen %d times: %s" % (samples, statement))


if __name__ == "__main__":
    main()
