-- Quota windows (dev.hexcore.domain.generation.QuotaCounters.Window), the part shared by quota-counters.lua and
-- key-admission.lua: each script is sent to Redis as this file followed by its own (LuaScript.load).
-- A window is a table:
--   key     a fixed window's counter (a string; its name holds the window's start, so a new window is a new key) or a
--           sliding window's timeline (a sorted set: one member per unit, scored by the microsecond it was counted
--           at; members stay one more window length after they left the window, for callers whose now lags)
--   limit, cost  it admits a request while used + max(cost, 1) <= limit (a cost of 0 only checks for headroom)
--   ttl     time to live in ms after a count
--   length  a sliding window's length in microseconds (0 for a fixed window)
--   from    a sliding window's exclusive lower bound '(<now - length>' ('' for a fixed window)
--   resets  a fixed window's end in microseconds (-1 when the caller knows it; 0 for a sliding window)
-- Arguments come as 6 strings per window, in this order from limit to resets (window_at).
-- Numbers are passed as strings and stay below 2^53, which Lua numbers (doubles) hold exactly; they are never
-- concatenated into strings (Lua would print only 14 digits): now stays the caller's string.

local function window_at(key, first)
  return {
    key = key,
    limit = tonumber(ARGV[first]),
    cost = tonumber(ARGV[first + 1]),
    ttl = ARGV[first + 2],
    length = tonumber(ARGV[first + 3]),
    from = ARGV[first + 4],
    resets = tonumber(ARGV[first + 5])
  }
end

-- The units the window holds at now; trims a sliding window's members that can matter to no caller any more
-- (at or before now - 2 * length).
local function window_used(w, now)
  if w.length > 0 then
    redis.call('ZREMRANGEBYSCORE', w.key, '-inf', tonumber(now) - 2 * w.length)
    return redis.call('ZCOUNT', w.key, w.from, '+inf')
  end
  return tonumber(redis.call('GET', w.key) or '0')
end

-- The units the window holds, without trimming.
local function window_peek(w)
  if w.length > 0 then
    return redis.call('ZCOUNT', w.key, w.from, '+inf')
  end
  return tonumber(redis.call('GET', w.key) or '0')
end

-- nil when the window admits the request; otherwise when it admits again: for a sliding window the microsecond at
-- which enough members will have left it (the n-th oldest's score + length), for a fixed window its resets.
local function window_refusal(w, now)
  local need = math.max(w.cost, 1)
  local count = window_used(w, now)
  if count + need <= w.limit then
    return nil
  end
  if w.length > 0 then
    local nth = redis.call('ZRANGEBYSCORE', w.key, w.from, '+inf', 'WITHSCORES', 'LIMIT', count + need - w.limit - 1, 1)
    return tonumber(nth[2]) + w.length
  end
  return w.resets
end

-- Counts amount units at now (members '<member>:<n>' of a sliding window, which must be unique to the call).
local function window_add(w, amount, now, member)
  if amount <= 0 then
    return
  end
  if w.length > 0 then
    for n = 1, amount do
      redis.call('ZADD', w.key, now, member .. ':' .. n)
    end
  else
    redis.call('INCRBY', w.key, amount)
  end
  redis.call('PEXPIRE', w.key, w.ttl)
end
