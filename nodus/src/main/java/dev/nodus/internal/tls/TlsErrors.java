package dev.nodus.internal.tls;

import dev.nodus.NodeError;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node's errors for TLS failures. Node's codes are OpenSSL's reasons ({@code ERR_SSL_} + the
 * reason); BoringSSL names the same reasons the same way, and the JDK's messages are mapped.
 */
public final class TlsErrors {
  private TlsErrors() {}

  /** BoringSSL: {@code error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER}. */
  private static final Pattern REASON = Pattern.compile("OPENSSL_internal:([A-Z0-9_]+)");

  /** The JDK's alert names, as OpenSSL's reasons for a received alert. */
  private static final java.util.Map<String, String> ALERTS = java.util.Map.ofEntries(
      java.util.Map.entry("close_notify", "SSLV3_ALERT_CLOSE_NOTIFY"),
      java.util.Map.entry("unexpected_message", "SSLV3_ALERT_UNEXPECTED_MESSAGE"),
      java.util.Map.entry("bad_record_mac", "SSLV3_ALERT_BAD_RECORD_MAC"),
      java.util.Map.entry("handshake_failure", "SSLV3_ALERT_HANDSHAKE_FAILURE"),
      java.util.Map.entry("bad_certificate", "SSLV3_ALERT_BAD_CERTIFICATE"),
      java.util.Map.entry("unsupported_certificate", "SSLV3_ALERT_UNSUPPORTED_CERTIFICATE"),
      java.util.Map.entry("certificate_revoked", "SSLV3_ALERT_CERTIFICATE_REVOKED"),
      java.util.Map.entry("certificate_expired", "SSLV3_ALERT_CERTIFICATE_EXPIRED"),
      java.util.Map.entry("certificate_unknown", "SSLV3_ALERT_CERTIFICATE_UNKNOWN"),
      java.util.Map.entry("illegal_parameter", "SSLV3_ALERT_ILLEGAL_PARAMETER"),
      java.util.Map.entry("unknown_ca", "TLSV1_ALERT_UNKNOWN_CA"),
      java.util.Map.entry("access_denied", "TLSV1_ALERT_ACCESS_DENIED"),
      java.util.Map.entry("decode_error", "TLSV1_ALERT_DECODE_ERROR"),
      java.util.Map.entry("decrypt_error", "TLSV1_ALERT_DECRYPT_ERROR"),
      java.util.Map.entry("protocol_version", "TLSV1_ALERT_PROTOCOL_VERSION"),
      java.util.Map.entry("insufficient_security", "TLSV1_ALERT_INSUFFICIENT_SECURITY"),
      java.util.Map.entry("internal_error", "TLSV1_ALERT_INTERNAL_ERROR"),
      java.util.Map.entry("user_canceled", "TLSV1_ALERT_USER_CANCELLED"),
      java.util.Map.entry("unrecognized_name", "TLSV1_ALERT_UNRECOGNIZED_NAME"),
      java.util.Map.entry("certificate_required", "TLSV13_ALERT_CERTIFICATE_REQUIRED"),
      java.util.Map.entry("no_application_protocol", "TLSV1_ALERT_NO_APPLICATION_PROTOCOL"));

  /**
   * The error Node reports for a TLS failure after the handshake (an alert the peer sent, a bad
   * record), or null when {@code cause} is not a TLS failure (a reset: the socket maps it).
   */
  public static NodeError afterHandshake(Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof javax.net.ssl.SSLException) {
        NodeError e = handshake(c, false);
        return e.code().startsWith("ERR_SSL_") ? e : null;
      }
    }
    return null;
  }

  /** The error Node reports for a handshake that failed with {@code cause}. */
  public static NodeError handshake(Throwable cause, boolean server) {
    Throwable c = cause;
    while (c.getCause() != null && c.getCause() != c
        && !(c instanceof SslHandshakeTimeoutException)) {
      if (c.getMessage() != null && REASON.matcher(c.getMessage()).find()) {
        break;
      }
      c = c.getCause();
    }
    if (c instanceof SslHandshakeTimeoutException) {
      return new NodeError("ERR_TLS_HANDSHAKE_TIMEOUT", "TLS handshake timeout", cause);
    }
    String msg = String.valueOf(c.getMessage());
    Matcher m = REASON.matcher(msg);
    String reason = null;
    if (m.find()) {
      // BoringSSL's names where OpenSSL 3 (Node) spells a reason differently.
      reason = m.group(1).equals("TLSV1_ALERT_CERTIFICATE_REQUIRED") ? "TLSV13_ALERT_CERTIFICATE_REQUIRED" : m.group(1);
    } else if (msg.contains("Unsupported or unrecognized SSL message")
        || c instanceof io.netty.handler.ssl.NotSslRecordException) {
      reason = "WRONG_VERSION_NUMBER";
    } else if (msg.startsWith("Received fatal alert: ")) {
      reason = ALERTS.get(msg.substring("Received fatal alert: ".length()).trim());
    } else if (msg.contains("Empty client certificate chain") || msg.contains("Empty server certificate chain")) {
      reason = "PEER_DID_NOT_RETURN_A_CERTIFICATE";
    } else if (msg.contains("No matching application layer protocol")) {
      reason = "NO_APPLICATION_PROTOCOL";
    } else if (msg.contains("not accepted by server preferences") || msg.contains("protocol is disabled")
        || msg.contains("No appropriate protocol")) {
      reason = "UNSUPPORTED_PROTOCOL";
    }
    if (reason != null) {
      return new NodeError("ERR_SSL_" + reason,
          "SSL routines::" + reason.toLowerCase(Locale.ROOT).replace('_', ' '), cause);
    }
    if (c instanceof ClosedChannelException || msg.contains("closed")
        || msg.contains("Connection reset")) {
      return server ? new NodeError("ECONNRESET", "socket hang up", cause)
          : new NodeError("ECONNRESET",
              "Client network socket disconnected before secure TLS connection was established", cause);
    }
    return new NodeError("ERR_SSL_HANDSHAKE_FAILURE", msg, cause);
  }
}
