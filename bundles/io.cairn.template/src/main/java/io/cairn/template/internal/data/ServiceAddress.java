package io.cairn.template.internal.data;

/** An address a service is tagged with, e.g. its {@code wan} address (Consul's {@code api.ServiceAddress}). */
public record ServiceAddress(String Address, long Port) {
}
