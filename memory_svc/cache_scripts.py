"""The hot cache's Lua scripts: each runs atomically in Redis, so concurrent writers
on any replica keep an entry's invariants (see cache.py)."""

# KEYS: meta, list, pending. ARGV: -(messages wanted), lead key prefix, summary field.
# A pending mark (a write between its PostgreSQL commit and this cache) makes it a miss. The
# messages (length-prefixed protobufs) come back joined in one string, so the client
# parses one reply element, not N. The lead's key is derived from the conversation's user inside the
# script, so one round trip serves a whole context. (Keys not declared in KEYS work on
# a standalone Redis, not on Redis Cluster.)
READ = """
if redis.call('EXISTS', KEYS[3]) == 1 then
  return false
end
local meta = redis.call('HMGET', KEYS[1], 'n', 'hw', 'j', 'u', ARGV[3])
local lead = false
if meta[4] then
  lead = redis.call('GET', ARGV[2] .. meta[4])
end
local messages = table.concat(redis.call('LRANGE', KEYS[2], ARGV[1], -1))
return {meta, redis.call('LLEN', KEYS[2]), messages, lead}
"""

# KEYS: meta, list, pending, lead. ARGV: first seq, last seq, ttl, window, conversation
# json, user id, the writer's pending token ("" for none), the lead's version ("" when
# the turn changed no lead), the lead's json, messages... The turn's lead goes in the
# same round trip as its messages (as LEAD does it: only over an older version).
APPEND = """
if ARGV[7] ~= '' and redis.call('GET', KEYS[3]) == ARGV[7] then
  redis.call('DEL', KEYS[3])
end
if ARGV[8] ~= '' then
  local current = redis.call('GET', KEYS[4])
  local version = current and tonumber(string.match(current, '^(%d+)|'))
  if not version or version < tonumber(ARGV[8]) then
    redis.call('SET', KEYS[4], ARGV[8] .. '|' .. ARGV[9], 'EX', ARGV[3])
  end
end
local first = tonumber(ARGV[1])
local last = tonumber(ARGV[2])
local n, hw = 0, 0
if redis.call('EXISTS', KEYS[1]) == 1 then
  n = tonumber(redis.call('HGET', KEYS[1], 'n') or '-1')
  hw = tonumber(redis.call('HGET', KEYS[1], 'hw') or '0')
end
if last <= hw then
  return 0
end
local window = tonumber(ARGV[4])
if n == hw and n == first - 1 and redis.call('LLEN', KEYS[2]) == math.min(n, window) then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 10))
  redis.call('LTRIM', KEYS[2], -window, -1)
  redis.call('HSET', KEYS[1], 'n', last, 'hw', last, 'j', ARGV[5], 'u', ARGV[6])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  return 1
end
-- Not contiguous with what is cached: keep only the high-water mark, so a rebuild
-- from an older snapshot cannot bring back a list without these messages.
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'hw', last)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return -1
"""

# KEYS: meta, list, lead. ARGV: message count, ttl, conversation json, user id, lead
# version ("" to leave the lead alone), lead json, messages (oldest first)...
REBUILD = """
local count = tonumber(ARGV[1])
if ARGV[5] ~= '' then
  local current = redis.call('GET', KEYS[3])
  local version = current and tonumber(string.match(current, '^(%d+)|'))
  if not version or version < tonumber(ARGV[5]) then
    redis.call('SET', KEYS[3], ARGV[5] .. '|' .. ARGV[6], 'EX', ARGV[2])
  end
end
if tonumber(redis.call('HGET', KEYS[1], 'hw') or '0') > count then
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
if #ARGV >= 7 then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 7))
  redis.call('EXPIRE', KEYS[2], ARGV[2])
end
redis.call('HSET', KEYS[1], 'n', count, 'hw', count, 'j', ARGV[3], 'u', ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""

# KEYS: meta. ARGV: field, message count, summary.
SUMMARY = """
if redis.call('HGET', KEYS[1], 'n') == ARGV[2] and redis.call('HGET', KEYS[1], 'hw') == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
  return 1
end
return 0
"""

# KEYS: lead. ARGV: version, json, ttl.
LEAD = """
local current = redis.call('GET', KEYS[1])
if current then
  local version = tonumber(string.match(current, '^(%d+)|'))
  if version and version >= tonumber(ARGV[1]) then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'EX', ARGV[3])
return 1
"""

# KEYS: pending. ARGV: token. Deletes the mark only if it is still this writer's.
CLEAR_PENDING = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""
