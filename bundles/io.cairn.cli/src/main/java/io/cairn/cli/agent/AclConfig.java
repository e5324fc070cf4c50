package io.cairn.cli.agent;

import java.time.Duration;

/**
 * The agent's ACL settings, resolved from Consul's {@code acl} block and its deprecated spellings, for the
 * {@code io.cairn.acl} configuration. {@code defaultPolicy} is {@code allow} or {@code deny}; {@code downPolicy}
 * is {@code allow}, {@code deny}, {@code extend-cache} or {@code async-cache}; tokens are empty when not set.
 * {@code primaryDatacenter} is Consul's top-level {@code primary_datacenter} (the agent's own datacenter when not
 * set); {@code enableTokenReplication} and {@code replicationToken} matter in the other datacenters.
 */
record AclConfig(boolean enabled, String defaultPolicy, String downPolicy, Duration tokenTtl,
    boolean enableTokenPersistence, String initialManagementToken, String defaultToken, String agentToken,
    String agentRecoveryToken, String primaryDatacenter, boolean enableTokenReplication, String replicationToken) {}
