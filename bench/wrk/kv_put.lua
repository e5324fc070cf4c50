-- Cairn: PUT /v1/kv/<prefix><n> with a 256-byte body, n rotating over BENCH_KEYS keys.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
local state, body

setup = c.setup
function init(args)
  state = c.start_state()
  body = c.value()
end
function request()
  return wrk.format("PUT", "/v1/kv/" .. c.prefix .. c.next_key_index(state), nil, body)
end
done = c.done
