package io.cairn.ui.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;

/**
 * The web UI, served as Consul serves its own: the app's files under {@code /ui/} ({@link UiAssets}, from the
 * {@code ui/} folder of this bundle) and {@code /} (and {@code /ui}) redirected to {@code /ui/}, while
 * {@code enabled} is true (Consul's {@code ui_config.enabled}); while it is false this component declares no routes,
 * so {@code /ui/} answers 404 and {@code /} the HTTP server's banner. A change of the setting re-registers the
 * component, and with it its routes. It needs no service, so the UI's feature installs on any agent.
 */
@Component(name = "io.cairn.ui", configurationPid = "io.cairn.ui", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = HttpEndpoints.class)
@Designate(ocd = UiComponent.Config.class)
public final class UiComponent implements HttpEndpoints {

    /** Where the app lives; every path of the UI starts with it. */
    static final String UI_PATH = "/ui/";

    @ObjectClassDefinition(name = "Cairn web UI", description = "Whether this agent serves the web UI at /ui/")
    public @interface Config {
        @AttributeDefinition(description = "Serve the web UI (Consul's ui_config.enabled, default false)")
        boolean enabled() default false;
    }

    private final boolean enabled;
    private final UiAssets assets = new UiAssets(UiComponent.class.getClassLoader(), "ui/");

    @Activate
    public UiComponent(Config config) {
        this.enabled = config.enabled();
    }

    @Override
    public void routes(RouteTable table) {
        if (!enabled) {
            return;
        }
        table.get("/", UiComponent::redirectToUi)
                .get("/ui", UiComponent::redirectToUi)
                .get(UI_PATH, assets::serve);
    }

    /** Consul's answer to {@code /} while its UI is on: a permanent redirect to the UI. */
    private static CompletionStage<Response> redirectToUi(Request request) {
        return CompletableFuture.completedFuture(Response.empty(301).header("Location", UI_PATH));
    }
}
