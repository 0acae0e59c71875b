package dev.nodus.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a child JVM on the test class path, as a user runs a program,
 * and returns what it printed and its exit status: for what only a whole process shows (exit
 * codes, output nobody asked for).
 */
public final class ChildJvm {
  /** A finished child: its exit status and what it wrote to stdout and stderr. */
  public record Result(int exitCode, String stdout, String stderr) {}

  private ChildJvm() {}

  /**
   * Runs {@code mainClass} with {@code args}, killing it after {@code timeoutSeconds}.
   *
   * @param mainClass the class whose main to run
   * @param timeoutSeconds the limit
   * @param args its arguments
   * @return the result
   * @throws IOException if the JVM cannot start
   * @throws InterruptedException if interrupted while waiting
   */
  public static Result run(Class<?> mainClass, int timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("nodus-child", ".out");
    Path err = Files.createTempFile("nodus-child", ".err");
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("-Xmx256m");
      cmd.add("-Dio.netty.leakDetection.level=paranoid");
      cmd.add(mainClass.getName());
      cmd.addAll(List.of(args));
      java.lang.Process p = new ProcessBuilder(cmd)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
      p.getOutputStream().close();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(mainClass.getSimpleName() + " did not end within "
            + timeoutSeconds + " s; stdout: " + Files.readString(out) + " stderr: "
            + Files.readString(err));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
