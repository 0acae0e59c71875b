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
      reason = m.group(1);
    } else if (msg.contains("Unsupported or unrecognized SSL message")) {
      reason = "WRONG_VERSION_NUMBER";
    } else if (msg.contains("certificate_required") || msg.contains("CERTIFICATE_REQUIRED")) {
      reason = "TLSV13_ALERT_CERTIFICATE_REQUIRED";
    } else if (msg.contains("handshake_failure")) {
      reason = "SSLV3_ALERT_HANDSHAKE_FAILURE";
    } else if (msg.contains("protocol_version") || msg.contains("protocol is disabled")
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
