package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.Programs;
import java.security.MessageDigest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code socket.pipe(socket)} echoes everything, whatever the peer's pace and half-close. */
@org.junit.jupiter.api.Timeout(60)
class SocketPipeTest {
  /** How the JDK-socket peer behaves: write all, maybe FIN, and when to start reading. */
  private enum Peer { READS_WHILE_WRITING, FIN_AND_READS_WHILE_WRITING, FIN_THEN_READS_LATE }

  private final String[] serverError = new String[1];

  /** Runs an echo server and one JDK peer sending {@code total} random bytes; returns the echo. */
  private byte[] echo(int total, long seed, Peer mode, byte[] sent) {
    new java.util.Random(seed).nextBytes(sent);
    byte[][] got = new byte[1][];
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
                if (mode != Peer.READS_WHILE_WRITING) {
                  c.shutdownOutput();
                }
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            });
            writer.start();
            if (mode == Peer.FIN_THEN_READS_LATE) {
              writer.join(2000); // the peer reads once its writer is done (or stuck for 2 s)
            }
            got[0] = mode == Peer.READS_WHILE_WRITING
                ? c.getInputStream().readNBytes(total) : c.getInputStream().readAllBytes();
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
    return got[0];
  }

  private void assertEchoed(byte[] got, byte[] sent) throws Exception {
    assertThat(serverError[0]).isNull();
    assertThat(got.length).isEqualTo(sent.length);
    assertThat(MessageDigest.getInstance("SHA-256").digest(got))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(sent));
  }

  @Test
  void echoesMegabytesWrittenFasterThanTheyAreRead() throws Exception {
    // Regression: pause() used to stop reading with a read outstanding, and the echo stalled
    // after the first write that returned false (165,888 of 200,000 bytes came back).
    byte[] sent = new byte[8 * 1024 * 1024];
    assertEchoed(echo(sent.length, 7, Peer.READS_WHILE_WRITING, sent), sent);
  }

  @Test
  void echoesEverythingWhenThePeerSendsFinWithMegabytesInFlight() throws Exception {
    // The server gets 'end' while it still has megabytes to echo; all must leave before its FIN.
    byte[] sent = new byte[16 * 1024 * 1024];
    assertEchoed(echo(sent.length, 11, Peer.FIN_AND_READS_WHILE_WRITING, sent), sent);
  }

  @Test
  void echoesEverythingWhenThePeerSendsFinThenReadsLate() throws Exception {
    // The server holds more echo than the kernel takes when the FIN arrives, so it must keep
    // writing on a half-closed socket (EPOLLOUT after RDHUP; see docs/design.md, Dependencies).
    byte[] sent = new byte[6 * 1024 * 1024];
    assertEchoed(echo(sent.length, 13, Peer.FIN_THEN_READS_LATE, sent), sent);
  }
}
