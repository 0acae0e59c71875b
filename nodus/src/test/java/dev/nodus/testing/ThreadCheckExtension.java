package dev.nodus.testing;

import dev.nodus.internal.loop.ThreadCheck;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that changed loop-confined state (a stream's state, a loop-bound emitter's
 * listeners, a TCP handle's writes) from a thread other than its loop: DESIGN §4's contract, that
 * calls from other threads are handed to the loop, checked on every test. Registered for every
 * test by JUnit's extension auto-detection, like {@link LeakCheckExtension}.
 */
public final class ThreadCheckExtension implements BeforeEachCallback, AfterEachCallback {
  @Override
  public void beforeEach(ExtensionContext context) {
    ThreadCheck.enable(true);
    ThreadCheck.drain();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> violations = ThreadCheck.drain();
    if (!violations.isEmpty()) {
      throw new AssertionError(context.getDisplayName() + " changed loop-confined state off its loop "
          + violations.size() + " time(s), first: " + violations.get(0));
    }
  }
}
