package dev.nodus.internal.dns;

import dev.nodus.internal.errors.Errno;
import dev.nodus.internal.loop.Loop;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Node's {@code dns.lookup}: the system resolver (getaddrinfo through the JDK), run on a small
 * thread pool as libuv runs it, with the result delivered back on the loop. The loop is kept
 * alive while a lookup is pending.
 */
public final class Lookup {
  private static final AtomicInteger THREADS = new AtomicInteger();
  // libuv's threadpool has 4 threads by default (UV_THREADPOOL_SIZE).
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "nodus-dns-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  /** What a lookup delivers. */
  public interface Callback {
    /** Called on the loop with either an error or an address and its family (4 or 6). */
    void done(RuntimeException err, InetAddress address, int family);
  }

  private Lookup() {}

  /**
   * Resolves {@code host}; {@code family} is 0 (any), 4 or 6. IP literals resolve without
   * touching the resolver. The callback always runs later, on {@code loop}.
   */
  public static void lookup(Loop loop, String host, int family, Callback cb) {
    loop.ref();
    POOL.execute(
        () -> {
          RuntimeException err = null;
          InetAddress found = null;
          try {
            found = pick(InetAddress.getAllByName(host), family);
            if (found == null) {
              err = Errno.lookup(Errno.of("ENOTFOUND"), host, null);
            }
          } catch (UnknownHostException e) {
            err = Errno.lookup(Errno.of("ENOTFOUND"), host, e);
          } catch (RuntimeException e) {
            err = e;
          }
          RuntimeException e = err;
          InetAddress a = found;
          loop.executeLater(
              () -> {
                loop.unref();
                cb.done(e, a, a == null ? 0 : familyOf(a));
              });
        });
  }

  /** What {@link #lookupAll} delivers. */
  public interface AllCallback {
    /** Called on the loop with either an error or every address, in the resolver's order. */
    void done(RuntimeException err, java.util.List<InetAddress> addresses);
  }

  /**
   * Node's {@code dns.lookup(host, {all: true, family})}: every address of {@code host} of the
   * family (0 for both), in the order the resolver gives them. The callback always runs later,
   * on {@code loop}.
   */
  public static void lookupAll(Loop loop, String host, int family, AllCallback cb) {
    loop.ref();
    POOL.execute(
        () -> {
          RuntimeException err = null;
          java.util.List<InetAddress> found = new java.util.ArrayList<>();
          try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
              if (family == 0 || familyOf(a) == family) {
                found.add(a);
              }
            }
            if (found.isEmpty()) {
              err = Errno.lookup(Errno.of("ENOTFOUND"), host, null);
            }
          } catch (UnknownHostException e) {
            err = Errno.lookup(Errno.of("ENOTFOUND"), host, e);
          } catch (RuntimeException e) {
            err = e;
          }
          RuntimeException e = err;
          loop.executeLater(
              () -> {
                loop.unref();
                cb.done(e, e == null ? found : java.util.List.of());
              });
        });
  }

  private static InetAddress pick(InetAddress[] all, int family) {
    for (InetAddress a : all) {
      if (family == 0 || familyOf(a) == family) {
        return a;
      }
    }
    return null;
  }

  /** 4 for IPv4 addresses, 6 for IPv6. */
  public static int familyOf(InetAddress a) {
    return a instanceof Inet6Address ? 6 : a instanceof Inet4Address ? 4 : 0;
  }

  /**
   * Node's textual form of an address ({@code AddressToJS} in node's src/node_sockaddr.cc and
   * tcp_wrap.cc): no brackets, IPv6 compressed, and a zone only on a link-local address, as the
   * interface's name ({@code fe80::1%eth0}), never on other addresses.
   */
  public static String toText(InetAddress a) {
    if (a instanceof Inet6Address v6) {
      String bare = Ip.format(v6.getAddress());
      if (!v6.isLinkLocalAddress()) {
        return bare;
      }
      if (v6.getScopedInterface() != null) {
        return bare + "%" + v6.getScopedInterface().getName();
      }
      return v6.getScopeId() > 0 ? bare + "%" + interfaceName(v6.getScopeId()) : bare;
    }
    return a.getHostAddress();
  }

  private static final java.util.concurrent.ConcurrentHashMap<Integer, String> IF_NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code if_indextoname}, cached; the number itself when the interface is gone. */
  private static String interfaceName(int index) {
    return IF_NAMES.computeIfAbsent(index, i -> {
      try {
        java.net.NetworkInterface ni = java.net.NetworkInterface.getByIndex(i);
        return ni != null ? ni.getName() : String.valueOf(i);
      } catch (java.net.SocketException e) {
        return String.valueOf(i);
      }
    });
  }
}
