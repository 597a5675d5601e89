-- Counts one strike in a run that is forgotten ARGV[1] ms after its last strike; returns the run's length.
local run = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return run
