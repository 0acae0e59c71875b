package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Half-close sequences give the events Node gives, in Node's order, per socket. The expected
 * sequences were recorded with Node v20 running the same scenario (script in the class comment
 * of each test: the JS that produced the literal).
 */
@org.junit.jupiter.api.Timeout(30)
class SocketHalfCloseTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  static void trace(String name, Socket s, List<String> log) {
    s.on(Socket.CONNECT, () -> log.add(name + ":connect"));
    s.on(Socket.READY, () -> log.add(name + ":ready"));
    s.on(Socket.TEXT, d -> log.add(name + ":data(" + d + ")"));
    s.on(Socket.END, () -> log.add(name + ":end"));
    s.on(Socket.FINISH, () -> log.add(name + ":finish"));
    s.on(Socket.CLOSE, e -> log.add(name + ":close(" + e + ")"));
    s.on(Socket.ERROR, e -> log.add(name + ":error"));
  }

  private void scenario(ServerOptions so, ConnectOptions co, Consumer<Socket> client, Consumer<Socket> server) {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server srv = Net.createServer(so, s -> {
        trace("S", s, log);
        server.accept(s);
      });
      int[] closed = {0};
      Runnable done = () -> {
        if (++closed[0] == 2) {
          srv.close();
        }
      };
      srv.on(Server.CONNECTION, s -> s.on(Socket.CLOSE, e -> done.run()));
      srv.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(co.port(srv.address().port()).host("127.0.0.1"));
        trace("C", c, log);
        c.on(Socket.CLOSE, e -> done.run());
        client.accept(c);
      });
    });
  }

  private List<String> of(String side) {
    return log.stream().filter(s -> s.startsWith(side + ":")).toList();
  }

  @Test
  void clientWritesAndEnds() {
    // c.write('hi'); c.end();   server: s.setEncoding('utf8')
    scenario(new ServerOptions(), new ConnectOptions(), c -> {
      c.write("hi");
      c.end();
    }, s -> s.setEncoding("utf8"));
    assertThat(of("C")).containsExactly("C:connect", "C:ready", "C:finish", "C:end", "C:close(false)");
    assertThat(of("S")).containsExactly("S:data(hi)", "S:end", "S:finish", "S:close(false)");
  }

  @Test
  void halfOpenServerWritesAfterPeerEnded() {
    // server {allowHalfOpen:true}: s.on('end', () => s.end('bye')); s.resume();  client: c.end('x')
    scenario(new ServerOptions().allowHalfOpen(true), new ConnectOptions(), c -> c.end("x"), s -> {
      s.on(Socket.END, () -> s.end("bye"));
      s.resume();
    });
    assertThat(of("C")).containsExactly("C:connect", "C:ready", "C:finish", "C:data(bye)", "C:end", "C:close(false)");
    assertThat(of("S")).containsExactly("S:data(x)", "S:end", "S:finish", "S:close(false)");
  }

  @Test
  void serverDestroysAtOnce() {
    scenario(new ServerOptions(), new ConnectOptions(), c -> {}, Socket::destroy);
    assertThat(of("C")).containsExactly("C:connect", "C:ready", "C:end", "C:finish", "C:close(false)");
    assertThat(of("S")).containsExactly("S:close(false)");
  }

  @Test
  void halfOpenClientEndsAfterServerEnded() {
    // client {allowHalfOpen:true}: c.on('end', () => c.end()); c.resume();  server: s.end('z')
    scenario(new ServerOptions(), new ConnectOptions().allowHalfOpen(true), c -> {
      c.on(Socket.END, c::end);
      c.resume();
    }, s -> s.end("z"));
    assertThat(of("C")).containsExactly("C:connect", "C:ready", "C:data(z)", "C:end", "C:finish", "C:close(false)");
    assertThat(of("S")).containsExactly("S:finish", "S:end", "S:close(false)");
  }
}
