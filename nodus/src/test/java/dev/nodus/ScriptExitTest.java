package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.net.Net;
import dev.nodus.net.Server;
import dev.nodus.testing.ChildJvm;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Node's rule for an error nothing handled, in a program run as a script: the error is printed,
 * the process ends at once (nothing else runs) with exit code 1; with
 * {@code process.on('uncaughtException')} it goes on. Checked in child JVMs, since only a whole
 * process shows an exit code. The Node programs are in the comments.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScriptExitTest {

  /**
   * node: const a = net.createServer().listen(0, () => {
   * node:   net.createServer().listen(a.address().port);      // 'error' without listener
   * node:   setTimeout(() => console.log('timer ran'), 300); });
   * node> (the error and its stack on stderr, exit code 1, no "timer ran")
   */
  static final class PortTaken {
    public static void main(String[] args) {
      Nodus.run(() -> {
        Server a = Net.createServer();
        a.listen(0, "127.0.0.1", () -> {
          Net.createServer().listen(a.address().port(), "127.0.0.1");
          Timers.setTimeout(() -> System.out.println("timer ran"), 300);
        });
      });
      System.out.println("main returned");
    }
  }

  /** The same with an uncaughtException handler: printed by the handler, and the program goes on. */
  static final class PortTakenHandled {
    public static void main(String[] args) {
      Nodus.run(() -> {
        Nodus.onUncaughtException(e -> System.out.println("handled " + ((NodeError) e).code()));
        Server a = Net.createServer();
        a.listen(0, "127.0.0.1", () -> {
          Net.createServer().listen(a.address().port(), "127.0.0.1");
          Timers.setTimeout(() -> {
            System.out.println("timer ran");
            a.close();
          }, 300);
        });
      });
      System.out.println("main returned");
    }
  }

  /** node: setTimeout(() => console.log('later'), 200); throw new Error('main') → exit 1, no "later". */
  static final class ThrowInSetup {
    public static void main(String[] args) {
      Nodus.run(() -> {
        Timers.setTimeout(() -> System.out.println("later"), 200);
        throw new IllegalStateException("main");
      });
    }
  }

  /** Embedded: the error is reported and the program goes on; nothing exits the JVM. */
  static final class Embedded {
    public static void main(String[] args) {
      Process p = Nodus.start(() -> {
        Timers.setTimeout(() -> System.out.println("later"), 200);
        throw new IllegalStateException("embedded");
      });
      p.awaitExit();
      System.out.println("main returned");
    }
  }

  @Test
  void anUnhandledErrorEventEndsTheProgramWithExitCode1() throws Exception {
    ChildJvm.Result r = ChildJvm.run(PortTaken.class, 30);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).doesNotContain("timer ran").doesNotContain("main returned");
    assertThat(r.stderr()).contains("EADDRINUSE").contains("address already in use");
    // Printed once, by the JVM for the rethrown error: not also by the loop.
    assertThat(r.stderr().split("address already in use", -1)).hasSize(2);
  }

  @Test
  void withAnUncaughtExceptionHandlerTheProgramGoesOn() throws Exception {
    ChildJvm.Result r = ChildJvm.run(PortTakenHandled.class, 30);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("handled EADDRINUSE\ntimer ran\nmain returned\n");
    assertThat(r.stderr()).isEmpty();
  }

  @Test
  void anExceptionInTheSetupCodeEndsTheProgramBeforeItsTimers() throws Exception {
    ChildJvm.Result r = ChildJvm.run(ThrowInSetup.class, 30);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).contains("java.lang.IllegalStateException: main");
  }

  @Test
  void anEmbeddedProgramReportsTheErrorAndGoesOn() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Embedded.class, 30);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("later\nmain returned\n");
    assertThat(r.stderr()).contains("IllegalStateException: embedded");
  }
}
