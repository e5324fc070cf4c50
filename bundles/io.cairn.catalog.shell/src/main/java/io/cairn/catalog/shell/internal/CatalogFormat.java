package io.cairn.catalog.shell.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.cairn.catalog.api.Node;

/** The text of the catalog commands, as {@code consul catalog ...} prints it. */
final class CatalogFormat {

    static final String NO_NODES = "No nodes match the given query - try expanding your search.";
    static final String NO_SERVICES = "No services match the given query - try expanding your search.";

    /** Go's tabwriter in Consul's service list pads the name column with six spaces past the widest name. */
    private static final int TAG_PADDING = 6;

    private CatalogFormat() {
    }

    /** {@code Node ID Address DC} (short IDs), or with {@code detailed} full IDs, tagged addresses and meta. */
    static String nodes(List<Node> nodes, boolean detailed) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(detailed ? List.of("Node", "ID", "Address", "DC", "TaggedAddresses", "Meta")
                : List.of("Node", "ID", "Address", "DC"));
        for (Node n : nodes) {
            rows.add(detailed
                    ? List.of(n.node(), n.id(), n.address(), n.datacenter(), pairs(n.taggedAddresses()),
                            pairs(n.meta()))
                    : List.of(n.node(), shortId(n.id()), n.address(), n.datacenter()));
        }
        return columns(rows);
    }

    /** Sorted names, or with {@code tags} a padded name column and the sorted tags joined by commas. */
    static String services(Map<String, List<String>> services, boolean tags) {
        Map<String, List<String>> sorted = new TreeMap<>(services);
        if (!tags) {
            return String.join("\n", sorted.keySet());
        }
        int width = sorted.keySet().stream().mapToInt(String::length).max().orElse(0) + TAG_PADDING;
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, serviceTags) -> {
            List<String> ordered = new ArrayList<>(serviceTags);
            Collections.sort(ordered);
            out.append(name).append(" ".repeat(width - name.length())).append(String.join(",", ordered)).append('\n');
        });
        // Consul trims the block as a whole: only the last line loses the padding of an empty tag list.
        return out.toString().strip();
    }

    /** The first group of a UUID, as Consul shows node IDs in its short table. */
    static String shortId(String id) {
        int dash = id.indexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }

    /** {@code k=v, k=v} sorted by key. */
    static String pairs(Map<String, String> map) {
        return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * Left-aligned columns with a two-space gutter, the last cell of a row unpadded (Consul's columnize); lines
     * joined without a final newline, which the console adds.
     */
    static String columns(List<List<String>> rows) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                int width = row.get(i).strip().length();
                if (i == widths.size()) {
                    widths.add(width);
                } else if (width > widths.get(i)) {
                    widths.set(i, width);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i).strip();
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths.get(i) - cell.length() + 2));
                }
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }
}
