/**
 * Stream internals without public API: Node's StringDecoder and the stream error factory.
 * Not exported.
 */
package dev.nodus.internal.stream;
