package dev.nodus.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A plain JDK socket client for wire tests: sends raw bytes, reads until the server closes or
 * stays quiet for {@code idleMs}, and returns what arrived as latin-1 text with every {@code
 * Date} value masked and the end marked {@code <FIN>}, {@code <RST>} or {@code <open>}.
 */
final class RawClient {
  private RawClient() {}

  static String exchange(int port, int idleMs, String... parts) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setTcpNoDelay(true);
      OutputStream out = s.getOutputStream();
      for (String p : parts) {
        if (p.startsWith("<sleep ")) {
          try {
            Thread.sleep(Long.parseLong(p.substring(7, p.length() - 1)));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          continue;
        }
        if (p.equals("<shut>")) {
          s.shutdownOutput();
          continue;
        }
        out.write(p.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      return readAll(s, idleMs);
    }
  }

  static String readAll(Socket s, int idleMs) throws IOException {
    s.setSoTimeout(idleMs);
    InputStream in = s.getInputStream();
    StringBuilder b = new StringBuilder();
    byte[] buf = new byte[65536];
    String end;
    try {
      for (;;) {
        int n = in.read(buf);
        if (n < 0) {
          end = "<FIN>";
          break;
        }
        b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (SocketTimeoutException e) {
      end = "<open>";
    } catch (IOException e) {
      end = "<RST>";
    }
    return mask(b.toString()) + end;
  }

  static String mask(String s) {
    return s.replaceAll("Date: [^\r]*", "Date: X");
  }
}
