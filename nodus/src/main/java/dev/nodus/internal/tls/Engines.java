package dev.nodus.internal.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/**
 * The TLS engine of this process, chosen once. For now the JDK's provider by default: with
 * BoringSSL through netty-tcnative, TLS 1.3 half-close loses data (a peer that sent close_notify
 * no longer gets the other side's last writes, which breaks the seed's echo of a client's last
 * line), so {@code -Dnodus.tls.engine=openssl} opts in to BoringSSL where it loads
 * ({@link OpenSsl#isAvailable()}), falling back to the JDK's otherwise.
 */
public final class Engines {
  private static final System.Logger LOG = System.getLogger("dev.nodus.tls");
  private static volatile SslProvider provider;

  private Engines() {}

  /** The provider every TLS context of this process uses. */
  public static SslProvider provider() {
    SslProvider p = provider;
    if (p == null) {
      synchronized (Engines.class) {
        p = provider;
        if (p == null) {
          String forced = System.getProperty("nodus.tls.engine", "");
          boolean openssl = forced.equalsIgnoreCase("openssl");
          p = openssl && OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
          LOG.log(System.Logger.Level.DEBUG, "tls engine: {0}", name(p));
          provider = p;
        }
      }
    }
    return p;
  }

  /** {@code "openssl"} (BoringSSL) or {@code "jdk"}. */
  public static String name() {
    return name(provider());
  }

  /** The library's version text, e.g. {@code "BoringSSL"}, or the JDK's provider name. */
  public static String version() {
    return provider() == SslProvider.JDK
        ? "JDK " + System.getProperty("java.version")
        : OpenSsl.versionString();
  }

  private static String name(SslProvider p) {
    return p == SslProvider.JDK ? "jdk" : "openssl";
  }
}
