-- GCRA rate limit, the same arithmetic as dev.hexcore.domain.quota.Gcra, run atomically in Redis (5 or newer).
-- KEYS[1]  the counter key; it holds the theoretical arrival time (TAT) in microseconds
-- ARGV[1]  emission interval in microseconds (period / limit, at least 1)
-- ARGV[2]  limit (burst size)
-- ARGV[3]  cost: 1 to acquire, 0 to peek (never writes)
-- Returns {allowed (1|0), remaining, reset_after_micros, retry_after_micros}.
-- "Now" is the Redis server clock, so replicas with skewed clocks agree. Microsecond times stay below 2^53,
-- which Lua numbers (doubles) hold exactly.

local interval = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local stored = tonumber(redis.call('GET', KEYS[1]) or '0')
local tat = math.max(stored, now)
local new_tat = tat + interval * cost
local allow_at = tat + interval - interval * limit
local diff = now - allow_at

if diff < 0 then
  return {0, 0, tat - now, -diff}
end

local remaining = math.min(limit - cost, math.floor(diff / interval) + 1 - cost)
if cost > 0 then
  -- the key expires when its TAT is reached: from then on a missing key means the same as the stored one
  redis.call('SET', KEYS[1], string.format('%d', new_tat), 'PX', math.ceil((new_tat - now) / 1000))
end
return {1, remaining, new_tat - now, 0}
