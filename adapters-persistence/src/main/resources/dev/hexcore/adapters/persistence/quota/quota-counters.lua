-- Fixed-window quota counters (dev.hexcore.domain.generation.QuotaCounters), atomic in Redis (5 or newer).
-- KEYS[i]  the counter of window i; its name holds the window's start, so a new window is a new key
-- ARGV[1]  'acquire': count the request in every window if all admit it; 'add': add to every window regardless
-- ARGV[3i - 1], ARGV[3i], ARGV[3i + 1]  window i's limit, cost (amount to add), time to live in ms
-- A window admits the request while used + max(cost, 1) <= limit (a cost of 0 only checks for headroom).
-- Returns the 1-based indices of the windows that refused (nothing counted), or an empty array (counted).
-- Counts stay below 2^53, which Lua numbers (doubles) hold exactly.

local mode = ARGV[1]
local refused = {}
if mode == 'acquire' then
  for i = 1, #KEYS do
    local used = tonumber(redis.call('GET', KEYS[i]) or '0')
    local limit = tonumber(ARGV[3 * i - 1])
    local cost = tonumber(ARGV[3 * i])
    if used + math.max(cost, 1) > limit then
      refused[#refused + 1] = i
    end
  end
  if #refused > 0 then
    return refused
  end
end
for i = 1, #KEYS do
  local cost = tonumber(ARGV[3 * i])
  if cost > 0 then
    redis.call('INCRBY', KEYS[i], cost)
    redis.call('PEXPIRE', KEYS[i], ARGV[3 * i + 1])
  end
end
return refused
