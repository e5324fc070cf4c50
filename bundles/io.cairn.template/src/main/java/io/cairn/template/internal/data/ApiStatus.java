package io.cairn.template.internal.data;

import java.io.IOException;

/** Status checks shared by the decoders. */
final class ApiStatus {

    private ApiStatus() {
    }

    /** Endpoints other than a single KV key never answer 404 for missing data; treat it as an error. */
    static void requireOk(int status, Dependency d) throws IOException {
        if (status != 200) {
            throw new IOException(d.describe() + ": unexpected response code: " + status);
        }
    }
}
