package io.cairn.catalog.shell.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cairn.shell.support.Failures;

import org.apache.karaf.shell.support.CommandException;

/** Parses repeated {@code --node-meta key=value} options. */
final class NodeMeta {

    private NodeMeta() {
    }

    static Map<String, String> parse(List<String> options) throws CommandException {
        Map<String, String> meta = new TreeMap<>();
        if (options == null) {
            return meta;
        }
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq < 0) {
                throw Failures.fail("Error! Invalid --node-meta \"" + option + "\": expected key=value");
            }
            meta.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return meta;
    }
}
