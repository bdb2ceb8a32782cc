package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.epm.Epm;
import org.jwmi.rpc.epm.EptLookupRequest;
import org.jwmi.rpc.epm.EptLookupResponse;
import org.jwmi.rpc.mgmt.Mgmt;
import org.jwmi.rpc.mgmt.MgmtClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance 5: Wireshark's dissectors (tshark) read a capture of each authentication level without a malformed
 * packet or an error-level expert item, recognise the bind, the NTLMSSP legs and the EPM operations, and, given the
 * account's password, decrypt the pktPrivacy exchange to exactly the stub we sent.
 *
 * <p>One capture holds one connection per level, in {@link #LEVELS} order (tshark's start-up dominates the cost, so
 * the capture and each way of reading it happen once); the tests then look at one TCP stream each.
 */
class TsharkDissectionTest {
    private static final String HOST = "127.0.0.18";
    private static final ClientConfig CONFIG = ClientConfig.defaults().withReadTimeout(Duration.ofSeconds(20));
    static final List<AuthLevel> LEVELS = List.of(AuthLevel.NONE, AuthLevel.CONNECT, AuthLevel.CALL, AuthLevel.PKT,
            AuthLevel.PKT_INTEGRITY, AuthLevel.PKT_PRIVACY);
    /** Fields of each DCE/RPC frame, in this order. */
    private static final String[] FIELDS = {"tcp.stream", "dcerpc.pkt_type", "dcerpc.auth_level", "ntlmssp.messagetype",
        "ntlmssp.auth.username", "epm.opnum", "epm.max_ents", "epm.annotation", "ntlmssp.verf.vers"};
    private static LoopbackServer server;
    private static Path file;
    private static String password;
    /** The DCE/RPC frames of each level's connection. */
    private static final java.util.Map<AuthLevel, List<String[]>> frames = new java.util.EnumMap<>(AuthLevel.class);
    private static String verbose;
    private static String verboseErrors;

    @BeforeAll
    static void captureEveryLevel() throws Exception {
        Peers.assumeRoot();
        Peers.assumeTshark();
        server = LoopbackServer.start(HOST, 135, AuthLevel.NONE);
        password = server.password;
        Path captures = Path.of("target", "captures").toAbsolutePath();
        java.nio.file.Files.createDirectories(captures);
        file = captures.resolve("every-level.pcap");
        try (TsharkCapture cap = TsharkCapture.start(HOST, 135, file)) {
            for (AuthLevel level : LEVELS) {
                exchange(level);
            }
            cap.stop();
        }
        Peers.Result v = TsharkCapture.read(file, password, "-V");
        verbose = v.stdout();
        verboseErrors = v.stderr();
        java.util.Map<String, List<String[]>> byStream = new java.util.LinkedHashMap<>();
        for (String[] row : TsharkCapture.fields(file, password, "dcerpc", FIELDS)) {
            byStream.computeIfAbsent(row[0], k -> new java.util.ArrayList<>())
                    .add(java.util.Arrays.copyOfRange(row, 1, row.length));
        }
        assertThat(byStream).as("one DCE/RPC conversation per level").hasSize(LEVELS.size());
        int i = 0;
        for (List<String[]> rows : byStream.values()) {
            frames.put(LEVELS.get(i++), rows);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The ept_lookup request stub our exchange sends: every element, 500 at most, no handle. */
    static byte[] lookupStub() {
        return new EptLookupRequest(Epm.RPC_C_EP_ALL_ELTS, Optional.empty(), Optional.empty(), Epm.RPC_C_VERS_ALL,
                NdrContextHandle.NULL, 500).encode();
    }

    /** Binds the endpoint mapper at {@code level}, calls ept_lookup with a known stub, then a mgmt inquiry. */
    private static void exchange(AuthLevel level) throws Exception {
        try (RpcConnection c = RpcConnection.connect(HOST, 135, CONFIG)) {
            SecuritySpec spec = level == AuthLevel.NONE ? SecuritySpec.none()
                    : SecuritySpec.of(new NtlmSecurityProvider(), server.credentials(), level);
            RpcBinding epm = c.bind(Epm.SYNTAX, spec);
            EptLookupResponse r = EptLookupResponse.decode(epm.call(Epm.OP_EPT_LOOKUP, lookupStub()));
            assertThat(r.entries()).hasSize(2);
            // Not inq_if_ids: its request stub is empty, and Wireshark 4.0 reports a zero-length sealed stub as
            // malformed (impacket's identical requests too), then loses the RC4 state of that direction.
            assertThat(new MgmtClient(epm.alterContext(Mgmt.SYNTAX))
                    .inqPrincName(NtlmSecurityProvider.RPC_C_AUTHN_WINNT)).isPresent();
        }
    }

    @Test
    void theCaptureIsDissectedWithoutMalformedPacketsOrErrors() {
        List<String> bad = verbose.lines()
                .filter(l -> l.contains("Malformed") || l.contains("Expert Info (Error"))
                .collect(Collectors.toList());
        assertThat(bad).as("malformed or erroneous dissection in %s", file).isEmpty();
        assertThat(verbose).contains("Distributed Computing Environment / Remote Procedure Call (DCE/RPC) Bind,")
                .contains("DCE/RPC Endpoint Mapper").contains("DCE/RPC Remote Management");
        assertThat(verboseErrors).doesNotContain("appears to have been cut short");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = AuthLevel.class, names = {"NONE", "CONNECT", "CALL", "PKT", "PKT_INTEGRITY", "PKT_PRIVACY"})
    void eachLevelIsDissectedDownToTheEpmFields(AuthLevel level) {
        // One row per DCE/RPC frame: 0 pkt_type, 1 auth_level, 2 NTLMSSP message type, 3 user, 4 epm.opnum,
        // 5 epm.max_ents, 6 epm.annotation, 7 NTLMSSP verifier version.
        List<String[]> pdus = frames.get(level);
        List<String> types = pdus.stream().map(r -> r[0]).collect(Collectors.toList());
        // bind(11), bind_ack(12), [auth3(16)], request(0), response(2), alter_context(14), alter_context_resp(15), ...
        assertThat(types).startsWith(level == AuthLevel.NONE ? new String[] {"11", "12", "0", "2"}
                : new String[] {"11", "12", "16", "0", "2"});
        assertThat(types).contains("14", "15");
        List<String[]> calls = pdus.stream().filter(r -> r[0].equals("0") || r[0].equals("2")).collect(Collectors.toList());
        assertThat(calls).hasSize(4);
        if (level == AuthLevel.NONE) {
            assertThat(pdus).allSatisfy(r -> assertThat(r[1]).isEmpty());
        } else {
            String wireLevel = Integer.toString(level.effective().value());
            assertThat(pdus).filteredOn(r -> !r[1].isEmpty()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r[1]).as("auth_level").isEqualTo(wireLevel));
            // From pkt up every request and response carries a verifier; at connect none does ([MS-RPCE] 3.3.1.5.2).
            boolean perPacket = level.effective().atLeast(AuthLevel.PKT);
            assertThat(calls).allSatisfy(r -> {
                assertThat(r[1].isEmpty()).as("request/response without sec_trailer").isEqualTo(!perPacket);
                assertThat(r[7]).as("NTLMSSP verifier version").isEqualTo(perPacket ? "1" : "");
            });
            assertThat(pdus.stream().map(r -> r[2]).filter(v -> !v.isEmpty()))
                    .as("NTLMSSP negotiate, challenge, authenticate").startsWith("0x00000001", "0x00000002", "0x00000003");
            assertThat(pdus.stream().map(r -> r[3])).contains(LoopbackServer.USER);
        }
        // The EPM request and response are dissected down to their fields (decrypted first at pktPrivacy).
        assertThat(calls.get(0)).as("ept_lookup request").satisfies(r -> {
            assertThat(r[4]).isEqualTo("2");
            assertThat(r[5]).isEqualTo("500");
        });
        assertThat(calls.get(1)[6]).as("ept_lookup response annotations")
                .isEqualTo("jwmi endpoint mapper,jwmi rpc management");
    }

    /**
     * The bytes of the "Decrypted stub data" data source of the frames matching {@code filter}, from tshark's hex
     * dump (tshark 4.0 shows the decrypted stub as a data source but leaves the dcerpc.decrypted_stub_data field
     * empty in field output).
     */
    static List<String> decryptedStubs(Path file, String password, String filter) {
        String dump = TsharkCapture.read(file, password, "-Y", filter, "-x").stdout();
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = null;
        for (String line : dump.split("\n")) {
            if (line.startsWith("Decrypted stub data (")) {
                cur = new StringBuilder();
                out.add("");
                continue;
            }
            if (cur != null && line.matches("^[0-9a-f]{4}  .*")) {
                String hex = line.substring(6, Math.min(line.length(), 6 + 16 * 3));
                for (String tok : hex.trim().split(" +")) {
                    cur.append(tok);
                }
                out.set(out.size() - 1, cur.toString());
            } else {
                cur = null;
            }
        }
        return out;
    }

    @Test
    void thePrivacyExchangeDecryptsToTheStubWeSent() {
        List<String> decrypted = decryptedStubs(file, password,
                "epm.opnum == 2 && dcerpc.pkt_type == 0 && dcerpc.auth_level == 6");
        assertThat(decrypted).hasSize(1);
        String sent = HexFormat.of().formatHex(lookupStub());
        String got = decrypted.get(0);
        // The sealed region is the stub followed by its auth padding (zeros, sec_trailer 16-byte aligned).
        assertThat(got).startsWith(sent);
        assertThat(got.substring(sent.length())).matches("(00){0,15}");

        // Without the password the sealed stubs stay opaque: no EPM field of the privacy requests is visible, and
        // the annotations appear in the clear only in the five unsealed lookups.
        assertThat(TsharkCapture.fields(file, null, "dcerpc.auth_level == 6 && dcerpc.pkt_type == 0", "frame.number",
                "epm.max_ents")).hasSize(2).allSatisfy(r -> assertThat(r[1]).isEmpty());
        assertThat(TsharkCapture.fields(file, null, "epm.annotation", "epm.annotation"))
                .hasSize(LEVELS.size() - 1);
    }
}
