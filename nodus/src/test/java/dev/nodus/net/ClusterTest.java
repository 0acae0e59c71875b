package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.internal.loop.Transports;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** One program on two loops shares one port, as Node's cluster workers do. */
@org.junit.jupiter.api.Timeout(60)
class ClusterTest {
  @Test
  void twoLoopsShareOnePortAndBothServe() throws Exception {
    Assumptions.assumeTrue(Transports.epoll(), "port sharing between loops uses SO_REUSEPORT (epoll)");
    Map<Integer, Server> servers = new ConcurrentHashMap<>();
    Map<Integer, Integer> ports = new ConcurrentHashMap<>();
    CompletableFuture<Void> bothListening = new CompletableFuture<>();
    Process program = Nodus.start(2, () -> {
      int me = Nodus.loopIndex();
      Server s = Net.createServer(sock -> sock.end("loop" + me));
      servers.put(me, s);
      s.listen(0, "127.0.0.1", () -> {
        ports.put(me, s.address().port());
        if (ports.size() == 2) {
          bothListening.complete(null);
        }
      });
    });
    bothListening.get(20, TimeUnit.SECONDS);
    assertThat(ports.get(0)).isEqualTo(ports.get(1));
    int port = ports.get(0);

    Set<String> servedBy = ConcurrentHashMap.newKeySet();
    Programs.run(Duration.ofSeconds(30), () -> {
      int[] left = {64};
      for (int i = 0; i < 64; i++) {
        Socket c = Net.connect(port, "127.0.0.1");
        c.on(Socket.TEXT, servedBy::add);
        c.on(Socket.CLOSE, e -> left[0]--);
      }
    });
    assertThat(servedBy).containsExactlyInAnyOrder("loop0", "loop1");
    program.execute(0, () -> servers.get(0).close());
    program.execute(1, () -> servers.get(1).close());
    assertThat(program.awaitExit(Duration.ofSeconds(10))).isTrue();
  }
}
