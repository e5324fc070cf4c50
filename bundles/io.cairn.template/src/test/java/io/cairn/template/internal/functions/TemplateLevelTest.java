package io.cairn.template.internal.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.template.internal.data.ApiDependency;
import io.cairn.template.internal.data.HealthServiceQuery;
import io.cairn.template.internal.data.KvGetQuery;
import io.cairn.template.internal.data.KvListQuery;
import io.cairn.template.lang.GoFunc;
import io.cairn.template.lang.Template;
import io.cairn.template.lang.TemplateException;

/** consul-template style templates end to end through the template engine, with data decoded from Consul JSON. */
class TemplateLevelTest {

    private static final String SERVICES = """
            [{"Node": {"ID": "1", "Node": "node-a", "Address": "10.0.0.1", "Datacenter": "dc1",
                       "TaggedAddresses": {"wan": "198.51.100.1"}, "Meta": {"rack": "r1"}},
              "Service": {"ID": "web-1", "Service": "web", "Tags": ["prod", "blue"], "Address": "10.1.0.1",
                          "Port": 8080, "Meta": {"zone": "eu"}, "Weights": {"Passing": 1, "Warning": 1},
                          "TaggedAddresses": {"wan": {"Address": "198.51.100.1", "Port": 80}}},
              "Checks": [{"CheckID": "serfHealth", "Status": "passing", "Output": "alive"}]},
             {"Node": {"ID": "2", "Node": "node-b", "Address": "10.0.0.2", "Datacenter": "dc1"},
              "Service": {"ID": "web-2", "Service": "web", "Tags": ["prod"], "Address": "", "Port": 8081,
                          "Meta": {}},
              "Checks": [{"CheckID": "serfHealth", "Status": "passing"},
                         {"CheckID": "service:web-2", "Status": "warning"}]}]""";

    private DataFunctionsTest.FakeContext ctx;

    @BeforeEach
    void setUp() throws IOException {
        ctx = new DataFunctionsTest.FakeContext();
        put(HealthServiceQuery.parse("web|any", false), 200, SERVICES);
        put(KvGetQuery.parse("app/name", true), 200, "[{\"Key\": \"app/name\", \"Value\": \"aG9wc2NvdGNo\"}]");
        put(KvGetQuery.parse("app/missing", false), 404, "");
        put(KvListQuery.parse("app/cfg", KvListQuery.Safety.NONE), 200, """
                [{"Key": "app/cfg/", "Value": null},
                 {"Key": "app/cfg/db/host", "Value": "ZGI="},
                 {"Key": "app/cfg/port", "Value": "ODA4MA=="}]""");
    }

    private void put(ApiDependency d, int status, String body) throws IOException {
        ctx.values.put(d, d.decode(status, body.getBytes(StandardCharsets.UTF_8)));
    }

    private String render(String text) throws TemplateException {
        Map<String, GoFunc> functions = new HashMap<>(
                HelperFunctions.all(Clock.fixed(Instant.parse("2026-11-27T21:00:00Z"), ZoneOffset.UTC)));
        functions.putAll(DataFunctions.all(ctx, Map.of("DC", "dc1")));
        return Template.parse("t", text, functions).execute(null);
    }

    @Test
    void servicesWithTheirFields() throws TemplateException {
        assertEquals("node-a web-1 10.1.0.1:8080 [blue prod] passing;node-b web-2 10.0.0.2:8081 [prod] warning;",
                render("{{ range service \"web|any\" }}{{ .Node }} {{ .ID }} {{ .Address }}:{{ .Port }} {{ .Tags }}"
                        + " {{ .Checks.AggregatedStatus }};{{ end }}"));
        assertEquals("198.51.100.1:80 r1 eu {1 1}", render("{{ with index (service \"web|any\") 0 }}"
                + "{{ with .ServiceTaggedAddresses.wan }}{{ .Address }}:{{ .Port }}{{ end }} {{ .NodeMeta.rack }}"
                + " {{ .ServiceMeta.zone }} {{ .Weights }}{{ end }}"));
        assertEquals("web-1,", render("{{ range service \"web|any\" }}{{ if .Tags | contains \"blue\" }}{{ .ID }},"
                + "{{ end }}{{ end }}"));
        assertEquals("blue:web-1 prod:web-1,web-2 ", render("{{ range $tag, $s := service \"web|any\" | byTag }}"
                + "{{ $tag }}:{{ range $i, $x := $s }}{{ if $i }},{{ end }}{{ $x.ID }}{{ end }} {{ end }}"));
        assertEquals("8080:web-1 8081:web-2 ", render("{{ range $port, $s := service \"web|any\" | byPort }}"
                + "{{ $port }}:{{ range $s }}{{ .ID }}{{ end }} {{ end }}"));
        assertEquals("", render("{{ range service \"db\" }}x{{ end }}"), "not fetched yet: empty");
    }

    @Test
    void keysAndTrees() throws TemplateException {
        assertEquals("hopscotch/none/false", render("{{ key \"app/name\" }}/{{ keyOrDefault \"app/missing\" \"none\" }}"
                + "/{{ keyExists \"app/missing\" }}"));
        assertEquals("port=8080;", render("{{ range ls \"app/cfg\" }}{{ .Key }}={{ .Value }};{{ end }}"));
        assertEquals("db/host port ", render("{{ range tree \"app/cfg\" }}{{ .Key }} {{ end }}"));
        assertEquals("{\"db\":{\"host\":\"db\"},\"port\":\"8080\"}",
                render("{{ tree \"app/cfg\" | explode | toJSON }}"));
    }

    @Test
    void helpersThroughTheEngine() throws TemplateException {
        assertEquals("3 5 2.5", render("{{ add 1 2 }} {{ 10 | subtract 5 }} {{ divide 2 5.0 }}"));
        assertEquals("a-b-c", render("{{ \"a,b,c\" | split \",\" | join \"-\" }}"));
        assertEquals("[\"a\",\"b\",\"c\"]", render("{{ \"a,b,c\" | split \",\" | toJSON }}"));
        assertEquals("012", render("{{ range loop 3 }}{{ . }}{{ end }}"));
        assertEquals("5 6 7 ", render("{{ range $i := loop 5 8 }}{{ $i }} {{ end }}"));
        assertEquals("bar", render("{{ scratch.Set \"foo\" \"bar\" }}{{ scratch.Get \"foo\" }}"));
        assertEquals("true", render("{{ scratch.SetX \"a\" 1 }}{{ scratch.Key \"a\" }}"));
        assertEquals("[1 2]", render("{{ scratch.MapSet \"m\" \"b\" 2 }}{{ scratch.MapSet \"m\" \"a\" 1 }}"
                + "{{ scratch.MapValues \"m\" }}"));
        assertEquals("map[foo:map[bar:a] qux:c]", render("{{ scratch.MapSet \"e\" \"foo/bar\" \"a\" }}"
                + "{{ scratch.MapSet \"e\" \"qux\" \"c\" }}{{ scratch.Get \"e\" | explodeMap }}"));
        assertEquals("1", render("{{ (parseJSON \"{\\\"a\\\": 1}\").a }}"), "float64 1 prints as 1");
        assertEquals("2026-11-27 dc1", render("{{ timestamp \"2006-01-02\" }} {{ env \"DC\" }}"));
        assertEquals("    x", render("{{ \"x\" | indent 4 }}"));
        assertEquals("true", render("{{ \"web-12\" | regexMatch \"^web-[0-9]+$\" }}"));
    }

    @Test
    void helperErrorsStopTheTemplate() {
        TemplateException e = assertThrows(TemplateException.class, () -> render("{{ parseInt \"x\" }}"));
        assertTrue(e.getMessage().contains("error calling parseInt: parseInt: strconv.ParseInt: parsing \"x\": "
                + "invalid syntax"), e.getMessage());
    }
}
