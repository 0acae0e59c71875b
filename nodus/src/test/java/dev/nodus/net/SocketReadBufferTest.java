package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 'data' chunk lends Netty's read buffer while its callback runs (a write of it then sends
 * that buffer without a copy) and becomes heap memory when the callback returns, or at its first
 * access. Whatever the path, every chunk keeps its bytes for as long as anyone holds it.
 */
@Timeout(60)
class SocketReadBufferTest {
  private static final int TOTAL = 4 * 1024 * 1024;

  /**
   * Runs a server whose connections {@code handler} sets up, sends {@code sent} from a JDK
   * socket with FIN at the end, and returns what came back before the server's FIN.
   */
  private static byte[] exchange(byte[] sent, Consumer<Socket> handler) {
    byte[][] got = new byte[1][];
    Programs.run(Duration.ofSeconds(40), () -> {
      Server s = Net.createServer(handler::accept);
      s.listen(0, "127.0.0.1", () -> peer(s, sent, got));
    });
    return got[0];
  }

  private static void peer(Server s, byte[] sent, byte[][] got) {
    Thread t = new Thread(() -> {
      try (java.net.Socket c = new java.net.Socket("127.0.0.1", s.address().port())) {
        c.setSoTimeout(20_000);
        Thread writer = new Thread(() -> {
          try {
            c.getOutputStream().write(sent);
            c.shutdownOutput();
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        });
        writer.start();
        got[0] = c.getInputStream().readAllBytes();
        writer.join();
      } catch (Exception e) {
        got[0] = new byte[0];
      }
      s.close();
    });
    t.setDaemon(true);
    t.start();
  }

  private static byte[] random(long seed) {
    byte[] b = new byte[TOTAL];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] concat(Iterable<Buffer> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Buffer b : chunks) {
      out.writeBytes(b.toByteArray());
    }
    return out.toByteArray();
  }

  @Test
  void chunksWrittenInTheirCallbackAndKeptStillHoldTheirBytes() {
    byte[] sent = random(1);
    List<Buffer> kept = new ArrayList<>();
    byte[] echo = exchange(sent, sock -> {
      sock.on(Socket.DATA, d -> {
        // Half the chunks are read first (a heap copy before the write), half are written
        // from Netty's buffer and copied only when the callback returns.
        if (kept.size() % 2 == 0) {
          d.readUInt8(0);
        }
        sock.write(d);
        kept.add(d);
      });
    });
    assertThat(echo).isEqualTo(sent);
    assertThat(concat(kept)).isEqualTo(sent);
  }

  @Test
  void aDataListenerBesidesAPipeKeepsIntactChunks() {
    byte[] sent = random(2);
    List<Buffer> kept = new ArrayList<>();
    byte[] echo = exchange(sent, sock -> {
      sock.pipe(sock);
      sock.on(Socket.DATA, kept::add);
    });
    assertThat(echo).isEqualTo(sent);
    assertThat(concat(kept)).isEqualTo(sent);
  }

  @Test
  void slicesOfAChunkKeptPastItsCallbackShareOneCopy() {
    byte[] sent = random(3);
    List<Buffer> heads = new ArrayList<>();
    List<Buffer> tails = new ArrayList<>();
    byte[] echo = exchange(sent, sock -> {
      sock.on(Socket.DATA, d -> {
        int half = d.length() / 2;
        heads.add(d.subarray(0, half));
        tails.add(d.subarray(half));
        sock.write(d);
      });
    });
    assertThat(echo).isEqualTo(sent);
    List<Buffer> all = new ArrayList<>();
    for (int i = 0; i < heads.size(); i++) {
      all.add(heads.get(i));
      all.add(tails.get(i));
    }
    assertThat(concat(all)).isEqualTo(sent);
  }

  @Test
  void aProxyPipingBetweenTwoSocketsForwardsEveryByte() {
    // Both directions are pass-through pipes between different sockets: nothing but the pipes
    // sees the chunks, so their read buffers are written and freed without a heap copy. As in
    // Node, a proxy needs allowHalfOpen: else the client's side ends at its FIN (node answers
    // the echo still in flight with EPIPE, checked with node v20).
    byte[] sent = random(4);
    byte[][] got = new byte[1][];
    Programs.run(Duration.ofSeconds(40), () -> {
      Server echo = Net.createServer(sock -> sock.pipe(sock));
      echo.listen(0, "127.0.0.1", () -> {
        Server proxy = Net.createServer(new ServerOptions().allowHalfOpen(true), client -> {
          Socket upstream = Net.connect(new ConnectOptions()
              .port(echo.address().port()).host("127.0.0.1").allowHalfOpen(true));
          client.pipe(upstream);
          upstream.pipe(client);
          client.on(Socket.CLOSE, hadError -> echo.close());
        });
        proxy.listen(0, "127.0.0.1", () -> peer(proxy, sent, got));
      });
    });
    assertThat(got[0]).isEqualTo(sent);
  }

  @Test
  void aChunkHandedToAnotherThreadReadsTheSameBytes() throws Exception {
    // The other thread's first access races with the copy made when the callback returns.
    byte[] sent = random(5);
    ConcurrentLinkedQueue<CompletableFuture<byte[]>> copies = new ConcurrentLinkedQueue<>();
    byte[] echo = exchange(sent, sock -> {
      sock.on(Socket.DATA, d -> {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        copies.add(f);
        Thread t = new Thread(() -> f.complete(d.toByteArray()));
        t.start();
        sock.write(d);
      });
    });
    assertThat(echo).isEqualTo(sent);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (CompletableFuture<byte[]> f : copies) {
      out.writeBytes(f.get());
    }
    assertThat(out.toByteArray()).isEqualTo(sent);
  }
}
