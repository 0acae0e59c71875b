package dev.nodus.examples;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an example by name: the main class of {@code nodus-examples.jar} and of
 * {@code exec:java}.
 *
 * <pre>
 * java -jar examples/target/nodus-examples.jar ChatServer [PORT]
 * ./mvnw -pl examples -am compile exec:java -Dexample=ChatServer [-Dexec.args=PORT]
 * </pre>
 *
 * <p>The name is the {@code example} system property if set (what {@code -Dexample=} sets under
 * exec:java), else the first argument; the other arguments go to the example. An unknown name
 * prints the list of examples and exits with status 2. An exception escaping the example's
 * {@code main} (for a Nodus program, an error it left unhandled) is printed as the JVM prints
 * one, which for Nodus's errors is the way Node prints them, and the exit status is 1, as Node's
 * (also under exec:java, which would otherwise log Netty's frames and report a build failure).
 */
public final class Main {
  /** Every example, in the order the README lists them. */
  static final List<Class<?>> EXAMPLES = List.of(
      ChatServer.class,
      ChatClient.class,
      GreetingServer.class,
      GreetingClient.class,
      EchoServer.class,
      ConnectionEventServer.class,
      HelloServer.class,
      OnlineCountServer.class,
      UdpServer.class,
      UdpClient.class,
      TlsServer.class,
      TlsClient.class,
      TwoWayServer.class,
      TwoWayClient.class,
      HttpHello.class,
      HttpEcho.class);

  private Main() {}

  /**
   * Runs the example named by the {@code example} system property or by {@code args[0]}.
   *
   * @param args the example's name (unless the property names it), then the example's arguments
   * @throws Throwable what the example's main throws, unchanged
   */
  public static void main(String[] args) throws Throwable {
    String name = System.getProperty("example");
    String[] rest = args;
    if (name == null || name.isEmpty()) {
      if (args.length == 0) {
        usage("Which example? Give its name first.");
        return;
      }
      name = args[0];
      rest = Arrays.copyOfRange(args, 1, args.length);
    }
    Class<?> example = find(name);
    if (example == null) {
      usage("There is no example \"" + name + "\".");
      return;
    }
    MethodHandle main = MethodHandles.publicLookup()
        .findStatic(example, "main", MethodType.methodType(void.class, String[].class));
    try {
      main.invokeExact(rest);
    } catch (Throwable failure) {
      // What the JVM does with an exception escaping main, done here because exec:java would
      // catch it instead: log it through Maven with every Netty frame and go on to its BUILD
      // FAILURE report. A NodeError prints itself as Node prints an uncaught error.
      System.err.print("Exception in thread \"main\" ");
      failure.printStackTrace();
      System.err.flush();
      System.exit(1);
    }
  }

  static Class<?> find(String name) {
    for (Class<?> c : EXAMPLES) {
      if (c.getSimpleName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static void usage(String problem) {
    StringBuilder b = new StringBuilder(problem).append(" Examples:\n");
    for (Class<?> c : EXAMPLES) {
      b.append("  ").append(c.getSimpleName()).append('\n');
    }
    b.append("Run one with: java -jar examples/target/nodus-examples.jar NAME [PORT]\n")
        .append("          or: ./mvnw -pl examples -am compile exec:java -Dexample=NAME [-Dexec.args=PORT]\n");
    System.err.print(b);
    System.err.flush();
    // A launcher's usage error, not an example's: 2, as command-line tools answer a bad argument.
    System.exit(2);
  }
}
