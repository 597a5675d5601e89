-- Quota counters (dev.hexcore.domain.generation.QuotaCounters), atomic in Redis (5 or newer).
-- KEYS[i]  window i: a fixed window's counter (a string; its name holds the window's start, so a new window is a new
--          key) or a sliding window's timeline (a sorted set: one member per unit, scored by the microsecond it was
--          counted at; members stay one more window length after they left the window, for callers whose now lags)
-- ARGV[1]  'acquire': count the request in every window if all admit it; 'add': add to every window regardless;
--          'usage': return what each window holds
-- ARGV[2]  now, in microseconds since the epoch (the caller's clock, never Redis's)
-- ARGV[3]  a token unique to this call (members are '<now>:<token>:<i>:<n>')
-- ARGV[5i - 1] .. ARGV[5i + 3]  window i: limit, cost (amount to add), time to live in ms, then for a sliding window
--          its length in microseconds and the exclusive lower bound of the window '(<now - length>' (for a fixed
--          window 0 and '')
-- A window admits the request while used + max(cost, 1) <= limit (a cost of 0 only checks for headroom); a sliding
-- window's used is the members scored after now - length.
-- 'acquire' returns, for each window that refused (nothing counted), its 1-based index and, for a sliding window, the
-- microsecond at which enough members will have left it (the n-th oldest's score + length), -1 for a fixed window;
-- an empty array when counted.
-- Numbers are passed as strings and stay below 2^53, which Lua numbers (doubles) hold exactly; they are never
-- concatenated into strings (Lua would print only 14 digits).

local mode = ARGV[1]
local now = ARGV[2]
local token = ARGV[3]

local function arg(i, n)
  return ARGV[5 * i - 1 + n]
end

local function used(i)
  local length = tonumber(arg(i, 3))
  if length > 0 then
    local from = arg(i, 4)
    -- members at or before now - 2 * length can matter to no caller any more
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', tonumber(now) - 2 * length)
    return redis.call('ZCOUNT', KEYS[i], from, '+inf')
  end
  return tonumber(redis.call('GET', KEYS[i]) or '0')
end

if mode == 'usage' then
  local result = {}
  for i = 1, #KEYS do
    local length = tonumber(arg(i, 3))
    if length > 0 then
      result[i] = redis.call('ZCOUNT', KEYS[i], arg(i, 4), '+inf')
    else
      result[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
    end
  end
  return result
end

local refused = {}
if mode == 'acquire' then
  for i = 1, #KEYS do
    local limit = tonumber(arg(i, 0))
    local need = math.max(tonumber(arg(i, 1)), 1)
    local count = used(i)
    if count + need > limit then
      refused[#refused + 1] = i
      local length = tonumber(arg(i, 3))
      if length > 0 then
        local nth = redis.call('ZRANGEBYSCORE', KEYS[i], arg(i, 4), '+inf', 'WITHSCORES', 'LIMIT', count + need - limit - 1, 1)
        refused[#refused + 1] = tonumber(nth[2]) + length
      else
        refused[#refused + 1] = -1
      end
    end
  end
  if #refused > 0 then
    return refused
  end
end
for i = 1, #KEYS do
  local cost = tonumber(arg(i, 1))
  if cost > 0 then
    if tonumber(arg(i, 3)) > 0 then
      for n = 1, cost do
        redis.call('ZADD', KEYS[i], now, now .. ':' .. token .. ':' .. i .. ':' .. n)
      end
    else
      redis.call('INCRBY', KEYS[i], cost)
    end
    redis.call('PEXPIRE', KEYS[i], arg(i, 2))
  end
end
return refused
