package io.cairn.itests.springapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot app as its users write one: it registers itself in Consul (here Cairn) with an HTTP health check,
 * discovers services through Spring's {@code DiscoveryClient}, and reads {@code greeting} from Consul's KV with
 * Spring Cloud Consul Config's defaults (key {@code config/<app name>/greeting}, watched with blocking queries).
 */
@SpringBootApplication
public class GreetingApp {

    public static void main(String[] args) {
        SpringApplication.run(GreetingApp.class, args);
    }
}
