package io.cairn.template.internal.functions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Base64 and hashes over the UTF-8 bytes of strings. */
final class EncodingFunctions {

    private static final String STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private EncodingFunctions() {
    }

    static String base64Encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String base64URLEncode(String s) {
        return Base64.getUrlEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String base64Decode(String s) {
        return decode("base64Decode", s, STD, Base64.getDecoder());
    }

    static String base64URLDecode(String s) {
        return decode("base64URLDecode", s, URL, Base64.getUrlDecoder());
    }

    /** Go's padded decoding: line breaks are skipped, anything else outside the alphabet is an error. */
    private static String decode(String function, String s, String alphabet, Base64.Decoder decoder) {
        StringBuilder clean = new StringBuilder(s.length());
        int padding = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            boolean pad = c == '=';
            if (pad ? clean.length() % 4 < 2 : alphabet.indexOf(c) < 0 || padding > 0) {
                throw illegal(function, i);
            }
            padding += pad ? 1 : 0;
            clean.append(c);
        }
        if (clean.length() % 4 != 0) {
            throw illegal(function, clean.length() / 4 * 4);
        }
        return new String(decoder.decode(clean.toString()), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException illegal(String function, int at) {
        return new IllegalArgumentException(function + ": illegal base64 data at input byte " + at);
    }

    static String sha256Hex(String s) {
        return hex("SHA-256", s);
    }

    static String md5sum(String s) {
        return hex("MD5", s);
    }

    static String hmacSHA256Hex(String message, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            // An empty HMAC key is valid (Go accepts it) but SecretKeySpec refuses empty arrays.
            mac.init(k.length == 0 ? new EmptyKey() : new SecretKeySpec(k, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String hex(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** A zero-length HMAC key. */
    private static final class EmptyKey implements javax.crypto.SecretKey {
        private static final long serialVersionUID = 1L;

        @Override
        public String getAlgorithm() {
            return "HmacSHA256";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }
}
