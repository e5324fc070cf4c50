# A client agent joining through the cloud auto-join docs' static addresses, with Consul's port and limit keys
node_name = "client-1"
data_dir = "/opt/consul"
retry_join = ["10.0.0.11", "10.0.0.12", "10.0.0.13"]
retry_interval = "15s"
leave_on_terminate = true
reconnect_timeout = "8h"
enable_local_script_checks = true
ports {
  http = 0x2134 # 8500, hex as HCL 1 reads it
  dns = 8600
  serf_lan = 8301
}
limits {
  http_max_conns_per_client = 400
}
# a service definition, read by the agent's definitions reader and left alone by the settings reader
services {
  name = "web"
  port = 80
}
services {
  name = "api"
  port = 8080
}
