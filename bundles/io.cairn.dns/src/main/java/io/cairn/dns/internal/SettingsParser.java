package io.cairn.dns.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cairn.agent.api.AgentInfo;
import io.cairn.go.lang.GoDuration;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Turns {@link DnsConfig} text and the agent's identity into {@link DnsSettings}, with messages that say what is
 * accepted.
 */
final class SettingsParser {

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

    /**
     * A Go duration ({@code 0s}, {@code 1m30s}, {@code 500ms}), as Consul reads its {@code dns_config} durations;
     * a bare number of seconds ({@code 30}) is accepted too, as Cairn always has. Negative durations are refused.
     */
    static Duration duration(String key, String text) {
        String value = text.trim();
        Duration duration;
        try {
            duration = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(notADuration(key, text), e);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException(notADuration(key, text));
        }
        return duration;
    }

    private static String notADuration(String key, String text) {
        return key + ": '" + text + "' is not a duration such as 0s, 10s, 1m30s";
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
