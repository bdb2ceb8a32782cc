package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.10.1 IWbemBackupRestore::Backup (opnum 3) and 3.1.4.10.2 Restore (opnum 4), the [in]
 * parameters; the response is an ORPCTHAT and the HRESULT. (IWbemBackupRestoreEx::Pause/Resume, opnums 5 and 6,
 * take only ORPCTHIS: {@link OrpcThisRequest}.)
 * <pre>
 * ORPCTHIS orpcthis,                                   // implicit
 * [in, string] LPCWSTR strBackupToFile | strRestoreFromFile,   // [ref]: no pointer id
 * [in] long lFlags                                     // WBEM_BACKUP_RESTORE_FLAGS (Restore)
 * </pre>
 */
public record BackupRestoreRequest(OrpcThis orpcThis, String file, int lFlags) {

    public BackupRestoreRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(file, "file");
    }

    public static BackupRestoreRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static BackupRestoreRequest decodeParams(NdrReader r, OrpcThis t) {
        String file = r.field("strFile", NdrReader::stringW);
        int flags = r.field("lFlags", NdrReader::i32);
        r.expectEnd();
        return new BackupRestoreRequest(t, file, flags);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.stringW(file).i32(lFlags);
    }

    public static BackupRestoreRequest decode(byte[] stub) {
        return Mip.decode(stub, BackupRestoreRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
