/**
 * Node's {@code tls} module: TLS servers and clients on top of {@code net}.
 *
 * <p>{@link dev.nodus.tls.Tls} is the module ({@code createServer}, {@code connect},
 * {@code checkServerIdentity}); {@link dev.nodus.tls.Server} is a net server whose connections
 * are {@link dev.nodus.tls.TLSSocket}s, net sockets that carry the decrypted stream. Options are
 * {@link dev.nodus.tls.TlsOptions}, with Node's defaults (TLS 1.2 to 1.3, {@code
 * rejectUnauthorized} true, the name checked). As in Node the peer's certificate is verified
 * after the handshake, and a failure has OpenSSL's code ({@code DEPTH_ZERO_SELF_SIGNED_CERT},
 * {@code CERT_HAS_EXPIRED}, {@code ERR_TLS_CERT_ALTNAME_INVALID}...); TLS alerts and malformed
 * records get Node's {@code ERR_SSL_*} codes. The engine is the JDK's TLS, or BoringSSL with
 * {@code -Dnodus.tls.engine=openssl} ({@link dev.nodus.tls.Tls#engine()}); docs/node-parity.md
 * lists what differs from Node.
 */
package dev.nodus.tls;
