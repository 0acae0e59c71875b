package dev.nodus.internal.tls;

import dev.nodus.NodeError;
import java.security.KeyStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies a peer's certificate chain as OpenSSL does for Node ({@code X509_verify_cert} with a
 * callback that always goes on, then {@code SSL_get_verify_result}): the handshake itself trusts
 * every chain, and the socket decides afterwards, so {@code rejectUnauthorized: false} keeps the
 * connection with {@code authorizationError} set, as in Node.
 *
 * <p>What OpenSSL reports is the last error its walk met: chain building first (a missing issuer,
 * a self-signed certificate that is not trusted), then each certificate's dates from the root
 * down to the leaf. The codes and messages are OpenSSL 3's, as Node prints them.
 */
public final class Verifier {
  private Verifier() {}

  /** The system's trusted roots (the JDK's cacerts), standing in for Node's bundled roots. */
  public static List<X509Certificate> systemRoots() {
    return SystemRoots.ROOTS;
  }

  private static final class SystemRoots {
    static final List<X509Certificate> ROOTS = load();

    private static List<X509Certificate> load() {
      try {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        for (TrustManager tm : f.getTrustManagers()) {
          if (tm instanceof X509TrustManager x) {
            return List.of(x.getAcceptedIssuers());
          }
        }
      } catch (Exception e) {
        // No system roots: only the given ca then.
      }
      return List.of();
    }
  }

  /**
   * Returns the error Node would report for {@code chain} (leaf first) against {@code trusted},
   * or null when it verifies.
   */
  public static NodeError verify(X509Certificate[] chain, List<X509Certificate> trusted, Date now) {
    if (chain == null || chain.length == 0) {
      return null;
    }
    String code = null;
    List<X509Certificate> path = new ArrayList<>();
    List<X509Certificate> untrusted = new ArrayList<>(Arrays.asList(chain));
    X509Certificate cur = chain[0];
    path.add(cur);
    while (true) {
      if (contains(trusted, cur)) {
        break;
      }
      X509Certificate issuer = findIssuer(trusted, cur);
      if (issuer != null) {
        path.add(issuer);
        break;
      }
      if (selfSigned(cur)) {
        code = path.size() == 1 ? "DEPTH_ZERO_SELF_SIGNED_CERT" : "SELF_SIGNED_CERT_IN_CHAIN";
        break;
      }
      issuer = findIssuer(untrusted, cur);
      if (issuer == null || path.contains(issuer) || path.size() > 10) {
        code = path.size() == 1 ? "UNABLE_TO_VERIFY_LEAF_SIGNATURE" : "UNABLE_TO_GET_ISSUER_CERT_LOCALLY";
        break;
      }
      path.add(issuer);
      cur = issuer;
    }
    // internal_verify: the dates, from the top of the chain down to the leaf; the last error wins.
    for (int i = path.size() - 1; i >= 0; i--) {
      try {
        path.get(i).checkValidity(now);
      } catch (CertificateExpiredException e) {
        code = "CERT_HAS_EXPIRED";
      } catch (CertificateNotYetValidException e) {
        code = "CERT_NOT_YET_VALID";
      }
    }
    return code == null ? null : error(code);
  }

  /** Node's error for an OpenSSL verify code: OpenSSL's text as the message, the code as code. */
  public static NodeError error(String code) {
    String message = switch (code) {
      case "DEPTH_ZERO_SELF_SIGNED_CERT" -> "self-signed certificate";
      case "SELF_SIGNED_CERT_IN_CHAIN" -> "self-signed certificate in certificate chain";
      case "UNABLE_TO_VERIFY_LEAF_SIGNATURE" -> "unable to verify the first certificate";
      case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" -> "unable to get local issuer certificate";
      case "UNABLE_TO_GET_ISSUER_CERT" -> "unable to get issuer certificate";
      case "CERT_HAS_EXPIRED" -> "certificate has expired";
      case "CERT_NOT_YET_VALID" -> "certificate is not yet valid";
      default -> code;
    };
    return new NodeError(code, message);
  }

  private static boolean contains(List<X509Certificate> list, X509Certificate c) {
    return list.contains(c);
  }

  private static X509Certificate findIssuer(List<X509Certificate> candidates, X509Certificate c) {
    for (X509Certificate cand : candidates) {
      if (cand.equals(c) && !selfSigned(c)) {
        continue;
      }
      if (cand.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && signedBy(c, cand)) {
        return cand;
      }
    }
    return null;
  }

  private static boolean selfSigned(X509Certificate c) {
    return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && signedBy(c, c);
  }

  private static boolean signedBy(X509Certificate c, X509Certificate issuer) {
    try {
      c.verify(issuer.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
