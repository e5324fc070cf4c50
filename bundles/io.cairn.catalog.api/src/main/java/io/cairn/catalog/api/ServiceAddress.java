package io.cairn.catalog.api;

/**
 * One of a service's tagged addresses.
 *
 * @param address the address
 * @param port    the port
 */
public record ServiceAddress(String address, int port) {

    public ServiceAddress {
        address = Values.text(address);
    }
}
