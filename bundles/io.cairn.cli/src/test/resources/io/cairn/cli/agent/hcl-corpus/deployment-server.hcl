# The deployment guide's /etc/consul.d/server.hcl
server = true
bootstrap_expect = 3
ui_config {
  enabled = true
}
client_addr = "0.0.0.0"
bind_addr = "0.0.0.0"
advertise_addr = "10.0.0.11"
