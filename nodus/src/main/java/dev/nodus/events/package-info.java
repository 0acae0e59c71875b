/**
 * Node's {@code events} module: {@link dev.nodus.events.EventEmitter} with typed event keys
 * ({@link dev.nodus.events.Event0} to {@link dev.nodus.events.Event4}), so that listeners are
 * type-checked lambdas while keeping Node's semantics (many listeners per event, {@code once},
 * {@code off}, {@code prependListener}, {@code 'newListener'}, {@code 'error'} without listener).
 */
package dev.nodus.events;
