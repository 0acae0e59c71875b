package dev.nodus.testing;

import dev.nodus.events.Listener;
import dev.nodus.events.TriConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Node's {@code common.mustCall} / {@code common.mustNotCall} as a JUnit 5 extension: wrap a
 * callback, and the test fails after it ends if the wrapper ran a different number of times.
 *
 * <pre>{@code
 * @RegisterExtension final MustCall calls = new MustCall();
 *
 * socket.on(Socket.CLOSE, calls.mustCall(hadError -> assertThat(hadError).isFalse()));
 * server.on(Server.ERROR, calls.mustNotCall());
 * }</pre>
 *
 * <p>Counts are checked after each test ({@code afterEach}), so wait for the program to end
 * (or for the events) inside the test. A {@code mustNotCall} wrapper also throws when called,
 * and the call is reported even if that exception was swallowed. Wrappers are thread-safe.
 * The overloads are told apart by the lambda's arity; a method reference that fits several
 * shapes (such as {@code list::add}) needs a lambda or a cast.
 * Node: {@code test/common/index.js} mustCall, mustCallAtLeast, mustNotCall.
 */
public final class MustCall implements AfterEachCallback {
  private final List<Check> checks = new CopyOnWriteArrayList<>();

  /** Creates the extension; register it with {@code @RegisterExtension} on an instance field. */
  public MustCall() {}

  /**
   * A no-op callback that must run exactly once. Node: {@code common.mustCall()}.
   *
   * @return the wrapper, usable as any listener shape
   */
  public Fn mustCall() {
    return mustCall(1);
  }

  /**
   * A no-op callback that must run exactly {@code times} times.
   *
   * @param times the expected number of calls
   * @return the wrapper, usable as any listener shape
   */
  public Fn mustCall(int times) {
    return new Fn(register(times, true, "mustCall"), args -> {});
  }

  /**
   * Wraps {@code fn}, which must run exactly once.
   *
   * @param fn the callback
   * @return the wrapper
   */
  public Runnable mustCall(Runnable fn) {
    return mustCall(1, fn);
  }

  /**
   * Wraps {@code fn}, which must run exactly {@code times} times.
   *
   * @param times the expected number of calls
   * @param fn the callback
   * @return the wrapper
   */
  public Runnable mustCall(int times, Runnable fn) {
    Check c = register(times, true, "mustCall");
    return () -> {
      c.hit();
      fn.run();
    };
  }

  /**
   * Wraps {@code fn}, which must run exactly once.
   *
   * @param fn the callback
   * @param <T> the argument type
   * @return the wrapper
   */
  public <T> Consumer<T> mustCall(Consumer<T> fn) {
    return mustCall(1, fn);
  }

  /**
   * Wraps {@code fn}, which must run exactly {@code times} times.
   *
   * @param times the expected number of calls
   * @param fn the callback
   * @param <T> the argument type
   * @return the wrapper
   */
  public <T> Consumer<T> mustCall(int times, Consumer<T> fn) {
    Check c = register(times, true, "mustCall");
    return t -> {
      c.hit();
      fn.accept(t);
    };
  }

  /**
   * Wraps {@code fn}, which must run exactly once.
   *
   * @param fn the callback
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @return the wrapper
   */
  public <A, B> BiConsumer<A, B> mustCall(BiConsumer<A, B> fn) {
    return mustCall(1, fn);
  }

  /**
   * Wraps {@code fn}, which must run exactly {@code times} times.
   *
   * @param times the expected number of calls
   * @param fn the callback
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @return the wrapper
   */
  public <A, B> BiConsumer<A, B> mustCall(int times, BiConsumer<A, B> fn) {
    Check c = register(times, true, "mustCall");
    return (a, b) -> {
      c.hit();
      fn.accept(a, b);
    };
  }

  /**
   * Wraps {@code fn}, which must run exactly once.
   *
   * @param fn the callback
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <C> the third argument type
   * @return the wrapper
   */
  public <A, B, C> TriConsumer<A, B, C> mustCall(TriConsumer<A, B, C> fn) {
    Check c = register(1, true, "mustCall");
    return (a, b, x) -> {
      c.hit();
      fn.accept(a, b, x);
    };
  }

  /**
   * Wraps {@code fn}, which must run at least {@code times} times. Node:
   * {@code common.mustCallAtLeast(fn, times)}.
   *
   * @param times the minimum number of calls
   * @param fn the callback
   * @return the wrapper
   */
  public Runnable mustCallAtLeast(int times, Runnable fn) {
    Check c = register(times, false, "mustCallAtLeast");
    return () -> {
      c.hit();
      fn.run();
    };
  }

  /**
   * Wraps {@code fn}, which must run at least {@code times} times.
   *
   * @param times the minimum number of calls
   * @param fn the callback
   * @param <T> the argument type
   * @return the wrapper
   */
  public <T> Consumer<T> mustCallAtLeast(int times, Consumer<T> fn) {
    Check c = register(times, false, "mustCallAtLeast");
    return t -> {
      c.hit();
      fn.accept(t);
    };
  }

  /**
   * A callback that must never run: it throws an AssertionError when called, and the test
   * fails afterwards even if that error was swallowed. Node: {@code common.mustNotCall()}.
   *
   * @return the wrapper, usable as any listener shape
   */
  public Fn mustNotCall() {
    return mustNotCall("mustNotCall");
  }

  /**
   * A callback that must never run, with a message saying why.
   *
   * @param message shown if it runs
   * @return the wrapper, usable as any listener shape
   */
  public Fn mustNotCall(String message) {
    Check c = register(0, true, message);
    return new Fn(
        c,
        args -> {
          throw new AssertionError(
              message + " at " + c.site + " was called with " + java.util.Arrays.toString(args));
        });
  }

  private Check register(int times, boolean exact, String what) {
    if (times < 0) {
      throw new IllegalArgumentException("times must be >= 0, got " + times);
    }
    Check c = new Check(times, exact, what, callSite());
    checks.add(c);
    return c;
  }

  private static String callSite() {
    for (StackTraceElement e : new Throwable().getStackTrace()) {
      if (!e.getClassName().equals(MustCall.class.getName())) {
        return e.getFileName() + ":" + e.getLineNumber();
      }
    }
    return "?";
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> problems = new ArrayList<>();
    for (Check c : checks) {
      int n = c.calls.get();
      if (c.exact ? n != c.expected : n < c.expected) {
        problems.add(
            String.format(
                "%s at %s: expected %s %d call(s), got %d",
                c.what, c.site, c.exact ? "exactly" : "at least", c.expected, n));
      }
    }
    checks.clear();
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "Mismatched function calls:\n  " + String.join("\n  ", problems));
    }
  }

  private static final class Check {
    final int expected;
    final boolean exact;
    final String what;
    final String site;
    final AtomicInteger calls = new AtomicInteger();

    Check(int expected, boolean exact, String what, String site) {
      this.expected = expected;
      this.exact = exact;
      this.what = what;
      this.site = site;
    }

    void hit() {
      calls.incrementAndGet();
    }
  }

  /**
   * A counted no-op (or throwing) callback that fits every listener shape, so
   * {@code emitter.on(ANY_KEY, calls.mustCall())} compiles whatever the key's arity.
   */
  public static final class Fn
      implements Runnable,
          Consumer<Object>,
          BiConsumer<Object, Object>,
          TriConsumer<Object, Object, Object>,
          Listener {
    private final Check check;
    private final Listener body;

    Fn(Check check, Listener body) {
      this.check = check;
      this.body = body;
    }

    @Override
    public void run() {
      call();
    }

    @Override
    public void accept(Object a) {
      call(a);
    }

    @Override
    public void accept(Object a, Object b) {
      call(a, b);
    }

    @Override
    public void accept(Object a, Object b, Object c) {
      call(a, b, c);
    }

    @Override
    public void call(Object... args) {
      check.hit();
      body.call(args);
    }
  }
}
