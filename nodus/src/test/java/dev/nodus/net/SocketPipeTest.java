package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.Programs;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code socket.pipe(socket)} echoes everything, whatever the peer's pace and half-close. */
@org.junit.jupiter.api.Timeout(60)
class SocketPipeTest {
  @Test
  void echoesMegabytesWrittenFasterThanTheyAreRead() throws Exception {
    // Regression: pause() used to stop reading with a read outstanding, and the echo stalled
    // after the first write that returned false (165,888 of 200,000 bytes came back).
    int total = 8 * 1024 * 1024;
    byte[] sent = new byte[total];
    new java.util.Random(7).nextBytes(sent);
    byte[][] got = new byte[1][];
    Programs.run(Duration.ofSeconds(40), () -> {
      Server s = Net.createServer(sock -> sock.pipe(sock));
      s.listen(0, "127.0.0.1", () -> {
        Thread peer = new Thread(() -> {
          try (java.net.Socket c = new java.net.Socket("127.0.0.1", s.address().port())) {
            c.setSoTimeout(20_000);
            OutputStream out = c.getOutputStream();
            InputStream in = c.getInputStream();
            Thread writer = new Thread(() -> {
              try {
                out.write(sent);
                out.flush();
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            });
            writer.start();
            got[0] = in.readNBytes(total);
            writer.join();
          } catch (Exception e) {
            got[0] = new byte[0];
          }
          s.close();
        });
        peer.setDaemon(true);
        peer.start();
      });
    });
    assertThat(got[0]).hasSize(total);
    assertThat(MessageDigest.getInstance("SHA-256").digest(got[0]))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(sent));
  }

  @Test
  void echoesEverythingWhenThePeerSendsFinWithMegabytesInFlight() throws Exception {
    // The peer writes 16 MB and shuts down its output at once, before reading: the server gets
    // 'end' while it still has megabytes to echo, and must echo all of them before its FIN.
    int total = 16 * 1024 * 1024;
    byte[] sent = new byte[total];
    new java.util.Random(11).nextBytes(sent);
    byte[][] got = new byte[1][];
    Programs.run(Duration.ofSeconds(40), () -> {
      Server s = Net.createServer(sock -> {
        sock.on(Socket.ERROR, e -> System.err.println("server socket error: " + e));
        sock.pipe(sock);
      });
      s.listen(0, "127.0.0.1", () -> {
        Thread peer = new Thread(() -> {
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
        peer.setDaemon(true);
        peer.start();
      });
    });
    assertThat(got[0].length).isEqualTo(total);
    assertThat(MessageDigest.getInstance("SHA-256").digest(got[0]))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(sent));
  }

  @Test
  void echoesEverythingWhenThePeerSendsFinThenReadsLate() throws Exception {
    // The peer writes 6 MB and its FIN without reading; the server holds more echo than the
    // kernel takes when the FIN arrives, so it must keep writing on a half-closed socket
    // (EPOLLOUT after RDHUP). The peer reads once its writer is done (or stuck for 2 s).
    int total = 6 * 1024 * 1024;
    byte[] sent = new byte[total];
    new java.util.Random(13).nextBytes(sent);
    byte[][] got = new byte[1][];
    String[] serverError = new String[1];
    Programs.run(Duration.ofSeconds(40), () -> {
      Server s = Net.createServer(sock -> {
        sock.on(Socket.ERROR, e -> serverError[0] = String.valueOf(e));
        sock.pipe(sock);
      });
      s.listen(0, "127.0.0.1", () -> {
        Thread peer = new Thread(() -> {
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
            writer.join(2000);
            got[0] = c.getInputStream().readAllBytes();
            writer.join();
          } catch (Exception e) {
            got[0] = new byte[0];
          }
          s.close();
        });
        peer.setDaemon(true);
        peer.start();
      });
    });
    assertThat(serverError[0]).isNull();
    assertThat(got[0].length).isEqualTo(total);
    assertThat(MessageDigest.getInstance("SHA-256").digest(got[0]))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(sent));
  }
}
