package io.cairn.itests.springapp;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the app currently sees: its configuration and the instances its {@code DiscoveryClient} finds. */
@RestController
@RefreshScope
public class GreetingController {
    private final String greeting;
    private final DiscoveryClient discovery;

    public GreetingController(@Value("${greeting:unset}") String greeting, DiscoveryClient discovery) {
        this.greeting = greeting;
        this.discovery = discovery;
    }

    /** {@code greeting} as this {@code @RefreshScope} bean was created with (it is re-created on refresh). */
    @GetMapping("/greeting")
    public String greeting() {
        return greeting;
    }

    /** {@code host:port} of each instance of {@code service} the DiscoveryClient returns. */
    @GetMapping("/discovered/{service}")
    public List<String> discovered(@PathVariable("service") String service) {
        return discovery.getInstances(service).stream().map(i -> i.getHost() + ":" + i.getPort()).toList();
    }

    /** The service names the DiscoveryClient returns. */
    @GetMapping("/services")
    public List<String> services() {
        return discovery.getServices();
    }
}
