package io.cairn.cli.agent;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;

/** Facts about this machine that agent defaults depend on (tests supply their own). */
interface HostInfo {

  /** The host name Consul would use as node name. */
  String hostname();

  /** The first IPv4 address not on a loopback interface, if any. */
  Optional<String> firstNonLoopbackIpv4();

  /**
   * Why a listener cannot be opened on the address right now (the system's reason, such as "Address already in
   * use"), or empty if it can. Only tries: nothing stays open.
   */
  Optional<String> cannotListen(boolean udp, InetSocketAddress address);

  /** Reads the real machine. */
  static HostInfo system() {
    return new HostInfo() {
      @Override
      public String hostname() {
        // The kernel's name, like Go's os.Hostname(); a resolver lookup could stall start-up.
        try {
          String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
          if (!name.isEmpty()) {
            return name;
          }
        } catch (IOException | RuntimeException e) {
          // not Linux: fall through
        }
        try {
          return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
          return "localhost";
        }
      }

      @Override
      public Optional<String> firstNonLoopbackIpv4() {
        try {
          for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
              continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
              if (address instanceof Inet4Address && !address.isLoopbackAddress()
                  && !address.isLinkLocalAddress()) {
                return Optional.of(address.getHostAddress());
              }
            }
          }
        } catch (SocketException e) {
          // no interfaces to inspect: the caller falls back to loopback
        }
        return Optional.empty();
      }

      @Override
      public Optional<String> cannotListen(boolean udp, InetSocketAddress address) {
        if (address.isUnresolved()) {
          return Optional.of("no such address");
        }
        try {
          if (udp) {
            new DatagramSocket(address).close();
          } else {
            try (ServerSocket socket = new ServerSocket()) {
              socket.setReuseAddress(true); // as Jetty and Netty bind: a port in TIME_WAIT is free
              socket.bind(address);
            }
          }
          return Optional.empty();
        } catch (IOException e) {
          return Optional.of(e.getMessage() != null ? e.getMessage() : e.toString());
        }
      }
    };
  }
}
