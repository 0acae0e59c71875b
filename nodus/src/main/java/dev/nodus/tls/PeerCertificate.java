package dev.nodus.tls;

import dev.nodus.buffer.Buffer;
import java.util.Map;

/**
 * A peer's certificate as Node's {@code tlsSocket.getPeerCertificate()} describes it (the fields
 * named as Node names them, {@code valid_from} as {@link #validFrom}).
 *
 * @param subject the subject's names, short names as keys ({@code C}, {@code ST}, {@code O},
 *     {@code CN}, ...) in the certificate's order; a repeated name has a {@code List} as value
 * @param issuer the issuer's names, as {@code subject}
 * @param subjectaltname Node's {@code subjectaltname} text, e.g.
 *     {@code "DNS:localhost, IP Address:127.0.0.1"}, or null without the extension
 * @param validFrom Node's {@code valid_from}, OpenSSL's text: {@code "Dec  6 08:09:08 2026 GMT"}
 * @param validTo Node's {@code valid_to}
 * @param fingerprint SHA-1 of the DER, colon-separated upper-case hex
 * @param fingerprint256 SHA-256 of the DER
 * @param fingerprint512 SHA-512 of the DER
 * @param serialNumber the serial number in upper-case hex
 * @param raw the DER encoding
 */
public record PeerCertificate(
    Map<String, Object> subject,
    Map<String, Object> issuer,
    String subjectaltname,
    String validFrom,
    String validTo,
    String fingerprint,
    String fingerprint256,
    String fingerprint512,
    String serialNumber,
    Buffer raw) {}
