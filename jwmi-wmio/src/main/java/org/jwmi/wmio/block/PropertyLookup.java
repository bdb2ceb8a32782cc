package org.jwmi.wmio.block;

/**
 * [MS-WMIO] 2.2.23 PropertyLookup: where the name and the PropertyInfo of one property are in the ClassHeap.
 *
 * <pre>
 * PropertyLookup = PropertyNameRef PropertyInfoRef
 * </pre>
 *
 * @param propertyNameRef [MS-WMIO] 2.2.24 HeapStringRef
 * @param propertyInfoRef [MS-WMIO] 2.2.25 HeapRef to a {@link PropertyInfo}
 */
public record PropertyLookup(int propertyNameRef, int propertyInfoRef) {
}
