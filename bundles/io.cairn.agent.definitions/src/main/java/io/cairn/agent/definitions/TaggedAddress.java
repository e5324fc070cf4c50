package io.cairn.agent.definitions;

/**
 * One of a service's tagged addresses ({@code lan}, {@code wan}, ...).
 *
 * @param address the address
 * @param port    the port
 */
public record TaggedAddress(String address, int port) {

    public TaggedAddress {
        address = address == null ? "" : address;
    }
}
