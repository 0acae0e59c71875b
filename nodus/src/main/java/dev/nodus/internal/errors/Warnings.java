package dev.nodus.internal.errors;

import java.io.PrintStream;
import java.util.function.BiConsumer;

/**
 * Process warnings, as Node's {@code process.emitWarning}: printed once to stderr as
 * {@code (nodus) Type: message}. Tests may redirect them.
 */
public final class Warnings {
  private static volatile BiConsumer<String, String> sink = Warnings::print;

  private Warnings() {}

  /** Emits a warning of the given type (e.g. {@code MaxListenersExceededWarning}). */
  public static void emit(String type, String message) {
    sink.accept(type, message);
  }

  /** Replaces where warnings go; returns the previous sink. For tests. */
  public static BiConsumer<String, String> setSink(BiConsumer<String, String> newSink) {
    BiConsumer<String, String> old = sink;
    sink = newSink == null ? Warnings::print : newSink;
    return old;
  }

  private static void print(String type, String message) {
    PrintStream err = System.err;
    err.println("(nodus) " + type + ": " + message);
  }
}
