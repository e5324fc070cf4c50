package io.cairn.template.internal.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.template.internal.data.Dependency;
import io.cairn.template.lang.GoFunc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real template language and consul-template's functions, fed by the runner's data. */
class GoTemplateCompilerTest {
    private static final String NGINX = """
            upstream hopscotch {
            {{ range service "prod.hopscotch" }} server {{ .Address }}:{{ .Port }};
            {{ end }}}
            """;

    private final Map<Dependency, Object> data = new HashMap<>();
    private final List<Dependency> asked = new ArrayList<>();

    /** Renders once; a dependency asked for is "fetched" from {@code answers} (path prefix → JSON) if listed. */
    private String render(String text, Map<String, String> answers, Map<String, GoFunc> plugins) throws Exception {
        RecordingContext context = new RecordingContext(data);
        TemplateSpec spec = new TemplateSpec(null, text, Path.of("out"), List.of(),
                TemplateSpec.DEFAULT_COMMAND_TIMEOUT, null, false, "{{", "}}", null);
        TemplateCompiler.Compiled compiled = new GoTemplateCompiler(plugins, Map.of()).compile(spec, text, context);
        String out = "";
        for (int pass = 0; pass < 5; pass++) {
            context.begin();
            out = compiled.render();
            if (context.complete()) {
                return out;
            }
            for (Dependency d : context.used()) {
                if (!data.containsKey(d) && d instanceof io.cairn.template.internal.data.ApiDependency api) {
                    asked.add(d);
                    String path = api.path();
                    String body = answers.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                            .map(Map.Entry::getValue)
                            .findFirst().orElseThrow(() -> new AssertionError("unexpected query " + path));
                    data.put(d, api.decode(200, body.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        throw new AssertionError("still incomplete: " + out);
    }

    private static String instance(String node, String id, String address, int port) {
        return """
                {"Node": {"ID": "", "Node": "%s", "Address": "10.0.0.1", "Datacenter": "dc1", "TaggedAddresses": {},
                                    "Meta": {}},
                  "Service": {"ID": "%s", "Service": "hopscotch", "Tags": ["prod"], "Address": "%s", "Port": %d,
                                          "Meta": {}, "EnableTagOverride": false},
                  "Checks": [{"Node": "%s", "CheckID": "serfHealth", "Name": "Serf Health Status", "Status": "passing",
                                          "ServiceID": "", "ServiceName": "", "ServiceTags": []}]}
                """.formatted(node, id, address, port, node);
    }

    @Test
    void theNginxUpstreamOfTheIssueOrdersInstancesByNodeThenServiceId() throws Exception {
        String health = "[" + String.join(",", instance("node-c", "hop-1", "10.1.0.5", 8005),
                instance("node-a", "hop-2", "10.1.0.2", 8002), instance("node-b", "hop-1", "10.1.0.3", 8003),
                instance("node-a", "hop-1", "10.1.0.1", 8001), instance("node-c", "hop-0", "10.1.0.4", 8004),
                instance("node-d", "hop-9", "10.1.0.6", 8006)) + "]";
        String out = render(NGINX, Map.of("/v1/health/service/hopscotch", health), Map.of());
        assertEquals("""
                upstream hopscotch {
                 server 10.1.0.1:8001;
                 server 10.1.0.2:8002;
                 server 10.1.0.3:8003;
                 server 10.1.0.4:8004;
                 server 10.1.0.5:8005;
                 server 10.1.0.6:8006;
                }
                """, out);
        assertEquals(1, asked.size());
        String path = ((io.cairn.template.internal.data.ApiDependency) asked.get(0)).path();
        assertTrue(path.contains("tag=prod") && path.contains("passing=1"), path);
    }

    @Test
    void dataDiscoveredFromOtherDataTakesAnotherPass() throws Exception {
        String out = render("{{ range ls \"svc\" }}{{ key (printf \"cfg/%s\" .Value) }};{{ end }}", Map.of(
                "/v1/kv/svc", "[{\"Key\":\"svc/a\",\"Value\":\"" + b64("web") + "\",\"Flags\":0,\"CreateIndex\":1,"
                        + "\"ModifyIndex\":1,\"LockIndex\":0}]",
                "/v1/kv/cfg/web", "[{\"Key\":\"cfg/web\",\"Value\":\"" + b64("port=80") + "\",\"Flags\":0,"
                        + "\"CreateIndex\":1,\"ModifyIndex\":1,\"LockIndex\":0}]"), Map.of());
        assertEquals("port=80;", out);
        assertEquals(2, asked.size(), "ls first, then the key it named");
    }

    @Test
    void pluginsAddFunctionsButCannotReplaceBuiltIns() throws Exception {
        Map<String, GoFunc> plugins = Map.of("shout", args -> ((String) args.get(0)).toUpperCase() + "!",
                "toUpper", args -> "hijacked");
        assertEquals("HI! X", render("{{ \"hi\" | shout }} {{ \"x\" | toUpper }}", Map.of(), plugins));
    }

    @Test
    void scratchStartsEmptyOnEveryPass() throws Exception {
        String text = "{{ if scratch.Key \"seen\" }}again{{ else }}first{{ end }}{{ scratch.Set \"seen\" 1 }}";
        TemplateSpec spec = new TemplateSpec(null, text, Path.of("out"), List.of(),
                TemplateSpec.DEFAULT_COMMAND_TIMEOUT, null, false, "{{", "}}", null);
        TemplateCompiler.Compiled compiled = new GoTemplateCompiler(Map.of(), Map.of()).compile(spec, text,
                new RecordingContext(data));
        assertEquals("first", compiled.render());
        assertEquals("first", compiled.render(), "a second pass of the same template starts with an empty pad");
    }

    @Test
    void syntaxErrorsNameTheTemplateAndLine() {
        Exception e = assertThrows(Exception.class, () -> render("ok\n{{ range }}", Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("template: (inline) out:2"), e.getMessage());
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
