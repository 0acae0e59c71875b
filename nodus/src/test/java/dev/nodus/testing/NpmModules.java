package dev.nodus.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The npm packages the tests run under node as peers ({@code ws}, the WebSocket reference),
 * installed by the build ({@code npm ci} in {@code nodus/src/test/node}, from its lockfile).
 * {@link NodePeer} puts them on node's {@code NODE_PATH}, so a peer script just
 * {@code require('ws')}. Tests that need a package check {@link #available(String)} with an
 * assumption whose message comes from {@link #missing(String)}, so a skip says why.
 */
public final class NpmModules {
  private static final Path DIR = locate();

  private NpmModules() {}

  private static Path locate() {
    // Surefire runs with the module's directory as the working directory; the examples and
    // benchmarks modules reach the same folder through their parent.
    for (Path base : new Path[] {Path.of(""), Path.of("..", "nodus")}) {
      Path p = base.resolve("src/test/node/node_modules").toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /** The installed {@code node_modules} folder, or null when the build did not install it. */
  public static Path nodePath() {
    return DIR;
  }

  /** Whether {@code pkg} is installed and node can run it. */
  public static boolean available(String pkg) {
    return NodePeer.available() && DIR != null && Files.isDirectory(DIR.resolve(pkg));
  }

  /** The reason a test needing {@code pkg} is skipped. */
  public static String missing(String pkg) {
    return !NodePeer.available()
        ? "node is not on the PATH"
        : "npm package " + pkg + " is not installed (the build runs npm ci in nodus/src/test/node; is npm on the PATH?)";
  }
}
