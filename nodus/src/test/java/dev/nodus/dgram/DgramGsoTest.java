package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import io.netty.channel.epoll.EpollDatagramChannel;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Datagrams sent to one peer in one loop turn leave as UDP GSO batches (epoll); the peer must
 * still receive each datagram on its own, in order, with its size, and the callbacks must
 * report each one. When the kernel refuses GSO, the datagrams go out one by one.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramGsoTest {
  // Sizes chosen to cut batches in every way: equal runs, a shorter last one, a larger one
  // (ends the batch), one above the GSO segment limit, and more than 64 of a size.
  private static final int[] SIZES = sizes();

  private final List<Integer> received = new CopyOnWriteArrayList<>();
  private final List<String> callbacks = new CopyOnWriteArrayList<>();

  private static int[] sizes() {
    List<Integer> s = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      s.add(100);
    }
    s.add(40);
    s.add(100);
    s.add(300);
    s.add(300);
    s.add(1500);
    s.add(1500);
    for (int i = 0; i < 70; i++) {
      s.add(64);
    }
    s.add(1);
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Buffer datagram(int index, int size) {
    Buffer b = Buffer.alloc(size);
    b.set(0, index);
    return b;
  }

  private void burst(Fam f, boolean connect, Runnable beforeSend) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket server = f.create();
      DatagramSocket client = f.create();
      server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        received.add(rinfo.size());
        assertThat(msg.get(0)).isEqualTo((received.size() - 1) & 0xff);
        if (received.size() == SIZES.length) {
          server.close();
          client.close();
        }
      });
      server.bind(0, f.loopback, () -> client.bind(0, f.loopback, () -> {
        beforeSend.run();
        int port = server.address().port();
        Runnable sendAll = () -> {
          for (int i = 0; i < SIZES.length; i++) {
            int n = i;
            if (connect) {
              client.send(datagram(i, SIZES[i]), (err, bytes) -> callbacks.add(n + ":" + err + ":" + bytes));
            } else {
              client.send(datagram(i, SIZES[i]), port, f.loopback,
                  (err, bytes) -> callbacks.add(n + ":" + err + ":" + bytes));
            }
          }
        };
        if (connect) {
          client.connect(port, f.loopback, err -> sendAll.run());
        } else {
          sendAll.run();
        }
      }));
    });
    assertThat(received).containsExactlyElementsOf(() -> java.util.Arrays.stream(SIZES).iterator());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < SIZES.length; i++) {
      expected.add(i + ":null:" + SIZES[i]);
    }
    assertThat(callbacks).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void batchedDatagramsArriveOneByOneInOrder(Fam f) {
    burst(f, false, () -> {});
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void batchedDatagramsOfAConnectedSocketArriveOneByOneInOrder(Fam f) {
    burst(f, true, () -> {});
  }

  @Test
  void whenTheKernelRefusesGsoTheDatagramsGoOutOneByOne() throws Exception {
    Assumptions.assumeTrue(dev.nodus.Nodus.transport().equals("epoll"), "GSO is epoll only");
    // With SO_NO_CHECK (no UDP checksum, legal on IPv4) Linux refuses GSO sends with EINVAL.
    DatagramSocket[] client = new DatagramSocket[1];
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket server = Dgram.createSocket("udp4");
      DatagramSocket c = Dgram.createSocket("udp4");
      client[0] = c;
      server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        received.add(rinfo.size());
        if (received.size() == 20) {
          server.close();
          c.close();
        }
      });
      server.bind(0, "127.0.0.1", () -> c.bind(0, "127.0.0.1", () -> {
        noChecksum(c);
        int port = server.address().port();
        for (int i = 0; i < 10; i++) {
          int n = i;
          c.send(datagram(i, 100), port, "127.0.0.1", (err, bytes) -> {
            callbacks.add(n + ":" + err + ":" + bytes);
            if (n == 9) {
              // After a refusal GSO stays off for this socket: these go out plainly at once.
              for (int j = 10; j < 20; j++) {
                c.send(datagram(j, 100), port, "127.0.0.1");
              }
            }
          });
        }
      }));
    });
    assertThat(received).hasSize(20).containsOnly(100);
    assertThat(callbacks).hasSize(10).allMatch(s -> s.endsWith(":null:100"));
  }

  private static void noChecksum(DatagramSocket s) {
    try {
      Field handle = DatagramSocket.class.getDeclaredField("handle");
      handle.setAccessible(true);
      Object h = handle.get(s);
      Method channel = h.getClass().getDeclaredMethod("channel");
      channel.setAccessible(true);
      EpollDatagramChannel ch = (EpollDatagramChannel) channel.invoke(h);
      new io.netty.channel.unix.Socket(ch.fd().intValue()).setIntOpt(1 /* SOL_SOCKET */, 11 /* SO_NO_CHECK */, 1);
    } catch (ReflectiveOperationException | java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
