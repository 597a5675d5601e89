-- Gives back one request that key-admission.lua granted and counted (dev.hexcore.domain.generation.KeyAdmission.Admitting):
-- exactly its own units, never another caller's. Sent on its own (it needs nothing of quota-windows.lua).
-- KEYS[i]  window i of the granted candidate, in the order key-admission.lua counted them
-- ARGV[1]  the grant's member prefix '<now>:<token>:<candidate>' (candidate 1-based): the units it added to a
--          sliding window are '<prefix>:<i>:<n>' for n = 1 .. cost
-- ARGV[2i], ARGV[2i + 1]  window i: cost, and 1 for a sliding window or 0 for a fixed one
-- A fixed window is decremented by its cost, never below zero, and only while its counter exists (its name holds the
-- window's start, so it is the counter the grant incremented); DECRBY keeps its expiry.

for i = 1, #KEYS do
  local cost = tonumber(ARGV[2 * i])
  if cost > 0 then
    if ARGV[2 * i + 1] == '1' then
      for n = 1, cost do
        redis.call('ZREM', KEYS[i], ARGV[1] .. ':' .. i .. ':' .. n)
      end
    else
      local held = tonumber(redis.call('GET', KEYS[i]) or '0')
      if held > 0 then
        redis.call('DECRBY', KEYS[i], math.min(held, cost))
      end
    end
  end
end
return 0
