-- Shared by the wrk scripts: key rotation, base64 (etcd's JSON gateway wants it) and the result line run.sh parses.
-- Each wrk thread runs its own copy of this code; setup() numbers the threads so their key sequences differ.

local M = {}

M.keys = tonumber(os.getenv("BENCH_KEYS") or "10000")
M.prefix = os.getenv("BENCH_PREFIX") or "bench/k"

local threads = 0
function M.setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

-- 256 bytes, not all one character, so nothing along the way can compress it to nothing.
function M.value()
  local chars = "abcdefghijklmnopqrstuvwxyz0123456789"
  local out = {}
  for i = 1, 256 do
    local j = (i * 7) % #chars + 1
    out[i] = chars:sub(j, j)
  end
  return table.concat(out)
end

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
function M.base64(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local c1 = math.floor(n / 262144) % 64
    local c2 = math.floor(n / 4096) % 64
    local c3 = math.floor(n / 64) % 64
    local c4 = n % 64
    out[#out + 1] = alphabet:sub(c1 + 1, c1 + 1) .. alphabet:sub(c2 + 1, c2 + 1)
      .. (b and alphabet:sub(c3 + 1, c3 + 1) or "=") .. (c and alphabet:sub(c4 + 1, c4 + 1) or "=")
  end
  return table.concat(out)
end

-- Walks all keys in turn; each thread starts elsewhere in the key space.
function M.next_key_index(state)
  state.i = (state.i + 1) % M.keys
  return state.i
end

function M.start_state()
  local id = thread_id or 0
  return { i = (id * 3571) % M.keys }
end

function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d socket_errors=%d non2xx=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end

return M
