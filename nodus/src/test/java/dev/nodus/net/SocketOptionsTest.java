package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodus.internal.loop.Transports;
import dev.nodus.internal.net.TcpHandle;
import dev.nodus.testing.Programs;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Socket options as the kernel holds them (on epoll, Netty's getOption is a getsockopt), against
 * what node v20.20 sets, seen with {@code strace -f -e trace=setsockopt node ...}: on a plain
 * client and a plain accepted socket node sets nothing (TCP_NODELAY off, SO_KEEPALIVE off, buffer
 * sizes the kernel's); {@code setNoDelay(b)} sets TCP_NODELAY b; {@code setKeepAlive(true, 2000)}
 * sets SO_KEEPALIVE 1, TCP_KEEPIDLE 2, TCP_KEEPINTVL 1, TCP_KEEPCNT 10; {@code setKeepAlive(true)}
 * sets SO_KEEPALIVE 1 and TCP_KEEPIDLE 0, which fails (EINVAL) and leaves the kernel's idle time;
 * a server's {@code noDelay}/{@code keepAlive} options do the same on accepted sockets.
 */
@Timeout(30)
class SocketOptionsTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void epoll() {
    assumeTrue(Transports.epoll(), "reading options back from the kernel needs the epoll transport");
  }

  private static String kernel(Socket c) {
    TcpHandle h = c.handle();
    return "nodelay=" + h.option(ChannelOption.TCP_NODELAY) + " keepalive=" + h.option(ChannelOption.SO_KEEPALIVE)
        + " idle=" + h.option(EpollChannelOption.TCP_KEEPIDLE) + " intvl=" + h.option(EpollChannelOption.TCP_KEEPINTVL)
        + " cnt=" + h.option(EpollChannelOption.TCP_KEEPCNT);
  }

  private static String sysctl(String name) {
    try {
      // /proc files report size 0: read until the end rather than by size.
      try (var in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/" + name))) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String defaults() {
    return " idle=" + sysctl("tcp_keepalive_time") + " intvl=" + sysctl("tcp_keepalive_intvl")
        + " cnt=" + sysctl("tcp_keepalive_probes");
  }

  /** Connects a client to a server made with {@code so}; {@code body} gets (client, accepted). */
  private void pair(ServerOptions so, BiConsumer<Socket, Socket> body) {
    Programs.run(Duration.ofSeconds(10), () -> {
      Socket[] accepted = new Socket[1];
      Server s = Net.createServer(so, sock -> {
        accepted[0] = sock;
        sock.resume();
      });
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        s.on(Server.CONNECTION, sock -> {
          body.accept(c, sock);
          c.destroy();
          s.close();
        });
      });
    });
  }

  @Test
  void clientAndAcceptedSocketsHaveTheKernelsDefaults() {
    pair(new ServerOptions(), (c, sock) -> {
      log.add("client " + kernel(c));
      log.add("accepted " + kernel(sock));
    });
    assertThat(log).containsExactly("client nodelay=false keepalive=false" + defaults(),
        "accepted nodelay=false keepalive=false" + defaults());
  }

  @Test
  void bufferSizesAreLeftToTheKernel() throws Exception {
    // What a socket that nobody configured has: a plain JDK socket on the same loopback (the JDK
    // reports half of what getsockopt returns on Linux, the size asked before the kernel doubled it).
    int[] plain = new int[2];
    try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        java.net.Socket js = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), ss.getLocalPort());
        java.net.Socket acc = ss.accept()) {
      plain[0] = 2 * js.getReceiveBufferSize();
      plain[1] = 2 * js.getSendBufferSize();
    }
    pair(new ServerOptions(), (c, sock) -> {
      for (Socket x : List.of(c, sock)) {
        log.add(x.handle().option(ChannelOption.SO_RCVBUF) + " " + x.handle().option(ChannelOption.SO_SNDBUF));
      }
    });
    assertThat(log).containsExactly(plain[0] + " " + plain[1], plain[0] + " " + plain[1]);
  }

  @Test
  void setNoDelayTurnsNagleOffAndOn() {
    pair(new ServerOptions(), (c, sock) -> {
      c.setNoDelay(true);
      log.add(String.valueOf(c.handle().option(ChannelOption.TCP_NODELAY)));
      c.setNoDelay(false);
      log.add(String.valueOf(c.handle().option(ChannelOption.TCP_NODELAY)));
      c.setNoDelay();
      log.add(String.valueOf(c.handle().option(ChannelOption.TCP_NODELAY)));
      sock.setNoDelay(true);
      log.add("accepted " + sock.handle().option(ChannelOption.TCP_NODELAY));
    });
    assertThat(log).containsExactly("true", "false", "true", "accepted true");
  }

  @Test
  void setKeepAliveSetsTheIdleTimeInWholeSecondsAndLibuvsProbes() {
    pair(new ServerOptions(), (c, sock) -> {
      c.setKeepAlive(true, 2000);
      log.add(kernel(c));
      c.setKeepAlive(false);
      log.add(kernel(c));
      sock.setKeepAlive(true);
      log.add("accepted " + kernel(sock));
      sock.setKeepAlive(true, 1500);
      log.add("accepted " + kernel(sock));
    });
    assertThat(log).containsExactly("nodelay=false keepalive=true idle=2 intvl=1 cnt=10",
        "nodelay=false keepalive=false idle=2 intvl=1 cnt=10",
        "accepted nodelay=false keepalive=true" + defaults(),
        "accepted nodelay=false keepalive=true idle=1 intvl=1 cnt=10");
  }

  @Test
  void theServersOptionsApplyToAcceptedSockets() {
    pair(new ServerOptions().noDelay(true).keepAlive(true).keepAliveInitialDelay(2000), (c, sock) -> {
      log.add("client " + kernel(c));
      log.add("accepted " + kernel(sock));
    });
    assertThat(log).containsExactly("client nodelay=false keepalive=false" + defaults(),
        "accepted nodelay=true keepalive=true idle=2 intvl=1 cnt=10");
  }

  @Test
  void netConnectsOptionsApply() {
    // node under strace: net.connect({noDelay:true, keepAlive:true, keepAliveInitialDelay:7000})
    // -> TCP_NODELAY 1, SO_KEEPALIVE 1, TCP_KEEPIDLE 7, TCP_KEEPINTVL 1, TCP_KEEPCNT 10
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(new ConnectOptions().port(s.address().port()).host("127.0.0.1").noDelay(true)
            .keepAlive(true).keepAliveInitialDelay(7000), () -> {});
        c.on(Socket.CONNECT, () -> {
          log.add(kernel(c));
          c.destroy();
          s.close();
        });
      });
    });
    assertThat(log).containsExactly("nodelay=true keepalive=true idle=7 intvl=1 cnt=10");
  }
}
