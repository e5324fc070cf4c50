package io.cairn.agent.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.cairn.agent.api.Maintenance;
import io.cairn.agent.api.Member;

/**
 * The text of the agent commands, as {@code cairn members} and {@code cairn maint} (and Consul's equivalents)
 * print it. Every table and block ends with a newline, so commands print it with {@code print}.
 */
final class AgentFormat {

    private AgentFormat() {
    }

    /** A member with the tags the tables show: partition and segment filled in as Consul's CLI does. */
    record Row(Member member, Map<String, String> tags) {

        String segment() {
            return tags.get("segment");
        }
    }

    /** Servers first, then by segment and name, each with Consul's default partition and segment tags. */
    static List<Row> rows(List<Member> members) {
        List<Row> rows = new ArrayList<>();
        for (Member m : members) {
            Map<String, String> tags = new TreeMap<>(m.tags());
            if (tags.getOrDefault("ap", "").isEmpty()) {
                tags.put("ap", "default");
            }
            if (m.server()) {
                tags.put("segment", "<all>");
            } else if (tags.getOrDefault("segment", "").isEmpty()) {
                tags.put("segment", "<default>");
            }
            rows.add(new Row(m, tags));
        }
        rows.sort(Comparator.comparing((Row r) -> !r.member().server()).thenComparing(Row::segment)
                .thenComparing(r -> r.member().name()));
        return rows;
    }

    /** {@code Node Address Status Type Build Protocol DC Partition Segment}. */
    static String members(List<Row> rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("Node", "Address", "Status", "Type", "Build", "Protocol", "DC", "Partition", "Segment"));
        for (Row r : rows) {
            Member m = r.member();
            String role = r.tags().getOrDefault("role", "");
            if (!role.equals("consul") && !role.equals("node")) {
                table.add(List.of(m.name(), endpoint(m), m.status().text(), "unknown", "", "", "", "", ""));
                continue;
            }
            String build = r.tags().getOrDefault("build", "");
            build = build.isEmpty() ? "< 0.3" : build.contains(":") ? build.substring(0, build.indexOf(':')) : build;
            table.add(List.of(m.name(), endpoint(m), m.status().text(), m.server() ? "server" : "client", build,
                    r.tags().getOrDefault("vsn", ""), r.tags().getOrDefault("dc", ""), r.tags().get("ap"),
                    r.segment()));
        }
        return columns(table);
    }

    /** {@code Node Address Status Tags}, the tags as sorted {@code k=v} pairs joined by commas. */
    static String detailedMembers(List<Row> rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("Node", "Address", "Status", "Tags"));
        for (Row r : rows) {
            String tags = r.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
            table.add(List.of(r.member().name(), endpoint(r.member()), r.member().status().text(), tags));
        }
        return columns(table);
    }

    /** One block per maintenance: the node's with the node name, each service's with its ID. */
    static String maintenance(String nodeName, List<Maintenance> maintenance) {
        StringBuilder out = new StringBuilder();
        for (Maintenance m : maintenance) {
            if (m.node()) {
                out.append("Node:\n  Name:   ").append(nodeName);
            } else {
                out.append("Service:\n  ID:     ").append(m.serviceId());
            }
            out.append("\n  Reason: ").append(m.reason()).append("\n\n");
        }
        return out.toString();
    }

    /** Go's {@code %q} for the IDs people use: double quotes, with quotes and backslashes escaped. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code ip:port}, IPv6 in brackets, as Go's {@code net.TCPAddr} prints it. */
    static String endpoint(Member m) {
        return (m.address().contains(":") ? "[" + m.address() + "]" : m.address()) + ":" + m.port();
    }

    /**
     * Consul's columnize: cells trimmed, each column left-aligned to its widest cell, a two-space gutter, the
     * last cell of a row never padded; every line ends with a newline.
     */
    static String columns(List<List<String>> rows) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                int width = width(row.get(i).strip());
                if (i == widths.size()) {
                    widths.add(width);
                } else if (width > widths.get(i)) {
                    widths.set(i, width);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i).strip();
                out.append(cell);
                if (i < row.size() - 1) {
                    out.append(" ".repeat(widths.get(i) - width(cell) + 2));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
