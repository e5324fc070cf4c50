package io.cairn.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryFailover;
import io.cairn.query.api.QueryService;
import io.cairn.query.api.QueryTemplate;

/**
 * Consul's query templates ({@value QueryTemplate#NAME_PREFIX_MATCH}): every string of the {@code Service} part is
 * interpolated for the name being resolved, with the template's regular expression's groups as
 * {@code ${match(N)}}.
 */
final class QueryTemplates {

    private QueryTemplates() {
    }

    /**
     * Checks that {@code template} compiles and renders for its own name, as Consul does when storing it;
     * {@link IllegalArgumentException} with Consul's text otherwise.
     */
    static void compile(PreparedQuery template) {
        if (!template.template().type().equals(QueryTemplate.NAME_PREFIX_MATCH)) {
            throw new IllegalArgumentException("Bad Template.Type '" + template.template().type() + "'");
        }
        pattern(template);
        render(template, template.name());
    }

    /** {@code template} rendered for {@code name}; {@link IllegalArgumentException} if an expression fails. */
    static PreparedQuery render(PreparedQuery template, String name) {
        Pattern pattern = pattern(template);
        List<String> groups = new ArrayList<>();
        if (pattern != null) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.find()) {
                for (int g = 0; g <= matcher.groupCount(); g++) {
                    groups.add(matcher.group(g) == null ? "" : matcher.group(g));
                }
            }
        }
        String suffix = name.regionMatches(true, 0, template.name(), 0, template.name().length())
                ? name.substring(template.name().length()) : name;
        Interpolation.Scope scope = new Interpolation.Scope(name, template.name(), suffix,
                i -> i >= 0 && i < groups.size() ? groups.get(i) : "");
        QueryService s = template.service();
        QueryService rendered = new QueryService(field(".Service", s.service(), scope),
                new QueryFailover(s.failover().nearestN(), list(".Failover.Datacenters", s.failover().datacenters(),
                        scope)),
                s.onlyPassing(), list(".IgnoreCheckIDs", s.ignoreCheckIds(), scope), field(".Near", s.near(), scope),
                tags(template, list(".Tags", s.tags(), scope)), map(".NodeMeta", s.nodeMeta(), scope),
                map(".ServiceMeta", s.serviceMeta(), scope), s.connect());
        return template.withService(rendered);
    }

    private static Pattern pattern(PreparedQuery template) {
        String regexp = template.template().regexp();
        if (regexp.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regexp);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Bad Regexp: " + e.getDescription());
        }
    }

    private static List<String> tags(PreparedQuery template, List<String> tags) {
        return template.template().removeEmptyTags() ? tags.stream().filter(t -> !t.isEmpty()).toList() : tags;
    }

    private static String field(String path, String value, Interpolation.Scope scope) {
        Interpolation parsed;
        try {
            parsed = Interpolation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad format '" + value + "' in Service" + path + ": " + e.getMessage());
        }
        try {
            return parsed.render(scope);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Bad evaluation for '" + value + "' in Service" + path + ": " + e.getMessage());
        }
    }

    private static List<String> list(String path, List<String> values, Interpolation.Scope scope) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(field(path + "[" + i + "]", values.get(i), scope));
        }
        return out;
    }

    private static Map<String, String> map(String path, Map<String, String> values, Interpolation.Scope scope) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, field(path + "[" + k + "]", v, scope)));
        return out;
    }
}
