package org.jwmi.dcom.wire;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 2.2.11 COMVERSION: the DCOM protocol version of a client or server.
 * <pre>
 * typedef struct tagCOMVERSION {
 *     unsigned short MajorVersion;
 *     unsigned short MinorVersion;
 * } COMVERSION;
 * </pre>
 *
 * @param majorVersion 0..65535; 5 for every released DCOM
 * @param minorVersion 0..65535; 1, 2, 4, 6 or 7 (5.3 must not be used, 5.5 is unused)
 */
public record ComVersion(int majorVersion, int minorVersion) implements Comparable<ComVersion> {
    /** Initial release. */
    public static final ComVersion V5_1 = new ComVersion(5, 1);
    /** Adds IObjectExporter::ResolveOxid2. */
    public static final ComVersion V5_2 = new ComVersion(5, 2);
    /** New marshaling of arrays of interface pointers and of conformant embedded structures. */
    public static final ComVersion V5_4 = new ComVersion(5, 4);
    /** Adds OBJREF_HANDLER/EXTENDED, IRemoteSCMActivator, ServerAlive2 and IRemUnknown2. */
    public static final ComVersion V5_6 = new ComVersion(5, 6);
    /** What current Windows reports (no protocol change from 5.6). */
    public static final ComVersion V5_7 = new ComVersion(5, 7);

    public ComVersion {
        if ((majorVersion & ~0xffff) != 0 || (minorVersion & ~0xffff) != 0) {
            throw new IllegalArgumentException("COMVERSION fields are unsigned shorts: " + majorVersion + "."
                    + minorVersion);
        }
    }

    /** NDR: a structure of two unsigned shorts (2-aligned). */
    public static ComVersion decode(NdrReader r) {
        return r.struct("COMVERSION", 2, s -> new ComVersion(s.u16(), s.u16()));
    }

    public static void encode(NdrWriter w, ComVersion v) {
        w.struct(2, s -> s.u16(v.majorVersion).u16(v.minorVersion));
    }

    /** The lower of two versions: what two peers speak ([MS-DCOM] 1.7). */
    public static ComVersion min(ComVersion a, ComVersion b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public int compareTo(ComVersion o) {
        int c = Integer.compare(majorVersion, o.majorVersion);
        return c != 0 ? c : Integer.compare(minorVersion, o.minorVersion);
    }

    @Override
    public String toString() {
        return majorVersion + "." + minorVersion;
    }
}
