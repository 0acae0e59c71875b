package dev.nodus.dgram;

import dev.nodus.internal.dgram.UdpAddresses;
import dev.nodus.internal.dns.Lookup;
import dev.nodus.internal.loop.Loop;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A socket's {@code handle.lookup} (Node: {@code lookup4}/{@code lookup6} in
 * lib/internal/dgram.js): an empty address means {@code 127.0.0.1} for udp4 and {@code ::1}
 * for udp6; IP literals resolve on the next tick as {@code dns.lookup} resolves them; names go
 * to the resolver off the loop. It remembers the last literal and target, so that a socket
 * answering one peer again and again parses nothing.
 */
final class Resolver {
  /** What a lookup delivers, on the loop. */
  interface Done {
    /** Either {@code err}, or the address (null if the lookup returned no IP) and its text. */
    void done(Throwable err, InetAddress ip, String ipText);
  }

  private final Loop loop;
  private final boolean ipv6;
  private final SocketOptions.Lookup custom;
  private String lastHost;
  private InetAddress lastAddr;
  private InetSocketAddress lastTarget;

  Resolver(Loop loop, boolean ipv6, SocketOptions.Lookup custom) {
    this.loop = loop;
    this.ipv6 = ipv6;
    this.custom = custom;
  }

  void lookup(String address, Done cb) {
    String host = address == null || address.isEmpty() ? (ipv6 ? "::1" : "127.0.0.1") : address;
    int family = ipv6 ? 6 : 4;
    if (custom != null) {
      // Node calls the user's lookup for every address, literals included.
      custom.lookup(host, family, (err, ip, fam) -> {
        Runnable r = () -> cb.done(err, err == null ? UdpAddresses.literal(ip) : null, ip);
        if (loop.inLoop()) {
          r.run();
        } else {
          loop.execute(r);
        }
      });
      return;
    }
    InetAddress literal = literal(host);
    if (literal != null) {
      // dns.lookup answers an IP literal with process.nextTick and the text as given.
      loop.nextTick(() -> cb.done(null, literal, host));
      return;
    }
    Lookup.lookup(loop, host, family,
        (err, a, fam) -> cb.done(err, a, a == null ? null : Lookup.toText(a)));
  }

  private InetAddress literal(String host) {
    if (host == lastHost || host.equals(lastHost)) {
      return lastAddr;
    }
    InetAddress a = UdpAddresses.literal(host);
    if (a != null) {
      lastHost = host;
      lastAddr = a;
    }
    return a;
  }

  /** The socket address to send to, reused while the peer stays the same. */
  InetSocketAddress target(InetAddress ip, int port) {
    InetSocketAddress t = lastTarget;
    if (t != null && t.getPort() == port && t.getAddress() == ip) {
      return t;
    }
    t = new InetSocketAddress(ip, port);
    lastTarget = t;
    return t;
  }

  /**
   * Whether libuv would take this address for the socket's family: {@code uv_ip4_addr} for
   * udp4, {@code uv_ip6_addr} for udp6; anything else fails with EINVAL.
   */
  boolean fits(InetAddress ip) {
    return ip != null && (ipv6 ? ip instanceof Inet6Address : ip instanceof Inet4Address);
  }
}
