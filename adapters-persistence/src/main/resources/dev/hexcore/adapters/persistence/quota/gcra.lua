-- GCRA rate limit, the same arithmetic as dev.hexcore.domain.quota.Gcra, run atomically in Redis (5 or newer).
-- KEYS[1]  the counter key; it holds the theoretical arrival time (TAT) in microseconds
-- ARGV[1]  emission interval in microseconds (period / limit, at least 1)
-- ARGV[2]  limit (burst size)
-- ARGV[3]  wanted: 0 to peek (never writes), 1 to acquire, more to count up to that many at once (a lease)
-- Returns {allowed (1|0), remaining, reset_after_micros, retry_after_micros, granted}.
-- "Now" is the Redis server clock, so replicas with skewed clocks agree. Microsecond times stay below 2^53,
-- which Lua numbers (doubles) hold exactly.

local interval = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local stored = tonumber(redis.call('GET', KEYS[1]) or '0')
local tat = math.max(stored, now)
local allow_at = tat + interval - interval * limit
local diff = now - allow_at

if diff < 0 then
  return {0, 0, tat - now, -diff, 0}
end

local available = math.min(limit, math.floor(diff / interval) + 1)
local granted = math.min(wanted, available)
local new_tat = tat + interval * granted
if granted > 0 then
  -- the key expires when its TAT is reached: from then on a missing key means the same as the stored one
  redis.call('SET', KEYS[1], string.format('%d', new_tat), 'PX', math.ceil((new_tat - now) / 1000))
end
return {1, available - granted, new_tat - now, 0, granted}
