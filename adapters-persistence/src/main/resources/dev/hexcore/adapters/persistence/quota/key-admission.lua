-- One acquire of the model key pool (dev.hexcore.domain.generation.KeyAdmission), atomic in Redis: skip disabled
-- keys, go round the others from the turn's offset, pass over a scope already tried or cooling down, and count the
-- request in every window of the first scope whose windows all admit it. Sent after quota-windows.lua.
-- KEYS[1]  the hash of disabled keys (key id -> reason)
-- then per candidate: its scope's cooldown key (end in epoch ms), then one key per window
-- ARGV[1]  now, in microseconds since the epoch (the caller's clock, never Redis's)
-- ARGV[2]  a token unique to this call (members are '<now>:<token>:<candidate>:<i>:<n>')
-- ARGV[3]  the turn (a non-negative integer, incremented by the caller per request: round robin)
-- ARGV[4]  the number of candidates
-- then per candidate: key id, scope, number of windows, and 6 arguments per window (see quota-windows.lua)
-- Returns {granted candidate (0-based) or -1, number of enabled candidates, earliest recovery in microseconds or -1}.

local now = ARGV[1]
local token = ARGV[2]
local turn = tonumber(ARGV[3])

local candidates = {}
local nextKey = 2
local nextArg = 5
for c = 1, tonumber(ARGV[4]) do
  local candidate = { id = ARGV[nextArg], scope = ARGV[nextArg + 1], cooldown = KEYS[nextKey], windows = {} }
  local count = tonumber(ARGV[nextArg + 2])
  nextKey = nextKey + 1
  nextArg = nextArg + 3
  for i = 1, count do
    candidate.windows[i] = window_at(KEYS[nextKey], nextArg)
    nextKey = nextKey + 1
    nextArg = nextArg + 6
  end
  candidates[c] = candidate
end

local enabled = {}
for c, candidate in ipairs(candidates) do
  if redis.call('HEXISTS', KEYS[1], candidate.id) == 0 then
    enabled[#enabled + 1] = c
  end
end
if #enabled == 0 then
  return { -1, 0, -1 }
end

local offset = turn % #enabled
local tried = {}
local earliest = -1
for i = 0, #enabled - 1 do
  local c = enabled[(offset + i) % #enabled + 1]
  local candidate = candidates[c]
  if not tried[candidate.scope] then
    tried[candidate.scope] = true
    local recovery = nil
    local cooling = tonumber(redis.call('GET', candidate.cooldown) or '0') * 1000
    if cooling > tonumber(now) then
      recovery = cooling
    else
      for _, w in ipairs(candidate.windows) do
        local refused = window_refusal(w, now)
        if refused and (recovery == nil or refused > recovery) then
          recovery = refused
        end
      end
      if recovery == nil then
        for n, w in ipairs(candidate.windows) do
          window_add(w, w.cost, now, now .. ':' .. token .. ':' .. c .. ':' .. n)
        end
        return { c - 1, #enabled, -1 }
      end
    end
    if earliest < 0 or recovery < earliest then
      earliest = recovery
    end
  end
end
return { -1, #enabled, earliest }
