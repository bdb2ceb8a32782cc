package org.jwmi.wmio.objectarray;

import org.jwmi.wire.WireWriter;

/**
 * The Object of a [MS-WMI] 2.2.14.1 WBEM_DATAPACKET_OBJECT: one of WBEMOBJECT_CLASS, WBEMOBJECT_INSTANCE and
 * WBEMOBJECT_INSTANCE_NOCLASS, selected by bObjectType.
 */
public sealed interface WbemObject permits WbemObjectClass, WbemObjectInstance, WbemObjectInstanceNoClass {

    /** The bObjectType that selects this kind (1, 2 or 3). */
    int objectType();

    /** Octets of the structure, its header included. */
    int encodedLength();

    void encode(WireWriter w);
}
