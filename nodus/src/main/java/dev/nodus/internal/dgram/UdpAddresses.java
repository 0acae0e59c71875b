package dev.nodus.internal.dgram;

import dev.nodus.internal.dns.Lookup;
import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * IP-literal parsing and printing for UDP, as libuv does it: {@code uv_ip4_addr}/{@code
 * uv_ip6_addr} (an IPv6 zone is an interface name, resolved with {@code if_nametoindex}) and
 * Node's {@code AddressToJS} (a link-local IPv6 address prints with {@code %ifname}).
 */
public final class UdpAddresses {
  private UdpAddresses() {}

  /**
   * Parses an IP literal without touching the resolver, or returns null if {@code s} is no
   * literal (then it is a host name). IPv6 text always yields an {@link Inet6Address}, even for
   * IPv4-mapped addresses, so the family follows the text as in libuv.
   */
  public static InetAddress literal(String s) {
    if (s == null || s.isEmpty() || s.charAt(0) == '[') {
      return null;
    }
    try {
      if (s.indexOf(':') < 0) {
        if (!NetUtil.isValidIpV4Address(s)) {
          return null;
        }
        return InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(s));
      }
      int pct = s.indexOf('%');
      String ip = pct < 0 ? s : s.substring(0, pct);
      if (!NetUtil.isValidIpV6Address(ip)) {
        return null;
      }
      byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
      int scope = pct < 0 ? -1 : scopeId(s.substring(pct + 1));
      return Inet6Address.getByAddress(null, bytes, scope <= 0 ? -1 : scope);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Whether {@code s} is an IPv4 literal (libuv's {@code uv_ip4_addr} accepts it). */
  public static boolean isIpv4(String s) {
    return s != null && s.indexOf(':') < 0 && NetUtil.isValidIpV4Address(s);
  }

  /**
   * The interface index of an IPv6 zone: the index of the interface with that name, or 0
   * (libuv uses {@code if_nametoindex}, which knows names only).
   */
  public static int scopeId(String zone) {
    try {
      NetworkInterface ni = NetworkInterface.getByName(zone);
      return ni == null ? 0 : ni.getIndex();
    } catch (SocketException e) {
      return 0;
    }
  }

  /** The interface index of an IPv6 literal's zone ({@code "::%eth0"}), or 0. */
  public static int scopeIdOf(InetAddress a) {
    return a instanceof Inet6Address v6 && v6.getScopeId() > 0 ? v6.getScopeId() : 0;
  }

  /** Node's family name: {@code "IPv4"} or {@code "IPv6"}. */
  public static String family(InetAddress a) {
    return a instanceof Inet4Address ? "IPv4" : "IPv6";
  }

  /**
   * How a socket of the given kind reports an address: a udp6 socket only ever sees IPv6
   * socket addresses, so an IPv4 peer (which the JDK and Netty hand over as an {@link
   * Inet4Address}) prints as Node prints it, {@code ::ffff:a.b.c.d}.
   */
  public static String text(InetAddress a, boolean ipv6Socket) {
    if (a instanceof Inet4Address) {
      String v4 = a.getHostAddress();
      return ipv6Socket ? "::ffff:" + v4 : v4;
    }
    return Lookup.toText(a);
  }

  /** The family as the socket reports it (see {@link #text(InetAddress, boolean)}). */
  public static String family(InetAddress a, boolean ipv6Socket) {
    return ipv6Socket ? "IPv6" : family(a);
  }

  /**
   * Remembers the text of the last sender, so that a stream of datagrams from one peer costs
   * no formatting (and the echo path can reuse the same String to send back).
   */
  static final class TextCache {
    private final boolean ipv6Socket;
    private InetAddress last;
    private String lastText;

    TextCache(boolean ipv6Socket) {
      this.ipv6Socket = ipv6Socket;
    }

    String text(InetAddress a) {
      if (a.equals(last)) {
        return lastText;
      }
      String t = UdpAddresses.text(a, ipv6Socket);
      last = a;
      lastText = t;
      return t;
    }
  }
}
