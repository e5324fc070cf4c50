package io.cairn.dns.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cairn.agent.api.AgentInfo;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Turns {@link DnsConfig} text and the agent's identity into {@link DnsSettings}, with messages that say what is
 * accepted.
 */
final class SettingsParser {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private SettingsParser() {
    }

    /** The settings of {@code config}, answering for the agent's node and datacenter. */
    static DnsSettings parse(DnsConfig config, AgentInfo agent) {
        Optional<Name> alt = config.alt_domain().isBlank() ? Optional.empty()
                : Optional.of(domain("alt.domain", config.alt_domain()));
        return new DnsSettings(domain("domain", config.domain()), alt, agent.datacenter().toLowerCase(),
                agent.nodeName(), duration("node.ttl", config.node_ttl()).toSeconds(),
                duration("service.ttl", config.service_ttl()).toSeconds(), config.udp_answer_limit(),
                config.a_record_limit(), config.enable_truncate(), config.only_passing(),
                recursors(config.recursors()), duration("recursor.timeout", config.recursor_timeout()));
    }

    static Name domain(String key, String text) {
        try {
            return Name.fromString(text.trim().toLowerCase(), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a domain name such as consul.", e);
        }
    }

    /** Go-style durations ({@code 0s}, {@code 1m30s}, {@code 500ms}); a bare number is seconds. */
    static Duration duration(String key, String text) {
        String value = text.trim();
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher part = DURATION_PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            end = part.end();
        }
        if (end != value.length() || value.isEmpty()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a duration such as 0s, 10s, 1m30s");
        }
        return total;
    }

    /** Comma-separated {@code host[:port]} (port 53 by default; IPv6 as {@code [::1]:53}). */
    static List<InetSocketAddress> recursors(String text) {
        List<InetSocketAddress> recursors = new ArrayList<>();
        for (String entry : text.split(",")) {
            String value = entry.trim();
            if (value.isEmpty()) {
                continue;
            }
            String host = value;
            int port = 53;
            int colon = value.lastIndexOf(':');
            if (value.startsWith("[")) {
                int close = value.indexOf(']');
                host = value.substring(1, close);
                if (close + 1 < value.length()) {
                    port = port("recursors", value.substring(close + 2));
                }
            } else if (colon > 0 && value.indexOf(':') == colon) {
                host = value.substring(0, colon);
                port = port("recursors", value.substring(colon + 1));
            }
            recursors.add(new InetSocketAddress(host, port));
        }
        return recursors;
    }

    private static int port(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": port '" + text + "' is not a number", e);
        }
    }
}
