-- etcd 3.4 JSON gateway: POST /v3/kv/put {"key": b64, "value": b64}, same keys and value size as kv_put.lua.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
local state, bodies

setup = c.setup
function init(args)
  state = c.start_state()
  local value = c.base64(c.value())
  bodies = {}
  for n = 0, c.keys - 1 do
    bodies[n] = '{"key":"' .. c.base64(c.prefix .. n) .. '","value":"' .. value .. '"}'
  end
end
function request()
  return wrk.format("POST", "/v3/kv/put", { ["Content-Type"] = "application/json" }, bodies[c.next_key_index(state)])
end
done = c.done
