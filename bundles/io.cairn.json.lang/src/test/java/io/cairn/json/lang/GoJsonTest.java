package io.cairn.json.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class GoJsonTest {
    private final ObjectMapper mapper = GoJson.newMapper();

    public static final class Service {
        public String name;
        public int port;
        public long index;
        public boolean enableTagOverride;
        public List<String> tags;
        public Map<String, String> meta;
        public Check check;
        public List<Check> checks;
    }

    public static final class Check {
        public String checkId;
        public int interval;
    }

    public static final class RegisterRequest {
        public String node;
        public Service service;
    }

    private <T> T decode(String json, Class<T> type) {
        return GoJson.decode(mapper, json.getBytes(StandardCharsets.UTF_8), type);
    }

    private String error(String json, Class<?> type) {
        return assertThrows(GoJsonException.class, () -> decode(json, type)).getMessage();
    }

    @Test
    void namesAreCaseInsensitiveAndUnknownFieldsIgnored() {
        Service s = decode("{\"NAME\":\"web\",\"Port\":80,\"enabletagoverride\":true,\"Unknown\":{\"x\":[1]}}",
                Service.class);
        assertEquals("web", s.name);
        assertEquals(80, s.port);
        assertEquals(true, s.enableTagOverride);
    }

    @Test
    void aJsonNullIsNull() {
        assertNull(decode("null", Service.class));
        assertNull(decode(" null \n", RegisterRequest.class));
    }

    @Test
    void scalarsAreNotCoerced() {
        assertEquals("json: cannot unmarshal string into Go struct field port of type int",
                error("{\"Port\":\"80\"}", Service.class));
        assertEquals("json: cannot unmarshal number 1.5 into Go struct field port of type int",
                error("{\"Port\":1.5}", Service.class));
        assertEquals("json: cannot unmarshal number 1e2 into Go struct field port of type int",
                error("{\"Port\":1e2}", Service.class));
        assertEquals("json: cannot unmarshal string into Go struct field index of type uint64",
                error("{\"Index\":\"5\"}", Service.class));
        assertEquals("json: cannot unmarshal string into Go struct field enableTagOverride of type bool",
                error("{\"EnableTagOverride\":\"true\"}", Service.class));
        assertEquals("json: cannot unmarshal number into Go struct field enableTagOverride of type bool",
                error("{\"EnableTagOverride\":1}", Service.class));
        assertEquals("json: cannot unmarshal number into Go struct field name of type string",
                error("{\"Name\":5}", Service.class));
        assertEquals("json: cannot unmarshal number into Go struct field name of type string",
                error("{\"Name\":5.5}", Service.class));
        assertEquals("json: cannot unmarshal bool into Go struct field name of type string",
                error("{\"Name\":true}", Service.class));
    }

    @Test
    void outOfRangeNumbersNameTheLiteral() {
        assertEquals("json: cannot unmarshal number 99999999999 into Go struct field port of type int",
                error("{\"Port\":99999999999}", Service.class));
        assertEquals("json: cannot unmarshal number 99999999999999999999999 into Go struct field index of type uint64",
                error("{\"Index\":99999999999999999999999}", Service.class));
    }

    @Test
    void nestedFieldsAreDottedWithoutIndexes() {
        assertEquals("json: cannot unmarshal string into Go struct field service.check.interval of type int",
                error("{\"Service\":{\"Check\":{\"Interval\":\"10s\"}}}", RegisterRequest.class));
        assertEquals("json: cannot unmarshal object into Go struct field service.checks.interval of type int",
                error("{\"Service\":{\"Checks\":[{},{\"Interval\":{}}]}}", RegisterRequest.class));
        assertEquals("json: cannot unmarshal number into Go struct field service.tags of type string",
                error("{\"Service\":{\"Tags\":[\"a\",1]}}", RegisterRequest.class));
        assertEquals("json: cannot unmarshal string into Go struct field service.tags of type []string",
                error("{\"Service\":{\"Tags\":\"a\"}}", RegisterRequest.class));
        assertEquals("json: cannot unmarshal number into Go struct field service.meta of type string",
                error("{\"Service\":{\"Meta\":{\"a\":1}}}", RegisterRequest.class));
        assertEquals("json: cannot unmarshal array into Go struct field service.meta of type map[string]string",
                error("{\"Service\":{\"Meta\":[]}}", RegisterRequest.class));
        assertEquals("json: cannot unmarshal array into Go struct field service of type structs.Service",
                error("{\"Service\":[]}", RegisterRequest.class));
    }

    @Test
    void theTopLevelIsAGoValue() {
        assertEquals("json: cannot unmarshal array into Go value of type structs.RegisterRequest",
                error("[{}]", RegisterRequest.class));
        assertEquals("json: cannot unmarshal string into Go value of type structs.RegisterRequest",
                error("\"x\"", RegisterRequest.class));
        assertEquals("json: cannot unmarshal object into Go value of type []structs.Check",
                error("{}", Check[].class));
        assertEquals("json: cannot unmarshal number into Go value of type structs.Check",
                error("[{}, 5]", Check[].class));
    }

    @Test
    void emptyTruncatedAndMalformedBodies() {
        assertEquals("EOF", error("", Service.class));
        assertEquals("EOF", error(" \r\n\t", Service.class));
        assertEquals("unexpected EOF", error("{\"Name\":", Service.class));
        assertEquals("unexpected EOF", error("{\"Service\":{\"Tags\":[", RegisterRequest.class));
        String syntax = error("{\"Name\" \"x\"}", Service.class);
        assertEquals(-1, syntax.indexOf("Source"), syntax);
        assertEquals(-1, syntax.indexOf("line:"), syntax);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirOffset() {
        byte[] overlong = {'{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertEquals("invalid UTF-8 at byte offset 9",
                assertThrows(GoJsonException.class, () -> GoJson.decode(mapper, overlong, Service.class)).getMessage());
        byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertEquals("invalid UTF-8 at byte offset 1",
                assertThrows(GoJsonException.class, () -> GoJson.decode(mapper, surrogate, String.class)).getMessage());
        byte[] ff = {'"', 'a', (byte) 0xFF, '"'};
        assertEquals("invalid UTF-8 at byte offset 2",
                assertThrows(GoJsonException.class, () -> GoJson.decode(mapper, ff, String.class)).getMessage());
        assertEquals("\u00e9", GoJson.decode(mapper, "\"\u00e9\"".getBytes(StandardCharsets.UTF_8), String.class));
    }
}
