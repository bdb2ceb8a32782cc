/**
 * [MS-WMIO] section 2 as records: one record per structure, components named after the spec's fields, each with
 * its encoder and a decoder that bounds-checks every length, count, offset and heap reference before using it and
 * fails only with {@link org.jwmi.wire.ProtocolException}.
 *
 * <p>Decoding keeps everything needed to send an object back octet for octet: heaps verbatim (item order, gaps,
 * garbage), NdTables and value tables verbatim, padding fields and reserved octets as received, the
 * compressed-or-UTF-16 choice of each string, and the unused octets Windows leaves after a ClassPart, a MethodsPart,
 * an InstanceType or an ObjectBlock. Lengths that can be computed (EncodingLength, NdTableValueTableLength,
 * ObjectEncodingLength, HeapLength, counts) are computed when encoding and checked when decoding.
 *
 * <p>After a structure's heap is read, every reference into it is resolved: checked to be an offset inside that
 * heap and decoded there (strings, property infos, qualifier sets, arrays, embedded objects and method signatures,
 * recursively, with embedded-object nesting capped by {@link org.jwmi.wire.Limits#maxNesting()}). Resolved items
 * are kept in the {@link org.jwmi.wmio.block.Heap} by offset, so shared references cost one decode each.
 *
 * <p>Map: {@link org.jwmi.wmio.block.EncodingUnit} → {@link org.jwmi.wmio.block.ObjectBlock} →
 * {@link org.jwmi.wmio.block.ClassType} ({@link org.jwmi.wmio.block.ClassAndMethodsPart} ×2) or
 * {@link org.jwmi.wmio.block.InstanceType}; {@link org.jwmi.wmio.block.ClassPart},
 * {@link org.jwmi.wmio.block.MethodsPart}, {@link org.jwmi.wmio.block.QualifierSet},
 * {@link org.jwmi.wmio.block.Heap}; {@link org.jwmi.wmio.block.EncodingUnitInstanceNoClass} for ObjectArrays;
 * {@link org.jwmi.wmio.block.HeapBuilder} lays out new heaps; {@link org.jwmi.wmio.block.ClassPartCache} remembers
 * decoded ClassParts by their exact octets for decoders that meet the same class again.
 */
package org.jwmi.wmio.block;
