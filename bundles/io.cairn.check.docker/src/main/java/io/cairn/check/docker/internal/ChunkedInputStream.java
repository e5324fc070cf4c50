package io.cairn.check.docker.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A body in HTTP/1.1 chunked transfer encoding, decoded; trailers are skipped. */
final class ChunkedInputStream extends FilterInputStream {

    private long chunkLeft;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (done) {
            return -1;
        }
        if (chunkLeft == 0) {
            String size = EngineClient.line(in);
            int extension = size.indexOf(';');
            try {
                chunkLeft = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size \"" + size + "\"");
            }
            if (chunkLeft == 0) {
                while (!EngineClient.line(in).isEmpty()) {
                    // Trailers carry nothing a check needs.
                }
                done = true;
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, chunkLeft));
        if (n < 0) {
            throw new IOException("connection closed in the middle of a chunk");
        }
        chunkLeft -= n;
        if (chunkLeft == 0) {
            EngineClient.line(in); // The CRLF after the chunk's data.
        }
        return n;
    }
}
