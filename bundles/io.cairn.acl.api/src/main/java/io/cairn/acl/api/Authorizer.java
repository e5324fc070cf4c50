package io.cairn.acl.api;

/**
 * The decisions a request's token allows, as Consul's ACL authorizer makes them: each method answers
 * {@code true} for allow and {@code false} for deny. One instance answers for one token, with the cluster's
 * {@code default_policy} already applied to everything its rules leave open.
 * <p>
 * Resource names are matched by the token's exact rules first, then by its longest prefix rule. {@code write}
 * grants read and write, {@code list} (keys only) grants read and list, {@code read} grants read only,
 * {@code deny} grants nothing and is not overridden by the default policy.
 */
public interface Authorizer {

    /** Reading ACL tokens, policies and roles ({@code acl = "read"}). */
    boolean aclRead();

    /** Changing ACL tokens, policies and roles ({@code acl = "write"}). */
    boolean aclWrite();

    /** Reading agent endpoints of the agent on {@code node}. */
    boolean agentRead(String node);

    /** Changing the agent on {@code node} (joins, leaves, maintenance, service registration through it). */
    boolean agentWrite(String node);

    /** Listing user events named {@code name}. */
    boolean eventRead(String name);

    /** Firing user events named {@code name}. */
    boolean eventWrite(String name);

    /** Reading intentions whose destination is {@code destination}; {@code "*"} asks whether any may be read. */
    boolean intentionRead(String destination);

    /** Changing intentions whose destination is {@code destination}; {@code "*"} asks whether all may be. */
    boolean intentionWrite(String destination);

    /** Reading the KV entry {@code key}. */
    boolean keyRead(String key);

    /** Listing the keys under {@code prefix} ({@code ?keys}, {@code ?recurse} need it). */
    boolean keyList(String prefix);

    /** Writing the KV entry {@code key}. */
    boolean keyWrite(String key);

    /** Deleting everything under {@code prefix}: write on it and no rule under it that withholds write. */
    boolean keyWritePrefix(String prefix);

    /** Listing the gossip encryption keyring. */
    boolean keyringRead();

    /** Changing the gossip encryption keyring. */
    boolean keyringWrite();

    /** Reading mesh configuration ({@code mesh}, falling back to {@code operator} when unset). */
    boolean meshRead();

    /** Changing mesh configuration ({@code mesh}, falling back to {@code operator} when unset). */
    boolean meshWrite();

    /** Reading the catalog entry of {@code node}. */
    boolean nodeRead(String node);

    /** Reading every node: no node rule may withhold read. */
    boolean nodeReadAll();

    /** Registering or changing {@code node} in the catalog. */
    boolean nodeWrite(String node);

    /** Read-only operator endpoints (Raft configuration, autopilot health). */
    boolean operatorRead();

    /** State-changing operator endpoints. */
    boolean operatorWrite();

    /** Reading cluster peerings ({@code peering}, falling back to {@code operator} when unset). */
    boolean peeringRead();

    /** Changing cluster peerings ({@code peering}, falling back to {@code operator} when unset). */
    boolean peeringWrite();

    /** Reading the prepared query named {@code name} (not executing it). */
    boolean queryRead(String name);

    /** Creating, changing or deleting the prepared query named {@code name}. */
    boolean queryWrite(String name);

    /** Discovering the service {@code service}. */
    boolean serviceRead(String service);

    /** Reading every service: no service rule may withhold read. */
    boolean serviceReadAll();

    /** Registering or changing instances of {@code service}. */
    boolean serviceWrite(String service);

    /** Whether some service may be written. */
    boolean serviceWriteAny();

    /** Reading sessions of {@code node}. */
    boolean sessionRead(String node);

    /** Creating or changing sessions on {@code node}. */
    boolean sessionWrite(String node);

    /** Saving and restoring snapshots, which needs {@code acl = "write"}. */
    boolean snapshot();
}
