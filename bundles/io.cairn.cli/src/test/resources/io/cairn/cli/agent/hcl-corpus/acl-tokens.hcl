# The ACL docs' agent configuration: a deny-by-default policy and the agent's tokens
acl = {
  enabled = true
  default_policy = "deny"
  down_policy = "extend-cache"
  token_ttl = "30s"
  tokens = {
    initial_management = "b1gs33cr3t"
    agent = "e95b599e-166e-7d80-08ad-aee76e7ddf19"
    default = "00000000-0000-0000-0000-000000000002"
  }
}
