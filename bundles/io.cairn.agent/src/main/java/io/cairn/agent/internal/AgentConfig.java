package io.cairn.agent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code io.cairn.agent}: who this agent is and where it listens (read by
 * {@link AgentIdentityPublisher}, which publishes it as the {@code AgentInfo} service), and the agent's own
 * settings (read by {@link AgentComponent}). Defaults are Consul's except {@code server}; {@code bin/cairn agent}
 * fills every key from its flags.
 */
@ObjectClassDefinition(name = "Cairn agent", description = "This agent's identity, addresses, ports and local services")
@interface AgentConfig {

    @AttributeDefinition(description = "Node name, unique in the datacenter; empty: this host's name")
    String node_name() default "";

    @AttributeDefinition(description = "Node UUID")
    String node_id() default "";

    @AttributeDefinition(description = "Datacenter")
    String datacenter() default "dc1";

    /* Consul's default is a client agent; Cairn's is a server, so that an agent started alone works. */
    @AttributeDefinition(description = "Whether this agent is a server (holds the replicated state, runs Raft)")
    boolean server() default true;

    @AttributeDefinition(description = "Whether the agent runs in -dev mode")
    boolean dev() default false;

    @AttributeDefinition(description = "Address the cluster listeners (gossip, server RPC) bind to")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(description = "Address other agents reach this one at; empty: the bind address, or this "
            + "host's address if that is a wildcard")
    String advertise_address() default "";

    @AttributeDefinition(description = "Address the client interfaces (HTTP API, DNS) bind to")
    String client_address() default "127.0.0.1";

    @AttributeDefinition(description = "HTTP API port")
    int http_port() default 8500;

    @AttributeDefinition(description = "HTTPS API port; -1: no HTTPS listener")
    int https_port() default -1;

    @AttributeDefinition(description = "CA file of the HTTPS listener, trusted by the agent's own clients")
    String tls_ca_file() default "";

    @AttributeDefinition(description = "Directory of CA files of the HTTPS listener")
    String tls_ca_path() default "";

    @AttributeDefinition(description = "Certificate of the HTTPS listener, presented by the agent's own clients")
    String tls_cert_file() default "";

    @AttributeDefinition(description = "Private key of the HTTPS listener's certificate")
    String tls_key_file() default "";

    @AttributeDefinition(description = "DNS port (UDP and TCP)")
    int dns_port() default 8600;

    @AttributeDefinition(description = "Server RPC (Raft) port")
    int server_port() default 8300;

    @AttributeDefinition(description = "LAN gossip port (UDP and TCP)")
    int serf_lan_port() default 8301;

    @AttributeDefinition(description = "WAN gossip port of servers (UDP and TCP)")
    int serf_wan_port() default 8302;

    @AttributeDefinition(description = "Data directory; each subsystem keeps its files in a sub-directory")
    String data_dir() default "data/cairn";

    @AttributeDefinition(description = "Comma-separated config dirs whose *.json service/check definitions"
            + " are registered at start and on reload")
    String config_dirs() default "";

    @AttributeDefinition(description = "Comma-separated config files with service/check definitions")
    String config_files() default "";

    @AttributeDefinition(description = "Allow script checks from the HTTP API and config files")
    boolean enable_script_checks() default false;

    @AttributeDefinition(description = "Allow script checks from config files only")
    boolean enable_local_script_checks() default false;
}
