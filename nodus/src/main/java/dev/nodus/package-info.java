/**
 * The Nodus runtime: {@link dev.nodus.Nodus} runs programs on loops with Node's process
 * lifecycle; {@link dev.nodus.Timers} has Node's timers and {@code nextTick}; errors are
 * {@link dev.nodus.NodeError}s and {@link dev.nodus.SystemError}s with Node's codes.
 */
package dev.nodus;
