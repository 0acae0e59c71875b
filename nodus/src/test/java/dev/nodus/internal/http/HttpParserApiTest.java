package dev.nodus.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the differential test does not log: the ByteBuf entry point, chunk callbacks, reuse
 * through {@code initialize}, the upgrade hand-over and the returned lists' ownership.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpParserApiTest {

  static final class Log implements HttpParserCallbacks {
    final List<String> events = new ArrayList<>();
    final List<List<String>> heads = new ArrayList<>();
    int headReturn;

    @Override
    public void onMessageBegin() {
      events.add("begin");
    }

    @Override
    public int onHeadersComplete(int major, int minor, List<String> raw, String method,
        String url, int status, String msg, boolean upgrade, boolean keepAlive) {
      heads.add(raw);
      events.add("head " + method + " " + url + " " + status + " " + msg + " " + major + "."
          + minor + " upgrade=" + upgrade + " keepAlive=" + keepAlive + " " + raw);
      return headReturn;
    }

    @Override
    public void onBody(byte[] data, int offset, int length) {
      events.add("body " + new String(data, offset, length, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void onTrailers(List<String> raw) {
      events.add("trailers " + raw);
    }

    @Override
    public void onMessageComplete() {
      events.add("complete");
    }

    @Override
    public void onChunkHeader(long size) {
      events.add("chunk " + size);
    }

    @Override
    public void onChunkComplete() {
      events.add("chunk-end");
    }
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void chunkCallbacksComeInLlhttpsOrder() {
    Log log = new Log();
    HttpParser p = new HttpParser(HttpParser.Type.REQUEST, log);
    byte[] in = b("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: v \r\n\r\n");
    assertThat(p.execute(in, 0, in.length)).isEqualTo(in.length);
    assertThat(log.events).containsExactly("begin",
        "head POST /c 0 null 1.1 upgrade=false keepAlive=true [Transfer-Encoding, chunked]",
        "chunk 3", "body abc", "chunk-end", "chunk 2", "body de", "chunk-end", "chunk 0",
        "chunk-end", "trailers [T, v]", "complete");
  }

  @Test
  void directAndHeapByteBufsParseInPlaceWithoutConsuming() {
    byte[] in = b("PUT /x HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody");
    for (ByteBuf buf : List.of(Unpooled.directBuffer().writeBytes(in),
        Unpooled.buffer().writeBytes(b("junk")).writeBytes(in).skipBytes(4))) {
      Log log = new Log();
      HttpParser p = new HttpParser(HttpParser.Type.REQUEST, log);
      try {
        assertThat(p.execute(buf)).isEqualTo(in.length);
        assertThat(buf.readableBytes()).isEqualTo(in.length);
        assertThat(log.events).containsExactly("begin",
            "head PUT /x 0 null 1.1 upgrade=false keepAlive=true [Content-Length, 4]",
            "body body", "complete");
      } finally {
        buf.release();
      }
    }
  }

  @Test
  void upgradeStopsAfterTheHeadAndTheRestIsTheCallersHead() {
    Log log = new Log();
    HttpParser p = new HttpParser(HttpParser.Type.REQUEST, log);
    String head = "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
    byte[] in = b(head + "\u0081\u0005hello");
    int n = p.execute(in, 0, in.length);
    assertThat(n).isEqualTo(head.length());
    assertThat(p.upgrade()).isTrue();
    assertThat(p.error()).isNull();
    assertThat(log.events).last().isEqualTo("complete");
  }

  @Test
  void headResponsesSkipTheBodyWhenTheCallbackSaysSo() {
    Log log = new Log();
    log.headReturn = 1;
    HttpParser p = new HttpParser(HttpParser.Type.RESPONSE, log);
    byte[] in = b("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.1 404 Nope\r\n"
        + "Content-Length: 0\r\n\r\n");
    assertThat(p.execute(in, 0, in.length)).isEqualTo(in.length);
    assertThat(log.events).containsExactly("begin",
        "head null null 200 OK 1.1 upgrade=false keepAlive=true [Content-Length, 5]",
        "complete", "begin",
        "head null null 404 Nope 1.1 upgrade=false keepAlive=true [Content-Length, 0]",
        "complete");
  }

  @Test
  void anErrorSticksUntilInitializeResetsTheParser() {
    Log log = new Log();
    HttpParser p = new HttpParser(HttpParser.Type.REQUEST, log);
    byte[] bad = b("GET / HTTP/1.1\r\nBad Header: x\r\n\r\n");
    assertThat(p.execute(bad, 0, bad.length)).isEqualTo(-1);
    assertThat(p.error().code()).isEqualTo("HPE_INVALID_HEADER_TOKEN");
    assertThat(p.error().reason()).isEqualTo("Invalid header token");
    assertThat(p.error().bytesParsed()).isEqualTo(19);
    byte[] good = b("GET / HTTP/1.1\r\n\r\n");
    assertThat(p.execute(good, 0, good.length)).isEqualTo(-1);
    assertThat(p.finish()).as("finish after an error, as llhttp_finish").isNull();
    p.initialize(HttpParser.Type.REQUEST, 0, 0);
    assertThat(p.execute(good, 0, good.length)).isEqualTo(good.length);
    assertThat(p.error()).isNull();
    assertThat(log.events).last().isEqualTo("complete");
  }

  @Test
  void finishCompletesACloseDelimitedBodyAndFailsATruncatedMessage() {
    Log log = new Log();
    HttpParser p = new HttpParser(HttpParser.Type.RESPONSE, log);
    byte[] in = b("HTTP/1.0 200 OK\r\n\r\nto the end");
    assertThat(p.execute(in, 0, in.length)).isEqualTo(in.length);
    assertThat(log.events).last().isEqualTo("body to the end");
    assertThat(p.finish()).isNull();
    assertThat(log.events).last().isEqualTo("complete");

    HttpParser q = new HttpParser(HttpParser.Type.REQUEST, new Log());
    byte[] cut = b("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\nabc");
    assertThat(q.execute(cut, 0, cut.length)).isEqualTo(cut.length);
    HttpParseError e = q.finish();
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo("HPE_INVALID_EOF_STATE");
    assertThat(e.reason()).isEqualTo("Invalid EOF state");
  }

  @Test
  void headersCompletedIsNodesFlagForTheHeadersTimeout() {
    HttpParser p = new HttpParser(HttpParser.Type.REQUEST, new Log());
    assertThat(p.headersCompleted()).isFalse();
    byte[] a = b("POST / HTTP/1.1\r\nContent-Length: 2\r\n");
    p.execute(a, 0, a.length);
    assertThat(p.headersCompleted()).isFalse();
    byte[] c = b("\r\nx");
    p.execute(c, 0, c.length);
    assertThat(p.headersCompleted()).as("in the body").isTrue();
    byte[] d = b("yG");
    p.execute(d, 0, d.length);
    assertThat(p.headersCompleted()).as("next message begun").isFalse();
  }

  @Test
  void eachMessageGetsItsOwnHeaderList() {
    Log log = new Log();
    HttpParser p = new HttpParser(HttpParser.Type.REQUEST, log);
    byte[] in = b("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: b\r\nX: y\r\n\r\n");
    assertThat(p.execute(in, 0, in.length)).isEqualTo(in.length);
    assertThat(log.heads).hasSize(2);
    assertThat(log.heads.get(0)).containsExactly("Host", "a");
    assertThat(log.heads.get(1)).containsExactly("Host", "b", "X", "y");
    log.heads.get(0).add("mutable");
  }

  @Test
  void maxHeaderSizeCountsUrlNamesAndValuesOnly() {
    // url "/" (1) + "X" (1) + value (97) = 99 < 100: accepted; one more byte: 100 >= 100
    byte[] ok = b("GET / HTTP/1.1\r\nX:   " + "v".repeat(97) + "\r\n\r\n");
    HttpParser p = new HttpParser(HttpParser.Type.REQUEST, 100, 0, new Log());
    assertThat(p.execute(ok, 0, ok.length)).isEqualTo(ok.length);
    byte[] over = b("GET / HTTP/1.1\r\nX: " + "v".repeat(98) + "\r\n\r\n");
    HttpParser q = new HttpParser(HttpParser.Type.REQUEST, 100, 0, new Log());
    assertThat(q.execute(over, 0, over.length)).isEqualTo(-1);
    assertThat(q.error().code()).isEqualTo("HPE_HEADER_OVERFLOW");
    assertThat(q.error().reason()).isEqualTo("Header overflow");
    assertThat(q.error().bytesParsed()).isEqualTo(over.length - 3);
  }
}
