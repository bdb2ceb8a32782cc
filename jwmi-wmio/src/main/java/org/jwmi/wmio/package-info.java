/**
 * [MS-WMIO] object encoding and [MS-WMI] 2.2.14 ObjectArray packing for the CIM model of {@code org.jwmi.cim}.
 *
 * <ul>
 *   <li>{@link org.jwmi.wmio.Wmio}: EncodingUnit / ObjectBlock bytes to and from {@code CimClass} and
 *       {@code CimInstance}; fresh objects are laid out as Windows lays them out.</li>
 *   <li>{@link org.jwmi.wmio.ObjectArrayWriter} and {@link org.jwmi.wmio.ObjectArrayReader}: the smart enumerator's
 *       and optimized sink's ObjectArrays, classes sent once per classID; the writer lays each class out once, the
 *       reader decodes and maps it once.</li>
 *   <li>{@link org.jwmi.wmio.WmioText}: MOF-like and JSON renderings for debugging tools.</li>
 *   <li>{@code org.jwmi.wmio.block}: the spec-shaped records and their exact (decode then encode gives the same
 *       octets) codec; {@code org.jwmi.wmio.objectarray}: the ObjectArray records.</li>
 * </ul>
 *
 * <p>All decoding fails only with {@link org.jwmi.wire.ProtocolException}. No I/O happens here. Classes met again
 * are not decoded again: {@code Wmio.decode} and {@code ObjectArrayReader} share a bounded
 * {@link org.jwmi.wmio.block.ClassPartCache} keyed by the exact octets of each ClassPart (and the limits), which
 * changes no result.
 */
package org.jwmi.wmio;
