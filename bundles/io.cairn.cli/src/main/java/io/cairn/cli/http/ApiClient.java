package io.cairn.cli.http;

import io.cairn.cli.release.Release;
import io.cairn.go.lang.GoUrl;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Sends requests to the agent's HTTP API as Consul's Go client does: path-escaped keys, sorted query parameters,
 * presence flags as {@code name=}, the ACL token in {@code X-Consul-Token}, and errors worded
 * {@code Unexpected response code: <code> (<body>)}.
 */
public final class ApiClient {
  private final URI base;
  private final String token;
  private final String datacenter;
  private final TlsConnections tls;

  /**
   * @param base       scheme, host and port of the agent
   * @param token      ACL token, empty for none
   * @param datacenter {@code dc} query parameter, empty for the agent's own
   */
  public ApiClient(URI base, String token, String datacenter) {
    this(base, token, datacenter, null);
  }

  /** @param tls how to speak TLS to an {@code https} base; {@code null} for the JDK's defaults */
  public ApiClient(URI base, String token, String datacenter, TlsConnections tls) {
    this.base = base;
    this.token = token;
    this.datacenter = datacenter;
    this.tls = tls;
  }

  /** The ACL token sent with each request, empty for none; the command's blocking reads send the same. */
  public String token() {
    return token;
  }

  /**
   * The TLS of an {@code https} base for the command's other clients of the same agent (its blocking reads);
   * empty for plain HTTP.
   */
  public Optional<SSLContext> tls() {
    return tls == null ? Optional.empty() : Optional.of(tls.sslContext());
  }

  /**
   * Sends one request. Statuses in {@code accepted} come back as a response; any other status becomes an
   * {@link ApiException} carrying Consul's wording.
   *
   * @param path  API path with the key part still unescaped, e.g. {@code /v1/kv/} + key
   * @param query parameters; a {@code null} value is sent as a presence flag ({@code recurse=})
   * @param body  request body, or {@code null} for none
   */
  public ApiResponse send(String method, String path, Map<String, String> query, byte[] body, int... accepted)
      throws ApiException {
    return send(method, path, new ArrayList<>(query.entrySet()), body, accepted);
  }

  /**
   * Like {@link #send(String, String, Map, byte[], int...)} for parameters that repeat ({@code node-meta},
   * {@code tag}): sent sorted by name, values of one name in the order given, as Go's {@code url.Values} does.
   */
  public ApiResponse send(String method, String path, List<Map.Entry<String, String>> query, byte[] body,
      int... accepted) throws ApiException {
    List<Map.Entry<String, String>> params = new ArrayList<>(query);
    if (!datacenter.isEmpty()) {
      params.add(new SimpleImmutableEntry<>("dc", datacenter));
    }
    params.sort(Map.Entry.comparingByKey());
    URI uri = URI.create(base + GoUrl.escapePath(path) + encodeQuery(params));
    int status;
    byte[] answer;
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      if (tls != null) {
        tls.apply(connection);
      }
      connection.setConnectTimeout(10_000);
      connection.setRequestMethod(method);
      connection.setRequestProperty("Accept", "*/*");
      connection.setRequestProperty("User-Agent", "cairn/" + Release.VERSION);
      if (!token.isEmpty()) {
        connection.setRequestProperty("X-Consul-Token", token);
      }
      if (body != null) {
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body);
        }
      }
      status = connection.getResponseCode();
      try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
        answer = in == null ? new byte[0] : in.readAllBytes();
      }
    } catch (ConnectException | SocketTimeoutException e) {
      throw new ApiException(describe(method, uri) + ": cannot connect to the agent at " + uri.getAuthority()
          + " (" + (e.getMessage() == null ? "connection refused" : e.getMessage().toLowerCase())
          + "); is it running? Set -http-addr or CAIRN_HTTP_ADDR to use another address");
    } catch (IOException e) {
      throw new ApiException(describe(method, uri) + ": " + e);
    }
    for (int expected : accepted) {
      if (status == expected) {
        return new ApiResponse(status, answer);
      }
    }
    throw new ApiException("Unexpected response code: " + status + " (" + new String(answer, StandardCharsets.UTF_8)
        + ")");
  }

  private static String describe(String method, URI uri) {
    return method.charAt(0) + method.substring(1).toLowerCase() + " \"" + uri + "\"";
  }

  private static String encodeQuery(List<Map.Entry<String, String>> params) {
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("?");
    for (Map.Entry<String, String> param : params) {
      if (out.length() > 1) {
        out.append('&');
      }
      out.append(GoUrl.queryEscape(param.getKey())).append('=')
          .append(param.getValue() == null ? "" : GoUrl.queryEscape(param.getValue()));
    }
    return out.toString();
  }
}
