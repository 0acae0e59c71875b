package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The arguments net.js refuses synchronously in {@code server.listen} and {@code net.connect},
 * with node v20's class, code and message (each expectation printed by the node line above it).
 */
@Timeout(30)
class ListenConnectArgsTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  /** Runs {@code call} in a program and records what it threw as "Name [code]: message". */
  private String thrown(Runnable call) {
    List<String> out = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(10), () -> {
      try {
        call.run();
        out.add("no throw");
      } catch (NodeError e) {
        out.add(e.name() + " [" + e.code() + "]: " + e.getMessage());
      }
    });
    return out.get(0);
  }

  private static final String NO_PORT_OR_PATH =
      "TypeError [ERR_INVALID_ARG_VALUE]: The argument 'options' must have the property \"port\" or \"path\". Received ";

  @Test
  void listenWithAHostButNoPortNorPathThrows() {
    // node -e 'net.createServer().listen({host: "127.0.0.1"})'
    assertThat(thrown(() -> Net.createServer().listen(new ListenOptions().host("127.0.0.1"), null)))
        .isEqualTo(NO_PORT_OR_PATH + "{ host: '127.0.0.1' }");
    // listen({})
    assertThat(thrown(() -> Net.createServer().listen(new ListenOptions(), null)))
        .isEqualTo(NO_PORT_OR_PATH + "{}");
    // listen({backlog: 5, ipv6Only: true})
    assertThat(thrown(() -> Net.createServer().listen(new ListenOptions().backlog(5).ipv6Only(true), null)))
        .isEqualTo(NO_PORT_OR_PATH + "{ backlog: 5, ipv6Only: true }");
    // listen({host: "it's"})
    assertThat(thrown(() -> Net.createServer().listen(new ListenOptions().host("it's"), null)))
        .isEqualTo(NO_PORT_OR_PATH + "{ host: \"it's\" }");
    // listen({host: "a".repeat(60), backlog: 5}): over 80 columns, one property a line
    assertThat(thrown(() -> Net.createServer().listen(new ListenOptions().host("a".repeat(60)).backlog(5), null)))
        .isEqualTo(NO_PORT_OR_PATH + "{\n  host: '" + "a".repeat(60) + "',\n  backlog: 5\n}");
    // listen({host: "x".repeat(200)}): inspect() cut at 128 characters
    assertThat(thrown(() -> Net.createServer().listen(new ListenOptions().host("x".repeat(200)), null)))
        .isEqualTo(NO_PORT_OR_PATH + ("{\n  host: '" + "x".repeat(200)).substring(0, 128) + "...");
  }

  @Test
  void aServerThatThrewDidNotListenAndCanListenAfterwards() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      try {
        // node: the callback is registered before the options are checked, so it stays
        s.listen(new ListenOptions().host("127.0.0.1"), () -> log.add("first callback"));
      } catch (NodeError e) {
        log.add(e.code() + " listening=" + s.listening() + " address=" + s.address());
      }
      s.listen(new ListenOptions().host("127.0.0.1").port(0), () -> {
        log.add("listening " + s.address().address());
        s.close();
      });
    });
    assertThat(log).containsExactly("ERR_INVALID_ARG_VALUE listening=false address=null",
        "first callback", "listening 127.0.0.1");
  }

  @Test
  void aPathThatIsEmptyOrANumberIsInvalid() {
    // listen({path: ""}) / listen({path: "123"})
    assertThat(thrown(() -> Net.createServer().listen(new ListenOptions().path(""), null)))
        .isEqualTo("TypeError [ERR_INVALID_ARG_VALUE]: The argument 'options' is invalid. Received { path: '' }");
    assertThat(thrown(() -> Net.createServer().listen(new ListenOptions().path("123").host("h"), null)))
        .isEqualTo("TypeError [ERR_INVALID_ARG_VALUE]: The argument 'options' is invalid. Received { path: '123', host: 'h' }");
  }

  @Test
  void aPortWinsOverAPathAndANumericStringIsAPort() {
    // node: listen({port: 0, path: "SOCK_PATH"}) -> { address: '::', family: 'IPv6', port }
    //       listen("0") -> TCP as well
    Programs.run(Duration.ofSeconds(10), () -> {
      Server a = Net.createServer();
      a.listen(new ListenOptions().port(0).path("/nonexistent/dir/x.sock"), () -> {
        log.add("a " + a.address().family() + " " + (a.address().port() > 0));
        a.close();
      });
      Server b = Net.createServer();
      b.listen("0", () -> {
        log.add("b " + b.address().family() + " " + (b.address().port() > 0));
        b.close();
      });
    });
    assertThat(log).containsExactlyInAnyOrder("a IPv6 true", "b IPv6 true");
  }

  @Test
  void badPortsAreRangeErrors() {
    // listen(-1) / listen("70000") / listen(" ")
    assertThat(thrown(() -> Net.createServer().listen(-1)))
        .isEqualTo("RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type number (-1).");
    assertThat(thrown(() -> Net.createServer().listen("70000")))
        .isEqualTo("RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type string ('70000').");
    assertThat(thrown(() -> Net.createServer().listen("1.5")))
        .isEqualTo("RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type string ('1.5').");
    assertThat(thrown(() -> Net.createServer().listen(" ")))
        .isEqualTo("RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type string (' ').");
    // connect({port: 65536})
    assertThat(thrown(() -> Net.connect(new ConnectOptions().port(65536))))
        .isEqualTo("RangeError [ERR_SOCKET_BAD_PORT]: Port should be >= 0 and < 65536. Received type number (65536).");
  }

  @Test
  void connectWithoutPortOrPathThrowsMissingArgs() {
    String missing = "TypeError [ERR_MISSING_ARGS]: The \"options\" or \"port\" or \"path\" argument must be specified";
    // node -e 'net.connect({host: "127.0.0.1"})'
    assertThat(thrown(() -> Net.connect(new ConnectOptions().host("127.0.0.1")))).isEqualTo(missing);
    // net.connect({})
    assertThat(thrown(() -> Net.connect(new ConnectOptions()))).isEqualTo(missing);
    // net.connect({host: "h", localAddress: "x"}): the missing port is checked first
    assertThat(thrown(() -> Net.connect(new ConnectOptions().host("h").localAddress("x")))).isEqualTo(missing);
  }

  @Test
  void connectChecksTheLocalAddressThenThePortThenTheFamily() {
    // net.connect({port: -1, localAddress: "x"})
    assertThat(thrown(() -> Net.connect(new ConnectOptions().port(-1).localAddress("x"))))
        .isEqualTo("TypeError [ERR_INVALID_IP_ADDRESS]: Invalid IP address: x");
    // net.connect({port: -1, family: 5})
    assertThat(thrown(() -> Net.connect(new ConnectOptions().port(-1).family(5))))
        .isEqualTo("RangeError [ERR_SOCKET_BAD_PORT]: Port should be >= 0 and < 65536. Received type number (-1).");
    // net.connect({port: 80, family: 5}): host localhost goes through dns.lookup
    assertThat(thrown(() -> Net.connect(new ConnectOptions().port(80).family(5))))
        .isEqualTo("TypeError [ERR_INVALID_ARG_VALUE]: The property 'options.family' must be one of: 0, 4, 6. Received 5");
  }

  @Test
  void connectToAPathIgnoresThePortAndAnIpHostSkipsTheFamilyCheck() {
    // node: connect({path: "/nonexistent.sock", port: -1}) -> 'error' ENOENT, no throw;
    //       connect({port: 1, host: "127.0.0.1", family: 5}) -> 'error' ECONNREFUSED, no throw
    Programs.run(Duration.ofSeconds(10), () -> {
      Socket a = Net.connect(new ConnectOptions().path("/nonexistent/x.sock").port(-1));
      // (the code itself, ENOENT in node, is the socket's business: not checked here)
      a.on(Socket.ERROR, e -> log.add("a error"));
      Socket b = Net.connect(new ConnectOptions().port(1).host("127.0.0.1").family(5));
      b.on(Socket.ERROR, e -> log.add("b " + ((SystemError) e).code()));
    });
    assertThat(log).containsExactlyInAnyOrder("a error", "b ECONNREFUSED");
  }
}
