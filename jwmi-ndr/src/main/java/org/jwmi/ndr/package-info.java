/**
 * The NDR20 runtime ([C706] chapter 14 as digested in C706-digest.md section 9, with the [MS-RPCE] 2.2.4
 * extensions): no I/O, only values and bytes.
 *
 * <ul>
 *   <li>{@link org.jwmi.ndr.DataRepresentation} - the 4-byte format label; receiver-makes-it-right.</li>
 *   <li>{@link org.jwmi.ndr.NdrReader} / {@link org.jwmi.ndr.NdrWriter} - primitives, structures, arrays,
 *       strings, pointers with deferred referents, unions, UUIDs, context handles.</li>
 *   <li>{@link org.jwmi.ndr.NdrDecoder} / {@link org.jwmi.ndr.NdrEncoder} - the shape of a hand-written codec.</li>
 *   <li>{@link org.jwmi.ndr.NdrUnion}, {@link org.jwmi.ndr.SwitchType}, {@link org.jwmi.ndr.UnionArms} - union
 *       layout (natural or {@code ms_union} arm alignment) and arm selection.</li>
 *   <li>{@link org.jwmi.ndr.NdrContextHandle}, {@link org.jwmi.ndr.VaryingBounds} - small wire values.</li>
 *   <li>{@link org.jwmi.ndr.TypeSerialization1} - [MS-RPCE] 2.2.6 pickling headers.</li>
 * </ul>
 */
package org.jwmi.ndr;
