package dev.nodus.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A micro measurement, not a test: ns per parse of a typical ~300-byte GET by {@link HttpParser}
 * (heap array and direct ByteBuf), one parser reused as on a keep-alive connection. Run: {@code java -cp <test classpath> dev.nodus.internal.http.HttpParserBench
 * [iterations]}.
 */
public final class HttpParserBench {
  private HttpParserBench() {}

  static final String REQ = "GET /api/v1/items?id=12345&sort=desc HTTP/1.1\r\n"
      + "Host: www.example.com\r\n"
      + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0\r\n"
      + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
      + "Accept-Language: en-US,en;q=0.5\r\n"
      + "Accept-Encoding: gzip, deflate, br\r\n"
      + "Connection: keep-alive\r\n"
      + "\r\n";

  /**
   * Runs the measurement.
   *
   * @param args optional iteration count
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    byte[] req = REQ.getBytes(StandardCharsets.ISO_8859_1);
    System.out.println("request bytes: " + req.length);
    long[] sink = new long[1];
    HttpParserCallbacks cb = new HttpParserCallbacks() {
      @Override
      public int onHeadersComplete(int major, int minor, List<String> raw, String method,
          String url, int status, String msg, boolean upgrade, boolean keepAlive) {
        sink[0] += raw.size() + url.length();
        return 0;
      }
    };
    HttpParser p = new HttpParser(HttpParser.Type.REQUEST, cb);
    ByteBuf direct = Unpooled.directBuffer(req.length).writeBytes(req);
    // The machine is shared: report the best of many short rounds (least disturbed).
    int rounds = 40;
    int per = Math.max(1, n / rounds);
    double bestHeap = Double.MAX_VALUE;
    double bestDirect = Double.MAX_VALUE;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < per; i++) {
        if (p.execute(req, 0, req.length) != req.length) {
          throw new AssertionError(p.error());
        }
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < per; i++) {
        if (p.execute(direct) != req.length) {
          throw new AssertionError(p.error());
        }
      }
      long t2 = System.nanoTime();
      bestHeap = Math.min(bestHeap, (t1 - t0) / (double) per);
      bestDirect = Math.min(bestDirect, (t2 - t1) / (double) per);
    }
    System.out.printf("%d x %d requests: best round %.1f ns/req (heap array), %.1f ns/req"
        + " (direct ByteBuf)%n", rounds, per, bestHeap, bestDirect);
    System.out.println("sink " + sink[0]);
  }
}
