package io.cairn.gossip.internal.component;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.coordinate.Coordinate;

/** A network coordinate in Consul's JSON ({@code coordinate.Coordinate}). */
@JsonPropertyOrder({"Vec", "Error", "Adjustment", "Height"})
record CoordJson(@JsonProperty("Vec") List<Double> vec, @JsonProperty("Error") double error,
        @JsonProperty("Adjustment") double adjustment, @JsonProperty("Height") double height) {

    static CoordJson of(Coordinate c) {
        return new CoordJson(c.vec(), c.error(), c.adjustment(), c.height());
    }
}
