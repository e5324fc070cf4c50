package io.cairn.snapshot.archive;

import java.io.IOException;

/** The bytes are not an intact snapshot archive; the message says what is wrong, for the user. */
public final class InvalidSnapshotException extends IOException {
    private static final long serialVersionUID = 1L;

    public InvalidSnapshotException(String message) {
        super(message);
    }

    public InvalidSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
