package dev.nodus.internal.errors;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a {@link NodeError} as Node prints an error: the message, the frames of the program's
 * own code (and of Nodus's public API, as Node shows its {@code node:net} frames), and the
 * error's properties, without the Netty and {@code dev.nodus.internal} frames that say nothing
 * to the program's author, nor the Netty exception kept as its cause. The system property
 * {@code nodus.fullStackTraces=true} restores Java's full trace.
 */
public final class ErrorPrinter {
  private static final boolean FULL = Boolean.getBoolean("nodus.fullStackTraces");

  private ErrorPrinter() {}

  /** Whether errors print Java's full stack trace instead. */
  public static boolean full() {
    return FULL;
  }

  /** The error as Node prints it, ending with a newline. */
  public static String format(NodeError e) {
    StringBuilder sb = new StringBuilder(e.toString());
    List<StackTraceElement> frames = ownFrames(e.getStackTrace());
    for (StackTraceElement f : frames) {
      sb.append("\n    at ").append(f);
    }
    List<String> props = properties(e);
    sb.append(frames.isEmpty() ? "\n{" : " {");
    sb.append("\n  ").append(String.join(",\n  ", props)).append("\n}\n");
    return sb.toString();
  }

  private static List<StackTraceElement> ownFrames(StackTraceElement[] trace) {
    List<StackTraceElement> out = new ArrayList<>();
    for (StackTraceElement f : trace) {
      String c = f.getClassName();
      if (c.startsWith("io.netty.") || c.startsWith("dev.nodus.internal.")
          || c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
        continue;
      }
      out.add(f);
    }
    return out;
  }

  private static List<String> properties(NodeError e) {
    List<String> p = new ArrayList<>();
    if (e instanceof SystemError s) {
      // Node's uvExceptionWithHostPort (listen, bind) sets code first; the others errno first.
      boolean codeFirst = "listen".equals(s.syscall()) || "bind".equals(s.syscall());
      if (codeFirst) {
        p.add("code: '" + s.code() + "'");
        p.add("errno: " + s.errno());
      } else {
        p.add("errno: " + s.errno());
        p.add("code: '" + s.code() + "'");
      }
      if (s.syscall() != null) {
        p.add("syscall: '" + s.syscall() + "'");
      }
      if (s.path() != null) {
        p.add("path: '" + s.path() + "'");
      }
      if (s.hostname() != null) {
        p.add("hostname: '" + s.hostname() + "'");
      }
      if (s.address() != null) {
        p.add("address: '" + s.address() + "'");
      }
      if (s.port() != null) {
        p.add("port: " + s.port());
      }
    } else {
      p.add("code: '" + e.code() + "'");
    }
    return p;
  }
}
