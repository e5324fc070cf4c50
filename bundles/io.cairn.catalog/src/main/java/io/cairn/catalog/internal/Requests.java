package io.cairn.catalog.internal;

import java.util.function.Supplier;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.RouteTable;

/** Request checks the catalog and coordinate endpoints share. */
final class Requests {

    private Requests() {
    }

    /**
     * Refuses a body that names another datacenter ({@code dc} empty or {@code null} means this one): Consul
     * forwards those over the WAN, and this release has one datacenter. The server refuses a {@code ?dc=} for
     * another one itself (see {@link RouteTable#datacenterScoped}), with the same answer.
     */
    static void requireOwnDatacenter(String own, String dc) {
        if (dc != null && !dc.isEmpty() && !dc.equals(own)) {
            throw new HttpException(500, RouteTable.NO_PATH_TO_DATACENTER);
        }
    }

    /** Runs {@code step}, turning its {@link IllegalArgumentException} into a 400 with the same message. */
    static <T> T badRequestOnIllegalArgument(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest(e.getMessage());
        }
    }
}
