package org.jwmi.wmi.ops;

import java.util.Arrays;
import java.util.Objects;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 2.2.15 WBEM_REFRESHED_OBJECT.
 * <pre>
 * typedef struct _WBEM_REFRESHED_OBJECT {
 *     long m_lRequestId;
 *     WBEM_INSTANCE_BLOB_TYPE m_lBlobType;                 // v1_enum: WBEM_BLOB_TYPE_ALL / ERROR / ENUM
 *     long m_lBlobLength;
 *     [size_is(m_lBlobLength)] byte* m_pbBlob;             // embedded unique pointer, referent deferred
 * } WBEM_REFRESHED_OBJECT;
 * </pre>
 * The decoder keeps m_lBlobLength as sent; {@link #isConsistent()} (checked by the enclosing response once its
 * referents are read) says whether it matches the blob.
 */
public record WbemRefreshedObject(int mLRequestId, int mLBlobType, int mLBlobLength, byte[] mPbBlob) {

    /** An object whose m_lBlobLength is the blob's length (0 for null). */
    public static WbemRefreshedObject of(int requestId, int blobType, byte[] blob) {
        return new WbemRefreshedObject(requestId, blobType, blob == null ? 0 : blob.length, blob);
    }

    /** m_lBlobLength equals the blob's max_count (0 when the pointer is NULL). */
    public boolean isConsistent() {
        return mLBlobLength == (mPbBlob == null ? 0 : mPbBlob.length);
    }

    public static WbemRefreshedObject decode(NdrReader r) {
        return r.struct("WBEM_REFRESHED_OBJECT", 4, s -> new WbemRefreshedObject(s.i32(), s.v1Enum(), s.i32(),
                s.uniquePtr(NdrReader::conformantBytes)));
    }

    public static void encode(NdrWriter w, WbemRefreshedObject v) {
        w.struct(4, s -> s.i32(v.mLRequestId).v1Enum(v.mLBlobType).i32(v.mLBlobLength)
                .uniquePtr(v.mPbBlob, NdrWriter::conformantBytes));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WbemRefreshedObject x && mLRequestId == x.mLRequestId && mLBlobType == x.mLBlobType
                && mLBlobLength == x.mLBlobLength && Arrays.equals(mPbBlob, x.mPbBlob);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mLRequestId, mLBlobType, mLBlobLength) * 31 + Arrays.hashCode(mPbBlob);
    }

    @Override
    public String toString() {
        return "WbemRefreshedObject[id=" + mLRequestId + ", type=" + mLBlobType + ", length=" + mLBlobLength
                + ", blob=" + (mPbBlob == null ? "NULL" : mPbBlob.length + " bytes") + "]";
    }
}
