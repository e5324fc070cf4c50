package io.cairn.catalog.api;

import java.util.List;
import java.util.Map;

/**
 * Filters for the instances of one service.
 *
 * @param tags        tags every instance must carry (compared case-insensitively); empty for no filter
 * @param nodeMeta    node metadata every instance's node must have; empty for no filter
 * @param passingOnly keep only instances whose every check, node checks included, is passing
 */
public record ServiceQuery(List<String> tags, Map<String, String> nodeMeta, boolean passingOnly) {

    /** No filter. */
    public static final ServiceQuery ALL = new ServiceQuery(List.of(), Map.of(), false);

    public ServiceQuery {
        tags = Values.list(tags);
        nodeMeta = Values.map(nodeMeta);
    }
}
