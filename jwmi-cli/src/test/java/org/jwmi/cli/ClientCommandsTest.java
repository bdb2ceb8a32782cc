package org.jwmi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client commands without a server: help, usage errors, exit codes, and the password never shown. */
class ClientCommandsTest {
    private static int closedPort;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void findClosedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
    }

    static Result jwmi(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Jwmi.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "get", "call", "classes", "namespaces", "mof"})
    void everyCommandHasHelpWithExamplesAndExitCodes(String command) {
        Result r = jwmi("", command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Examples:").contains("jwmi " + command).contains("Exit codes:")
                .contains("4   authentication failed or access denied").contains("--password-file")
                .contains("--level");
    }

    @Test
    void anUnreachableServerExitsWith3AndTheSecretIsNeverShown() {
        Result r = jwmi("", "query", "--host", "127.0.0.1", "--port", Integer.toString(closedPort), "-u", "CORP\\alice",
                "-p", "Sup3rSecret", "SELECT * FROM Win32_Process");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("RPC_S_SERVER_UNAVAILABLE").contains("127.0.0.1:" + closedPort);
        assertThat(r.out() + r.err()).doesNotContain("Sup3rSecret");
    }

    @Test
    void thePasswordCanComeFromStandardInput() {
        Result r = jwmi("FromStdin1\n", "get", "--port", Integer.toString(closedPort), "-u", "alice",
                "--password-file", "-", "Win32_OperatingSystem=@");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.out() + r.err()).doesNotContain("FromStdin1");
    }

    @Test
    void noPasswordAndNoTerminalIsAUsageError() {
        Result r = jwmi("", "classes", "--port", Integer.toString(closedPort), "-u", "alice");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no password for alice").contains("--password-file");
    }

    @Test
    void kerberosIsRefusedAsUsage() {
        Result r = jwmi("", "mof", "--port", Integer.toString(closedPort), "-u", "alice", "-p", "x",
                "--authority", "kerberos:host/srv", "Win32_Process");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Kerberos is not implemented yet");
    }

    @Test
    void aBadLevelIsAUsageError() {
        Result r = jwmi("", "query", "--level", "secret", "SELECT * FROM X");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown authentication level");
    }

    @Test
    void callArgumentsConvertToTheParameterTypes() {
        assertThat(CallCommand.parse(org.jwmi.cim.CimType.UINT32, "42", "n")).isEqualTo(42L);
        assertThat(CallCommand.parse(org.jwmi.cim.CimType.BOOLEAN, "yes", "n")).isEqualTo(true);
        assertThat(CallCommand.parse(org.jwmi.cim.CimType.STRING_ARRAY, "a, b", "n"))
                .isEqualTo(java.util.List.of("a", "b"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallCommand.parse(org.jwmi.cim.CimType.SINT32, "x",
                "Count")).hasMessageContaining("parameter Count is sint32");
    }

    @Test
    void getTakesTheComputerFromAMoniker() {
        Result r = jwmi("", "get", "--host", "192.0.2.1", "--port", Integer.toString(closedPort), "-u", "alice", "-p",
                "x", "winmgmts:{impersonationLevel=impersonate,authenticationLevel=pktPrivacy}!//127.0.0.1/root/cimv2:"
                        + "Win32_LogicalDisk.DeviceID=\"/\"");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("127.0.0.1:" + closedPort).doesNotContain("192.0.2.1");
    }

    @Test
    void getRefusesAMonikerWithoutAnObjectOrWithAPassword() {
        Result r = jwmi("", "get", "--port", Integer.toString(closedPort), "-u", "alice", "-p", "x",
                "winmgmts://127.0.0.1/root/cimv2");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("names a namespace");
        Result p = jwmi("", "get", "--port", Integer.toString(closedPort), "-u", "alice", "-p", "x",
                "winmgmts:{password=Hidden9}!//127.0.0.1/root/cimv2:Win32_OperatingSystem=@");
        assertThat(p.code()).isNotZero();
        assertThat(p.err()).contains("cannot carry a user or password");
        assertThat(p.out() + p.err()).doesNotContain("Hidden9");
    }
}
