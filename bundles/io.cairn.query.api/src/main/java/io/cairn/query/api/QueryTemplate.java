package io.cairn.query.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a template query matches names (Consul's {@code QueryTemplateOptions}).
 *
 * @param type            {@value #NAME_PREFIX_MATCH}, or {@code ""} for a plain query
 * @param regexp          a regular expression matched against the full name; its groups are {@code ${match(N)}}
 * @param removeEmptyTags whether tags that render empty are dropped
 */
public record QueryTemplate(@JsonProperty("Type") String type, @JsonProperty("Regexp") String regexp,
        @JsonProperty("RemoveEmptyTags") boolean removeEmptyTags) {

    /** The only template type: the longest name prefix wins. */
    public static final String NAME_PREFIX_MATCH = "name_prefix_match";

    /** No template. */
    public static final QueryTemplate NONE = new QueryTemplate("", "", false);

    public QueryTemplate {
        type = type == null ? "" : type;
        regexp = regexp == null ? "" : regexp;
    }
}
