package io.cairn.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;

/** The UI's routes exist only while it is enabled; {@code /} and {@code /ui} then redirect to {@code /ui/}. */
class UiComponentTest {

    private static UiComponent.Config enabled(boolean enabled) {
        return new UiComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return UiComponent.Config.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }
        };
    }

    private static FakeRoutes routes(boolean enabled) {
        FakeRoutes routes = new FakeRoutes();
        new UiComponent(enabled(enabled)).routes(routes);
        return routes;
    }

    @Test
    void disabledDeclaresNoRoutes() {
        assertEquals(List.of(), routes(false).declared());
    }

    @Test
    void enabledServesTheUiAndRedirectsToIt() {
        FakeRoutes routes = routes(true);
        assertEquals(List.of("GET /", "GET /ui", "GET /ui/"), routes.declared());
        for (String path : List.of("/", "/ui")) {
            Response redirect = routes.call("GET", path, new FakeRequest());
            assertEquals(301, redirect.status(), path);
            assertEquals("/ui/", redirect.headers().get("Location"), path);
        }
    }
}
