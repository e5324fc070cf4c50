package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.filter.ConsulShapes;
import io.cairn.filter.Filter;
import io.cairn.http.api.HttpException;
import io.cairn.raft.api.Consistency;

class HttpRequestTest {
    private final Json json = new Json();

    private HttpRequest request(String query) {
        return request(query, "");
    }

    private HttpRequest request(String query, String body) {
        return new HttpRequest("GET", "/v1/x", "", "/v1/x", query, UrlCodec.parseQuery(query),
                Map.of("X-Consul-Token", List.of("secret")), body.getBytes(StandardCharsets.UTF_8), json.mapper());
    }

    @Test
    void theFilterIsParsedOncePerShapeAndRefusedWith400() {
        HttpRequest r = request("filter=Node%20%3D%3D%20%22web%22");
        Optional<Filter> filter = r.filter(ConsulShapes.NODE);
        assertTrue(filter.isPresent());
        assertSame(filter.get(), r.filter(ConsulShapes.NODE).get());
        assertEquals(Optional.empty(), request("filter=").filter(ConsulShapes.NODE));
        assertEquals(Optional.empty(), request("").filter(ConsulShapes.NODE));
        HttpException refused = assertThrows(HttpException.class, () -> request("filter=bad%20%3D%3D%3D")
                .filter(ConsulShapes.NODE));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("Failed to create boolean expression evaluator"),
                refused.getMessage());
    }

    @Test
    void parsesRepeatedBareAndEncodedParameters() {
        HttpRequest r = request("node-meta=a:b&node-meta=c:d&recurse&q=hello+w%C3%B6rld&k=a%2Fb");
        assertEquals(List.of("a:b", "c:d"), r.params("node-meta"));
        assertEquals(Optional.of("a:b"), r.param("node-meta"));
        assertEquals(Optional.of(""), r.param("recurse"));
        assertEquals(Optional.of("hello w\u00f6rld"), r.param("q"));
        assertEquals(Optional.of("a/b"), r.param("k"));
        assertEquals(Optional.empty(), r.param("missing"));
        assertEquals(List.of(), r.params("missing"));
    }

    @Test
    void keepsThePathQueryAndHeadersAsSent() {
        HttpRequest r = new HttpRequest("GET", "/v1/kv/a/b", "a/b", "/v1/kv/a%2Fb", "q=hello+w%C3%B6rld&recurse",
                UrlCodec.parseQuery("q=hello+w%C3%B6rld&recurse"),
                Map.of("Content-Type", List.of("application/json"), "X-Forwarded", List.of("a", "b")), new byte[0],
                json.mapper());
        assertEquals("/v1/kv/a%2Fb", r.rawPath());
        assertEquals("q=hello+w%C3%B6rld&recurse", r.rawQuery());
        assertEquals(List.of("application/json"), r.headers().get("content-type"));
        assertEquals(List.of("a", "b"), r.headers().get("X-FORWARDED"));
        assertThrows(UnsupportedOperationException.class, () -> r.headers().put("X", List.of()));
        assertEquals("", request(null).rawQuery());
    }

    @Test
    void flagsArePresenceTests() {
        for (String q : List.of("recurse", "recurse=", "recurse=1", "recurse=true")) {
            assertTrue(request(q).flag("recurse"), q);
        }
        assertFalse(request("other").flag("recurse"));
    }

    @Test
    void unsignedParamNamesTheBadParameter() {
        assertEquals(Optional.of(42L), request("cas=42").unsignedParam("cas"));
        assertEquals(Optional.empty(), request("").unsignedParam("cas"));
        HttpException e = assertThrows(HttpException.class, () -> request("cas=-1").unsignedParam("cas"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("Invalid cas"), e.getMessage());
    }

    @Test
    void consistencyModes() {
        assertEquals(Consistency.DEFAULT, request("").consistency());
        assertEquals(Consistency.STALE, request("stale").consistency());
        assertEquals(Consistency.STALE, request("max_stale=10s").consistency());
        assertEquals(Consistency.DEFAULT, request("max_stale=0s").consistency());
        assertEquals(Consistency.CONSISTENT, request("consistent=").consistency());
        HttpException e = assertThrows(HttpException.class, () -> request("stale&consistent").consistency());
        assertEquals("Cannot specify ?stale with ?consistent, conflicting semantics.", e.getMessage());
        assertEquals(400, assertThrows(HttpException.class, () -> request("max_stale=soon").consistency()).status());
    }

    @Test
    void headersAreCaseInsensitive() {
        assertEquals(Optional.of("secret"), request("").header("x-consul-token"));
        assertEquals(Optional.empty(), request("").header("Authorization"));
    }

    public static final class Service {
        @com.fasterxml.jackson.annotation.JsonProperty("Name")
        public String name;
        @com.fasterxml.jackson.annotation.JsonProperty("Port")
        public int port;
        @com.fasterxml.jackson.annotation.JsonProperty("Tags")
        public List<String> tags;
        @com.fasterxml.jackson.annotation.JsonProperty("Enable")
        public boolean enable;
    }

    public static final class Register {
        @com.fasterxml.jackson.annotation.JsonProperty("Service")
        public Service service;
    }

    private String decodeError(byte[] body, Class<?> type) {
        HttpRequest r = new HttpRequest("PUT", "/v1/x", "", "/v1/x", null, Map.of(), Map.of(), body, json.mapper());
        HttpException e = assertThrows(HttpException.class, () -> r.body(type));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    private String decodeError(String body, Class<?> type) {
        return decodeError(body.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void scalarsAreAsStrictAsGo() {
        assertEquals("Request decode failed: json: cannot unmarshal string into Go struct field Service.Port of type int",
                decodeError("{\"service\":{\"port\":\"80\"}}", Register.class));
        assertEquals("Request decode failed: json: cannot unmarshal number 1.5 into Go struct field Port of type int",
                decodeError("{\"Port\":1.5}", Service.class));
        assertEquals("Request decode failed: json: cannot unmarshal number 1e2 into Go struct field Port of type int",
                decodeError("{\"Port\":1e2}", Service.class));
        assertEquals("Request decode failed: json: cannot unmarshal number 4294967296 into Go struct field Port of type int",
                decodeError("{\"Port\":4294967296}", Service.class));
        assertEquals("Request decode failed: json: cannot unmarshal string into Go struct field Enable of type bool",
                decodeError("{\"Enable\":\"true\"}", Service.class));
        assertEquals("Request decode failed: json: cannot unmarshal number into Go struct field Enable of type bool",
                decodeError("{\"Enable\":1}", Service.class));
        assertEquals("Request decode failed: json: cannot unmarshal number into Go struct field Name of type string",
                decodeError("{\"Name\":5}", Service.class));
        assertEquals("Request decode failed: json: cannot unmarshal bool into Go struct field Service.Tags of type string",
                decodeError("{\"Service\":{\"Tags\":[\"a\",false]}}", Register.class));
        assertEquals("Request decode failed: json: cannot unmarshal string into Go struct field Tags of type []string",
                decodeError("{\"Tags\":\"a\"}", Service.class));
    }

    @Test
    void decodeErrorsNameGoTypesNotJavaOnes() {
        assertEquals("Request decode failed: json: cannot unmarshal array into Go value of type structs.Register",
                decodeError("[]", Register.class));
        assertEquals("Request decode failed: json: cannot unmarshal object into Go value of type []string",
                decodeError("{}", String[].class));
        assertEquals("Request decode failed: EOF", decodeError("", Register.class));
        assertEquals("Request decode failed: unexpected EOF", decodeError("{\"Service\":{", Register.class));
        String syntax = decodeError("{\"Name\" 1}", Service.class);
        assertTrue(syntax.startsWith("Request decode failed: "), syntax);
        assertFalse(syntax.contains("Source") || syntax.contains("line:") || syntax.contains("io.cairn"), syntax);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedWithItsOffset() {
        byte[] body = {'{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertEquals("Request decode failed: invalid UTF-8 at byte offset 9", decodeError(body, Service.class));
    }

    @Test
    void aJsonNullBodyIsNull() {
        HttpRequest r = new HttpRequest("PUT", "/v1/x", "", "/v1/x", null, Map.of(), Map.of(),
                "null".getBytes(StandardCharsets.UTF_8), json.mapper());
        assertEquals(null, r.body(Service.class));
    }

    @Test
    void bodyDecodesCaseInsensitivelyAndIgnoresUnknownFields() {
        HttpRequest r = request("", "{\"name\":\"web\",\"PORT\":80,\"WriteRequest\":{\"Token\":\"\"}}");
        Service s = r.body(Service.class);
        assertEquals("web", s.name);
        assertEquals(80, s.port);
        assertArrayEquals("{\"name\":\"web\",\"PORT\":80,\"WriteRequest\":{\"Token\":\"\"}}".getBytes(StandardCharsets.UTF_8), r.body());
    }

    @Test
    void badBodyIsA400DecodeFailure() {
        HttpException e = assertThrows(HttpException.class, () -> request("", "{\"port\":\"x\"").body(Service.class));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("Request decode failed: "), e.getMessage());
    }

    @Test
    void pathDecodingKeepsPlusAndDecodesSlashes() {
        assertEquals("/v1/kv/a/b+c d", UrlCodec.decodePath("/v1/kv/a%2Fb+c%20d"));
        assertThrows(IllegalArgumentException.class, () -> UrlCodec.decodePath("/v1/kv/%zz"));
        assertTrue(UrlCodec.hasUnprintable("/v1/kv/a\u0001"));
        assertFalse(UrlCodec.hasUnprintable("/v1/kv/h\u00e9llo w"));
    }
}
