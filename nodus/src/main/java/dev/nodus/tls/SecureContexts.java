package dev.nodus.tls;

import dev.nodus.internal.tls.Certificates;
import dev.nodus.internal.tls.Engines;
import dev.nodus.internal.tls.Verifier;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Netty's SslContext for a set of options. The handshake trusts every peer chain (Node's verify
 * callback always goes on too); {@link Verifier} decides afterwards, as Node's socket does.
 */
final class SecureContexts {
  private SecureContexts() {}

  static SslContext server(TlsOptions o) {
    if (o.key == null || o.cert == null) {
      throw new dev.nodus.NodeError("ERR_SSL_NO_SHARED_CIPHER",
          "A TLS server needs a key and a certificate (options.key and options.cert)");
    }
    try {
      SslContextBuilder b = SslContextBuilder.forServer(stream(o.cert), stream(o.key));
      b.clientAuth(!o.requestCert ? ClientAuth.NONE
          : o.rejectUnauthorized ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
      return common(b, o);
    } catch (SSLException | RuntimeException e) {
      throw invalid(e);
    }
  }

  static SslContext client(TlsOptions o) {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (o.key != null && o.cert != null) {
        b.keyManager(stream(o.cert), stream(o.key));
      }
      // Node checks the name itself after the handshake (checkServerIdentity); so does TLSSocket.
      b.endpointIdentificationAlgorithm(null);
      return common(b, o);
    } catch (SSLException | RuntimeException e) {
      throw invalid(e);
    }
  }

  private static SslContext common(SslContextBuilder b, TlsOptions o) throws SSLException {
    b.sslProvider(Engines.provider());
    b.trustManager(InsecureTrustManagerFactory.INSTANCE);
    b.protocols(protocols(o.minVersion, o.maxVersion));
    if (!o.alpnProtocols.isEmpty()) {
      b.applicationProtocolConfig(new ApplicationProtocolConfig(
          ApplicationProtocolConfig.Protocol.ALPN,
          // Node's server refuses a client with no protocol in common (no_application_protocol);
          // Netty's OpenSSL engine cannot, and goes on without ALPN.
          Engines.provider() == io.netty.handler.ssl.SslProvider.JDK
              ? ApplicationProtocolConfig.SelectorFailureBehavior.FATAL_ALERT
              : ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
          o.alpnProtocols));
    }
    return b.build();
  }

  private static String[] protocols(String min, String max) {
    List<String> all = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    int lo = all.indexOf(min);
    int hi = all.indexOf(max);
    if (lo < 0) {
      throw badVersion("minimum", min);
    }
    if (hi < 0) {
      throw badVersion("maximum", max);
    }
    List<String> out = new ArrayList<>();
    for (int i = lo; i <= hi; i++) {
      out.add(all.get(i));
    }
    return out.toArray(new String[0]);
  }

  private static dev.nodus.NodeError badVersion(String which, String v) {
    // Node: TypeError ERR_TLS_INVALID_PROTOCOL_VERSION "TLSv1.9" is not a valid minimum TLS protocol version
    return dev.nodus.NodeError.typeError("ERR_TLS_INVALID_PROTOCOL_VERSION",
        "\"" + v + "\" is not a valid " + which + " TLS protocol version");
  }

  /** The trusted roots: {@code ca} when given, else the system's. */
  static List<X509Certificate> trusted(TlsOptions o) {
    if (!o.caSet) {
      return Verifier.systemRoots();
    }
    List<X509Certificate> out = new ArrayList<>();
    for (String pem : o.ca) {
      out.addAll(Certificates.parse(pem));
    }
    return List.copyOf(out);
  }

  private static ByteArrayInputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private static RuntimeException invalid(Exception e) {
    if (e instanceof dev.nodus.NodeError n) {
      return n;
    }
    return new dev.nodus.NodeError("ERR_INVALID_ARG_VALUE",
        "Invalid TLS key or certificate: " + e.getMessage(), e);
  }
}
