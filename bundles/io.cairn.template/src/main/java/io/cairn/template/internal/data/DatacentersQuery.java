package io.cairn.template.internal.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The known datacenters, for {@code datacenters}: {@code GET /v1/catalog/datacenters}, not blocking. */
public record DatacentersQuery() implements ApiDependency {

    @Override
    public String path() {
        return "/v1/catalog/datacenters";
    }

    @Override
    public boolean blocking() {
        return false;
    }

    /** @return the names, sorted, as a {@code List<String>} */
    @Override
    public Object decode(int status, byte[] body) throws IOException {
        ApiStatus.requireOk(status, this);
        List<String> names = new ArrayList<>();
        for (JsonNode n : ConsulJson.parseArray(body)) {
            names.add(n.asText());
        }
        Collections.sort(names);
        return List.copyOf(names);
    }

    @Override
    public String describe() {
        return "catalog.datacenters";
    }
}
