package io.cairn.gossip.internal.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of gossip membership (PID {@code io.cairn.gossip}), with Consul's names; the launcher fills them from
 * {@code cairn.*} properties. Who and where the agent is (node name, addresses, ports, data dir) comes from the
 * agent's identity.
 */
@ObjectClassDefinition(name = "Cairn gossip membership",
        description = "The LAN pool of every agent and the WAN pool of servers")
@interface GossipConfig {

    @AttributeDefinition(description = "Members to join at start, host[:port] (port default: the LAN gossip port); "
            + "values may also be comma-separated. Retried every retry.interval until one answers")
    String[] retry_join() default {};

    @AttributeDefinition(description = "Servers to join in the WAN pool (servers only), host[:port] (port default: "
            + "the WAN gossip port)")
    String[] retry_join_wan() default {};

    @AttributeDefinition(description = "Servers a server waits for before bootstrapping Raft; gossiped as its "
            + "expect tag (0: not set)")
    int bootstrap_expect() default 0;

    @AttributeDefinition(description = "Time between join attempts (Go duration)")
    String retry_interval() default "30s";

    @AttributeDefinition(description = "How long failed and left members are kept before they are reaped "
            + "(Go duration, at least 8h)")
    String reconnect_timeout() default "72h";

    @AttributeDefinition(description = "Whether the agent leaves the pools gracefully when it is stopped; empty: "
            + "Consul's default, false on servers and true on client agents")
    String leave_on_terminate() default "";

    @AttributeDefinition(description = "Whether an interrupt (Ctrl-C) stops the agent without leaving; empty: "
            + "Consul's default, true on servers and false on client agents")
    String skip_leave_on_interrupt() default "";
}
