package dev.nodus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs each net example in its own JVM and checks that it prints and sends what its seed (the
 * tutorial's Node program) does, as written out here; {@link SeedComparisonTest} runs the seeds
 * themselves with node. Peers are plain JDK sockets, so the examples are checked against
 * something that is not Nodus.
 */
@org.junit.jupiter.api.Timeout(120)
class NetExamplesTest {
  private static String read(InputStream in, int bytes) throws Exception {
    byte[] b = in.readNBytes(bytes);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static Socket connect(int port) throws Exception {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(20_000);
    return s;
  }

  @Test
  void greetingServerAndClient() throws Exception {
    int port = ExampleProcess.freePort();
    try (ExampleProcess server = ExampleProcess.start(GreetingServer.class, String.valueOf(port))) {
      assertThat(server.nextLine()).isEqualTo("server bound");
      try (ExampleProcess client = ExampleProcess.start(GreetingClient.class, String.valueOf(port))) {
        assertThat(client.nextLine()).isEqualTo("client connected");
        assertThat(client.nextLine()).isEqualTo("欢迎光临《深入浅出Node.js》示例：");
        assertThat(client.waitFor()).isZero();
        List<String> rest = client.remainingLines();
        // The server may answer "你好" before it sees the client's FIN, as with Node.
        assertThat(rest).last().isEqualTo("client disconnected");
      }
      assertThat(server.nextLine()).isEqualTo("连接断开");
    }
  }

  @Test
  void echoServerPipesBack() throws Exception {
    int port = ExampleProcess.freePort();
    try (ExampleProcess server = ExampleProcess.start(EchoServer.class, String.valueOf(port))) {
      Socket s = connectWhenUp(port);
      InputStream in = s.getInputStream();
      assertThat(read(in, "Echo server\r\n".length())).isEqualTo("Echo server\r\n");
      s.getOutputStream().write("回声 echo".getBytes(StandardCharsets.UTF_8));
      assertThat(read(in, "回声 echo".getBytes(StandardCharsets.UTF_8).length)).isEqualTo("回声 echo");
      s.shutdownOutput();
      assertThat(in.read()).isEqualTo(-1);
      s.close();
    }
  }

  @Test
  void connectionEventAndHelloServers() throws Exception {
    int port = ExampleProcess.freePort();
    try (ExampleProcess server = ExampleProcess.start(HelloServer.class, String.valueOf(port))) {
      assertThat(server.nextLine()).isEqualTo("服务器监听成功了，正在等待客户端连接");
      Socket s = connect(port);
      assertThat(read(s.getInputStream(), 5)).isEqualTo("hello");
      assertThat(server.nextLine()).isEqualTo("有客户端连接上来了");
      assertThat(server.nextLine()).isEqualTo("客户端IP地址：127.0.0.1连接到了当前服务器");
      s.close();
    }
    port = ExampleProcess.freePort();
    try (ExampleProcess server = ExampleProcess.start(ConnectionEventServer.class, String.valueOf(port))) {
      assertThat(server.nextLine()).isEqualTo("服务器监听成功了，正在等待客户端连接");
      Socket s = connect(port);
      assertThat(server.nextLine()).isEqualTo("有客户端连接上来了");
      s.close();
    }
  }

  @Test
  void onlineCountServer() throws Exception {
    int port = ExampleProcess.freePort();
    try (ExampleProcess server = ExampleProcess.start(OnlineCountServer.class, String.valueOf(port))) {
      assertThat(server.nextLine()).isEqualTo("server listening at port " + port);
      Socket a = connect(port);
      assertThat(server.nextLine()).isEqualTo("welcome,当前在线人数：1");
      Socket b = connect(port);
      assertThat(server.nextLine()).isEqualTo("welcome,当前在线人数：2");
      String expected = "remoteAddress127.0.0.1\nremotePort" + b.getLocalPort();
      assertThat(read(b.getInputStream(), expected.length())).isEqualTo(expected);
      a.close();
      b.close();
    }
  }

  @Test
  void twoWayServerAndClient() throws Exception {
    int port = ExampleProcess.freePort();
    try (ExampleProcess server = ExampleProcess.start(TwoWayServer.class, String.valueOf(port))) {
      assertThat(server.nextLine()).isEqualTo("server listening at port " + port);
      try (ExampleProcess client = ExampleProcess.start(TwoWayClient.class, String.valueOf(port))) {
        assertThat(client.nextLine()).isEqualTo("客户端与服务器连接成功了");
        assertThat(server.nextLine()).isEqualTo("你吃了吗");
        assertThat(client.nextLine()).isEqualTo("我吃的小豆包");
      }
    }
  }

  @Test
  void chatServerBroadcastsToTheOthersWithTheirPort() throws Exception {
    int port = ExampleProcess.freePort();
    try (ExampleProcess server = ExampleProcess.start(ChatServer.class, String.valueOf(port))) {
      assertThat(server.nextLine()).isEqualTo("server listening at port " + port);
      List<Socket> users = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        users.add(connect(port));
      }
      // Give the server a moment to register all three: the seed's server only knows sockets
      // once 'connection' ran; a round trip through a fourth client proves it did.
      try (ExampleProcess client = ExampleProcess.start(ChatClient.class, String.valueOf(port))) {
        client.stdin("大家好\n");
        for (Socket u : users) {
          String expected = u.getLocalPort() + ":大家好";
          assertThat(read(u.getInputStream(), expected.getBytes(StandardCharsets.UTF_8).length)).isEqualTo(expected);
        }
        OutputStream out = users.get(0).getOutputStream();
        out.write("  hi there \n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        for (Socket u : users.subList(1, 3)) {
          String expected = u.getLocalPort() + ":hi there";
          assertThat(read(u.getInputStream(), expected.length())).isEqualTo(expected);
        }
        String line = client.nextLine();
        assertThat(line).endsWith(":hi there");
      }
      // The example's addition to the seed: joins and leaves, with the count of clients.
      for (int i = 0; i < 3; i++) {
        assertThat(nextChatLog(server)).isEqualTo("127.0.0.1:" + users.get(i).getLocalPort() + " joined (" + (i + 1) + " online)");
      }
      assertThat(nextChatLog(server)).matches("127\\.0\\.0\\.1:\\d+ joined \\(4 online\\)");
      // The ChatClient has gone; then the three users go.
      assertThat(nextChatLog(server)).matches("127\\.0\\.0\\.1:\\d+ left \\(3 online\\)");
      List<String> left = new ArrayList<>();
      for (Socket u : users) {
        u.close();
        left.add(nextChatLog(server));
      }
      assertThat(left).containsExactly(
          "127.0.0.1:" + users.get(0).getLocalPort() + " left (2 online)",
          "127.0.0.1:" + users.get(1).getLocalPort() + " left (1 online)",
          "127.0.0.1:" + users.get(2).getLocalPort() + " left (0 online)");
    }
  }

  /** The chat server's next join or leave line, past the seed's own "有客户端退出了" on a reset. */
  private static String nextChatLog(ExampleProcess server) throws InterruptedException {
    while (true) {
      String l = server.nextLine();
      if (!l.equals("有客户端退出了")) {
        return l;
      }
    }
  }

  private static Socket connectWhenUp(int port) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try {
        return connect(port);
      } catch (java.net.ConnectException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // the process is starting
      }
    }
  }

  static BufferedReader reader(Socket s) throws Exception {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
  }
}
