package io.cairn.agent.definitions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.cairn.hcl.lang.Hcl;
import io.cairn.hcl.lang.HclException;

/**
 * Consul's {@code .hcl} config files (HCL 1) as the tree of their JSON equivalent, reshaped the way Consul's
 * config loader reshapes them before reading ({@code lib.PatchSliceOfMaps}): a block becomes an object, and a
 * block given twice is an error except where Consul takes a list ({@code services}, {@code checks},
 * {@code service.checks}, {@code watches}, ..., and Cairn's in-agent {@code template}), whose repeated blocks
 * become the list's elements. The agent's settings (the command-line client), its service and check definitions
 * (this bundle) and its watches and templates ({@link ConfigFileTree}) are read from this tree exactly as from a
 * JSON file's.
 *
 * <p>Values are {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Boolean}, {@code Long}
 * (integers, exact), {@code Double} (numbers with a fraction or an exponent) and {@code null} (an empty list or
 * block list, which Consul reads as absent).
 */
public final class HclConfig {
    /** The extension of config files written in HCL; config files with any other name are JSON. */
    public static final String EXTENSION = ".hcl";

    /** Consul's keys whose repeated blocks stay a list (its exceptions to the reshaping). */
    private static final List<String> LIST_PATHS = List.of("checks", "segments", "service.checks", "services",
            "services.checks", "watches", "service.connect.proxy.config.upstreams",
            "services.connect.proxy.config.upstreams", "service.connect.proxy.upstreams",
            "services.connect.proxy.upstreams", "service.connect.proxy.expose.paths",
            "services.connect.proxy.expose.paths", "service.proxy.upstreams", "services.proxy.upstreams",
            "service.proxy.expose.paths", "services.proxy.expose.paths", "service.connect.sidecar_service.checks",
            "services.connect.sidecar_service.checks", "service.connect.sidecar_service.proxy.upstreams",
            "services.connect.sidecar_service.proxy.upstreams",
            "service.connect.sidecar_service.proxy.expose.paths",
            "services.connect.sidecar_service.proxy.expose.paths", "template");
    /** Consul's keys whose trees are kept as HCL gives them. */
    private static final List<String> VERBATIM_PATHS = List.of("config_entries.bootstrap");

    private HclConfig() {
    }

    /** Whether {@code file} is read as HCL, by its name as Consul decides: {@code *.hcl}. */
    public static boolean isHcl(Path file) {
        return file.getFileName().toString().endsWith(EXTENSION);
    }

    /**
     * The JSON-shaped tree of one HCL config file or {@code -hcl} fragment.
     *
     * @throws HclException with the line and column of a syntax error ({@code At 3:7: illegal char}), or
     *         {@code ports: []map[string]interface{} with more than one element not supported} for a block given
     *         twice where Consul takes one
     */
    public static Map<String, Object> read(String text) throws HclException {
        return Hcl.flatten(Hcl.parse(text), LIST_PATHS, VERBATIM_PATHS);
    }
}
