package io.cairn.check.grpc.internal;

/**
 * What a {@code GRPC} field names: {@code host:port} (IPv6 hosts in brackets), optionally followed by
 * {@code /service}, the service whose health is asked for ({@code ""}: the server as a whole).
 */
record GrpcTarget(String host, int port, String service) {

    static GrpcTarget parse(String target) {
        int slash = target.indexOf('/');
        String address = slash < 0 ? target : target.substring(0, slash);
        String service = slash < 0 ? "" : target.substring(slash + 1);
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? "" : address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (!host.isEmpty() && port > 0 && port < 65536) {
                return new GrpcTarget(host, port, service);
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted forms.
        }
        throw new IllegalArgumentException("GRPC must be host:port or host:port/service (e.g. localhost:9090 or"
                + " localhost:9090/my.Service), got \"" + target + "\"");
    }

    /** The {@code :authority} of the request. */
    String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
