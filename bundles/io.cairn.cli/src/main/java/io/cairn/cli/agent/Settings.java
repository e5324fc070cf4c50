package io.cairn.cli.agent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agent settings from one or more sources, each value remembering where it came from so that a later error can
 * name the flag or file to fix.
 */
final class Settings {

  /** A value and its origin, e.g. {@code -http-port} or {@code config file /etc/cairn/a.json, field "ports.http"}. */
  record Sourced(Object value, String origin) {}

  private final Map<Setting, Sourced> values = new EnumMap<>(Setting.class);

  void put(Setting setting, Object value, String origin) {
    values.put(setting, new Sourced(value, origin));
  }

  Optional<Sourced> get(Setting setting) {
    return Optional.ofNullable(values.get(setting));
  }

  /**
   * Lays {@code later} over this: its values win, except lists ({@code retry_join}), which Consul concatenates
   * across sources.
   */
  void overlay(Settings later) {
    later.values.forEach((setting, sourced) -> {
      Sourced earlier = values.get(setting);
      if (setting.type == Setting.Type.LIST && earlier != null) {
        List<Object> joined = new ArrayList<>((List<?>) earlier.value());
        joined.addAll((List<?>) sourced.value());
        values.put(setting, new Sourced(joined, sourced.origin()));
      } else {
        values.put(setting, sourced);
      }
    });
  }
}
