package io.cairn.http.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percent-decoding the way Go's {@code net/url} does it. The server decodes the raw path itself, so an encoded
 * slash ({@code %2F}) in a KV key becomes part of the argument instead of being rejected or split. Bytes that are
 * not UTF-8 after decoding, and unpaired surrogates, are refused rather than rewritten.
 */
final class UrlCodec {
    static final String NOT_UTF8 = "Invalid URL: not valid UTF-8 after percent-decoding";

    private UrlCodec() {
    }

    /** Decodes a raw URL path; {@code +} stays a plus. */
    static String decodePath(String raw) {
        return decode(raw, false);
    }

    /**
     * Parses a raw query string into its parameters, in order; {@code a} alone has the value {@code ""} and
     * {@code +} means a space.
     */
    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s, boolean plusIsSpace) {
        boolean plain = s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0);
        if (plain && s.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("invalid URL escape \"" + s.substring(i) + "\"");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("invalid URL escape \"" + s.substring(i, i + 3) + "\"");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1)) ? i + 2 : i + 1;
                if (Character.isSurrogate(c) && end == i + 1) {
                    throw new IllegalArgumentException(NOT_UTF8);
                }
                byte[] bytes = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i = end - 1;
            }
        }
        try {
            // strictly: Go keeps the bytes as they are, so two keys that differ in invalid bytes stay two keys;
            // replacing them with U+FFFD would make them one
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(NOT_UTF8);
        }
    }

    /** Whether {@code s} has a character Go's {@code unicode.IsPrint} rejects (controls, unassigned, ...). */
    static boolean hasUnprintable(String s) {
        return s.codePoints().anyMatch(cp -> {
            if (cp == ' ') {
                return false;
            }
            int type = Character.getType(cp);
            return Character.isISOControl(cp) || Character.isWhitespace(cp) || type == Character.UNASSIGNED
                    || type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                    || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
        });
    }
}
