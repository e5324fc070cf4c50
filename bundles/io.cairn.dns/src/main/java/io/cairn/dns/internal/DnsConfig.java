package io.cairn.dns.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code io.cairn.dns}: how DNS answers. Where it listens (the client address and DNS port) and
 * the node and datacenter it answers for are the agent's ({@code AgentInfo}).
 */
@ObjectClassDefinition(name = "Cairn DNS", description = "DNS interface answering from the local catalog view")
public @interface DnsConfig {

    @AttributeDefinition(description = "Domain answered from the catalog")
    String domain() default "consul.";

    @AttributeDefinition(description = "Alternative domain answered like the primary one; empty for none")
    String alt_domain() default "";

    @AttributeDefinition(description = "TTL of node answers, a duration such as 0s, 30s, 5m")
    String node_ttl() default "0s";

    @AttributeDefinition(description = "TTL of service answers, a duration such as 0s, 30s, 5m")
    String service_ttl() default "0s";

    @AttributeDefinition(description = "Most answers in a UDP response without EDNS (capped at 8)")
    int udp_answer_limit() default 3;

    @AttributeDefinition(description = "Most A/AAAA answers on any transport; 0 for no limit")
    int a_record_limit() default 0;

    @AttributeDefinition(description = "Set the TC bit when a UDP answer was trimmed")
    boolean enable_truncate() default false;

    @AttributeDefinition(description = "Leave out instances with a warning check as well as critical ones")
    boolean only_passing() default false;

    @AttributeDefinition(description = "Comma-separated host[:port] DNS servers for names outside the domains")
    String recursors() default "";

    @AttributeDefinition(description = "Time to wait for each recursor, a duration such as 2s")
    String recursor_timeout() default "2s";
}
