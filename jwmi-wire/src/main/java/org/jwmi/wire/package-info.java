/**
 * The bottom of the stack: bounded readers and writers over byte arrays, the one decoding exception
 * ({@link org.jwmi.wire.ProtocolException}), the resource {@link org.jwmi.wire.Limits} every decoder honours,
 * and hex helpers for tests and diagnostics. No I/O happens here.
 */
package org.jwmi.wire;
