package io.cairn.http.api;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.cairn.filter.Filter;

/**
 * Applies a route's {@code ?filter=} to its answer, as Consul filters its listings: the answer's JSON, as the
 * server would send it, keeps the array elements, or the object values, that the filter matches. Anything else
 * (a raw body, {@code null}, a scalar) is sent as it is.
 * <p>
 * The one filtering of the elements of a route that declares their shape (see
 * {@link RouteTable#read(String, io.cairn.filter.Shape, StateQuery)}), shared by the HTTP server and the route
 * table of endpoint tests, so that a test sees what a client gets.
 */
public final class ElementFilter {

    private ElementFilter() {
    }

    /**
     * {@code response} with only the elements {@code filter} matches, its status and headers unchanged;
     * {@code mapper} turns the answer into the JSON the server sends (the server's own mapper).
     */
    public static Response keepMatching(Response response, Filter filter, ObjectMapper mapper) {
        if (!response.isJson()) {
            return response;
        }
        JsonNode answer = mapper.valueToTree(response.jsonBody());
        if (answer instanceof ArrayNode elements) {
            for (Iterator<JsonNode> each = elements.elements(); each.hasNext();) {
                if (!filter.matches(each.next())) {
                    each.remove();
                }
            }
        } else if (answer != null && answer.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> each = answer.fields(); each.hasNext();) {
                if (!filter.matches(each.next().getValue())) {
                    each.remove();
                }
            }
        } else {
            return response;
        }
        Response filtered = Response.json(response.status(), answer);
        response.headers().forEach(filtered::header);
        return filtered;
    }
}
