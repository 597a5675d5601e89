-- Cools a scope down until a moment (epoch milliseconds), keeping a later cooldown already set.
-- KEYS[1]  the cooldown key; ARGV[1] until (epoch ms); ARGV[2] time to live in ms (until - now)
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
return 1
