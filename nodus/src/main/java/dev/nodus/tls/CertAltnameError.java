package dev.nodus.tls;

import dev.nodus.NodeError;

/**
 * Node's {@code ERR_TLS_CERT_ALTNAME_INVALID}: the server's certificate does not name the host
 * connected to. Node: the error {@code tls.checkServerIdentity} returns, with its
 * {@code reason}, {@code host} and {@code cert} properties.
 */
public final class CertAltnameError extends NodeError {
  private static final long serialVersionUID = 1L;

  /** Node's {@code err.reason}. */
  private final String reason;

  /** Node's {@code err.host}. */
  private final String host;

  /** Node's {@code err.cert}; not serialized. */
  private final transient PeerCertificate cert;

  CertAltnameError(String reason, String host, PeerCertificate cert) {
    super("ERR_TLS_CERT_ALTNAME_INVALID",
        "Hostname/IP does not match certificate's altnames: " + reason);
    this.reason = reason;
    this.host = host;
    this.cert = cert;
  }

  /**
   * Why the name does not match. Node: {@code err.reason}.
   *
   * @return e.g. {@code "Host: example.com. is not in the cert's altnames: DNS:localhost"}
   */
  public String reason() {
    return reason;
  }

  /**
   * The name checked. Node: {@code err.host}.
   *
   * @return the host name or address
   */
  public String host() {
    return host;
  }

  /**
   * The certificate checked. Node: {@code err.cert}.
   *
   * @return the peer's certificate
   */
  public PeerCertificate cert() {
    return cert;
  }
}
