-- etcd 3.4 JSON gateway: POST /v3/kv/range for one key; BENCH_SERIALIZABLE=true asks for a serializable
-- (local, possibly stale) read, otherwise the read is linearizable.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
local state, bodies
local serializable = os.getenv("BENCH_SERIALIZABLE") == "true"

setup = c.setup
function init(args)
  state = c.start_state()
  bodies = {}
  for n = 0, c.keys - 1 do
    bodies[n] = '{"key":"' .. c.base64(c.prefix .. n) .. '"' .. (serializable and ',"serializable":true' or '') .. '}'
  end
end
function request()
  return wrk.format("POST", "/v3/kv/range", { ["Content-Type"] = "application/json" }, bodies[c.next_key_index(state)])
end
done = c.done
