package org.jwmi.dcom.wire;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;

/**
 * [MS-DCOM] 2.2.22.2.2 SpecialPropertiesData (CLSID_SpecialSystemProperties): session and miscellaneous
 * activation parameters. Two layouts share the first nine fields:
 * <pre>
 * typedef struct tagSpecialPropertiesData {
 *     unsigned long dwSessionId;          // 0xFFFFFFFF: any session
 *     long fRemoteThisSessionId;
 *     long fClientImpersonating;
 *     long fPartitionIDPresent;
 *     DWORD dwDefaultAuthnLvl;
 *     GUID guidPartition;
 *     DWORD dwPRTFlags;
 *     DWORD dwOrigClsctx;
 *     DWORD dwFlags;                      // SPD_FLAG_*
 *     DWORD Reserved1;                    // standard layout only
 *     unsigned __int64 Reserved2;         // standard layout only (8-aligned)
 *     DWORD Reserved3[5];                 // [8] in SpecialPropertiesData_Alternate
 * } SpecialPropertiesData;
 * </pre>
 * A server must accept both; Windows 2000/XP/2003 send the alternate one (note 29). {@code reserved3} has 5
 * elements in the standard layout and 8 in the alternate one. The decoder picks the layout by what is left of the
 * serialized object after dwFlags: at least 36 bytes is the standard layout (84 bytes, 88 padded), else the
 * alternate one (80 bytes).
 *
 * @param dwSessionId          the logon session (0xFFFFFFFF any)
 * @param fRemoteThisSessionId raw fRemoteThisSessionId
 * @param fClientImpersonating raw fClientImpersonating
 * @param fPartitionIDPresent  raw fPartitionIDPresent
 * @param dwDefaultAuthnLvl    raw dwDefaultAuthnLvl
 * @param guidPartition        guidPartition
 * @param dwPRTFlags           raw dwPRTFlags
 * @param dwOrigClsctx         raw dwOrigClsctx
 * @param dwFlags              raw dwFlags (see {@link #flagSet()})
 * @param reserved1            Reserved1 (0 in the alternate layout)
 * @param reserved2            Reserved2 (0 in the alternate layout)
 * @param reserved3            Reserved3: 5 values (standard) or 8 (alternate)
 */
public record SpecialPropertiesData(int dwSessionId, int fRemoteThisSessionId, int fClientImpersonating,
                                    int fPartitionIDPresent, int dwDefaultAuthnLvl, UUID guidPartition,
                                    int dwPRTFlags, int dwOrigClsctx, int dwFlags, int reserved1, long reserved2,
                                    List<Integer> reserved3) implements ActivationProperty {

    public SpecialPropertiesData {
        Objects.requireNonNull(guidPartition, "guidPartition");
        reserved3 = List.copyOf(reserved3);
        if (reserved3.size() != 5 && reserved3.size() != 8) {
            throw new IllegalArgumentException("Reserved3 has 5 (standard) or 8 (alternate) elements");
        }
        if (reserved3.size() == 8 && (reserved1 != 0 || reserved2 != 0)) {
            throw new IllegalArgumentException("the alternate layout has no Reserved1/Reserved2");
        }
    }

    /** Standard layout with all reserved fields zero. */
    public static SpecialPropertiesData of(int dwSessionId, int fRemoteThisSessionId, int dwDefaultAuthnLvl,
                                           int dwOrigClsctx, int dwFlags) {
        return new SpecialPropertiesData(dwSessionId, fRemoteThisSessionId, 0, 0, dwDefaultAuthnLvl,
                Clsids.GUID_NULL, 0, dwOrigClsctx, dwFlags, 0, 0, List.of(0, 0, 0, 0, 0));
    }

    /** Whether this is SpecialPropertiesData_Alternate. */
    public boolean alternate() {
        return reserved3.size() == 8;
    }

    public EnumSet<SpdFlag> flagSet() {
        return BitFlag.toSet(SpdFlag.class, dwFlags);
    }

    @Override
    public UUID clsid() {
        return Clsids.CLSID_SPECIALSYSTEMPROPERTIES;
    }

    @Override
    public byte[] serialize() {
        return TypeSerialization1.encode(this, SpecialPropertiesData::encode);
    }

    public static SpecialPropertiesData decode(NdrReader r) {
        return r.struct("SpecialPropertiesData", 8, s -> {
            int dwSessionId = s.i32();
            int fRemoteThisSessionId = s.i32();
            int fClientImpersonating = s.i32();
            int fPartitionIDPresent = s.i32();
            int dwDefaultAuthnLvl = s.i32();
            UUID guidPartition = s.uuid();
            int dwPRTFlags = s.i32();
            int dwOrigClsctx = s.i32();
            int dwFlags = s.i32();
            int reserved1 = 0;
            long reserved2 = 0;
            int n = 8;
            if (s.remaining() >= 36) {
                reserved1 = s.i32();
                reserved2 = s.u64();
                n = 5;
            }
            List<Integer> reserved3 = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                reserved3.add(s.i32());
            }
            return new SpecialPropertiesData(dwSessionId, fRemoteThisSessionId, fClientImpersonating,
                    fPartitionIDPresent, dwDefaultAuthnLvl, guidPartition, dwPRTFlags, dwOrigClsctx, dwFlags,
                    reserved1, reserved2, reserved3);
        });
    }

    public static void encode(NdrWriter w, SpecialPropertiesData v) {
        w.struct(v.alternate() ? 4 : 8, s -> {
            s.i32(v.dwSessionId).i32(v.fRemoteThisSessionId).i32(v.fClientImpersonating).i32(v.fPartitionIDPresent)
                    .i32(v.dwDefaultAuthnLvl).uuid(v.guidPartition).i32(v.dwPRTFlags).i32(v.dwOrigClsctx)
                    .i32(v.dwFlags);
            if (!v.alternate()) {
                s.i32(v.reserved1).u64(v.reserved2);
            }
            v.reserved3.forEach(s::i32);
        });
    }
}
