package io.cairn.cli.http;

import io.cairn.cli.flags.UsageException;
import java.net.URI;
import java.util.Map;

/**
 * Where client commands send requests: {@code -http-addr}, else {@code CAIRN_HTTP_ADDR}, else
 * {@code CONSUL_HTTP_ADDR}, else {@code 127.0.0.1:8500}. Accepts {@code host:port}, {@code http://host:port} and
 * {@code https://host:port}, like Consul's CLI; {@code host:port} means https when {@code CAIRN_HTTP_SSL} or
 * {@code CONSUL_HTTP_SSL} is {@code true}.
 */
public final class AgentAddress {
  static final String DEFAULT = "127.0.0.1:8500";

  private AgentAddress() {}

  public static URI resolve(String flagValue, Map<String, String> env) throws UsageException {
    String address = flagValue;
    String origin = "-http-addr";
    for (String variable : new String[] {"CAIRN_HTTP_ADDR", "CONSUL_HTTP_ADDR"}) {
      if (address == null || address.isEmpty()) {
        address = env.get(variable);
        origin = variable;
      }
    }
    if (address == null || address.isEmpty()) {
      address = DEFAULT;
    }
    String withScheme = address.contains("://") ? address
        : (TlsConnections.sslByDefault(env) ? "https://" : "http://") + address;
    URI uri;
    try {
      uri = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid HTTP address \"" + address + "\" (from " + origin + "): " + e.getMessage());
    }
    String scheme = uri.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
      throw new UsageException("invalid HTTP address \"" + address + "\" (from " + origin
          + "): expected host:port or http(s)://host:port");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
    return URI.create(scheme + "://" + bracketed(uri.getHost()) + ":" + port);
  }

  private static String bracketed(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
