package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.Programs;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Multicast delivery on this host. IPv4 runs on loopback. Linux refuses IPv6 multicast on
 * {@code lo} (it has no MULTICAST flag: send fails with ENETUNREACH, in Node too), so IPv6
 * uses interface-local groups ({@code ff01::}, {@code ff31::}, which never leave the host) on
 * the first multicast-capable interface, and is skipped when there is none.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramMulticastTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  /** Joins with {@code join}, sends from a socket bound to {@code source} and logs what arrives. */
  private void roundTrip(String type, String source, String sendTo, String iface,
      java.util.function.Consumer<DatagramSocket> join, java.util.function.Consumer<DatagramSocket> leave) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket receiver = Dgram.createSocket(new SocketOptions(type).reuseAddr(true));
      DatagramSocket sender = Dgram.createSocket(type);
      receiver.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        log.add("got " + msg + " " + rinfo.family() + " from sender " + (rinfo.port() == sender.address().port()));
        if (rinfo.address().startsWith("fe80")) {
          log.add("link-local sender has a zone " + rinfo.address().contains("%"));
        }
        leave.accept(receiver);
        receiver.close();
        sender.close();
      });
      receiver.bind(0, () -> {
        join.accept(receiver);
        sender.bind(0, source, () -> {
          sender.setMulticastInterface(iface);
          sender.setMulticastLoopback(true);
          sender.setMulticastTTL(1);
          sender.send("to the group", receiver.address().port(), sendTo, (err, n) -> log.add("sent " + err + " " + n));
        });
      });
    });
  }

  @Test
  void ipv4GroupOnLoopback() {
    roundTrip("udp4", "127.0.0.1", "224.0.0.114", "127.0.0.1",
        r -> r.addMembership("224.0.0.114", "127.0.0.1"),
        r -> r.dropMembership("224.0.0.114", "127.0.0.1"));
    assertThat(log).containsExactlyInAnyOrder("sent null 12", "got to the group IPv4 from sender true");
  }

  @Test
  void ipv4SourceSpecificGroupOnLoopback() {
    roundTrip("udp4", "127.0.0.1", "232.1.1.1", "127.0.0.1",
        r -> r.addSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1"),
        r -> r.dropSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1"));
    assertThat(log).containsExactlyInAnyOrder("sent null 12", "got to the group IPv4 from sender true");
  }

  @Test
  void ipv6InterfaceLocalGroup() throws SocketException {
    NetworkInterface ni = ipv6MulticastInterface();
    String zone = "%" + ni.getName();
    roundTrip("udp6", "::", "ff01::114" + zone, "::" + zone,
        r -> r.addMembership("ff01::114", "::" + zone),
        r -> r.dropMembership("ff01::114", "::" + zone));
    assertThat(log).contains("sent null 12", "got to the group IPv6 from sender true");
    assertThat(log).doesNotContain("link-local sender has a zone false");
  }

  @Test
  void ipv6SourceSpecificGroup() throws SocketException {
    NetworkInterface ni = ipv6MulticastInterface();
    String zone = "%" + ni.getName();
    String source = Collections.list(ni.getInetAddresses()).stream()
        .filter(a -> a instanceof Inet6Address && !a.isLinkLocalAddress())
        .map(InetAddress::getHostAddress)
        .findFirst()
        .orElse(null);
    Assumptions.assumeTrue(source != null, ni.getName() + " has no routable IPv6 address to send from");
    String src = dev.nodus.internal.dns.Lookup.toText(dev.nodus.internal.dgram.UdpAddresses.literal(source));
    roundTrip("udp6", src, "ff31::8000:1" + zone, "::" + zone,
        r -> r.addSourceSpecificMembership(src, "ff31::8000:1", "::" + zone),
        r -> r.dropSourceSpecificMembership(src, "ff31::8000:1", "::" + zone));
    assertThat(log).containsExactlyInAnyOrder("sent null 12", "got to the group IPv6 from sender true");
  }

  private static NetworkInterface ipv6MulticastInterface() throws SocketException {
    NetworkInterface found = null;
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (ni.isUp() && ni.supportsMulticast()
          && Collections.list(ni.getInetAddresses()).stream().anyMatch(a -> a instanceof Inet6Address)) {
        found = ni;
        break;
      }
    }
    Assumptions.assumeTrue(found != null,
        "no IPv6 multicast-capable interface: Linux refuses IPv6 multicast on lo (no MULTICAST flag)");
    return found;
  }
}
