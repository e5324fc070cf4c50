-- Cairn: GET /v1/kv/<prefix><n>, n rotating over BENCH_KEYS existing keys; BENCH_QUERY (e.g. "?stale") appended.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
local state
local query = os.getenv("BENCH_QUERY") or ""

setup = c.setup
function init(args)
  state = c.start_state()
end
function request()
  return wrk.format("GET", "/v1/kv/" .. c.prefix .. c.next_key_index(state) .. query)
end
done = c.done
