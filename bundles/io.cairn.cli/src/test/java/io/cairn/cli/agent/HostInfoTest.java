package io.cairn.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real machine's answers, on loopback sockets this test opens. */
class HostInfoTest {
  private final HostInfo host = HostInfo.system();

  @Test
  void aTcpPortSomeoneListensOnIsInUseUntilClosed() throws Exception {
    InetSocketAddress address;
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      address = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
      Optional<String> problem = host.cannotListen(false, address);
      assertTrue(problem.isPresent() && problem.get().contains("in use"), problem.toString());
    }
    assertEquals(Optional.empty(), host.cannotListen(false, address));
  }

  @Test
  void aUdpPortSomeoneHoldsIsInUseUntilClosed() throws Exception {
    InetSocketAddress address;
    try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      address = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
      Optional<String> problem = host.cannotListen(true, address);
      assertTrue(problem.isPresent() && problem.get().contains("in use"), problem.toString());
    }
    assertEquals(Optional.empty(), host.cannotListen(true, address));
  }

  @Test
  void anAddressOfNoInterfaceHereCannotBeListenedOn() {
    // TEST-NET-1 (RFC 5737): never assigned to a machine
    Optional<String> problem = host.cannotListen(false, new InetSocketAddress("192.0.2.7", 8500));
    assertTrue(problem.isPresent(), "192.0.2.7 is not an address of this machine");
  }
}
