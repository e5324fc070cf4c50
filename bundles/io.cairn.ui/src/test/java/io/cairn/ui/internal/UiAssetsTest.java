package io.cairn.ui.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;

/** The UI's files as {@code /ui/} answers them, from the test folder {@code testui/}. */
class UiAssetsTest {

    private final UiAssets assets = new UiAssets(UiAssetsTest.class.getClassLoader(), "testui/");

    private Response get(String path) {
        return assets.answer(path, Optional.empty());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UiAssetsTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theRootAnswersThePage() throws IOException {
        Response page = get("");
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertArrayEquals(resource("testui/index.html"), page.rawBody());
        assertEquals("no-cache", page.headers().get("Cache-Control"));
    }

    @Test
    void filesAnswerWithTheirContentType() throws IOException {
        assertEquals("text/javascript; charset=utf-8", get("app.mjs").contentType());
        assertArrayEquals(resource("testui/app.mjs"), get("app.mjs").rawBody());
        assertEquals("text/css; charset=utf-8", get("css/site.css").contentType());
        assertEquals("image/svg+xml", get("logo.svg").contentType());
    }

    @Test
    void everyOtherPathAnswersThePageForTheAppsOwnRoutes() throws IOException {
        byte[] page = resource("testui/index.html");
        for (String path : new String[] {"dc1/services", "dc1/services/web", "dc1/kv/a/b/", "dc1/kv/x.json/edit",
                "missing.js", "css", "LICENSE-x", "dc1/./x"}) {
            Response response = get(path);
            assertEquals(200, response.status(), path);
            assertEquals("text/html; charset=utf-8", response.contentType(), path);
            assertArrayEquals(page, response.rawBody(), path);
        }
    }

    @Test
    void aMatchingEntityTagIsNotModified() {
        String etag = get("app.mjs").headers().get("ETag");
        assertNotEquals(get("").headers().get("ETag"), etag);
        for (String ifNoneMatch : new String[] {etag, "\"other\", " + etag, "W/" + etag, "*"}) {
            Response response = assets.answer("app.mjs", Optional.of(ifNoneMatch));
            assertEquals(304, response.status(), ifNoneMatch);
            assertEquals(0, response.rawBody().length);
            assertEquals(etag, response.headers().get("ETag"));
            assertEquals("no-cache", response.headers().get("Cache-Control"));
        }
        assertEquals(200, assets.answer("app.mjs", Optional.of("\"other\"")).status());
    }

    @Test
    void dotDotSegmentsAreRefused() {
        for (String path : new String[] {"../outside.txt", "css/../../outside.txt", "..", "dc1/../index.html"}) {
            HttpException refused = assertThrows(HttpException.class, () -> get(path), path);
            assertEquals(404, refused.status(), path);
        }
    }

    @Test
    void aMissingPageIsA404() {
        UiAssets empty = new UiAssets(UiAssetsTest.class.getClassLoader(), "no-such-folder/");
        assertEquals(404, assertThrows(HttpException.class, () -> empty.answer("", Optional.empty())).status());
    }
}
