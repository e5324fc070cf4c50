package io.cairn.agent.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.health.api.CheckDefinition;

/**
 * Parses single JSON documents: API bodies ({@code PUT /v1/agent/service/register},
 * {@code PUT /v1/agent/check/register}) and config files (HCL ones too, through {@link HclConfig}).
 * <p>
 * Keys match whatever their case and underscores ({@code EnableTagOverride}, {@code enable_tag_override},
 * {@code enabletagoverride}); {@code ID} ≡ {@code CheckID} and {@code Args} ≡ {@code ScriptArgs} in checks;
 * durations are Go duration strings or numbers of nanoseconds. Unknown keys are ignored in API bodies (as
 * Consul's HTTP API does) and are errors in config files (as Consul's config loader does). A {@code null}
 * value counts as absent.
 */
public final class DefinitionParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DefinitionParser() {
    }

    /** The body of {@code PUT /v1/agent/service/register}. */
    public static ServiceDefinition service(String json) throws DefinitionException {
        Where where = Where.apiBody();
        return ServiceReader.read(parse(json, where), where);
    }

    /** The body of {@code PUT /v1/agent/check/register}: a node check, or a service's if it has a ServiceID. */
    public static CheckDefinition check(String json) throws DefinitionException {
        Where where = Where.apiBody();
        return CheckReader.nodeCheck(parse(json, where), where);
    }

    /**
     * The definitions in one config file: top-level {@code service} (object), {@code services} (list),
     * {@code check} (object) and {@code checks} (list), any case. Other top-level keys are agent settings, which
     * this parser leaves alone.
     *
     * @param file the file's name as error messages should show it
     */
    public static Definitions configFile(String file, String json) throws DefinitionException {
        Where where = Where.configFile(file);
        return configFile(where, parse(json, where));
    }

    /**
     * The definitions in one config file read as HCL ({@link HclConfig#read}), with the same rules as a JSON
     * config file's.
     *
     * @param tree the file's tree as {@link HclConfig#read} gives it
     */
    static Definitions hclConfigFile(String file, Map<String, Object> tree) throws DefinitionException {
        return configFile(Where.configFile(file), JSON.valueToTree(tree));
    }

    private static Definitions configFile(Where where, JsonNode root) throws DefinitionException {
        List<ServiceDefinition> services = new ArrayList<>();
        List<CheckDefinition> checks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : JsonValues.object(root, where)) {
            Where at = where.field(entry.getKey());
            JsonNode value = entry.getValue();
            switch (entry.getKey().toLowerCase(Locale.ROOT)) {
                case "service" -> services.add(ServiceReader.read(value, at));
                case "services" -> {
                    for (int i = 0; i < list(value, at).size(); i++) {
                        services.add(ServiceReader.read(value.get(i), at.element(i)));
                    }
                }
                case "check" -> checks.add(CheckReader.nodeCheck(value, at));
                case "checks" -> {
                    for (int i = 0; i < list(value, at).size(); i++) {
                        checks.add(CheckReader.nodeCheck(value.get(i), at.element(i)));
                    }
                }
                default -> {
                    // An agent setting (node_name, ports...): the command-line client validates those.
                }
            }
        }
        return new Definitions(services, checks);
    }

    private static JsonNode list(JsonNode value, Where where) throws DefinitionException {
        if (!value.isArray()) {
            throw where.fail("expected a list, got " + value);
        }
        return value;
    }

    private static JsonNode parse(String json, Where where) throws DefinitionException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String problem = "invalid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
            throw where.configFile() ? where.fail(problem) : where.fail("Request decode failed: " + problem);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            String problem = "expected a JSON object";
            throw where.configFile() ? where.fail(problem) : where.fail("Request decode failed: " + problem);
        }
        return root;
    }
}
