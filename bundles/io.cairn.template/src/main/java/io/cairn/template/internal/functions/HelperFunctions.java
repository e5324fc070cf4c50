package io.cairn.template.internal.functions;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cairn.template.lang.GoFunc;

/**
 * consul-template's helper functions (string, parsing, encoding, collection and math helpers and the
 * {@code scratch} pad), with its names, argument order (piped value last) and results.
 */
public final class HelperFunctions {

    private HelperFunctions() {
    }

    /**
     * The helpers for one render pass of one template. Call it for every pass: the {@code scratch} pad it
     * contains starts empty and must not be shared between templates or passes.
     */
    public static Map<String, GoFunc> all() {
        return all(Clock.systemUTC());
    }

    /** The helpers, with {@code timestamp} reading {@code clock}. */
    public static Map<String, GoFunc> all(Clock clock) {
        Map<String, GoFunc> m = new HashMap<>();
        Scratch scratch = new Scratch();
        m.put("scratch", args -> {
            Args.count("scratch", args, 0);
            return scratch;
        });
        strings(m);
        parsing(m);
        encoding(m);
        collections(m);
        math(m);
        m.put("timestamp", args -> timestamp(args, clock));
        return Map.copyOf(m);
    }

    private static void strings(Map<String, GoFunc> m) {
        m.put("join", args -> {
            Args.count("join", args, 2);
            return StringFunctions.join(Args.string(args, 0), Args.strings(args, 1));
        });
        m.put("split", args -> {
            Args.count("split", args, 2);
            return StringFunctions.split(Args.string(args, 0), Args.string(args, 1));
        });
        m.put("splitToMap", args -> {
            Args.count("splitToMap", args, 3);
            return StringFunctions.splitToMap(Args.string(args, 0), Args.string(args, 1), Args.string(args, 2));
        });
        m.put("trim", args -> {
            Args.count("trim", args, 2);
            return StringFunctions.trim(Args.string(args, 0), Args.string(args, 1));
        });
        m.put("trimPrefix", args -> {
            Args.count("trimPrefix", args, 2);
            return StringFunctions.trimPrefix(Args.string(args, 0), Args.string(args, 1));
        });
        m.put("trimSuffix", args -> {
            Args.count("trimSuffix", args, 2);
            return StringFunctions.trimSuffix(Args.string(args, 0), Args.string(args, 1));
        });
        unary(m, "trimSpace", StringFunctions::trimSpace);
        unary(m, "toLower", StringFunctions::toLower);
        unary(m, "toUpper", StringFunctions::toUpper);
        unary(m, "toTitle", StringFunctions::toTitle);
        m.put("replaceAll", args -> {
            Args.count("replaceAll", args, 3);
            return StringFunctions.replaceAll(Args.string(args, 0), Args.string(args, 1), Args.string(args, 2));
        });
        m.put("indent", args -> {
            Args.count("indent", args, 2);
            return StringFunctions.indent(Args.integer(args, 0), Args.string(args, 1));
        });
        m.put("regexMatch", args -> {
            Args.count("regexMatch", args, 2);
            return GoRegex.compile(Args.string(args, 0)).matcher(Args.string(args, 1)).find();
        });
        m.put("regexReplaceAll", args -> {
            Args.count("regexReplaceAll", args, 3);
            return GoRegex.replaceAll(Args.string(args, 0), Args.string(args, 1), Args.string(args, 2));
        });
    }

    private static void parsing(Map<String, GoFunc> m) {
        unary(m, "parseBool", ParseFunctions::parseBool);
        unary(m, "parseInt", ParseFunctions::parseInt);
        unary(m, "parseUint", ParseFunctions::parseUint);
        unary(m, "parseFloat", ParseFunctions::parseFloat);
        unary(m, "parseJSON", ParseFunctions::parseJSON);
    }

    private static void encoding(Map<String, GoFunc> m) {
        unary(m, "base64Encode", EncodingFunctions::base64Encode);
        unary(m, "base64Decode", EncodingFunctions::base64Decode);
        unary(m, "base64URLEncode", EncodingFunctions::base64URLEncode);
        unary(m, "base64URLDecode", EncodingFunctions::base64URLDecode);
        unary(m, "sha256Hex", EncodingFunctions::sha256Hex);
        unary(m, "md5sum", EncodingFunctions::md5sum);
        m.put("hmacSHA256Hex", args -> {
            Args.count("hmacSHA256Hex", args, 2);
            return EncodingFunctions.hmacSHA256Hex(Args.string(args, 0), Args.string(args, 1));
        });
        encoder(m, "toJSON", v -> GoJson.encode(v, true, null));
        encoder(m, "toJSONPretty", v -> GoJson.encode(v, true, "  "));
        encoder(m, "toUnescapedJSON", v -> GoJson.encode(v, false, null));
        encoder(m, "toUnescapedJSONPretty", v -> GoJson.encode(v, false, "  "));
        encoder(m, "toYAML", YamlEncoder::encode);
        encoder(m, "toTOML", TomlEncoder::encode);
    }

    private static void collections(Map<String, GoFunc> m) {
        m.put("byKey", args -> {
            Args.count("byKey", args, 1);
            return CollectionFunctions.byKey(Args.list(args, 0));
        });
        value(m, "byTag", CollectionFunctions::byTag);
        value(m, "byPort", CollectionFunctions::byPort);
        m.put("byMeta", args -> {
            Args.count("byMeta", args, 2);
            return CollectionFunctions.byMeta(Args.string(args, 0), Args.list(args, 1));
        });
        m.put("in", args -> {
            Args.count("in", args, 2);
            return CollectionFunctions.in(args.get(0), args.get(1));
        });
        m.put("contains", args -> {
            Args.count("contains", args, 2);
            return CollectionFunctions.in(args.get(1), args.get(0));
        });
        containsSome(m, "containsAll", true, true);
        containsSome(m, "containsAny", false, false);
        containsSome(m, "containsNone", true, false);
        containsSome(m, "containsNotAll", false, true);
        m.put("explode", args -> {
            Args.count("explode", args, 1);
            return CollectionFunctions.explode(Args.list(args, 0));
        });
        m.put("explodeMap", args -> {
            Args.count("explodeMap", args, 1);
            return CollectionFunctions.explodeMap(Args.map(args, 0));
        });
        m.put("mergeMap", args -> {
            Args.count("mergeMap", args, 2);
            return CollectionFunctions.merge(Args.map(args, 0), Args.map(args, 1), false);
        });
        m.put("mergeMapWithOverride", args -> {
            Args.count("mergeMapWithOverride", args, 2);
            return CollectionFunctions.merge(Args.map(args, 0), Args.map(args, 1), true);
        });
        m.put("loop", CollectionFunctions::loop);
    }

    private static void containsSome(Map<String, GoFunc> m, String name, boolean whenExhausted, boolean invert) {
        m.put(name, args -> {
            Args.count(name, args, 2);
            return CollectionFunctions.containsSome(Args.list(args, 0), args.get(1), whenExhausted, invert);
        });
    }

    private static void math(Map<String, GoFunc> m) {
        binary(m, "add", GoMath::add);
        binary(m, "subtract", GoMath::subtract);
        binary(m, "multiply", GoMath::multiply);
        binary(m, "divide", GoMath::divide);
        binary(m, "modulo", GoMath::modulo);
        binary(m, "minimum", GoMath::minimum);
        binary(m, "maximum", GoMath::maximum);
    }

    /** {@code timestamp} is RFC 3339, {@code timestamp "unix"} the seconds since the epoch, else a Go layout. */
    private static String timestamp(List<Object> args, Clock clock) {
        if (args.size() > 1) {
            throw new IllegalArgumentException("timestamp: wrong number of arguments, expected 0 or 1, but got "
                    + args.size());
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
        if (args.isEmpty()) {
            return GoTimeFormat.format(GoTimeFormat.RFC3339, now);
        }
        String layout = Args.string(args, 0);
        return layout.equals("unix") ? Long.toString(now.toEpochSecond()) : GoTimeFormat.format(layout, now);
    }

    private interface StringFn {
        Object apply(String s);
    }

    private interface ValueFn {
        Object apply(Object v);
    }

    private interface BinaryFn {
        Object apply(Object b, Object a);
    }

    private static void unary(Map<String, GoFunc> m, String name, StringFn f) {
        m.put(name, args -> {
            Args.count(name, args, 1);
            return f.apply(Args.string(args, 0));
        });
    }

    private static void value(Map<String, GoFunc> m, String name, ValueFn f) {
        m.put(name, args -> {
            Args.count(name, args, 1);
            return f.apply(args.get(0));
        });
    }

    /** Encoding errors carry the function's name, as consul-template wraps them. */
    private static void encoder(Map<String, GoFunc> m, String name, ValueFn f) {
        m.put(name, args -> {
            Args.count(name, args, 1);
            try {
                return f.apply(args.get(0));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        });
    }

    private static void binary(Map<String, GoFunc> m, String name, BinaryFn f) {
        m.put(name, args -> {
            Args.count(name, args, 2);
            return f.apply(args.get(0), args.get(1));
        });
    }
}
