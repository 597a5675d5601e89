-- Quota counters (dev.hexcore.domain.generation.QuotaCounters), atomic in Redis (5 or newer); sent after
-- quota-windows.lua, which describes a window.
-- KEYS[i]  window i
-- ARGV[1]  'acquire': count the request in every window if all admit it; 'add': add to every window regardless;
--          'usage': return what each window holds
-- ARGV[2]  now, in microseconds since the epoch (the caller's clock, never Redis's)
-- ARGV[3]  a token unique to this call (members are '<now>:<token>:<i>:<n>')
-- ARGV[6i - 2] .. ARGV[6i + 3]  window i: limit, cost (amount to add), ttl, length, from, resets (see quota-windows.lua)
-- 'acquire' returns, for each window that refused (nothing counted), its 1-based index and when it admits again
-- (a fixed window's resets, -1 when the caller knows it); an empty array when counted.

local mode = ARGV[1]
local now = ARGV[2]
local token = ARGV[3]

local windows = {}
for i = 1, #KEYS do
  windows[i] = window_at(KEYS[i], 6 * i - 2)
end

if mode == 'usage' then
  local result = {}
  for i, w in ipairs(windows) do
    result[i] = window_peek(w)
  end
  return result
end

local refused = {}
if mode == 'acquire' then
  for i, w in ipairs(windows) do
    local recovery = window_refusal(w, now)
    if recovery then
      refused[#refused + 1] = i
      refused[#refused + 1] = recovery
    end
  end
  if #refused > 0 then
    return refused
  end
end
for i, w in ipairs(windows) do
  window_add(w, w.cost, now, now .. ':' .. token .. ':' .. i)
end
return refused
