package io.cairn.template.internal.functions;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.cairn.template.internal.data.AgentNodeNameQuery;
import io.cairn.template.internal.data.CatalogNodeQuery;
import io.cairn.template.internal.data.CatalogNodesQuery;
import io.cairn.template.internal.data.CatalogServicesQuery;
import io.cairn.template.internal.data.DatacentersQuery;
import io.cairn.template.internal.data.Dependency;
import io.cairn.template.internal.data.DependencyContext;
import io.cairn.template.internal.data.FileQuery;
import io.cairn.template.internal.data.HealthServiceQuery;
import io.cairn.template.internal.data.KeyPair;
import io.cairn.template.internal.data.KvGetQuery;
import io.cairn.template.internal.data.KvListQuery;
import io.cairn.template.lang.GoFunc;

/**
 * consul-template's data-source functions ({@code service}, {@code key}, {@code ls}, {@code file}, ...) for one
 * render pass. Each call records its dependency in the {@link DependencyContext} and returns the current value,
 * or, before the data has arrived, an empty value of the same type (an empty list, {@code ""}, {@code false},
 * {@code nil}) so that the pass can go on and discover the template's other dependencies.
 */
public final class DataFunctions {

    private final DependencyContext ctx;

    private DataFunctions(DependencyContext ctx) {
        this.ctx = ctx;
    }

    /** The data-source functions, reading environment variables from the process environment. */
    public static Map<String, GoFunc> all(DependencyContext ctx) {
        return all(ctx, System.getenv());
    }

    /**
     * The data-source functions.
     *
     * @param environment what {@code env}, {@code mustEnv} and {@code envOrDefault} read
     */
    public static Map<String, GoFunc> all(DependencyContext ctx, Map<String, String> environment) {
        DataFunctions f = new DataFunctions(ctx);
        Map<String, GoFunc> m = new HashMap<>();
        m.put("service", args -> f.service(args, false));
        m.put("connect", args -> f.service(args, true));
        m.put("services", f::services);
        m.put("node", f::node);
        m.put("nodes", f::nodes);
        m.put("datacenters", f::datacenters);
        m.put("key", f::key);
        m.put("keyExists", f::keyExists);
        m.put("keyOrDefault", f::keyOrDefault);
        m.put("ls", args -> f.list("ls", args, KvListQuery.Safety.NONE, KvListQuery::topLevel));
        m.put("safeLs", args -> f.list("safeLs", args, KvListQuery.Safety.TOP_LEVEL, KvListQuery::topLevel));
        m.put("tree", args -> f.list("tree", args, KvListQuery.Safety.NONE, KvListQuery::leaves));
        m.put("safeTree", args -> f.list("safeTree", args, KvListQuery.Safety.LEAVES, KvListQuery::leaves));
        m.put("file", f::file);
        m.putAll(EnvFunctions.all(environment));
        return Map.copyOf(m);
    }

    private Optional<Object> get(Dependency d) {
        return ctx.get(d);
    }

    private Object service(List<Object> args, boolean connect) {
        if (args.isEmpty() || "".equals(args.get(0))) {
            return List.of();
        }
        String spec = joined(args, "|");
        return get(HealthServiceQuery.parse(spec, connect)).orElse(List.of());
    }

    private Object services(List<Object> args) {
        return get(CatalogServicesQuery.parse(joined(args, ""))).orElse(List.of());
    }

    private Object nodes(List<Object> args) {
        return get(CatalogNodesQuery.parse(joined(args, ""))).orElse(List.of());
    }

    /** {@code nil} until the node is known; a node the catalog does not know has {@code nil} fields. */
    private Object node(List<Object> args) {
        CatalogNodeQuery query = CatalogNodeQuery.parse(joined(args, ""));
        if (query.name().isEmpty()) {
            Optional<Object> self = get(new AgentNodeNameQuery());
            if (self.isEmpty()) {
                return null;
            }
            query = query.withName((String) self.get());
        }
        return get(query).orElse(null);
    }

    /** {@code datacenters true} (skip unreachable datacenters) is accepted; Cairn knows only reachable ones. */
    private Object datacenters(List<Object> args) {
        if (args.size() > 1) {
            throw new IllegalArgumentException("datacenters: wrong number of arguments, expected 0 or 1, but got "
                    + args.size());
        }
        if (args.size() == 1) {
            Args.bool(args, 0);
        }
        return get(new DatacentersQuery()).orElse(List.of());
    }

    private Object key(List<Object> args) {
        Args.count("key", args, 1);
        String s = Args.string(args, 0);
        if (s.isEmpty()) {
            return "";
        }
        return get(KvGetQuery.parse(s, true)).orElse("");
    }

    private Object keyExists(List<Object> args) {
        Args.count("keyExists", args, 1);
        String s = Args.string(args, 0);
        if (s.isEmpty()) {
            return false;
        }
        return get(KvGetQuery.parse(s, false)).map(v -> ((Optional<?>) v).isPresent()).orElse(false);
    }

    /** The default also while the key has not been fetched yet, and for an empty value. */
    private Object keyOrDefault(List<Object> args) {
        Args.count("keyOrDefault", args, 2);
        String s = Args.string(args, 0);
        String def = Args.string(args, 1);
        if (s.isEmpty()) {
            return def;
        }
        return get(KvGetQuery.parse(s, false))
                .flatMap(v -> (Optional<?>) v)
                .map(String.class::cast)
                .filter(v -> !v.isEmpty())
                .orElse(def);
    }

    private Object list(String function, List<Object> args, KvListQuery.Safety safety,
            Function<List<KeyPair>, List<KeyPair>> select) {
        Args.count(function, args, 1);
        String s = Args.string(args, 0);
        if (s.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Optional<List<KeyPair>> pairs = get(KvListQuery.parse(s, safety)).map(v -> (List<KeyPair>) v);
        return pairs.map(select).orElse(List.of());
    }

    private Object file(List<Object> args) {
        Args.count("file", args, 1);
        String s = Args.string(args, 0);
        if (s.isEmpty()) {
            return "";
        }
        return get(new FileQuery(Path.of(s.strip()))).orElse("");
    }

    private static String joined(List<Object> args, String separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            b.append(i == 0 ? "" : separator).append(Args.string(args, i));
        }
        return b.toString();
    }
}
