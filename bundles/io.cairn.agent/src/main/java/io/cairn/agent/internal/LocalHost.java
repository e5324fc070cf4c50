package io.cairn.agent.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This host's name and address, for an identity whose node name or advertise address is not configured. */
interface LocalHost {

    /** The machine's own host name and address as the JVM resolves them. */
    LocalHost SYSTEM = new LocalHost() {
        @Override
        public String name() {
            return local().getHostName();
        }

        @Override
        public String address() {
            return local().getHostAddress();
        }

        private InetAddress local() {
            try {
                return InetAddress.getLocalHost();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("This host's name does not resolve (" + e.getMessage()
                        + "); set node.name and advertise.address in io.cairn.agent", e);
            }
        }
    };

    String name();

    String address();
}
