-- wrk script used by bench/run.sh and bench/profiles.sh: `wrk -s bench/report.lua ...`
--
-- With $BENCH_BODY set (non-empty) every request is a $BENCH_METHOD (default POST) with that body and
-- Content-Type: application/json, unless -H gave a Content-Type. Without it the request is wrk's own (GET).
--
-- When the run is done it prints exactly one machine-readable line:
--   BENCH_RESULT label=<label> requests=<n> duration_s=<s> rps=<req/s> p50_ms=<ms> p99_ms=<ms> non2xx=<n> socket_errors=<n>
--
-- label        : $BENCH_LABEL (default "run")
-- non2xx       : responses with an HTTP status >= 400, as counted by wrk itself
--                (summary.errors.status). The endpoints under test never answer 1xx/3xx,
--                so this is the non-2xx count. No response() callback is defined on
--                purpose: it would make wrk parse every response in Lua and slow it down.
-- socket_errors: connect + read + write + timeout errors.

local label = os.getenv("BENCH_LABEL") or "run"
local body = os.getenv("BENCH_BODY")

if body ~= nil and body ~= "" then
  local method = os.getenv("BENCH_METHOD")
  if method == nil or method == "" then method = "POST" end
  wrk.method = method
  wrk.body = body
  if wrk.headers["Content-Type"] == nil then
    wrk.headers["Content-Type"] = "application/json"
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local rps = 0
  if seconds > 0 then rps = summary.requests / seconds end
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT label=%s requests=%d duration_s=%.3f rps=%.2f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
    label, summary.requests, seconds, rps,
    latency:percentile(50) / 1000.0, latency:percentile(99) / 1000.0,
    e.status, e.connect + e.read + e.write + e.timeout))
end
