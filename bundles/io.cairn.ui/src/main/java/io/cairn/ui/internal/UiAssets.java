package io.cairn.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;

/**
 * The files of the web UI, read from a class-path folder and answered to {@code GET /ui/<path>}: a file with its
 * content type, and for every other path {@value #INDEX}, so that the app's own routes ({@code /ui/dc1/services})
 * can be loaded directly. Each answer carries an {@code ETag} and {@code Cache-Control: no-cache}, so a browser
 * revalidates and gets a 304 while the file is unchanged. A path with a {@code ..} segment is refused (404): it
 * could reach files outside the folder.
 * <p>
 * Only files with a known content type ({@link #CONTENT_TYPES}) are served as files; the files read are kept, as
 * a bundle's files do not change while it runs.
 */
final class UiAssets {

    /** The app's page, answered for {@code /ui/} and every path that is not a file. */
    static final String INDEX = "index.html";
    /** The text of the 404 for a refused path, as Go's file server words it. */
    static final String NOT_FOUND = "404 page not found";

    /** Content types by file extension, as Go's file server (Consul's) sends them. */
    static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    /** A file's bytes, content type and entity tag. */
    private record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final ClassLoader loader;
    private final String folder;
    private final Map<String, Asset> read = new ConcurrentHashMap<>();

    /**
     * @param loader the class loader whose resources hold the files (a bundle's own, in OSGi)
     * @param folder the resource folder they are in, ending in {@code /}
     */
    UiAssets(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder;
    }

    /** Answers a request to the {@code /ui/} prefix route, whose argument is the path below it. */
    CompletionStage<Response> serve(Request request) {
        return CompletableFuture.completedFuture(answer(request.argument(), request.header("If-None-Match")));
    }

    /**
     * The answer for {@code path} (below the UI's folder, URL-decoded) to a request that sent
     * {@code ifNoneMatch}.
     *
     * @throws HttpException 404 for a path with a {@code ..} segment, or when the UI's page is missing
     */
    Response answer(String path, Optional<String> ifNoneMatch) {
        if (Arrays.asList(path.split("/", -1)).contains("..")) {
            throw new HttpException(404, NOT_FOUND);
        }
        Asset asset = file(path).or(() -> file(INDEX))
                .orElseThrow(() -> new HttpException(404, "The web UI's files are missing from this agent"));
        Response response = ifNoneMatch.filter(tags -> matches(tags, asset.etag())).isPresent()
                ? Response.empty(304)
                : Response.raw(asset.bytes(), asset.contentType());
        return response.header("ETag", asset.etag()).header("Cache-Control", "no-cache");
    }

    /** The file at {@code path}, when it is one with a known content type. */
    private Optional<Asset> file(String path) {
        String type = CONTENT_TYPES.get(extension(path));
        if (type == null || path.contains("\\") || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Asset cached = read.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = loader.getResourceAsStream(folder + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            Asset asset = new Asset(bytes, type, etag(bytes));
            read.put(path, asset);
            return Optional.of(asset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web UI's " + path, e);
        }
    }

    /** The extension of the last segment of {@code path}, {@code ""} if it has none. */
    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }

    /** A strong entity tag derived from the content. */
    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether an {@code If-None-Match} list names {@code etag} (compared weakly, as for GET) or is {@code *}. */
    private static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || (trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
