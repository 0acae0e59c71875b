package dev.nodus.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The committed vectors are exactly what {@code gen-vectors.js} prints under Node v20 (the
 * generator is seeded), so nobody can edit an expectation by hand. Skipped without node v20.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VectorsAreNodesOutputTest {

  @Test
  void regeneratingWithNodeGivesTheCommittedFile() throws Exception {
    Path dir = Path.of("src/test/resources/buffer");
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("gen-vectors.js")), "run from the nodus module");
    String version = run(dir, "node", "--version");
    Assumptions.assumeTrue(version != null && version.startsWith("v20."), "needs node v20, found " + version);
    String generated = run(dir, "node", "gen-vectors.js");
    String committed = Files.readString(dir.resolve("vectors.txt"), StandardCharsets.UTF_8);
    assertThat(generated).isNotNull();
    assertThat(generated.equals(committed)).as("vectors.txt is node's output of gen-vectors.js").isTrue();
  }

  /** Runs a command; null if it cannot start. */
  private static String run(Path dir, String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    }
  }
}
