/**
 * [MS-WMI] 2.2.14 ObjectArray as records: {@link org.jwmi.wmio.objectarray.ObjectArray} holds
 * {@link org.jwmi.wmio.objectarray.WbemDatapacketObject}s, each a
 * {@link org.jwmi.wmio.objectarray.WbemObjectClass}, {@link org.jwmi.wmio.objectarray.WbemObjectInstance} or
 * {@link org.jwmi.wmio.objectarray.WbemObjectInstanceNoClass}; a {@link org.jwmi.wmio.objectarray.ClassIdTable}
 * resolves the classIDs of the last kind. The CIM-level packer and unpacker are
 * {@link org.jwmi.wmio.ObjectArrayWriter} and {@link org.jwmi.wmio.ObjectArrayReader}.
 */
package org.jwmi.wmio.objectarray;
