package org.jwmi.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jwmi.auth.ntlm.NtlmTestSupport.NOW;
import static org.jwmi.auth.ntlm.NtlmTestSupport.PASSWORD;
import static org.jwmi.auth.ntlm.NtlmTestSupport.PROVIDER;
import static org.jwmi.auth.ntlm.NtlmTestSupport.accounts;
import static org.jwmi.auth.ntlm.NtlmTestSupport.alice;
import static org.jwmi.auth.ntlm.NtlmTestSupport.clientOptions;
import static org.jwmi.auth.ntlm.NtlmTestSupport.handshake;
import static org.jwmi.auth.ntlm.NtlmTestSupport.serverOptions;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecBuffer;
import org.jwmi.auth.SecurityContext;
import org.jwmi.auth.ServerOptions;
import org.jwmi.wire.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Client and server contexts against each other in memory: logons accepted and refused. */
class NtlmHandshakeTest {

    @Test
    void providerIdentity() {
        assertThat(PROVIDER.authType()).isEqualTo(0x0A);
        assertThat(PROVIDER.name()).isEqualTo("NTLM");
    }

    @Test
    void rightPasswordEstablishesBothSidesWithTheSameKey() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_PRIVACY);
        assertThat(p.client().isEstablished()).isTrue();
        assertThat(p.server().isEstablished()).isTrue();
        assertThat(p.client().sessionKey()).hasSize(16).containsExactly(p.server().sessionKey());
        assertThat(p.server().peer().qualifiedName()).isEqualTo("WMIHOST\\alice");
        assertThat(p.server().peer().workstation()).isEqualTo("CLIENTPC");
        assertThat(p.server().peer().anonymous()).isFalse();
        assertThat(p.client().peer().user()).isEqualTo("WMIHOST");
        assertThat(p.client().signatureSize()).isEqualTo(16);
    }

    @Test
    void messagesCarryWhatTheSpecAsksFor() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_PRIVACY);
        NegotiateMessage neg = NegotiateMessage.decode(p.negotiate());
        assertThat(neg.negotiateFlags().set()).contains(NegotiateFlag.NTLMSSP_NEGOTIATE_SIGN,
                NegotiateFlag.NTLMSSP_NEGOTIATE_SEAL, NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH,
                NegotiateFlag.NTLMSSP_NEGOTIATE_128, NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY,
                NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION, NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE);
        assertThat(neg.version()).isEqualTo(NtlmVersion.DEFAULT);

        ChallengeMessage chal = ChallengeMessage.decode(p.challenge());
        assertThat(chal.targetName()).isEqualTo("WMIHOST");
        assertThat(chal.negotiateFlags().has(NegotiateFlag.NTLMSSP_TARGET_TYPE_SERVER)).isTrue();
        assertThat(chal.targetInfo().text(AvId.MsvAvNbComputerName)).contains("WMIHOST");
        assertThat(chal.targetInfo().text(AvId.MsvAvNbDomainName)).contains("WMIHOST");
        assertThat(chal.targetInfo().text(AvId.MsvAvDnsComputerName)).contains("wmihost.example.test");
        assertThat(chal.targetInfo().text(AvId.MsvAvDnsDomainName)).contains("example.test");
        assertThat(chal.targetInfo().timestamp()).hasValue(NtlmCrypto.fileTime(NOW));

        AuthenticateMessage auth = AuthenticateMessage.decode(p.authenticate());
        assertThat(auth.userName()).isEqualTo("alice");
        assertThat(auth.domainName()).isEqualTo("WMIHOST");
        assertThat(auth.workstation()).isEqualTo("CLIENTPC");
        assertThat(auth.lmChallengeResponse()).as("Z(24) when the server sent a timestamp").containsExactly(new byte[24]);
        assertThat(auth.encryptedRandomSessionKey()).hasSize(16);
        assertThat(auth.mic()).isNotNull().isNotEqualTo(new byte[16]);
        NtlmV2Response r = NtlmV2Response.decode(auth.ntChallengeResponse());
        AvPairs blob = r.clientChallenge().avPairs();
        assertThat(blob.flags()).hasValue(AvId.FLAG_MIC_PRESENT);
        assertThat(blob.timestamp()).isEqualTo(chal.targetInfo().timestamp());
        assertThat(blob.text(AvId.MsvAvTargetName)).contains("host/wmihost");
        assertThat(blob.get(AvId.MsvAvChannelBindings).orElseThrow().value()).containsExactly(new byte[16]);
        assertThat(r.clientChallenge().timeStamp()).isEqualTo(NtlmCrypto.fileTime(NOW));
    }

    @Test
    void ntHashCredentialsWork() {
        Credentials c = Credentials.ofNtHash("", "ALICE", NtlmHashes.ntOwfV1(PASSWORD.toCharArray()));
        NtlmTestSupport.Pair p = handshake(c, clientOptions(AuthLevel.PKT_INTEGRITY), serverOptions());
        assertThat(p.server().peer().user()).as("the store's spelling").isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "WMIHOST", "wmihost", "example.test", "EXAMPLE.TEST", "wmihost.example.test"})
    void domainMayBeEmptyOrOneOfTheServersNames(String domain) {
        Credentials c = Credentials.ofPassword(domain, "alice", PASSWORD.toCharArray());
        assertThat(handshake(c, clientOptions(AuthLevel.CONNECT), serverOptions()).server().isEstablished()).isTrue();
    }

    @Test
    void aDomainTheServerDoesNotKnowIsLeftToTheAccountStore() {
        // A stand-alone Windows server authenticates an unknown domain against its local accounts ([MS-NLMP] <78>).
        Credentials c = Credentials.ofPassword("CORP", "alice", PASSWORD.toCharArray());
        assertThat(handshake(c, clientOptions(AuthLevel.CONNECT), serverOptions()).server().peer().user())
                .isEqualTo("alice");
        AccountStore corpOnlyRefused = (domain, user) -> domain.equalsIgnoreCase("CORP")
                ? java.util.Optional.empty() : accounts().lookup(domain, user);
        assertThatThrownBy(() -> handshake(c, clientOptions(AuthLevel.CONNECT),
                serverOptions(corpOnlyRefused, false, java.time.Clock.systemUTC(), new java.security.SecureRandom())))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_LOGON_DENIED);
                    assertThat(e.getMessage()).contains("CORP\\alice", "unknown user");
                });
    }

    @Test
    void wrongPasswordIsRefusedWithoutLeakingSecrets() {
        Credentials c = Credentials.ofPassword("WMIHOST", "alice", "wrong-password".toCharArray());
        SecurityContext server = PROVIDER.newServerContext(serverOptions());
        SecurityContext client = PROVIDER.newClientContext(c, clientOptions(AuthLevel.PKT_PRIVACY));
        byte[] auth = client.step(server.step(client.step(null)));
        assertThatThrownBy(() -> server.step(auth))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_LOGON_DENIED);
                    assertThat(e.getMessage()).contains("WMIHOST\\alice", "wrong password")
                            .doesNotContain(PASSWORD, "wrong-password",
                                    Hex.encode(NtlmHashes.ntOwfV1(PASSWORD.toCharArray())));
                });
        assertThat(server.isEstablished()).isFalse();
        assertThatThrownBy(() -> server.step(auth)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.sign(List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unknownUserIsRefused() {
        Credentials c = Credentials.ofPassword("", "mallory", PASSWORD.toCharArray());
        assertThatThrownBy(() -> handshake(c, clientOptions(AuthLevel.PKT), serverOptions()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_LOGON_DENIED);
                    assertThat(e.getMessage()).contains("mallory", "unknown user");
                });
    }

    @Test
    void anotherUsersPasswordIsRefused() {
        Credentials c = Credentials.ofPassword("", "bob", PASSWORD.toCharArray());
        assertThatThrownBy(() -> handshake(c, clientOptions(AuthLevel.PKT), serverOptions()))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("bob");
    }

    @Test
    void ntlmV1ResponseIsRefused() {
        SecurityContext server = PROVIDER.newServerContext(serverOptions());
        server.step(PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT)).step(null));
        assertThatThrownBy(() -> server.step(NtlmTestSupport.vector("4.2.2.3-AUTHENTICATE_MESSAGE")))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_LOGON_DENIED);
                    assertThat(e.getMessage()).contains(NtlmServerContext.V1_REFUSED, "Domain\\User");
                });
    }

    @Test
    void lmOnlyResponseIsRefused() {
        SecurityContext server = PROVIDER.newServerContext(serverOptions());
        server.step(PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT)).step(null));
        byte[] lmOnly = new AuthenticateMessage(new byte[24], new byte[0], "WMIHOST", "alice", "PC", new byte[0],
                NegotiateFlags.of(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE), null, null).encode();
        assertThatThrownBy(() -> server.step(lmOnly)).hasMessageContaining(NtlmServerContext.V1_REFUSED);
    }

    @Test
    void anonymousIsRefusedUnlessAllowed() {
        Credentials anonymous = Credentials.ofPassword("", "", new char[0]);
        assertThatThrownBy(() -> handshake(anonymous, clientOptions(AuthLevel.CONNECT), serverOptions()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_LOGON_DENIED);
                    assertThat(e.getMessage()).contains("anonymous");
                });

        ServerOptions allow = NtlmTestSupport.serverOptions(accounts(), true, Clock.fixed(NOW, ZoneOffset.UTC),
                new Random(5));
        NtlmTestSupport.Pair p = handshake(anonymous, clientOptions(AuthLevel.PKT_PRIVACY), allow);
        assertThat(p.server().peer().anonymous()).isTrue();
        assertThat(p.client().sessionKey()).containsExactly(p.server().sessionKey());
        AuthenticateMessage auth = AuthenticateMessage.decode(p.authenticate());
        assertThat(auth.ntChallengeResponse()).isEmpty();
        assertThat(auth.lmChallengeResponse()).containsExactly(0);
        assertThat(auth.negotiateFlags().has(NegotiateFlag.NTLMSSP_NEGOTIATE_ANONYMOUS)).isTrue();
    }

    @Test
    void tamperedMicIsRefused() {
        SecurityContext client = PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT_PRIVACY));
        SecurityContext server = PROVIDER.newServerContext(serverOptions());
        byte[] auth = client.step(server.step(client.step(null)));
        auth[AuthenticateMessage.MIC_OFFSET + 3] ^= 0x01;
        assertThatThrownBy(() -> server.step(auth))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_LOGON_DENIED);
                    assertThat(e.getMessage()).contains("alice", "MIC");
                });
    }

    /** A downgrade of the NEGOTIATE_MESSAGE on the way (SEAL removed) is caught by the MIC. */
    @Test
    void alteredNegotiateIsCaughtByTheMic() {
        SecurityContext client = PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT_PRIVACY));
        SecurityContext server = PROVIDER.newServerContext(serverOptions());
        byte[] neg = client.step(null);
        NegotiateMessage m = NegotiateMessage.decode(neg);
        byte[] downgraded = new NegotiateMessage(m.negotiateFlags().without(NegotiateFlag.NTLMSSP_NEGOTIATE_SEAL),
                "", "", m.version()).encode();
        byte[] chal = server.step(downgraded);
        // the client would refuse a challenge without SEAL, so the attacker puts it back
        ChallengeMessage c = ChallengeMessage.decode(chal);
        byte[] upgraded = new ChallengeMessage(c.targetName(), c.negotiateFlags().with(NegotiateFlag.NTLMSSP_NEGOTIATE_SEAL),
                c.serverChallenge(), c.targetInfo(), c.version()).encode();
        byte[] auth = client.step(upgraded);
        assertThatThrownBy(() -> server.step(auth)).hasMessageContaining("MIC");
    }

    @Test
    void strippingTheMicFlagBreaksTheNtlmV2Proof() {
        SecurityContext client = PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT_PRIVACY));
        SecurityContext server = PROVIDER.newServerContext(serverOptions());
        AuthenticateMessage auth = AuthenticateMessage.decode(client.step(server.step(client.step(null))));
        byte[] nt = auth.ntChallengeResponse();
        NtlmV2Response r = NtlmV2Response.decode(nt);
        byte[] blob = NtlmV2ClientChallenge.of(r.clientChallenge().timeStamp(), r.clientChallenge().challengeFromClient(),
                r.clientChallenge().avPairs().with(AvPair.u32(AvId.MsvAvFlags, 0))).temp();
        byte[] forged = NtlmSpecVectorsTest.concat(r.response(), blob);
        byte[] tampered = new AuthenticateMessage(auth.lmChallengeResponse(), forged, auth.domainName(),
                auth.userName(), auth.workstation(), auth.encryptedRandomSessionKey(), auth.negotiateFlags(),
                auth.version(), null).encode();
        assertThatThrownBy(() -> server.step(tampered)).hasMessageContaining("wrong password");
    }

    @Test
    void staleTimestampIsRefused() {
        NtlmTestSupport.MutableClock clock = new NtlmTestSupport.MutableClock(NOW);
        ServerOptions so = NtlmTestSupport.serverOptions(accounts(), false, clock, new Random(3));
        SecurityContext client = PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT));
        SecurityContext server = PROVIDER.newServerContext(so);
        byte[] auth = client.step(server.step(client.step(null)));
        clock.now = NOW.plus(Duration.ofHours(37));
        assertThatThrownBy(() -> server.step(auth)).hasMessageContaining("36 hours");
    }

    @Test
    void levelsDecideWhatTheContextsMayDo() {
        byte[] data = {1, 2, 3};
        List<SecBuffer> buffers = List.of(SecBuffer.sealed(data, 0, 3));

        NtlmTestSupport.Pair connect = handshake(AuthLevel.CONNECT);
        assertThatThrownBy(() -> connect.client().sign(buffers))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION));

        NtlmTestSupport.Pair integrity = handshake(AuthLevel.PKT_INTEGRITY);
        integrity.server().verify(buffers, integrity.client().sign(buffers));
        assertThatThrownBy(() -> integrity.client().seal(buffers)).hasMessageContaining("pktPrivacy");
        assertThat(data).containsExactly(1, 2, 3);
    }

    @Test
    void outOfOrderTokensAreRefused() {
        SecurityContext server = PROVIDER.newServerContext(serverOptions());
        byte[] neg = PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT)).step(null);
        assertThatThrownBy(() -> server.step(null)).isInstanceOf(AuthenticationException.class);

        SecurityContext server2 = PROVIDER.newServerContext(serverOptions());
        assertThatThrownBy(() -> server2.step(NtlmTestSupport.vector("4.2.4.3-AUTHENTICATE_MESSAGE")))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_INVALID_TOKEN);
                    assertThat(e.getMessage()).contains("NEGOTIATE_MESSAGE", "AUTHENTICATE_MESSAGE");
                });

        SecurityContext server3 = PROVIDER.newServerContext(serverOptions());
        server3.step(neg);
        assertThatThrownBy(() -> server3.step(neg)).hasMessageContaining("expected an AUTHENTICATE_MESSAGE");

        SecurityContext client = PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT));
        assertThatThrownBy(() -> client.step(neg)).hasMessageContaining("no input token");
    }

    @Test
    void malformedTokensBecomeInvalidToken() {
        SecurityContext client = PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT));
        client.step(null);
        byte[] chal = PROVIDER.newServerContext(serverOptions())
                .step(PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT)).step(null));
        byte[] truncated = java.util.Arrays.copyOf(chal, chal.length - 10);
        assertThatThrownBy(() -> client.step(truncated))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_INVALID_TOKEN);
                    assertThat(e.getMessage()).contains("TargetInfoFields");
                    assertThat(e.getCause()).isInstanceOf(org.jwmi.wire.ProtocolException.class);
                });

        SecurityContext server = PROVIDER.newServerContext(serverOptions());
        byte[] neg = PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT)).step(null);
        server.step(neg);
        byte[] auth = new AuthenticateMessage(new byte[24], new byte[30], "", "alice", "", new byte[0],
                NegotiateFlags.of(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE), null, null).encode();
        assertThatThrownBy(() -> server.step(auth))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_INVALID_TOKEN));
    }

    @Test
    void clientRefusesAServerThatWillNotSeal() {
        SecurityContext client = PROVIDER.newClientContext(alice(), clientOptions(AuthLevel.PKT_PRIVACY));
        byte[] neg = client.step(null);
        NegotiateMessage m = NegotiateMessage.decode(neg);
        byte[] noSeal = new NegotiateMessage(m.negotiateFlags().without(NegotiateFlag.NTLMSSP_NEGOTIATE_SEAL), "", "",
                m.version()).encode();
        byte[] chal = PROVIDER.newServerContext(serverOptions()).step(noSeal);
        assertThatThrownBy(() -> client.step(chal))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION);
                    assertThat(e.getMessage()).contains("NTLMSSP_NEGOTIATE_SEAL", "pktPrivacy");
                });
    }

    @Test
    void serverRefusesSigningWithoutExtendedSessionSecurity() {
        byte[] neg = new NegotiateMessage(NegotiateFlags.of(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE,
                NegotiateFlag.NTLMSSP_NEGOTIATE_SIGN, NegotiateFlag.NTLMSSP_NEGOTIATE_128), "", "", null).encode();
        assertThatThrownBy(() -> PROVIDER.newServerContext(serverOptions()).step(neg))
                .hasMessageContaining("extended session security");
        byte[] oem = new NegotiateMessage(NegotiateFlags.of(NegotiateFlag.NTLM_NEGOTIATE_OEM), "", "", null).encode();
        assertThatThrownBy(() -> PROVIDER.newServerContext(serverOptions()).step(oem)).hasMessageContaining("OEM");
    }
}
