package dev.nodus.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console how many tests were skipped because {@code node} is not on the PATH, and
 * why, instead of letting them vanish into Surefire's skipped count. Registered through the
 * JUnit Platform's service loader. Surefire sends test output to files, so the summary goes to
 * the process's own standard error, which Surefire shows in the build's output.
 */
public final class NodeSkipReport implements TestExecutionListener {
  private final List<String> skipped = new CopyOnWriteArrayList<>();

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    record(test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      record(test, result.getThrowable().map(Throwable::getMessage).orElse(""));
    }
  }

  private void record(TestIdentifier test, String reason) {
    if (reason != null && (reason.contains("node is not") || reason.contains("is not installed"))) {
      skipped.add(test.getDisplayName() + ": " + reason);
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (skipped.isEmpty()) {
      return;
    }
    @SuppressWarnings("resource") // the process's stderr: not ours to close
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    err.println("[WARNING] node is not on the PATH: " + skipped.size()
        + " tests or test classes comparing with Node were skipped (install Node.js 20 to run them):");
    for (String s : skipped) {
      err.println("[WARNING]   " + s);
    }
  }
}
