package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.testing.NodePeer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Large bodies streamed through {@code req.pipe(res)}: Node's http client uploads 256 MiB (chunked
 * and with a Content-Length) and checks the SHA-256 of what comes back, while what the server
 * holds (the request's readable buffer plus the response's and socket's pending writes) stays
 * bounded by back-pressure: the request stops reading while the response cannot write.
 */
@Timeout(180)
class HttpStreamingTest {
  static final String CLIENT = String.join("\n",
      "const http = require('http'); const crypto = require('crypto');",
      "const port = Number(process.argv[1]); const total = Number(process.argv[2]); const chunked = process.argv[3] === 'chunked';",
      "const pat = Buffer.alloc(65536); for (let i = 0; i < pat.length; i++) pat[i] = (i * 31 + 7) & 0xff;",
      "const hout = crypto.createHash('sha256'); const hin = crypto.createHash('sha256'); let got = 0;",
      "const headers = chunked ? {} : { 'Content-Length': total };",
      "const r = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/pipe', headers }, (res) => {",
      "  res.on('data', (d) => { got += d.length; hin.update(d); });",
      "  res.on('end', () => console.log(res.statusCode + ' ' + res.headers['transfer-encoding'] + ' ' + got + ' '",
      "    + (hin.digest('hex') === hout.digest('hex')))); });",
      "let sent = 0; function pump() { while (sent < total) { sent += pat.length; hout.update(pat);",
      "  if (!r.write(pat)) { r.once('drain', pump); return; } } r.end(); } pump();");

  @Test
  void uploadPipedBackInBoundedMemory() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed: the streaming test needs it");
    CompletableFuture<Integer> port = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();
    Process p = Nodus.start(() -> {
      Server s = Http.createServer((req, res) -> {
        req.pipe(res);
        req.on(IncomingMessage.DATA, d -> held.accumulateAndGet(
            (long) req.readableLength() + res.writableLength(), Math::max));
      });
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
    });
    try {
      int total = 256 << 20;
      for (String mode : new String[] {"chunked", "length"}) {
        try (NodePeer client = NodePeer.start(CLIENT, String.valueOf(port.get(20, TimeUnit.SECONDS)),
            String.valueOf(total), mode)) {
          assertThat(client.nextLine(120)).isEqualTo("200 chunked " + total + " true");
        }
      }
      // Without back-pressure the server would hold much of the 256 MiB at some point.
      assertThat(held.get()).isPositive().isLessThan(4L << 20);
    } finally {
      p.stop();
    }
  }
}
