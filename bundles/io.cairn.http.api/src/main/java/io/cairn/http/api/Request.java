package io.cairn.http.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cairn.acl.api.Authorizer;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.filter.Filter;
import io.cairn.filter.Shape;
import io.cairn.raft.api.Consistency;

import org.osgi.annotation.versioning.ProviderType;

/** An HTTP request as a handler sees it. The body is fully read before the handler runs. */
@ProviderType
public interface Request {

    /** {@code GET}, {@code PUT}, ... */
    String method();

    /** The URL-decoded path, e.g. {@code /v1/kv/a/b}. */
    String path();

    /** The path as the client sent it, still percent-encoded, e.g. {@code /v1/kv/a%2Fb}. */
    String rawPath();

    /** The query string as the client sent it, still percent-encoded, without the {@code ?}; {@code ""} if none. */
    String rawQuery();

    /** For a prefix route, the URL-decoded rest of the path after the prefix ({@code a/b}); else {@code ""}. */
    String argument();

    /** The first value of a query parameter; a parameter given without a value has the value {@code ""}. */
    Optional<String> param(String name);

    /** All values of a repeatable query parameter, in order. */
    List<String> params(String name);

    /**
     * A presence flag as Consul reads them: {@code ?recurse}, {@code ?recurse=}, {@code ?recurse=1} and
     * {@code ?recurse=true} all mean true.
     */
    boolean flag(String name);

    /** A parameter that must be an unsigned 64-bit integer if present; 400 naming the parameter otherwise. */
    Optional<Long> unsignedParam(String name);

    /**
     * The consistency mode from {@code ?stale} / {@code ?consistent}, where a {@code ?max_stale} Go duration above
     * zero also means stale; 400 if stale and consistent are both asked for, or if {@code ?max_stale} is not a
     * duration.
     */
    Consistency consistency();

    /**
     * The {@code ?filter=} expression parsed against {@code shape}, the shape of the elements the endpoint filters;
     * empty without one or with an empty one. An endpoint that filters its answer itself (rather than declaring
     * its elements' shape with its route, see {@link RouteTable#read(String, Shape, StateQuery)}) calls this before
     * anything waits, so that a bad expression is refused first. Read as {@link QueryParameters#filter} reads it.
     *
     * @throws HttpException 400 whose message is the parser's, the text of Consul's 400, when the expression does
     *         not parse or names a selector {@code shape} does not have
     */
    Optional<Filter> filter(Shape shape);

    /** The first value of a request header (case-insensitive name). */
    Optional<String> header(String name);

    /**
     * Every request header: an unmodifiable map whose keys are looked up case-insensitively, each with its values
     * in the order sent.
     */
    Map<String, List<String>> headers();

    /** The raw body; empty if none. */
    byte[] body();

    /**
     * The JSON body decoded into {@code type} as Go's {@code encoding/json} decodes it: field names matched
     * case-insensitively, unknown fields ignored, scalars never coerced (a string is not read as a number or bool,
     * a number or bool not as a string, a fraction not as an integer), content after the first value ignored.
     * A JSON {@code null} body returns {@code null}.
     *
     * @throws HttpException 400 {@code Request decode failed: <Go's error>}: {@code EOF} for an empty body,
     *         {@code unexpected EOF} for a truncated one, {@code invalid UTF-8 at byte offset <n>},
     *         {@code json: cannot unmarshal <kind> into Go struct field <path> of type <type>} for a value of the
     *         wrong kind or out of range, or the syntax error
     */
    <T> T body(Class<T> type);

    /**
     * The ACL secret the request presents, in Consul's order: {@code ?token}, {@code X-Consul-Token},
     * {@code Authorization: Bearer} (scheme in any case); {@code ""} for none. For a handler that keeps it to act
     * later as that token, as the agent syncs the services registered through it.
     */
    default String presentedSecret() {
        return param("token").filter(s -> !s.isEmpty())
                .or(() -> header("X-Consul-Token").map(String::trim).filter(s -> !s.isEmpty()))
                .or(() -> header("Authorization").flatMap(Request::bearer))
                .orElse("");
    }

    private static Optional<String> bearer(String authorization) {
        String[] words = authorization.trim().split("\\s+", 2);
        return words.length == 2 && words[0].equalsIgnoreCase("Bearer") ? Optional.of(words[1].trim())
                : Optional.empty();
    }

    /**
     * The ACL token the request runs as, resolved before the handler runs from {@code ?token}, then
     * {@code X-Consul-Token}, then {@code Authorization: Bearer}, then the agent's default token, else the
     * anonymous token (Consul's order). While ACLs are disabled it allows everything but ACL management.
     */
    ResolvedToken token();

    /** What the request's {@linkplain #token() token} may do; every handler asks before it reads or writes. */
    default Authorizer acl() {
        return token().authorizer();
    }

    /**
     * The 403 for a permission the request's token lacks, with Consul's text ({@code Permission denied: token with
     * AccessorID '…' lacks permission 'key:write' on "db/x"}); throw it before anything changes.
     *
     * @param permission Consul's name of the permission, e.g. {@code key:write}, {@code operator:read}
     * @param resource   the resource it was asked for, or {@code null} for a permission without one
     */
    default HttpException permissionDenied(String permission, String resource) {
        return new HttpException(403, token().permissionDenied(permission, resource));
    }

    /**
     * {@code response} with Consul's {@code X-Consul-Results-Filtered-By-ACLs: true} when {@code removed} (the
     * handler left out elements the token may not read) and the request presented a token; an anonymous request
     * is not told, as in Consul.
     */
    default Response filteredByAcls(Response response, boolean removed) {
        return removed && !token().anonymous() ? response.header("X-Consul-Results-Filtered-By-ACLs", "true")
                : response;
    }
}
