package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.buffer.Buffer;
import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.events.Event2;
import dev.nodus.events.Event3;
import dev.nodus.events.Event4;
import dev.nodus.events.EventEmitter;
import dev.nodus.events.EventKey;
import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.ThreadCheck;
import dev.nodus.net.Net;
import dev.nodus.net.Server;
import dev.nodus.net.Socket;
import dev.nodus.stream.Duplex;
import dev.nodus.stream.DuplexOptions;
import dev.nodus.stream.PassThrough;
import dev.nodus.stream.Readable;
import dev.nodus.stream.ReadableOptions;
import dev.nodus.stream.Transform;
import dev.nodus.stream.TransformOptions;
import dev.nodus.stream.Writable;
import dev.nodus.stream.WritableOptions;
import dev.nodus.stream.WritableStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/**
 * DESIGN §4's threading contract, checked method by method: every public method of a loop-bound
 * object (a connected socket, each stream class, their emitters, timers) is called by reflection
 * from a plain thread while the owning loop is blocked. Each call must return within 200 ms (it
 * does not wait for the loop), throw nothing but a Node validation error ({@link NodeError}), and
 * touch no loop-confined state ({@link ThreadCheck} records a change made off the loop). Then the
 * loop is released and runs what was handed to it; an error other than a NodeError thrown there
 * fails the test too.
 */
@org.junit.jupiter.api.Timeout(120)
class ThreadingContractTest {
  /** How long a call may take while its loop is blocked. */
  private static final long DEADLINE_MS = 200;
  /** Methods not walked, with why. Kept empty: every public method is part of the contract. */
  private static final Map<String, String> EXCLUDED = Map.of();

  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<Throwable> loopErrors = new CopyOnWriteArrayList<>();
  private final List<String> walked = new CopyOnWriteArrayList<>();

  @BeforeEach
  void checkThreads() {
    // ThreadCheckExtension turns checking on for every test; this test lists what it finds.
    ThreadCheck.enable(true);
    ThreadCheck.drain();
  }

  @Test
  void everyPublicMethodOfAConnectedSocketReturnsAtOnceOffItsLoop() {
    run(() -> {
      Writable sink = sink();
      Server[] server = new Server[1];
      Socket[] accepted = new Socket[1];
      server[0] = Net.createServer(sock -> {
        accepted[0] = sock;
        sock.on(Socket.ERROR, e -> {});
        sock.resume();
      });
      server[0].listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
        c.on(Socket.ERROR, e -> {});
        c.on(Socket.CONNECT, () -> walkWhileBlocked(c, sink, () -> {
          c.destroy();
          if (accepted[0] != null) {
            accepted[0].destroy();
          }
          server[0].close();
        }));
      });
    });
    assertClean();
  }

  @Test
  void everyPublicMethodOfAConnectingSocketReturnsAtOnceOffItsLoop() {
    run(() -> {
      Writable sink = sink();
      Server[] server = new Server[1];
      server[0] = Net.createServer(sock -> sock.on(Socket.ERROR, e -> {}));
      server[0].listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
        c.on(Socket.ERROR, e -> {});
        // Still connecting: the loop cannot run the connect until this callback returns.
        walkWhileBlocked(c, sink, () -> Timers.setTimeout(() -> {
          c.destroy();
          server[0].close();
        }, 100));
      });
    });
    assertThat(walked).singleElement().asString().startsWith("Socket (");
    assertClean();
  }

  @Test
  void everyPublicMethodOfAnAcceptedSocketReturnsAtOnceOffItsLoop() {
    run(() -> {
      Writable sink = sink();
      Server[] server = new Server[1];
      Socket[] client = new Socket[1];
      server[0] = Net.createServer(sock -> {
        sock.on(Socket.ERROR, e -> {});
        // Walked while its loop is blocked in the 'connection' callback.
        walkWhileBlocked(sock, sink, () -> {
          sock.destroy();
          client[0].destroy();
          server[0].close();
        });
      });
      server[0].listen(0, "127.0.0.1", () -> {
        client[0] = Net.connect(server[0].address().port(), "127.0.0.1");
        client[0].on(Socket.ERROR, e -> {});
      });
    });
    assertThat(walked).singleElement().asString().startsWith("Socket (");
    assertClean();
  }

  @Test
  void everyPublicMethodOfAListeningServerReturnsAtOnceOffItsLoop() {
    run(() -> {
      Writable sink = sink();
      Server server = Net.createServer(sock -> sock.destroy());
      server.on(Server.ERROR, e -> {});
      server.listen(0, "127.0.0.1", () -> walkWhileBlocked(server, sink, server::close));
    });
    assertThat(walked).singleElement().asString().startsWith("Server");
    assertClean();
  }

  @Test
  void everyPublicMethodOfABoundDatagramSocketReturnsAtOnceOffItsLoop() {
    run(() -> {
      Writable sink = sink();
      dev.nodus.dgram.DatagramSocket udp = dev.nodus.dgram.Dgram.createSocket("udp4");
      udp.on(dev.nodus.dgram.DatagramSocket.ERROR, e -> {});
      udp.bind(0, "127.0.0.1", () -> walkWhileBlocked(udp, sink, () -> {
        try {
          udp.close();
        } catch (NodeError alreadyClosedByTheWalk) {
          // close() was walked too
        }
      }));
    });
    assertThat(walked).singleElement().asString().startsWith("DatagramSocket");
    assertClean();
  }

  @Test
  void everyPublicMethodOfEachStreamClassReturnsAtOnceOffItsLoop() {
    run(() -> {
      Writable sink = sink();
      List<EventEmitter> streams = List.of(
          Readable.create(new ReadableOptions().read((r, n) -> {})),
          Writable.create(new WritableOptions().write((w, chunk, enc, cb) -> cb.accept(null))),
          Duplex.create(new DuplexOptions().read((d, n) -> {})
              .write((d, chunk, enc, cb) -> cb.accept(null))),
          Transform.create(new TransformOptions().transform((t, chunk, enc, cb) -> cb.accept(null, chunk))),
          new PassThrough());
      for (EventEmitter s : streams) {
        s.on(EventEmitter.ERROR, e -> {});
      }
      walkAllWhileBlocked(streams, sink, () -> {
        for (EventEmitter s : streams) {
          if (s instanceof Readable r) {
            r.destroy();
          } else {
            ((Writable) s).destroy();
          }
        }
      });
    });
    assertClean();
  }

  @Test
  void everyPublicMethodOfAPlainEmitterAndOfTimersReturnsAtOnceOffTheLoop() {
    run(() -> {
      Writable sink = sink();
      // A plain EventEmitter is bound to no loop: its calls run on the caller, and must not block.
      EventEmitter plain = new EventEmitter();
      plain.on(EventEmitter.ERROR, e -> {});
      Timeout t = Timers.setTimeout(() -> {}, 100_000);
      Immediate im = Timers.setImmediate(() -> {});
      walkAllWhileBlocked(List.of(plain, t, im), sink, () -> {
        t.close();
        Timers.clearImmediate(im);
      });
    });
    assertClean();
  }

  // ---- the walk ----------------------------------------------------------------------------

  private void assertClean() {
    System.out.println("walked " + walked);
    List<String> violations = ThreadCheck.drain();
    List<String> unexpected = new ArrayList<>();
    for (Throwable t : loopErrors) {
      if (!(t instanceof NodeError)) {
        unexpected.add("on the loop afterwards: " + t);
      }
    }
    assertThat(problems).as("methods that blocked or threw").isEmpty();
    assertThat(violations).as("loop-confined state changed off the loop").isEmpty();
    assertThat(unexpected).as("errors on the loop").isEmpty();
  }

  /** Runs a program whose loop errors are recorded, not rethrown, and waits for its end. */
  private void run(Runnable setup) {
    Nodus.setBlockedThreshold(Duration.ofMinutes(1));
    dev.nodus.Process p = Nodus.start(() -> {
      Nodus.onUncaughtException(loopErrors::add);
      setup.run();
    });
    boolean ended = p.awaitExit(Duration.ofSeconds(60));
    if (!ended) {
      p.stop();
    }
    assertThat(ended).as("the program ended").isTrue();
  }

  private static Writable sink() {
    return Writable.create(new WritableOptions().write((w, chunk, enc, cb) -> cb.accept(null)));
  }

  private void walkWhileBlocked(Object target, Writable sink, Runnable cleanup) {
    walkAllWhileBlocked(List.of(target), sink, cleanup);
  }

  /**
   * On the loop: walks every target from a plain thread while this callback keeps the loop
   * blocked; then queues {@code cleanup} behind everything the walk handed over.
   */
  private void walkAllWhileBlocked(List<?> targets, Writable sink, Runnable cleanup) {
    Loop loop = Loop.require();
    CountDownLatch walked = new CountDownLatch(1);
    Thread walker = new Thread(() -> {
      try {
        for (Object t : targets) {
          walk(t, sink);
        }
      } finally {
        walked.countDown();
      }
    }, "walker");
    walker.start();
    try {
      if (!walked.await(60, TimeUnit.SECONDS)) {
        problems.add("the walk did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Handed-over calls run in order after this callback; the cleanup comes after all of them.
    loop.executeLater(cleanup);
  }

  private void walk(Object target, Writable sink) {
    List<Method> methods = new ArrayList<>();
    for (Method m : target.getClass().getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class || m.isBridge()) {
        continue;
      }
      methods.add(m);
    }
    methods.sort(Comparator.comparing(Method::toGenericString));
    Map<String, Method> unique = new LinkedHashMap<>();
    for (Method m : methods) {
      unique.putIfAbsent(m.getName() + java.util.Arrays.toString(m.getParameterTypes()), m);
    }
    String type = target.getClass().getSimpleName();
    walked.add(type + " (" + unique.size() + " methods)");
    for (Method m : unique.values()) {
      String name = type + "." + m.getName() + java.util.Arrays.toString(
          java.util.Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toArray());
      if (EXCLUDED.containsKey(name)) {
        continue;
      }
      Object[] args;
      try {
        args = arguments(m.getParameterTypes(), sink);
      } catch (IllegalArgumentException e) {
        problems.add(name + ": no argument for " + e.getMessage());
        continue;
      }
      call(name, target, m, args);
    }
  }

  private void call(String name, Object target, Method m, Object[] args) {
    FutureTask<Object> task = new FutureTask<>(() -> m.invoke(target, args));
    Thread t = new Thread(task, "caller " + name);
    t.setDaemon(true);
    t.start();
    try {
      task.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      problems.add(name + " blocked");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
      if (!(cause instanceof NodeError)) {
        problems.add(name + " threw " + cause);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Object[] arguments(Class<?>[] types, Writable sink) {
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = argument(types[i], sink);
    }
    return args;
  }

  private static Object argument(Class<?> c, Writable sink) {
    if (c == int.class || c == Integer.class) {
      return 0;
    }
    if (c == long.class || c == Long.class) {
      return 0L;
    }
    if (c == boolean.class || c == Boolean.class) {
      return false;
    }
    if (c == double.class || c == Double.class) {
      return 0.0;
    }
    if (c == String.class) {
      return "";
    }
    if (c == Object.class || c == Buffer.class) {
      return Buffer.alloc(3);
    }
    if (c == byte[].class) {
      return new byte[3];
    }
    if (c == Object[].class) {
      return new Object[0];
    }
    if (c == List.class) {
      return List.of();
    }
    if (Throwable.class.isAssignableFrom(c)) {
      return null; // destroy(null): no error
    }
    if (c == Event0.class || c == EventKey.class) {
      return Event0.of("walk");
    }
    if (c == Event1.class) {
      return Event1.of("walk");
    }
    if (c == Event2.class) {
      return Event2.of("walk");
    }
    if (c == Event3.class) {
      return Event3.of("walk");
    }
    if (c == Event4.class) {
      return Event4.of("walk");
    }
    if (c.isAssignableFrom(Writable.class) && WritableStream.class.isAssignableFrom(c) || c == WritableStream.class) {
      return sink;
    }
    if (!c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
      // Option objects (ConnectOptions, SocketOptions...): their defaults, as a user's first try.
      try {
        return c.getConstructor().newInstance();
      } catch (ReflectiveOperationException notAnOptionObject) {
        // fall through
      }
    }
    if (c.isInterface()) {
      return Proxy.newProxyInstance(c.getClassLoader(), new Class<?>[] {c}, (proxy, method, a) -> {
        switch (method.getName()) {
          case "equals":
            return proxy == a[0];
          case "hashCode":
            return System.identityHashCode(proxy);
          case "toString":
            return "walk " + c.getSimpleName();
          default:
            return zero(method.getReturnType());
        }
      });
    }
    throw new IllegalArgumentException(c.getName());
  }

  private static Object zero(Class<?> r) {
    if (r == boolean.class) {
      return false;
    }
    if (r == int.class) {
      return 0;
    }
    if (r == long.class) {
      return 0L;
    }
    if (r == double.class) {
      return 0.0;
    }
    return null;
  }
}
