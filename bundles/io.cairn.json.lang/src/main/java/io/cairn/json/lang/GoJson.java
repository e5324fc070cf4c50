package io.cairn.json.lang;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Decodes request bodies the way Go's {@code encoding/json} does and reports failures with Go's texts. Thread-safe;
 * holds no state.
 */
public final class GoJson {
    private GoJson() {
    }

    /**
     * A new mapper with Go's decoding rules: field names case-insensitive and unknown fields ignored (clients rely on
     * both), and no scalar coercion: a string is never read as a number or bool, a number or bool never as a string,
     * a float never as an int. A type that Consul decodes leniently (durations given as number or string, say) needs
     * its own deserializer. The mapper may also be used for writing.
     */
    public static ObjectMapper newMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Decodes {@code body} as a {@code type} with {@code mapper} (normally one from {@link #newMapper()}). A JSON
     * {@code null} gives {@code null}; content after the first value is ignored, as Go's {@code Decoder} does.
     *
     * @throws GoJsonException with Go's text: {@code EOF} for an empty or blank body, {@code unexpected EOF} for a
     *         truncated one, {@code json: cannot unmarshal <kind> into Go struct field <path> of type <type>} (or
     *         {@code ... into Go value of type <type>} at the top level) for a value of the wrong kind or out of
     *         range, {@code invalid UTF-8 at byte offset <n>} for bytes that are not UTF-8, and the syntax error
     *         without a source location otherwise
     */
    public static <T> T decode(ObjectMapper mapper, byte[] body, Class<T> type) {
        requireUtf8(body);
        if (isBlank(body)) {
            throw new GoJsonException("EOF", null);
        }
        try {
            return mapper.readValue(body, type);
        } catch (JsonEOFException e) {
            throw new GoJsonException("unexpected EOF", e);
        } catch (MismatchedInputException e) {
            throw new GoJsonException(unmarshalError(mapper, e, type, e.getTargetType(), e), e);
        } catch (InputCoercionException e) {
            throw new GoJsonException(unmarshalError(mapper, null, type, e.getTargetType(), e), e);
        } catch (ValueInstantiationException e) {
            // A body type's constructor refused a value: its own message is for the client, the wrapper is not.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new GoJsonException(cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage(), e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonEOFException) {
                throw new GoJsonException("unexpected EOF", e);
            }
            if (e.getCause() instanceof InputCoercionException range) {
                throw new GoJsonException(unmarshalError(mapper, e, type, range.getTargetType(), range), e);
            }
            throw new GoJsonException(e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new GoJsonException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GoJsonException(String.valueOf(e.getMessage()), e);
        }
    }

    /** Refuses bytes that are not strictly UTF-8, naming the offset of the first bad one. */
    public static void requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(body.length), true);
        if (result.isError()) {
            throw new GoJsonException("invalid UTF-8 at byte offset " + in.position(), null);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String unmarshalError(ObjectMapper mapper, JsonMappingException located, Class<?> root,
            Class<?> target, JsonProcessingException failure) {
        List<String> fields = new ArrayList<>();
        JavaType fieldType = null;
        if (located != null) {
            for (JsonMappingException.Reference ref : located.getPath()) {
                Object from = ref.getFrom();
                String name = ref.getFieldName();
                if (name == null || from instanceof Map || from instanceof Collection) {
                    fieldType = null; // an element or map value: the target is the element type
                    continue;
                }
                BeanPropertyDefinition property = property(mapper, from, name);
                fields.add(property != null ? property.getName() : name);
                fieldType = property != null ? property.getPrimaryType() : null;
            }
        }
        // The declared type of the innermost field when the failure is that field's own value (it keeps generics:
        // []string, not a raw List); the type Jackson was reading for an element or map value; the root otherwise.
        JavaType goal = fieldType != null ? fieldType
                : target != null && located != null && !located.getPath().isEmpty() ? mapper.constructType(target)
                : mapper.constructType(root);
        String into = fields.isEmpty()
                ? "Go value of type " + goType(goal)
                : "Go struct field " + String.join(".", fields) + " of type " + goType(goal);
        return "json: cannot unmarshal " + kind(failure, target) + " into " + into;
    }

    private static BeanPropertyDefinition property(ObjectMapper mapper, Object from, String name) {
        if (from == null) {
            return null;
        }
        Class<?> owner = from instanceof Class<?> c ? c : from.getClass();
        try {
            BeanPropertyDefinition loose = null;
            for (BeanPropertyDefinition p : mapper.getDeserializationConfig()
                    .introspect(mapper.constructType(owner)).findProperties()) {
                if (p.getName().equals(name)) {
                    return p;
                }
                if (loose == null && p.getName().equalsIgnoreCase(name)) {
                    loose = p;
                }
            }
            return loose;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Go's name for the kind of JSON value that did not fit, with the literal for a number aimed at a number. */
    private static String kind(JsonProcessingException failure, Class<?> target) {
        JsonToken token = null;
        String text = null;
        if (failure.getProcessor() instanceof JsonParser parser) {
            token = parser.currentToken();
            try {
                text = parser.getText();
            } catch (IOException | RuntimeException e) {
                text = null;
            }
        }
        if (token == null) {
            return "value";
        }
        return switch (token) {
            case VALUE_STRING -> "string";
            case VALUE_TRUE, VALUE_FALSE -> "bool";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    isNumeric(target) && text != null ? "number " + text : "number";
            case START_ARRAY, END_ARRAY -> "array";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "object";
            default -> "value";
        };
    }

    private static boolean isNumeric(Class<?> type) {
        if (type == null) {
            return false;
        }
        Class<?> t = type.isPrimitive() ? type : unbox(type);
        return t == int.class || t == long.class || t == short.class || t == byte.class || t == double.class
                || t == float.class || Number.class.isAssignableFrom(type);
    }

    private static Class<?> unbox(Class<?> type) {
        if (type == Integer.class) {
            return int.class;
        }
        if (type == Long.class) {
            return long.class;
        }
        if (type == Short.class) {
            return short.class;
        }
        if (type == Byte.class) {
            return byte.class;
        }
        if (type == Double.class) {
            return double.class;
        }
        if (type == Float.class) {
            return float.class;
        }
        return type;
    }

    /** The Go type a Consul struct would declare for a Java type. */
    static String goType(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == byte[].class) {
            return "[]uint8";
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            return "[]" + goType(type.getContentType());
        }
        if (type.isMapLikeType()) {
            return "map[" + goType(type.getKeyType()) + "]" + goType(type.getContentType());
        }
        Class<?> t = raw.isPrimitive() ? raw : unbox(raw);
        if (t == int.class || t == short.class || t == byte.class) {
            return "int";
        }
        if (t == long.class || raw == BigInteger.class) {
            return "uint64";
        }
        if (t == double.class || raw == BigDecimal.class) {
            return "float64";
        }
        if (t == float.class) {
            return "float32";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "bool";
        }
        if (CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class
                || raw.isEnum()) {
            return "string";
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return "interface {}";
        }
        return "structs." + raw.getSimpleName();
    }
}
