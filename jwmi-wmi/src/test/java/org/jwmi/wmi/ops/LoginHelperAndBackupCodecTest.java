package org.jwmi.wmi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.jwmi.wire.Hex;
import org.jwmi.wire.ProtocolException;
import org.junit.jupiter.api.Test;

/**
 * IWbemLoginClientID, IWbemLoginHelper and IWbemBackupRestore stubs laid out by hand from the IDL. impacket
 * declares LPCSTR/LPCWSTR top-level parameters as unique pointers (with a referent id); the IDL's top-level
 * {@code [in, string]} pointers are [ref] and carry none, which is what these tests pin.
 */
class LoginHelperAndBackupCodecTest {

    private static String afterOrpcThis(byte[] stub) {
        return Hex.encode(Arrays.copyOfRange(stub, 32, stub.length));
    }

    @Test
    void setClientInfo() {
        SetClientInfoRequest r = new SetClientInfoRequest(WmiOpsGoldenTest.THIS, "PC", 1234, 0);
        byte[] stub = r.encode();
        assertThat(afterOrpcThis(stub)).isEqualTo(
                "00000200" + "03000000" + "00000000" + "03000000" + "500043000000" + "0000" + "d2040000" + "00000000");
        assertThat(SetClientInfoRequest.decode(stub)).isEqualTo(r);
    }

    @Test
    void setEventIsARefCharString() {
        SetEventRequest r = new SetEventRequest(WmiOpsGoldenTest.THIS, "EV");
        byte[] stub = r.encode();
        assertThat(afterOrpcThis(stub)).isEqualTo("03000000" + "00000000" + "03000000" + "455600");
        assertThat(SetEventRequest.decode(stub)).isEqualTo(r);
    }

    @Test
    void backupIsARefWideString() {
        BackupRestoreRequest r = new BackupRestoreRequest(WmiOpsGoldenTest.THIS, "a", 1);
        byte[] stub = r.encode();
        assertThat(afterOrpcThis(stub)).isEqualTo("02000000" + "00000000" + "02000000" + "61000000" + "01000000");
        assertThat(BackupRestoreRequest.decode(stub)).isEqualTo(r);
        byte[] cut = Arrays.copyOf(stub, stub.length - 1);
        assertThatThrownBy(() -> BackupRestoreRequest.decode(cut)).isInstanceOf(ProtocolException.class);
    }
}
