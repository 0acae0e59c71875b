package dev.nodus.tls;

/**
 * The negotiated cipher, as Node's {@code tlsSocket.getCipher()} gives it.
 *
 * @param name OpenSSL's name, e.g. {@code "ECDHE-RSA-AES128-GCM-SHA256"} or
 *     {@code "TLS_AES_256_GCM_SHA384"}
 * @param standardName the IANA name, e.g. {@code "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"}
 * @param version the protocol version that defined the cipher, e.g. {@code "TLSv1.2"}
 */
public record CipherInfo(String name, String standardName, String version) {}
