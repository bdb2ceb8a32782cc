package org.jwmi.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.DcomException;
import org.jwmi.dcom.ops.DcomStatus;
import org.junit.jupiter.api.Test;

class WbemExceptionTest {

    @Test
    void namesComeFromWmiThenComThenRpc() {
        assertThat(WbemException.nameOf(0x80041003)).isEqualTo("WBEM_E_ACCESS_DENIED");
        assertThat(WbemException.nameOf(0x80070005)).isEqualTo("E_ACCESSDENIED");
        assertThat(WbemException.nameOf(0x800706BA)).isEqualTo("RPC_S_SERVER_UNAVAILABLE");
        assertThat(WbemException.nameOf(0x12345678)).isEqualTo("0x12345678");
        assertThat(WbemException.describe(0x80041002)).isEqualTo("WBEM_E_NOT_FOUND (0x80041002)");
    }

    @Test
    void encryptionRequiredSaysWhichLevelToUse() {
        WbemException e = WbemException.fromResult(WbemStatus.WBEM_E_ENCRYPTED_CONNECTION_REQUIRED.code(),
                WbemStage.CALL, "NTLMLogin to \\\\h\\root\\secure", AuthLevel.PKT_INTEGRITY);
        assertThat(e.hresult()).isEqualTo(0x80041087);
        assertThat(e.stage()).contains(WbemStage.CALL);
        assertThat(e.getMessage()).startsWith("WBEM_E_ENCRYPTED_CONNECTION_REQUIRED (0x80041087): NTLMLogin")
                .contains("at authenticationLevel=pktIntegrity")
                .contains("the server requires authenticationLevel=pktPrivacy");
    }

    @Test
    void accessDeniedBelowPrivacyMentionsPrivacyAndAtPrivacyOnlyPermissions() {
        assertThat(WbemException.fromResult(0x80041003, WbemStage.CALL, "ExecQuery", AuthLevel.CONNECT).getMessage())
                .contains("may require authenticationLevel=pktPrivacy");
        assertThat(WbemException.fromResult(0x80041003, WbemStage.CALL, "ExecQuery", AuthLevel.PKT_PRIVACY)
                .getMessage()).doesNotContain("may require").contains("Remote Enable");
        assertThat(WbemException.fromResult(0x80070005, WbemStage.CALL, "x", AuthLevel.CONNECT).getMessage())
                .contains("the server requires authenticationLevel=pktIntegrity or higher");
    }

    @Test
    void dcomFailuresKeepTheirAdviceAndGainTheStage() {
        DcomException d = new DcomException(DcomStatus.RPC_S_SERVER_UNAVAILABLE,
                "cannot reach the object resolver at 10.0.0.1:135 (Connection refused)");
        WbemException e = WbemException.fromDcom(d, Stages.classify(d, WbemStage.ACTIVATION), "ConnectServer");
        assertThat(e.hresultName()).isEqualTo("RPC_S_SERVER_UNAVAILABLE");
        assertThat(e.stage()).contains(WbemStage.CONNECT);
        assertThat(e.getMessage()).startsWith("RPC_S_SERVER_UNAVAILABLE (0x800706ba): ConnectServer failed during"
                + " TCP connect: cannot reach the object resolver at 10.0.0.1:135").contains("port 135");
        assertThat(e.getCause()).isSameAs(d);

        DcomException oxid = new DcomException(DcomStatus.OR_INVALID_OXID, "ResolveOxid2 of OXID 0x1 at h:135 failed");
        assertThat(Stages.classify(oxid, WbemStage.CALL)).isEqualTo(WbemStage.OXID_RESOLUTION);
    }
}
