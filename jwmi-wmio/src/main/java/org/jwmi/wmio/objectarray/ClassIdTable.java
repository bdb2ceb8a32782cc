package org.jwmi.wmio.objectarray;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jwmi.wmio.block.ClassAndMethodsPart;

/**
 * The classes a receiver of ObjectArrays has seen, by classID ([MS-WMI] 2.2.14: "maintained by both the server and
 * the client for the duration of the method call"). Use one table per call, or keep one per enumerator when the
 * peer refers to classIDs of earlier calls. Bounded: {@link #capacity()} classIDs at most. Not thread-safe.
 */
public final class ClassIdTable {
    /** The default bound on classIDs. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final int capacity;
    private final Map<UUID, ClassAndMethodsPart> classes = new HashMap<>();

    public ClassIdTable() {
        this(DEFAULT_CAPACITY);
    }

    public ClassIdTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** The CurrentClass sent with {@code classId}, or null. */
    public ClassAndMethodsPart lookup(UUID classId) {
        return classes.get(classId);
    }

    /** Records the class of a WBEMOBJECT_INSTANCE; false if the table is full and {@code classId} is new. */
    public boolean remember(UUID classId, ClassAndMethodsPart currentClass) {
        if (classes.size() >= capacity && !classes.containsKey(classId)) {
            return false;
        }
        classes.put(classId, currentClass);
        return true;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return classes.size();
    }

    public void clear() {
        classes.clear();
    }
}
