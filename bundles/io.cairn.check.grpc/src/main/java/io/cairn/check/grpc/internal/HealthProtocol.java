package io.cairn.check.grpc.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The wire format of {@code grpc.health.v1.Health/Check}, written by hand because both messages have a single
 * field: {@code HealthCheckRequest { string service = 1; }} and
 * {@code HealthCheckResponse { ServingStatus status = 1; }}, each sent as one gRPC length-prefixed message (a
 * compression flag byte, then the big-endian length). Also the gRPC status codes and message encoding, to word
 * failures the way Go's gRPC (and so Consul) does.
 */
final class HealthProtocol {

    static final String PATH = "/grpc.health.v1.Health/Check";

    /** {@code ServingStatus} by number. */
    private static final List<String> SERVING_STATUS = List.of("UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN");

    /** gRPC status codes by number, named as Go's {@code codes.Code} prints them. */
    private static final List<String> CODES = List.of("OK", "Canceled", "Unknown", "InvalidArgument",
            "DeadlineExceeded", "NotFound", "AlreadyExists", "PermissionDenied", "ResourceExhausted",
            "FailedPrecondition", "Aborted", "OutOfRange", "Unimplemented", "Internal", "Unavailable", "DataLoss",
            "Unauthenticated");

    private HealthProtocol() {
    }

    /** The request for {@code service}, framed. */
    static ByteBuffer request(String service) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        if (!service.isEmpty()) {
            byte[] name = service.getBytes(StandardCharsets.UTF_8);
            message.write(0x0a); // field 1, length-delimited
            writeVarint(message, name.length);
            message.writeBytes(name);
        }
        ByteBuffer frame = ByteBuffer.allocate(5 + message.size());
        frame.put((byte) 0).putInt(message.size()).put(message.toByteArray()).flip();
        return frame;
    }

    /**
     * The serving status in a framed response, e.g. {@code SERVING}.
     *
     * @throws IllegalArgumentException if the bytes are not one uncompressed, well-formed response message
     */
    static String servingStatus(byte[] framed) {
        if (framed.length < 5) {
            throw new IllegalArgumentException("no response message");
        }
        if (framed[0] != 0) {
            throw new IllegalArgumentException("compressed response message, but no compression was offered");
        }
        int length = ByteBuffer.wrap(framed, 1, 4).getInt();
        if (length != framed.length - 5) {
            throw new IllegalArgumentException("response message of " + (framed.length - 5) + " bytes, framed as "
                    + length);
        }
        ByteBuffer message = ByteBuffer.wrap(framed, 5, length);
        long status = 0; // An absent field is proto3's default, UNKNOWN.
        while (message.hasRemaining()) {
            long tag = readVarint(message);
            switch ((int) (tag & 7)) {
                case 0 -> {
                    long value = readVarint(message);
                    if (tag >>> 3 == 1) {
                        status = value;
                    }
                }
                case 1 -> skip(message, 8);
                case 2 -> skip(message, (int) readVarint(message));
                case 5 -> skip(message, 4);
                default -> throw new IllegalArgumentException("malformed response message");
            }
        }
        return status >= 0 && status < SERVING_STATUS.size() ? SERVING_STATUS.get((int) status)
                : String.valueOf(status);
    }

    /** A gRPC status code's name as Go prints it, e.g. {@code NotFound}. */
    static String codeName(int code) {
        return code >= 0 && code < CODES.size() ? CODES.get(code) : "Code(" + code + ")";
    }

    /** The gRPC status code for an HTTP status that is not 200, as gRPC clients map it. */
    static int codeForHttpStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400 -> 13;
            case 401 -> 16;
            case 403 -> 7;
            case 404 -> 12;
            case 429, 502, 503, 504 -> 14;
            default -> 2;
        };
    }

    /** A {@code grpc-message} value decoded (it is percent-encoded UTF-8). */
    static String decodeMessage(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && Character.digit(encoded.charAt(i + 1), 16) >= 0
                    && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        int rest = value;
        while ((rest & ~0x7f) != 0) {
            out.write((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
    }

    private static long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.hasRemaining()) {
                throw new IllegalArgumentException("malformed response message");
            }
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed response message");
    }

    private static void skip(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("malformed response message");
        }
        in.position(in.position() + length);
    }
}
