package org.jwmi.wmio.block;

import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.10 Encoding: the class or instance an ObjectBlock carries.
 *
 * <pre>
 * Encoding = InstanceType / ClassType
 * </pre>
 */
public sealed interface Encoding permits ClassType, InstanceType {

    int encodedLength();

    void encode(WireWriter w);
}
