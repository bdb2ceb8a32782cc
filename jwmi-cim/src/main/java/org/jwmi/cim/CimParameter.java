package org.jwmi.cim;

/**
 * One method parameter, as read from the method's __PARAMETERS classes ([MS-WMIO] 2.3.3): the property of that
 * name in the in and/or out class, ordered by its {@code ID} qualifier.
 *
 * @param name       parameter name
 * @param type       parameter type
 * @param typeClass  class of a reference or embedded object parameter, or null
 * @param in         present in the input parameters
 * @param out        present in the output parameters
 * @param id         value of the ID qualifier (position in the MOF signature), -1 if absent
 * @param qualifiers qualifiers of the in-parameter property (or the out one when it is out-only)
 */
public record CimParameter(CimName name, CimType type, CimName typeClass, boolean in, boolean out, int id,
                           CimQualifierSet qualifiers) {
}
