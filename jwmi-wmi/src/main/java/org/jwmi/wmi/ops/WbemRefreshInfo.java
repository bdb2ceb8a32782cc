package org.jwmi.wmi.ops;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrUnion;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.SwitchType;
import org.jwmi.wmi.WbemConstants;

/**
 * [MS-WMI] 2.2.20 _WBEM_REFRESH_INFO with its 2.2.28 WBEM_REFRESH_INFO_UNION (non-encapsulated,
 * switch_type(long), switch_is(m_lType); the discriminant is sent again before the arm).
 * <pre>
 * typedef struct {
 *     long m_lType;                                   // WBEM_REFRESH_TYPE
 *     [switch_is(m_lType)] WBEM_REFRESH_INFO_UNION m_Info;
 *     long m_lCancelId;
 * } _WBEM_REFRESH_INFO;
 * case REMOTE (3):     _WBEM_REFRESH_INFO_REMOTE { IWbemRemoteRefresher* m_pRefresher; IWbemClassObject* m_pTemplate;
 *                                                  GUID m_Guid; }
 * case NON_HIPERF (6): _WBEM_REFRESH_INFO_NON_HIPERF { [string] wchar_t* m_wszNamespace;
 *                                                  IWbemClassObject* m_pTemplate; }
 * case INVALID (0):    HRESULT m_hres;
 * </pre>
 *
 * @param mLType    the arm
 * @param mInfo     {@link Remote}, {@link NonHiPerf} or {@link Invalid}
 * @param mLCancelId the id the client passes to RemoveObjectFromRefresher
 */
public record WbemRefreshInfo(int mLType, Arm mInfo, int mLCancelId) {

    /** One arm of WBEM_REFRESH_INFO_UNION. */
    public sealed interface Arm permits Remote, NonHiPerf, Invalid {
    }

    /** 2.2.27 _WBEM_REFRESH_INFO_REMOTE. */
    public record Remote(MInterfacePointer mPRefresher, MInterfacePointer mPTemplate, UUID mGuid) implements Arm {
        public Remote {
            Objects.requireNonNull(mGuid, "mGuid");
        }
    }

    /** 2.2.26 _WBEM_REFRESH_INFO_NON_HIPERF. */
    public record NonHiPerf(String mWszNamespace, MInterfacePointer mPTemplate) implements Arm {
    }

    /** WBEM_REFRESH_TYPE_INVALID: m_hres. */
    public record Invalid(int mHres) implements Arm {
    }

    static final NdrUnion LAYOUT = NdrUnion.natural(SwitchType.LONG);

    public WbemRefreshInfo {
        Objects.requireNonNull(mInfo, "mInfo");
        int expected = mInfo instanceof Remote ? WbemConstants.WBEM_REFRESH_TYPE_REMOTE
                : mInfo instanceof NonHiPerf ? WbemConstants.WBEM_REFRESH_TYPE_NON_HIPERF
                : WbemConstants.WBEM_REFRESH_TYPE_INVALID;
        if (expected != mLType) {
            throw new IllegalArgumentException(
                    "m_lType " + mLType + " does not select " + mInfo.getClass().getSimpleName());
        }
    }

    /** A failed registration: m_lType INVALID carrying {@code hres}. */
    public static WbemRefreshInfo invalid(int hres) {
        return new WbemRefreshInfo(WbemConstants.WBEM_REFRESH_TYPE_INVALID, new Invalid(hres), 0);
    }

    public static WbemRefreshInfo decode(NdrReader r) {
        return r.struct("_WBEM_REFRESH_INFO", 4, s -> {
            int type = s.i32();
            Arm arm = s.union(LAYOUT, type, d -> switch ((int) d) {
                case WbemConstants.WBEM_REFRESH_TYPE_REMOTE -> a -> a.struct(4, b -> new Remote(
                        b.uniquePtr(MInterfacePointer::decode), b.uniquePtr(MInterfacePointer::decode), b.uuid()));
                case WbemConstants.WBEM_REFRESH_TYPE_NON_HIPERF -> a -> a.struct(4, b -> new NonHiPerf(
                        b.uniquePtr(NdrReader::stringW), b.uniquePtr(MInterfacePointer::decode)));
                case WbemConstants.WBEM_REFRESH_TYPE_INVALID -> a -> new Invalid(a.i32());
                default -> null;
            });
            return new WbemRefreshInfo(type, arm, s.i32());
        });
    }

    public static void encode(NdrWriter w, WbemRefreshInfo v) {
        w.struct(4, s -> {
            s.i32(v.mLType);
            s.union(LAYOUT, v.mLType, a -> {
                if (v.mInfo instanceof Remote x) {
                    a.struct(4, b -> b.uniquePtr(x.mPRefresher(), MInterfacePointer::encode)
                            .uniquePtr(x.mPTemplate(), MInterfacePointer::encode).uuid(x.mGuid()));
                } else if (v.mInfo instanceof NonHiPerf x) {
                    a.struct(4, b -> b.uniquePtr(x.mWszNamespace(), NdrWriter::stringW)
                            .uniquePtr(x.mPTemplate(), MInterfacePointer::encode));
                } else {
                    a.i32(((Invalid) v.mInfo).mHres());
                }
            });
            s.i32(v.mLCancelId);
        });
    }
}
