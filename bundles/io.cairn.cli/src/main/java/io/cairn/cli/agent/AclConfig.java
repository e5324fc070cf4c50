package io.cairn.cli.agent;

import java.time.Duration;

/**
 * The agent's ACL settings, resolved from Consul's {@code acl} block and its deprecated spellings, for the
 * {@code io.cairn.acl} configuration. {@code defaultPolicy} is {@code allow} or {@code deny}; {@code downPolicy}
 * is {@code allow}, {@code deny}, {@code extend-cache} or {@code async-cache}; tokens are empty when not set.
 */
record AclConfig(boolean enabled, String defaultPolicy, String downPolicy, Duration tokenTtl,
    boolean enableTokenPersistence, String initialManagementToken, String defaultToken, String agentToken,
    String agentRecoveryToken) {}
