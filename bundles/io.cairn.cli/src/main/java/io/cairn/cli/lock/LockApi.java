package io.cairn.cli.lock;

import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import io.cairn.go.lang.GoJsonString;
import io.cairn.watch.plan.Fetched;
import io.cairn.watch.plan.WatchFetch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session and KV calls locks, semaphores and {@code cairn exec} make, over Consul's HTTP API: writes through
 * the CLI's client, blocking reads through a watch fetch (which reports {@code X-Consul-Index}).
 */
public final class LockApi {
  private final ApiClient api;
  private final WatchFetch reads;
  private final String datacenter;

  /** A KV read: the pairs found (empty on 404) and the index to block on next. */
  public record Listing(long index, List<KvPair> pairs) {}

  public LockApi(ApiClient api, WatchFetch reads, String datacenter) {
    this.api = api;
    this.reads = reads;
    this.datacenter = datacenter;
  }

  /** Creates a session with a TTL ({@code PUT /v1/session/create}) and returns its ID. */
  public String createSession(String name, String ttl, String behavior) throws ApiException {
    StringBuilder body = new StringBuilder("{\"Name\":").append(GoJsonString.quote(name))
        .append(",\"TTL\":").append(GoJsonString.quote(ttl));
    if (!behavior.isEmpty()) {
      body.append(",\"Behavior\":").append(GoJsonString.quote(behavior));
    }
    body.append('}');
    String answer = api.send("PUT", "/v1/session/create", Map.of(),
        body.toString().getBytes(StandardCharsets.UTF_8), 200).text();
    try {
      Object id = ((Map<?, ?>) Json.parse(answer)).get("ID");
      if (id instanceof String s && !s.isEmpty()) {
        return s;
      }
    } catch (JsonException | ClassCastException e) {
      // reported below
    }
    throw new ApiException("Unexpected answer to session create: " + answer);
  }

  /** Renews a session; false if the agent no longer knows it (it was invalidated). */
  public boolean renewSession(String session) throws ApiException {
    return api.send("PUT", "/v1/session/renew/" + session, Map.of(), new byte[0], 200, 404).status() == 200;
  }

  public void destroySession(String session) throws ApiException {
    api.send("PUT", "/v1/session/destroy/" + session, Map.of(), new byte[0], 200);
  }

  /** {@code PUT ?acquire=}: true if {@code session} now holds {@code key}. */
  public boolean acquire(String key, byte[] value, long flags, String session) throws ApiException {
    return write(key, value, Map.of("acquire", session, "flags", Long.toUnsignedString(flags)));
  }

  /** {@code PUT ?release=}: true if the lock was released. */
  public boolean release(String key, long flags, String session) throws ApiException {
    return write(key, new byte[0], Map.of("release", session, "flags", Long.toUnsignedString(flags)));
  }

  /** {@code PUT ?cas=}: true if the key had modify index {@code casIndex} (0: did not exist) and was written. */
  public boolean checkAndSet(String key, byte[] value, long flags, long casIndex) throws ApiException {
    return write(key, value, Map.of("cas", Long.toUnsignedString(casIndex), "flags", Long.toUnsignedString(flags)));
  }

  /** Deletes a key only if its modify index is {@code casIndex}. */
  public boolean deleteIfIndex(String key, long casIndex) throws ApiException {
    return api.send("DELETE", "/v1/kv/" + key, Map.of("cas", Long.toUnsignedString(casIndex)), null, 200)
        .text().contains("true");
  }

  public void delete(String key, boolean recurse) throws ApiException {
    Map<String, String> query = new HashMap<>();
    if (recurse) {
      query.put("recurse", null);
    }
    api.send("DELETE", "/v1/kv/" + key, query, null, 200);
  }

  /** Reads one key, blocking while its index is {@code index} (0: answer at once). */
  public Listing get(String key, long index, String wait, boolean consistent) throws ApiException {
    return read("/v1/kv/" + key, index, wait, consistent, null);
  }

  /** Reads every pair under {@code prefix}, blocking while the prefix's index is {@code index}. */
  public Listing list(String prefix, long index, String wait, boolean consistent) throws ApiException {
    return read("/v1/kv/" + prefix, index, wait, consistent, "recurse");
  }

  /** The keys under {@code prefix}, blocking while the prefix's index is {@code index}. */
  public KeyListing keys(String prefix, long index, String wait) throws ApiException {
    Fetched answer = fetch("/v1/kv/" + prefix, index, wait, false, "keys");
    List<String> keys = new ArrayList<>();
    if (answer.status() == 200) {
      try {
        for (Object key : (List<?>) Json.parse(new String(answer.body(), StandardCharsets.UTF_8))) {
          keys.add((String) key);
        }
      } catch (JsonException | ClassCastException e) {
        throw new ApiException("Unexpected answer listing keys under " + prefix + ": " + e.getMessage());
      }
    }
    return new KeyListing(answer.index(), keys);
  }

  /** A keys read: the keys found (empty on 404) and the index to block on next. */
  public record KeyListing(long index, List<String> keys) {}

  private Listing read(String path, long index, String wait, boolean consistent, String flag)
      throws ApiException {
    Fetched answer = fetch(path, index, wait, consistent, flag);
    try {
      return new Listing(answer.index(), answer.status() == 404 ? List.of() : KvPair.parseList(answer.body()));
    } catch (JsonException | ClassCastException | IllegalArgumentException e) {
      throw new ApiException("Unexpected answer reading " + path + ": " + e.getMessage());
    }
  }

  private Fetched fetch(String path, long index, String wait, boolean consistent, String flag)
      throws ApiException {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    if (flag != null) {
      params.add(new SimpleImmutableEntry<>(flag, null));
    }
    if (consistent) {
      params.add(new SimpleImmutableEntry<>("consistent", null));
    }
    if (!wait.isEmpty() && index != 0) {
      params.add(Map.entry("wait", wait));
    }
    if (!datacenter.isEmpty()) {
      params.add(Map.entry("dc", datacenter));
    }
    Fetched answer;
    try {
      answer = reads.get(path, params, index);
    } catch (IOException e) {
      throw new ApiException("Get \"" + path + "\": " + e.getMessage());
    }
    if (answer.status() != 200 && answer.status() != 404) {
      throw new ApiException("Unexpected response code: " + answer.status() + " ("
          + new String(answer.body(), StandardCharsets.UTF_8) + ")");
    }
    return answer;
  }

  private boolean write(String key, byte[] value, Map<String, String> query) throws ApiException {
    return api.send("PUT", "/v1/kv/" + key, query, value, 200).text().contains("true");
  }
}
