package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Nodus and Node's dgram talking to each other, both ways, on IPv4 and IPv6. */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class DgramNodeInteropTest {
  private static final String NODE_ECHO_SERVER = """
      const dgram = require('dgram');
      const [type, host] = process.argv.slice(1);
      const s = dgram.createSocket(type);
      s.on('message', (m, r) => {
        console.log(JSON.stringify({ msg: m.toString(), rinfo: r }));
        s.send(m, r.port, r.address, () => { if (m.toString() === 'bye') s.close(); });
      });
      s.bind(0, host, () => console.log('listening ' + s.address().port));
      """;

  private static final String NODE_CLIENT = """
      const dgram = require('dgram');
      const [type, host, port] = process.argv.slice(1);
      const c = dgram.createSocket(type);
      c.on('message', (m, r) => {
        console.log(JSON.stringify({ msg: m.toString(), rinfo: r, me: c.address().port }));
        c.close();
      });
      c.send([Buffer.from('深入'), Buffer.from('浅出')], Number(port), host);
      """;

  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void needsNode() {
    Assumptions.assumeTrue(NodeProcess.available(), "node is not installed");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void nodusClientToNodeServer(Fam f) throws Exception {
    try (NodeProcess node = NodeProcess.start(NODE_ECHO_SERVER, f.type, f.loopback)) {
      int port = Integer.parseInt(node.readLine(Duration.ofSeconds(20)).substring("listening ".length()));
      int[] myPort = new int[1];
      Programs.run(Duration.ofSeconds(20), () -> {
        DatagramSocket c = f.create();
        c.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
          log.add(msg + " from " + rinfo.address() + ":" + (rinfo.port() == port) + " " + rinfo.family());
          if (msg.toString().equals("bye")) {
            c.close();
          }
        });
        c.send(Buffer.from("hello"), port, f.loopback, (err, n) -> {
          myPort[0] = c.address().port();
          c.send("bye", port, f.loopback);
        });
      });
      assertThat(log).containsExactly(
          "hello from " + f.loopback + ":true " + f.family, "bye from " + f.loopback + ":true " + f.family);
      String rinfo = "\"rinfo\":{\"address\":\"" + f.loopback + "\",\"family\":\"" + f.family
          + "\",\"port\":" + myPort[0];
      assertThat(node.readLine(Duration.ofSeconds(10))).startsWith("{\"msg\":\"hello\"," + rinfo);
      assertThat(node.readLine(Duration.ofSeconds(10))).startsWith("{\"msg\":\"bye\"," + rinfo);
      assertThat(node.waitFor(Duration.ofSeconds(10))).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void nodeClientToNodusServer(Fam f) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process server = Nodus.start(() -> {
      DatagramSocket s = Dgram.createSocket(f.type, null);
      s.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        log.add("server got " + msg + " size " + rinfo.size() + " " + rinfo.family());
        s.send(List.of(Buffer.from("echo:"), msg), rinfo.port(), rinfo.address(), (e, n) -> s.close());
      });
      s.bind(0, f.loopback, () -> port.complete(s.address().port()));
    });
    try (NodeProcess node = NodeProcess.start(
        NODE_CLIENT, f.type, f.loopback, String.valueOf(port.get(20, TimeUnit.SECONDS)))) {
      String line = node.readLine(Duration.ofSeconds(20));
      int me = Integer.parseInt(line.replaceAll(".*\"me\":(\\d+).*", "$1"));
      assertThat(line).isEqualTo("{\"msg\":\"echo:深入浅出\",\"rinfo\":{\"address\":\"" + f.loopback
          + "\",\"family\":\"" + f.family + "\",\"port\":" + port.get() + ",\"size\":17},\"me\":" + me + "}");
      assertThat(node.waitFor(Duration.ofSeconds(10))).isZero();
    }
    assertThat(server.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(log).containsExactly("server got 深入浅出 size 12 " + f.family);
  }

  @Test
  void ipv4PeersOfADualStackSocketLookLikeNodes() throws Exception {
    // A udp6 socket bound to :: hears IPv4 peers as ::ffff:a.b.c.d (Node: the same).
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process server = Nodus.start(() -> {
      DatagramSocket s = Dgram.createSocket("udp6");
      s.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        log.add(rinfo.address() + " " + rinfo.family());
        s.send(msg, rinfo.port(), rinfo.address(), (e, n) -> s.close());
      });
      s.bind(0, () -> port.complete(s.address().port()));
    });
    try (NodeProcess node = NodeProcess.start(
        NODE_CLIENT, "udp4", "127.0.0.1", String.valueOf(port.get(20, TimeUnit.SECONDS)))) {
      assertThat(node.readLine(Duration.ofSeconds(20))).contains("\"address\":\"127.0.0.1\"");
    }
    assertThat(server.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(log).containsExactly("::ffff:127.0.0.1 IPv6");
  }
}
