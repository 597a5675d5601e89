-- wrk script of bench/soak.sh: a weighted mix of Hexcore requests, closed-loop (as fast as the connections go) or
-- open-loop at a fixed rate. Run with one connection per thread (wrk -tN -cN), so that each thread knows which
-- request its response belongs to.
--
-- Environment:
--   SOAK_DATA   file written by bench/soak.sh: tab-separated lines (see "data file" below)
--   SOAK_MIX    weights, e.g. "me=20,login=0,refresh=0.5,profile=20,profiles_page=5,path=15,orders=10,daily=15,review=14.5";
--               a refresh without a refresh token (a thread's first, unless SOAK_TOKENS has one) is sent as a login
--   SOAK_RATE   requests per second for all threads together; unset or 0: closed loop (no pacing)
--   SOAK_LABEL  label of the result line
--   SOAK_TOKENS file of refresh tokens handed from one wrk run to the next (thread number, token): each thread
--               continues the previous run's refresh chain instead of signing in again
--
-- Open loop (SOAK_RATE > 0): thread i sends its k-th request at start_i + k / (SOAK_RATE / threads), whatever became
-- of the previous ones (wrk's delay() waits until then; a thread that fell behind sends at once). Latency is measured
-- from the planned send time, not from when the request actually left, as wrk2 does: a stall shows in the
-- percentiles of every request it held back instead of hiding in one slow sample (no coordinated omission).
--
-- At the end it prints one line:
--   SOAK_WINDOW label=… requests=… duration_s=… rps=… p50_ms=… p90_ms=… p99_ms=… p999_ms=… max_ms=… non2xx=…
--     socket_errors=… behind_ms=… wrk_p99_ms=… statuses=<code>:<n>,… routes=<route>:<n>:<non2xx>,…
-- behind_ms: how far the slowest thread was behind its schedule at its last request (open loop only).

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
  int clock_gettime(int clk_id, soak_timespec *tp);
]]
local ts = ffi.new("soak_timespec")
local function now()  -- seconds, CLOCK_MONOTONIC
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
end

local ROUTES = { "me", "login", "refresh", "profile", "profiles_page", "path", "orders", "daily", "review" }

-- ---- main state: one setup() per thread, done() at the end -----------------------------------
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

-- ---- thread state ------------------------------------------------------------------------
local users, profiles, searches, items_of = {}, {}, {}, {}
local profiles_key, crm_key, shop_id
local cumulative, total_weight = {}, 0
local interval, planned, intended
local current, current_user
refresh_token = nil  -- global, so that done() can hand it to the next run
lats, counts, bad, statuses, behind = {}, {}, {}, {}, 0

local function read_data(path)
  local f = assert(io.open(path, "r"), "SOAK_DATA not readable: " .. tostring(path))
  for line in f:lines() do
    local fields = {}
    for v in (line .. "\t"):gmatch("([^\t]*)\t") do table.insert(fields, v) end
    local kind = fields[1]
    if kind == "user" then      -- user <username> <password> <access token>
      table.insert(users, { name = fields[2], password = fields[3], auth = "Bearer " .. fields[4] })
    elseif kind == "item" then  -- item <user index, 1-based> <user_lexeme id>
      local u = tonumber(fields[2])
      items_of[u] = items_of[u] or {}
      table.insert(items_of[u], fields[3])
    elseif kind == "profile" then profiles[#profiles + 1] = fields[2]
    elseif kind == "search" then searches[#searches + 1] = fields[2]
    elseif kind == "profiles_key" then profiles_key = fields[2]
    elseif kind == "crm_key" then crm_key = fields[2]
    elseif kind == "shop" then shop_id = fields[2]
    end
  end
  f:close()
  assert(#users > 0 and #profiles > 0 and #searches > 0 and profiles_key and crm_key and shop_id,
    "SOAK_DATA lacks users, profiles, searches, keys or the shop")
end

local function parse_mix(mix)
  local weights = {}
  for name, w in mix:gmatch("([%w_]+)=([%d.]+)") do weights[name] = tonumber(w) end
  for _, name in ipairs(ROUTES) do
    local w = weights[name] or 0
    if w > 0 then
      total_weight = total_weight + w
      table.insert(cumulative, { upto = total_weight, route = name })
    end
    weights[name] = nil
  end
  for name in pairs(weights) do error("SOAK_MIX: unknown route " .. name) end
  assert(total_weight > 0, "SOAK_MIX has no positive weight")
end

function init(args)
  read_data(os.getenv("SOAK_DATA"))
  parse_mix(os.getenv("SOAK_MIX") or "")
  math.randomseed(os.time() * 1000 + id)
  for _, name in ipairs(ROUTES) do counts[name] = 0; bad[name] = 0 end
  local tokens = os.getenv("SOAK_TOKENS")
  local f = tokens and io.open(tokens, "r")
  if f then
    for line in f:lines() do
      local n, token = line:match("^(%d+)\t(.+)$")
      if tonumber(n) == id then refresh_token = token end
    end
    f:close()
  end
end

-- A thread's state does not know how many threads there are, so the per-thread interval comes from SOAK_THREADS
-- (bench/soak.sh passes the same number as -t). delay() exists only with a rate: wrk checks for it once.
local rate = tonumber(os.getenv("SOAK_RATE") or "0") or 0
local nthreads = tonumber(os.getenv("SOAK_THREADS") or "1") or 1
if rate > 0 then
  interval = nthreads / rate
  function delay()
    local t = now()
    if planned == nil then
      planned = t + math.random() * interval  -- spread the threads' first requests over one interval
    else
      planned = planned + interval
    end
    local wait = planned - t
    if wait <= 0 then
      if -wait > behind then behind = -wait end
      return 0
    end
    return math.ceil(wait * 1000)
  end
end

local function pick()
  local r = math.random() * total_weight
  for _, c in ipairs(cumulative) do
    if r <= c.upto then return c.route end
  end
  return cumulative[#cumulative].route
end

local json = "application/json"

local function build(route)
  local u = math.random(#users)
  current_user = u
  local user = users[u]
  if route == "me" then
    return wrk.format("GET", "/api/v1/auth/me", { Authorization = user.auth })
  elseif route == "login" or (route == "refresh" and refresh_token == nil) then
    current = "login"
    return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = json },
      string.format('{"username":"%s","password":"%s"}', user.name, user.password))
  elseif route == "refresh" then
    local body = string.format('{"refresh_token":"%s"}', refresh_token)
    refresh_token = nil  -- used once: the answer brings the next one
    return wrk.format("POST", "/api/v1/auth/refresh", { ["Content-Type"] = json }, body)
  elseif route == "profile" then
    return wrk.format("GET", "/api/v1/profiles/" .. profiles[math.random(#profiles)], { ["X-API-Key"] = profiles_key })
  elseif route == "profiles_page" then
    return wrk.format("GET", "/api/v1/profiles?limit=20&page=" .. math.random(5), { ["X-API-Key"] = profiles_key })
  elseif route == "path" then
    return wrk.format("GET", "/api/v1/path/", { Authorization = user.auth })
  elseif route == "orders" then
    return wrk.format("GET", "/api/v1/orders?shop_id=" .. shop_id .. "&search=" .. searches[math.random(#searches)]
      .. "&limit=100", { ["X-API-Key"] = crm_key })
  elseif route == "daily" then
    return wrk.format("GET", "/api/v1/vocabulary/daily-review?limit=20", { Authorization = user.auth })
  else -- review
    local items = items_of[u]
    return wrk.format("POST", "/api/v1/vocabulary/review", { Authorization = user.auth, ["Content-Type"] = json },
      string.format('{"vocabulary_id":"%s","rating":%d}', items[math.random(#items)], math.random(4)))
  end
end

function request()
  local t = now()
  if planned == nil or planned > t then intended = t else intended = planned end
  current = pick()
  return build(current)
end

function response(status, headers, body)
  lats[#lats + 1] = (now() - intended) * 1000.0
  counts[current] = counts[current] + 1
  statuses[status] = (statuses[status] or 0) + 1
  if status < 200 or status > 299 then
    bad[current] = bad[current] + 1
  elseif current == "login" or current == "refresh" then
    refresh_token = body and body:match('"refresh_token"%s*:%s*"([^"]+)"')
  end
end

-- ---- main state again ----------------------------------------------------------------------
local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local i = math.ceil(p / 100 * #sorted)
  if i < 1 then i = 1 end
  return sorted[i]
end

function done(summary, latency, requests)
  local all, per_route, per_bad, per_status, most_behind = {}, {}, {}, {}, 0
  for _, thread in ipairs(threads) do
    for _, v in ipairs(thread:get("lats") or {}) do all[#all + 1] = v end
    for k, v in pairs(thread:get("counts") or {}) do per_route[k] = (per_route[k] or 0) + v end
    for k, v in pairs(thread:get("bad") or {}) do per_bad[k] = (per_bad[k] or 0) + v end
    for k, v in pairs(thread:get("statuses") or {}) do per_status[k] = (per_status[k] or 0) + v end
    local b = thread:get("behind") or 0
    if b > most_behind then most_behind = b end
  end
  table.sort(all)
  local tokens = os.getenv("SOAK_TOKENS")
  if tokens then
    local f = assert(io.open(tokens, "w"))
    for n, thread in ipairs(threads) do
      local token = thread:get("refresh_token")
      if token then f:write(string.format("%d\t%s\n", n, token)) end
    end
    f:close()
  end
  local non2xx = 0
  local routes, codes = {}, {}
  for _, name in ipairs(ROUTES) do
    if (per_route[name] or 0) > 0 then
      routes[#routes + 1] = string.format("%s:%d:%d", name, per_route[name], per_bad[name] or 0)
      non2xx = non2xx + (per_bad[name] or 0)
    end
  end
  local code_list = {}
  for code in pairs(per_status) do code_list[#code_list + 1] = code end
  table.sort(code_list)
  for _, code in ipairs(code_list) do codes[#codes + 1] = string.format("%d:%d", code, per_status[code]) end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "SOAK_WINDOW label=%s requests=%d duration_s=%.3f rps=%.2f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f " ..
    "max_ms=%.3f non2xx=%d socket_errors=%d behind_ms=%.1f wrk_p99_ms=%.3f statuses=%s routes=%s\n",
    os.getenv("SOAK_LABEL") or "run", #all, seconds, #all / seconds, percentile(all, 50), percentile(all, 90),
    percentile(all, 99), percentile(all, 99.9), all[#all] or 0, non2xx, e.connect + e.read + e.write + e.timeout,
    most_behind * 1000, latency:percentile(99) / 1000.0, table.concat(codes, ","), table.concat(routes, ",")))
end
