package io.cairn.http.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.filter.Filter;
import io.cairn.filter.Shape;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.QueryParameters;
import io.cairn.http.api.Request;
import io.cairn.json.lang.GoJson;
import io.cairn.json.lang.GoJsonException;
import io.cairn.raft.api.Consistency;

/**
 * A request built in a test, read the way the HTTP server reads a real one: parameters by the server's own
 * {@link QueryParameters} (flags by presence; bad unsigned parameters, consistency modes and {@code ?filter=}
 * expressions refused with 400), JSON bodies refused with 400, headers by case-insensitive name. A new request is a
 * {@code GET /} without parameters, headers or body; the builder methods change it and return it. Its raw path
 * and query are its path and parameters percent-encoded, unless set. It runs as an agent with ACLs disabled
 * unless {@link #token} or {@link #rules} says otherwise.
 */
public final class FakeRequest implements Request {

    /**
     * Decodes bodies as the HTTP server does, with the same {@link GoJson} rules: field names case-insensitive,
     * unknown fields ignored, scalars never coerced.
     */
    public static final ObjectMapper JSON = GoJson.newMapper();

    private String method = "GET";
    private String path = "/";
    private String argument = "";
    private String rawPath;
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private Consistency consistency;
    private ResolvedToken token = ACLS_DISABLED;

    /** The token of a request to an agent with ACLs disabled: everything but ACL management is allowed. */
    public static final ResolvedToken ACLS_DISABLED = FakeAclResolver.ACLS_DISABLED;

    /** The accessor ID of the token {@link #rules} gives a request. */
    public static final String TEST_ACCESSOR = "11111111-2222-3333-4444-555555555555";

    /** A {@code method} request with {@code argument} and the query {@code terms} (see {@link #query}). */
    public static FakeRequest of(String method, String argument, String... terms) {
        return new FakeRequest().method(method).argument(argument).query(terms);
    }

    /** Sets the method ({@code GET}, {@code PUT}, ...). */
    public FakeRequest method(String method) {
        this.method = method;
        return this;
    }

    /** Sets the URL-decoded path. */
    public FakeRequest path(String path) {
        this.path = path;
        return this;
    }

    /** Sets the path as sent, percent-encoded; without it {@link #rawPath()} encodes {@link #path()}. */
    public FakeRequest rawPath(String raw) {
        this.rawPath = raw;
        return this;
    }

    /** Sets the rest of the path after a prefix route. */
    public FakeRequest argument(String argument) {
        this.argument = argument;
        return this;
    }

    /** Adds query parameters written as in a URL, {@code "name=value"} or {@code "name"} (a flag, value ""). */
    public FakeRequest query(String... terms) {
        for (String term : terms) {
            int eq = term.indexOf('=');
            param(eq < 0 ? term : term.substring(0, eq), eq < 0 ? "" : term.substring(eq + 1));
        }
        return this;
    }

    /** Adds one value of a query parameter; repeat for a repeatable one. */
    public FakeRequest param(String name, String value) {
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** Adds one value of a header. */
    public FakeRequest header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** Sets the body to {@code text} in UTF-8. */
    public FakeRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the body. */
    public FakeRequest body(byte[] bytes) {
        body = bytes;
        return this;
    }

    /**
     * Fixes the consistency mode; without it the mode follows {@code ?stale}, {@code ?max_stale} and
     * {@code ?consistent}.
     */
    public FakeRequest consistency(Consistency mode) {
        consistency = mode;
        return this;
    }

    /** Runs the request as {@code token}. */
    public FakeRequest token(ResolvedToken token) {
        this.token = token;
        return this;
    }

    /**
     * Runs the request as a token (accessor {@value #TEST_ACCESSOR}) whose only policy has the Consul ACL rules
     * {@code rules} (HCL or JSON), under {@code default_policy = "deny"}.
     */
    public FakeRequest rules(String rules) {
        return token(new ResolvedToken(TEST_ACCESSOR, false, FakeAclResolver.authorizer(rules)));
    }

    /** Runs the request as the anonymous token under {@code default_policy = "deny"}, without rules. */
    public FakeRequest anonymousDenied() {
        return token(FakeAclResolver.ANONYMOUS_DENIED);
    }

    @Override
    public ResolvedToken token() {
        return token;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String argument() {
        return argument;
    }

    /**
     * The path as set with {@link #rawPath(String)}, else {@link #path()} with every character but {@code /} and
     * the URL-safe ones percent-encoded.
     */
    @Override
    public String rawPath() {
        if (rawPath != null) {
            return rawPath;
        }
        return String.join("/", Arrays.stream(path.split("/", -1)).map(FakeRequest::encode).toList());
    }

    /** The parameters in the order added, each {@code name=value} encoded, a {@code ""} value as a bare name. */
    @Override
    public String rawQuery() {
        List<String> terms = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(value ->
                terms.add(value.isEmpty() ? encode(name) : encode(name) + "=" + encode(value))));
        return String.join("&", terms);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public Optional<String> param(String name) {
        return parameters().param(name);
    }

    @Override
    public List<String> params(String name) {
        return parameters().params(name);
    }

    @Override
    public boolean flag(String name) {
        return parameters().flag(name);
    }

    @Override
    public Optional<Long> unsignedParam(String name) {
        return parameters().unsignedParam(name);
    }

    @Override
    public Consistency consistency() {
        return consistency != null ? consistency : parameters().consistency();
    }

    /** The {@code ?filter=} expression parsed against {@code shape}, on every call. */
    @Override
    public Optional<Filter> filter(Shape shape) {
        return parameters().filter(shape);
    }

    /** The parameters added so far, read by the same class as the HTTP server reads a real request's. */
    private QueryParameters parameters() {
        return new QueryParameters(params);
    }

    @Override
    public Optional<String> header(String name) {
        return headers.getOrDefault(name, List.of()).stream().findFirst();
    }

    @Override
    public Map<String, List<String>> headers() {
        return Collections.unmodifiableMap(headers);
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public <T> T body(Class<T> type) {
        try {
            return GoJson.decode(JSON, body, type);
        } catch (GoJsonException e) {
            throw HttpException.badRequest("Request decode failed: " + e.getMessage());
        }
    }
}
