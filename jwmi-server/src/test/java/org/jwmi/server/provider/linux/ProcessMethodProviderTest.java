package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.server.provider.ProviderContext;
import org.jwmi.server.security.AccountDirectory;
import org.jwmi.server.security.CallerToken;
import org.jwmi.server.security.Impersonation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMethodProviderTest {

    private static final CimClass CLS = FakeHost.cls("Win32_Process");
    private static final ProviderContext ADMIN = ctx(true, Impersonation.IMPERSONATE);

    @TempDir
    Path dir;
    FakeHost fake;
    Process child;

    @BeforeEach
    void setUp() throws IOException {
        fake = new FakeHost(dir);
    }

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private static ProviderContext ctx(boolean admin, Impersonation level) {
        Set<String> groups = admin
                ? Set.of(CallerToken.EVERYONE, CallerToken.AUTHENTICATED_USERS, CallerToken.ADMINISTRATORS)
                : Set.of(CallerToken.EVERYONE, CallerToken.AUTHENTICATED_USERS, CallerToken.USERS);
        return new ProviderContext(new CallerToken(new PeerIdentity("TESTHOST", admin ? "admin" : "alice", "WS1",
                false), "S-1-5-21-1-2-3-1001", groups, level), Clock.fixed(FakeHost.NOW, FakeHost.ZONE),
                "root\\cimv2");
    }

    private static CimObjectPath handle(long pid) {
        return CimObjectPath.parse("Win32_Process.Handle=\"" + pid + "\"");
    }

    private static CimInstance terminateParams(long reason) {
        return CimInstance.builder(CLS.method("Terminate").orElseThrow().inParameters())
                .set("Reason", CimValue.uint32(reason)).build();
    }

    private static CimInstance call(ProcessMethodProvider p, ProviderContext ctx, long pid, String method,
            CimInstance in) {
        return p.invoke(ctx, CLS, handle(pid), CimName.of(method), in);
    }

    @Test
    void getOwnerNamesTheEffectiveUidFromPasswdWithTheNetbiosDomain() {
        ProcessMethodProvider p = new ProcessMethodProvider(fake.host);
        CimInstance out = call(p, FakeHost.CTX, 43, "GetOwner", null); // real uid 0, effective 1000
        assertThat(out.cimClass().name()).isEqualTo(CimMethod.PARAMETERS_CLASS);
        assertThat(out.cimClass().properties()).extracting(CimProperty::name)
                .containsExactlyInAnyOrderElementsOf(CLS.method("GetOwner").orElseThrow().outParameters().properties()
                        .stream().map(CimProperty::name).toList());
        assertThat(out.value("ReturnValue")).isEqualTo(CimValue.uint32(0));
        assertThat(out.value("User")).isEqualTo(CimValue.string("alice"));
        assertThat(out.value("Domain")).isEqualTo(CimValue.string("TESTHOST"));
        assertThat(call(p, FakeHost.CTX, 1, "GetOwner", null).value("User")).isEqualTo(CimValue.string("root"));
    }

    @Test
    void getOwnerIsAllowedAtIdentifyAndFailsWith8ForUnknownUids() {
        ProcessMethodProvider p = new ProcessMethodProvider(fake.host);
        assertThat(call(p, ctx(false, Impersonation.IDENTIFY), 43, "GetOwner", null).value("ReturnValue"))
                .isEqualTo(CimValue.uint32(0));
        CimInstance unknown = call(p, FakeHost.CTX, 2, "GetOwner", null); // uid 4242: not in passwd
        assertThat(unknown.value("ReturnValue")).isEqualTo(CimValue.uint32(8));
        assertThat(unknown.value("User").isNull()).isTrue();
        assertThat(unknown.value("Domain").isNull()).isTrue();
        CimInstance noStatus = call(p, FakeHost.CTX, 42, "GetOwner", null);
        assertThat(noStatus.value("ReturnValue")).isEqualTo(CimValue.uint32(8));
    }

    @Test
    void getOwnerSidComesFromTheAccountDirectory() {
        AccountDirectory dirs = new AccountProvidersTest.Directory(List.of(new AccountDirectory.User("TESTHOST", "alice",
                "S-1-5-21-1-2-3-1001", List.of("Users"), false)), List.of());
        CimInstance out = call(new ProcessMethodProvider(fake.host, dirs), FakeHost.CTX, 43, "GetOwnerSid", null);
        assertThat(out.value("ReturnValue")).isEqualTo(CimValue.uint32(0));
        assertThat(out.value("Sid")).isEqualTo(CimValue.string("S-1-5-21-1-2-3-1001"));
        CimInstance root = call(new ProcessMethodProvider(fake.host, dirs), FakeHost.CTX, 1, "GetOwnerSid", null);
        assertThat(root.value("ReturnValue")).isEqualTo(CimValue.uint32(8));
        assertThat(call(new ProcessMethodProvider(fake.host), FakeHost.CTX, 43, "GetOwnerSid", null)
                .value("ReturnValue")).isEqualTo(CimValue.uint32(8));
    }

    @Test
    void badTargetsAndUnimplementedMethodsAreWbemErrors() {
        ProcessMethodProvider p = new ProcessMethodProvider(fake.host);
        assertThat(status(() -> call(p, FakeHost.CTX, 77, "GetOwner", null))).isEqualTo(WbemStatus.WBEM_E_NOT_FOUND);
        assertThat(status(() -> call(p, FakeHost.CTX, 99999, "GetOwner", null)))
                .isEqualTo(WbemStatus.WBEM_E_NOT_FOUND);
        assertThat(status(() -> p.invoke(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Process"),
                CimName.of("GetOwner"), null))).isEqualTo(WbemStatus.WBEM_E_INVALID_METHOD_PARAMETERS);
        assertThat(status(() -> call(p, FakeHost.CTX, 1, "SetPriority", null)))
                .isEqualTo(WbemStatus.WBEM_E_NOT_SUPPORTED);
        assertThat(status(() -> call(p, FakeHost.CTX, 1, "Explode", null))).isEqualTo(WbemStatus.WBEM_E_INVALID_METHOD);
    }

    private static WbemStatus status(Runnable r) {
        try {
            r.run();
        } catch (CimException e) {
            return e.status();
        }
        throw new AssertionError("no CimException");
    }

    // ------------------------------------------------------------------ against the real host

    private ProcessMethodProvider realHost() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
        assumeTrue(Files.isExecutable(Path.of("/bin/sleep")) || Files.isExecutable(Path.of("/usr/bin/sleep")));
        child = new ProcessBuilder("sleep", "60").start();
        return new ProcessMethodProvider(LinuxHost.system());
    }

    @Test
    void terminateEndsAChildProcess() throws Exception {
        ProcessMethodProvider p = realHost();
        CimInstance out = call(p, ADMIN, child.pid(), "Terminate", terminateParams(0));
        assertThat(out.cimClass().name()).isEqualTo(CimMethod.PARAMETERS_CLASS);
        assertThat(out.value("ReturnValue")).isEqualTo(CimValue.uint32(0));
        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void terminateIsRefusedToNonAdministratorsAndAtIdentify() throws Exception {
        ProcessMethodProvider p = realHost();
        assertThat(call(p, FakeHost.CTX, child.pid(), "Terminate", terminateParams(1)).value("ReturnValue"))
                .isEqualTo(CimValue.uint32(2));
        assertThatThrownBy(() -> call(p, ctx(true, Impersonation.IDENTIFY), child.pid(), "Terminate",
                terminateParams(1))).isInstanceOfSatisfying(CimException.class,
                e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_ACCESS_DENIED));
        assertThat(child.isAlive()).isTrue();
    }

    @Test
    void getOwnerOfOurOwnProcess() throws Exception {
        ProcessMethodProvider p = realHost();
        CimInstance out = call(p, FakeHost.CTX, ProcessHandle.current().pid(), "GetOwner", null);
        assertThat(out.value("ReturnValue")).isEqualTo(CimValue.uint32(0));
        assertThat(out.value("User").asString()).isEqualTo(System.getProperty("user.name"));
        assertThat(out.value("Domain").asString()).isEqualTo(LinuxHost.system().netbiosName());
        assertThat(Optional.ofNullable(ProcessHandle.current().info().user().orElse(null)))
                .hasValue(out.value("User").asString());
    }
}
