package dev.nodus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs each example and its seed (the tutorial's JavaScript, {@code src/test/resources/seeds/},
 * run with {@code node}) through the same scenario, driven by plain JDK sockets, and checks that
 * both print the same lines and send the same bytes. A scenario's transcript is what the program
 * printed and what the JDK peer received, in order, with ports the system chose replaced by
 * names. Without {@code node} on the PATH every comparison is skipped, and the count is printed.
 */
@Timeout(120)
class SeedComparisonTest {
  private static final boolean NODE = ExampleProcess.nodeAvailable();
  private static final AtomicInteger SKIPPED = new AtomicInteger();

  /** ChatServer's log of joins and leaves: the example's addition to its seed. */
  private static final Pattern CHAT_ADDITION =
      Pattern.compile("127\\.0\\.0\\.1:\\d+ (joined|left) \\(\\d+ online\\)");

  /** Starts the program under test on a port: the Java example, or its seed under node. */
  interface Launch {
    ExampleProcess start(int port) throws IOException;
  }

  interface Scenario {
    List<String> run(Launch program) throws Exception;
  }

  @AfterAll
  static void sayWhatWasSkipped() {
    if (!NODE) {
      // Printed so that the skip shows in the build's output, not only in the reports.
      System.out.println("SeedComparisonTest: node is not on the PATH; " + SKIPPED.get()
          + " comparisons of an example with its seed's Node program were skipped."
          + " Install Node.js 20 to run them.");
    }
  }

  private static void compare(String example, int seedPort, Scenario scenario, Pattern additions)
      throws Exception {
    if (!NODE) {
      SKIPPED.incrementAndGet();
      Assumptions.abort("node is not on the PATH: cannot run the seed of " + example);
    }
    Class<?> main = Class.forName("dev.nodus.examples." + example);
    List<String> java = scenario.run(port -> ExampleProcess.start(main, String.valueOf(port)));
    List<String> node = scenario.run(port -> ExampleProcess.node(example + ".js", seedPort, port));
    List<String> javaWithoutAdditions = new ArrayList<>(java);
    if (additions != null) {
      javaWithoutAdditions.removeIf(
          l -> l.startsWith("printed: ") && additions.matcher(l.substring("printed: ".length())).matches());
    }
    assertThat(javaWithoutAdditions).as("%s in Java, against its seed in node", example).isEqualTo(node);
  }

  @Test
  void greetingServer() throws Exception {
    compare("GreetingServer", 8124, program -> {
      List<String> t = new ArrayList<>();
      int port = ExampleProcess.freePort();
      try (ExampleProcess server = program.start(port)) {
        t.add("printed: " + server.nextLine());
        try (Socket s = connect(port)) {
          InputStream in = s.getInputStream();
          t.add("peer got: " + readLine(in));
          s.getOutputStream().write("world!\r\n".getBytes(StandardCharsets.UTF_8));
          t.add("peer got: " + readString(in, "你好".getBytes(StandardCharsets.UTF_8).length));
          s.shutdownOutput();
          t.add("peer got: " + readToEnd(in) + "<EOF>");
        }
        t.add("printed: " + server.nextLine());
        server.stop().forEach(l -> t.add("printed: " + l));
      }
      return t;
    }, null);
  }

  @Test
  void httpHello() throws Exception {
    compare("HttpHello", 1337, program -> {
      List<String> t = new ArrayList<>();
      int port = ExampleProcess.freePort();
      try (ExampleProcess server = program.start(port)) {
        t.add("printed: " + server.nextLine().replace(String.valueOf(port), "PORT"));
        for (String request : List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /again HTTP/1.1\r\nHost: x\r\n\r\n",
            "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n", "GET / HTTP/1.0\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET / HTTP/1.1\r\n\r\n")) {
          try (Socket s = connectWhenUp(port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            t.add("peer got: " + escape(readHttp(s)));
          }
        }
        server.stop().forEach(l -> t.add("printed: " + l));
      }
      return t;
    }, null);
  }

  /** What a server sends until it closes or is quiet for 500 ms, Date values masked. */
  private static String readHttp(Socket s) throws IOException {
    s.setSoTimeout(500);
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    String end;
    try {
      int n;
      while ((n = s.getInputStream().read(buf)) >= 0) {
        b.write(buf, 0, n);
      }
      end = "<EOF>";
    } catch (java.net.SocketTimeoutException e) {
      end = "<open>";
    }
    return b.toString(StandardCharsets.ISO_8859_1).replaceAll("Date: [^\r]*", "Date: X") + end;
  }

  @Test
  void greetingClient() throws Exception {
    compare("GreetingClient", 8124, program -> {
      List<String> t = new ArrayList<>();
      try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        try (ExampleProcess client = program.start(listener.getLocalPort());
             Socket s = accept(listener)) {
          InputStream in = s.getInputStream();
          s.getOutputStream().write("欢迎光临《深入浅出Node.js》示例：\n".getBytes(StandardCharsets.UTF_8));
          t.add("peer got: " + escape(readString(in, "world!\r\n".length())));
          t.add("peer got: " + readToEnd(in) + "<EOF>");
          s.shutdownOutput();
          t.add("exit status: " + client.waitFor());
          client.remainingLines().forEach(l -> t.add("printed: " + l));
        }
      }
      return t;
    }, null);
  }

  @Test
  void echoServer() throws Exception {
    compare("EchoServer", 1337, program -> {
      List<String> t = new ArrayList<>();
      int port = ExampleProcess.freePort();
      try (ExampleProcess server = program.start(port); Socket s = connectWhenUp(port)) {
        InputStream in = s.getInputStream();
        t.add("peer got: " + escape(readString(in, "Echo server\r\n".length())));
        byte[] echo = "回声 echo".getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(echo);
        t.add("peer got: " + readString(in, echo.length));
        s.shutdownOutput();
        t.add("peer got: " + readToEnd(in) + "<EOF>");
        server.stop().forEach(l -> t.add("printed: " + l));
      }
      return t;
    }, null);
  }

  @Test
  void connectionEventServer() throws Exception {
    compare("ConnectionEventServer", 3000, program -> {
      List<String> t = new ArrayList<>();
      int port = ExampleProcess.freePort();
      try (ExampleProcess server = program.start(port)) {
        t.add("printed: " + server.nextLine());
        Socket s = connect(port);
        t.add("printed: " + server.nextLine());
        s.close();
        server.stop().forEach(l -> t.add("printed: " + l));
      }
      return t;
    }, null);
  }

  @Test
  void helloServer() throws Exception {
    compare("HelloServer", 3000, program -> {
      List<String> t = new ArrayList<>();
      int port = ExampleProcess.freePort();
      try (ExampleProcess server = program.start(port)) {
        t.add("printed: " + server.nextLine());
        try (Socket s = connect(port)) {
          t.add("peer got: " + readString(s.getInputStream(), "hello".length()));
          t.add("printed: " + server.nextLine());
          t.add("printed: " + server.nextLine());
        }
        server.stop().forEach(l -> t.add("printed: " + l));
      }
      return t;
    }, null);
  }

  @Test
  void onlineCountServer() throws Exception {
    compare("OnlineCountServer", 3000, program -> {
      List<String> t = new ArrayList<>();
      int port = ExampleProcess.freePort();
      try (ExampleProcess server = program.start(port)) {
        t.add("printed: " + server.nextLine().replace(String.valueOf(port), "PORT"));
        try (Socket a = connect(port)) {
          t.add("printed: " + server.nextLine());
          try (Socket b = connect(port)) {
            t.add("printed: " + server.nextLine());
            for (Socket s : List.of(a, b)) {
              String expectedLength = "remoteAddress127.0.0.1\nremotePort" + s.getLocalPort();
              String got = readString(s.getInputStream(), expectedLength.length());
              t.add("peer got: " + escape(got.replace(String.valueOf(s.getLocalPort()), "PEER_PORT")));
            }
          }
        }
        server.stop().forEach(l -> t.add("printed: " + l));
      }
      return t;
    }, null);
  }

  @Test
  void twoWayServer() throws Exception {
    compare("TwoWayServer", 3000, program -> {
      List<String> t = new ArrayList<>();
      int port = ExampleProcess.freePort();
      try (ExampleProcess server = program.start(port)) {
        t.add("printed: " + server.nextLine().replace(String.valueOf(port), "PORT"));
        try (Socket s = connect(port)) {
          s.getOutputStream().write("你吃了吗".getBytes(StandardCharsets.UTF_8));
          t.add("peer got: " + readString(s.getInputStream(), "我吃的小豆包".getBytes(StandardCharsets.UTF_8).length));
          t.add("printed: " + server.nextLine());
        }
        server.stop().forEach(l -> t.add("printed: " + l));
      }
      return t;
    }, null);
  }

  @Test
  void twoWayClient() throws Exception {
    compare("TwoWayClient", 3000, program -> {
      List<String> t = new ArrayList<>();
      try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        try (ExampleProcess client = program.start(listener.getLocalPort());
             Socket s = accept(listener)) {
          t.add("printed: " + client.nextLine());
          t.add("peer got: " + readString(s.getInputStream(), "你吃了吗".getBytes(StandardCharsets.UTF_8).length));
          s.getOutputStream().write("我吃的小豆包".getBytes(StandardCharsets.UTF_8));
          t.add("printed: " + client.nextLine());
          client.stop().forEach(l -> t.add("printed: " + l));
        }
      }
      return t;
    }, null);
  }

  @Test
  void chatServer() throws Exception {
    compare("ChatServer", 3000, program -> {
      List<String> t = new ArrayList<>();
      int port = ExampleProcess.freePort();
      try (ExampleProcess server = program.start(port)) {
        t.add("printed: " + server.nextLine().replace(String.valueOf(port), "PORT"));
        List<Socket> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          users.add(connect(port));
        }
        try {
          // The last user speaks first: once the others hear it, the server knows all three.
          say(users.get(2), "x\n");
          hear(t, users, 0, 2, "x");
          hear(t, users, 1, 2, "x");
          say(users.get(0), "大家好\n");
          hear(t, users, 1, 0, "大家好");
          hear(t, users, 2, 0, "大家好");
          say(users.get(1), "  hi there \n");
          hear(t, users, 0, 1, "hi there");
          hear(t, users, 2, 1, "hi there");
        } finally {
          for (Socket u : users) {
            u.close();
          }
        }
        server.stop().forEach(l -> t.add("printed: " + l));
      }
      return t;
    }, CHAT_ADDITION);
  }

  @Test
  void chatClient() throws Exception {
    compare("ChatClient", 3000, program -> {
      List<String> t = new ArrayList<>();
      try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        try (ExampleProcess client = program.start(listener.getLocalPort());
             Socket s = accept(listener)) {
          client.stdin("  大家好 \n");
          t.add("peer got: " + readString(s.getInputStream(), "大家好".getBytes(StandardCharsets.UTF_8).length));
          s.getOutputStream().write("4242:hi there".getBytes(StandardCharsets.UTF_8));
          t.add("printed: " + client.nextLine());
          client.stop().forEach(l -> t.add("printed: " + l));
        }
      }
      return t;
    }, null);
  }

  @Test
  void udpServer() throws Exception {
    compare("UdpServer", 41234, program -> {
      List<String> t = new ArrayList<>();
      int port;
      try (DatagramSocket probe = new DatagramSocket(0)) {
        port = probe.getLocalPort();
      }
      try (ExampleProcess server = program.start(port);
           DatagramSocket peer = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
        t.add("printed: " + server.nextLine().replace(":" + port, ":PORT"));
        byte[] msg = "深入浅出Node.js".getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(msg, msg.length, InetAddress.getByName("127.0.0.1"), port));
        t.add("printed: " + server.nextLine().replace(":" + peer.getLocalPort(), ":PEER_PORT"));
        server.stop().forEach(l -> t.add("printed: " + l));
      }
      return t;
    }, null);
  }

  @Test
  void udpClient() throws Exception {
    compare("UdpClient", 41234, program -> {
      List<String> t = new ArrayList<>();
      try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
        peer.setSoTimeout(20_000);
        try (ExampleProcess client = program.start(peer.getLocalPort())) {
          DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
          peer.receive(p);
          t.add("peer got: " + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
          t.add("exit status: " + client.waitFor());
          client.remainingLines().forEach(l -> t.add("printed: " + l));
        }
      }
      return t;
    }, null);
  }

  private static void say(Socket user, String text) throws IOException {
    user.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** What {@code listener} received, with its own port (the seed's prefix) named. */
  private static void hear(List<String> t, List<Socket> users, int listener, int speaker, String text)
      throws IOException {
    Socket u = users.get(listener);
    String expected = u.getLocalPort() + ":" + text;
    String got = readString(u.getInputStream(), expected.getBytes(StandardCharsets.UTF_8).length);
    t.add("user " + listener + " got from user " + speaker + ": "
        + got.replace(String.valueOf(u.getLocalPort()), "OWN_PORT"));
  }

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(20_000);
    return s;
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

  private static Socket accept(ServerSocket listener) throws IOException {
    listener.setSoTimeout(20_000);
    Socket s = listener.accept();
    s.setSoTimeout(20_000);
    return s;
  }

  private static String readString(InputStream in, int bytes) throws IOException {
    return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      b.write(c);
      if (c == '\n') {
        break;
      }
    }
    return escape(b.toString(StandardCharsets.UTF_8));
  }

  private static String readToEnd(InputStream in) throws IOException {
    return escape(new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  private static String escape(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
