package io.cairn.cli.agent;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens and closes each of the agent's listeners before Karaf starts, so that a port another process holds (a
 * Consul or another agent on the defaults, typically) stops {@code cairn agent} with the address and the flags
 * that chose it, as Consul's "Error starting agent" does. Otherwise the agent would run without its HTTP API, or
 * exit without a word when Raft's port is taken.
 */
final class ListenCheck {
  /** One socket the agent opens, and the flags that place it. */
  record Listener(String purpose, boolean udp, String host, int port, String flags) {
    String describe() {
      return host + ":" + port + " (" + (udp ? "UDP" : "TCP") + ") for " + purpose + " (" + flags + ")";
    }
  }

  private ListenCheck() {}

  /**
   * Gossip pools speak UDP (probes) and TCP (state sync); only servers run Raft and join the WAN pool. The HTTP
   * and HTTPS listeners count only when on.
   */
  private static List<Listener> listeners(AgentPlan plan) {
    List<Listener> listeners = new ArrayList<>();
    if (plan.httpPort() != Setting.OFF) {
      listeners.add(new Listener("the HTTP API", false, plan.clientAddress(), plan.httpPort(),
          "-client, -http-port"));
    }
    if (plan.httpsPort() != Setting.OFF) {
      listeners.add(new Listener("the HTTPS API", false, plan.clientAddress(), plan.httpsPort(),
          "-client, -https-port"));
    }
    listeners.addAll(List.of(
        new Listener("DNS", true, plan.clientAddress(), plan.dnsPort(), "-client, -dns-port"),
        new Listener("DNS", false, plan.clientAddress(), plan.dnsPort(), "-client, -dns-port"),
        new Listener("LAN gossip", false, plan.bindAddress(), plan.serfLanPort(), "-bind, -serf-lan-port"),
        new Listener("LAN gossip", true, plan.bindAddress(), plan.serfLanPort(), "-bind, -serf-lan-port")));
    if (plan.server()) {
      listeners.add(new Listener("Raft", false, plan.bindAddress(), plan.serverPort(), "-bind, -server-port"));
      listeners.add(new Listener("WAN gossip", false, plan.bindAddress(), plan.serfWanPort(),
          "-bind, -serf-wan-port"));
      listeners.add(new Listener("WAN gossip", true, plan.bindAddress(), plan.serfWanPort(),
          "-bind, -serf-wan-port"));
    }
    return listeners;
  }

  /** Runs after the planner has refused a port given to two listeners. */
  static void verify(AgentPlan plan, HostInfo host) throws ConfigException {
    for (Listener listener : listeners(plan)) {
      Optional<String> problem = host.cannotListen(listener.udp(),
          new InetSocketAddress(listener.host(), listener.port()));
      if (problem.isPresent()) {
        throw new ConfigException("cannot listen on " + listener.describe() + ": " + problem.get());
      }
    }
  }
}
