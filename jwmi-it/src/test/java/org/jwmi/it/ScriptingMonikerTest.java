package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jwmi.auth.AuthLevel;
import org.jwmi.client.WbemException;
import org.jwmi.client.WbemLocator;
import org.jwmi.client.WbemTimeouts;
import org.jwmi.client.moniker.WbemPrivilege;
import org.jwmi.client.scripting.MonikerObject;
import org.jwmi.client.scripting.SWbemLocator;
import org.jwmi.client.scripting.SWbemObject;
import org.jwmi.client.scripting.SWbemObjectSet;
import org.jwmi.client.scripting.SWbemServices;
import org.jwmi.dcom.client.ImpersonationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1 of the client issue, against our server: the moniker examples of "Constructing a Moniker String"
 * (CMS), "Setting the Default Process Security Level Using VBScript" (DPS) and "Setting the Authentication Service
 * Using VBScript" (ASV) run through the Java scripting API. As the scripts do with {@code strComputer}, the example
 * computer names (myServer, Server1, User1, myserver) are replaced by the server's address, and the example domain
 * by the server's; "this computer" is our server on 127.0.0.50 ({@code localComputer}), reached with the default
 * credentials that stand in for the logged-on user. Where the Linux server has no such object (drive C:, process 0,
 * __CIMOMIdentification, root\wmi), the example is run as written and must fail with the status Windows gives for
 * a missing object, and is run again with an object that exists here.
 */
class ScriptingMonikerTest {
    private static final String HOST = "127.0.0.50";
    private static final String PRIVATE_HOST = "127.0.0.51";
    private static LoopbackServer server;
    private static LoopbackServer privacyOnly;
    private static WbemLocator wbem;
    private static SWbemLocator locator;
    private static SWbemLocator privateLocator;

    @BeforeAll
    static void start() {
        Peers.assumeRoot();
        server = LoopbackServer.start(HOST, 135, AuthLevel.CONNECT);
        privacyOnly = LoopbackServer.start(PRIVATE_HOST, 135, AuthLevel.PKT_PRIVACY);
        wbem = WbemLocator.builder().timeouts(WbemTimeouts.all(Duration.ofSeconds(20))).build();
        locator = SWbemLocator.builder().locator(wbem).localComputer(HOST)
                .defaultCredentials(LoopbackServer.DOMAIN + "\\" + LoopbackServer.USER, server.password.toCharArray())
                .build();
        privateLocator = SWbemLocator.builder().locator(wbem).localComputer(PRIVATE_HOST)
                .defaultCredentials(LoopbackServer.DOMAIN + "\\" + LoopbackServer.USER,
                        privacyOnly.password.toCharArray())
                .build();
    }

    @AfterAll
    static void stop() {
        if (wbem != null) {
            assertThat(wbem.dcomClient().liveProxies()).as("every proxy released").isZero();
            wbem.close();
        }
        if (server != null) {
            server.close();
        }
        if (privacyOnly != null) {
            privacyOnly.close();
        }
    }

    /** The example with its computer and domain names replaced by ours. */
    private static String ours(String moniker) {
        return moniker.replace("myServer", HOST).replace("myserver", HOST).replace("Server1", HOST)
                .replace("User1", HOST).replace("mydomain", LoopbackServer.DOMAIN);
    }

    private static SWbemServices services(String moniker) {
        MonikerObject o = locator.getObject(moniker);
        assertThat(o).as(moniker).isInstanceOf(SWbemServices.class);
        return (SWbemServices) o;
    }

    private static SWbemObject object(String moniker) {
        MonikerObject o = locator.getObject(moniker);
        assertThat(o).as(moniker).isInstanceOf(SWbemObject.class);
        return (SWbemObject) o;
    }

    private static List<Object> column(SWbemServices svc, String wql, int flags, String property) {
        List<Object> values = new ArrayList<>();
        try (SWbemObjectSet set = svc.execQuery(wql, "WQL", flags)) {
            for (SWbemObject o : set) {
                values.add(o.getValue(property));
            }
        }
        return values;
    }

    private static void missing(String moniker) {
        assertThatThrownBy(() -> locator.getObject(moniker).close()).as(moniker)
                .isInstanceOfSatisfying(WbemException.class, e -> assertThat(e.hresultName())
                        .isIn("WBEM_E_NOT_FOUND", "WBEM_E_INVALID_CLASS", "WBEM_E_INVALID_NAMESPACE"));
    }

    // ------------------------------------------------------------------ Constructing a Moniker String

    @Test
    void cmsNamespacesGiveServicesObjects() {
        for (String m : List.of("WinMgmts:", ours("WinMgmts://myServer"), ours("WinMgmts://myServer/root/cimv2"),
                "WinMgmts:root/cimv2")) {
            try (SWbemServices svc = services(m)) {
                assertThat(svc.namespace()).as(m).isEqualToIgnoringCase("root\\cimv2");
                assertThat(column(svc, "SELECT Name FROM Win32_OperatingSystem", 48, "Name")).as(m).hasSize(1);
            }
        }
        try (SWbemServices svc = services("winmgmts:{impersonationLevel=impersonate," + "(debug,!security)}!root\\default")) {
            assertThat(svc.namespace()).isEqualTo("root\\default");
            assertThat(svc.security().getPrivileges().item(WbemPrivilege.SECURITY).isEnabled()).isFalse();
            assertThat(svc.subclassesOf().count()).isPositive();
        }
    }

    @Test
    void cmsLogicalDiskClassOnTheServerLocallyAndInTheDefaultNamespace() {
        for (String m : List.of(ours("WinMgmts:{impersonationLevel=impersonate}" + "!//myServer/root/cimv2:Win32_LogicalDisk"),
                "WinMgmts:{impersonationLevel=impersonate}" + "!root/cimv2:Win32_LogicalDisk",
                "WinMgmts:{impersonationLevel=impersonate}" + "!Win32_LogicalDisk")) {
            try (SWbemObject cls = object(m)) {
                assertThat(cls.isClass()).as(m).isTrue();
                assertThat(cls.path().getClassName()).isEqualTo("Win32_LogicalDisk");
                assertThat(cls.getObjectText()).contains("class Win32_LogicalDisk");
                assertThat(cls.security().getImpersonationLevel()).isEqualTo(ImpersonationLevel.IMPERSONATE);
            }
        }
    }

    @Test
    void cmsDriveCIsMissingOnLinuxAndTheRootMountIsFound() {
        List<String> examples = List.of("WinMgmts::Win32_LogicalDisk='C:'",
                ours("WinMgmts:{impersonationLevel=impersonate}" + "!//myServer/root/cimv2:Win32_LogicalDisk=\"C:\""),
                "WinMgmts:{impersonationLevel=impersonate}" + "!root/cimv2:Win32_LogicalDisk=\"C:\"",
                "WinMgmts:{impersonationLevel=impersonate}" + "!Win32_LogicalDisk=\"C:\"",
                ours("WINMGMTS:" + "{impersonationLevel=impersonate," + "authenticationLevel=pktPrivacy,"
                        + "authority=ntlmdomain:mydomain," + "(Debug,!Shutdown)}" + "[locale=ms_409]"
                        + "!\\\\User1\\ROOT\\CIMV2:Win32_LogicalDisk=\"C:\""));
        for (String m : examples) {
            missing(m);
            try (SWbemObject disk = object(m.replace("'C:'", "'/'").replace("\"C:\"", "\"/\""))) {
                assertThat(disk.getValue("DeviceID")).as(m).isEqualTo("/");
                assertThat(disk.getValue("FileSystem")).isNotNull();
                assertThat(disk.path().getRelPath()).isEqualTo("Win32_LogicalDisk.DeviceID=\"/\"");
            }
        }
        try (SWbemObject disk = object(ours("WINMGMTS:{impersonationLevel=impersonate,authenticationLevel=pktPrivacy,"
                + "authority=ntlmdomain:mydomain,(Debug,!Shutdown)}[locale=ms_409]!\\\\User1\\ROOT\\CIMV2:"
                + "Win32_LogicalDisk=\"/\""))) {
            assertThat(disk.security().getAuthenticationLevel()).isEqualTo(AuthLevel.PKT_PRIVACY);
            assertThat(disk.path().getDisplayName()).contains("authenticationLevel=pktPrivacy")
                    .contains("[locale=ms_409]").contains("authority=ntlmdomain:" + LoopbackServer.DOMAIN);
        }
    }

    @Test
    void cmsPrivilegeMonikersGiveTheDefaultNamespace() {
        for (String m : List.of("WinMgmts:{impersonationLevel=impersonate, (Debug)}",
                "WinMgmts:{impersonate,(Debug,!Shutdown)}",
                "winmgmts:{impersonationLevel=impersonate, (RemoteShutdown)}")) {
            try (SWbemServices svc = services(m)) {
                assertThat(svc.namespace()).isEqualTo("root\\cimv2");
                assertThat(svc.security().getPrivileges().count()).isPositive();
                assertThat(svc.instancesOf("Win32_ComputerSystem").count()).isEqualTo(1);
            }
        }
    }

    @Test
    void cmsLocaleAndRootWmiWhichOurServerLacks() {
        missing("WinMgmts:[locale=ms_409]!root/wmi:myclass");
        try (SWbemObject os = object("WinMgmts:[locale=ms_409]!root/cimv2:Win32_OperatingSystem=@")) {
            assertThat(os.path().getLocale()).isEqualTo("MS_409");
        }
    }

    @Test
    void cmsAndAsvKerberosIsRefusedUntilImplemented() {
        String m = ours("Winmgmts:{impersonationLevel=delegate," + "authority=kerberos:mydomain\\server}"
                + "!//myserver/root/default:__cimomidentification=@");
        assertThatThrownBy(() -> locator.getObject(m)).isInstanceOfSatisfying(WbemException.class, e -> {
            assertThat(e.hresultName()).isEqualTo("WBEM_E_NOT_SUPPORTED");
            assertThat(e.getMessage()).contains("Kerberos is not implemented yet").contains("ntlmdomain:");
        });
    }

    @Test
    void cmsAndAsvNtlmDomainReachesRootDefault() {
        String m = ours("Winmgmts:{impersonationLevel=impersonate," + "authority=ntlmdomain:mydomain} "
                + "!//myserver/root/default:__cimomidentification=@");
        missing(m);
        try (SWbemObject ns = object(ours("winmgmts:{impersonationLevel=impersonate, authority=ntlmdomain:mydomain} "
                + "!//myserver/root:__NAMESPACE.Name=\"default\""))) {
            assertThat(ns.getValue("Name")).isEqualTo("default");
        }
    }

    // ------------------------------------------------------------------ Default Process Security Level

    @Test
    void dpsProcessNamesWithDefaultsAndWithPktPrivacy() {
        String strComputer = ".";
        try (SWbemServices objServices = services("winmgmts:\\\\" + strComputer + "\\root\\CIMV2")) {
            assertThat(column(objServices, "SELECT Name FROM Win32_Process", 48, "Name")).isNotEmpty();
            assertThat(objServices.security().getImpersonationLevel()).as("the registry default")
                    .isEqualTo(ImpersonationLevel.IMPERSONATE);
        }
        for (String m : List.of("winmgmts:{impersonationLevel=impersonate," + "authenticationLevel=pktPrivacy}!root/cimv2",
                "winmgmts:" + "{impersonationLevel=impersonate," + "authenticationLevel=pktPrivacy}!" + "\\\\"
                        + strComputer + "\\root\\cimv2",
                "winmgmts:{authenticationLevel=pktPrivacy}!root\\cimv2")) {
            try (SWbemServices objServices = services(m)) {
                assertThat(objServices.wbemServices().authnLevel()).isEqualTo(AuthLevel.PKT_PRIVACY);
                assertThat(column(objServices, "SELECT Name FROM Win32_Process", 48, "Name")).isNotEmpty();
            }
        }
    }

    @Test
    void dpsFreeSpaceFromServer1AtPktAndImpersonate() {
        for (String m : List.of(ours("winmgmts:{authenticationLevel=Pkt}!\\\\" + "Server1" + "\\root\\cimv2"),
                ours("winmgmts:{impersonationLevel=Impersonate}!\\\\" + "Server1" + "\\root\\cimv2"))) {
            try (SWbemServices objWMIService = services(m);
                 SWbemObjectSet colDisks = objWMIService.execQuery("Select * from Win32_LogicalDisk")) {
                assertThat(colDisks.count()).isPositive();
                for (SWbemObject objDisk : colDisks) {
                    assertThat(objDisk.getValue("DeviceID")).isNotNull();
                    assertThat(objDisk.property("FreeSpace").cimType().mofName()).isEqualTo("uint64");
                }
                assertThat(colDisks.item("Win32_LogicalDisk.DeviceID=\"/\"").getValue("DeviceID")).isEqualTo("/");
            }
        }
    }

    @Test
    void dpsProcessHandleZeroIsMissingOnLinuxOurOwnProcessIsFound() {
        missing("winmgmts:{impersonationLevel=impersonate}!root\\cimv2:Win32_Process.Handle='0'");
        long pid = ProcessHandle.current().pid();
        try (SWbemObject p = object("winmgmts:{impersonationLevel=impersonate}!root\\cimv2:Win32_Process.Handle='"
                + pid + "'")) {
            assertThat(p.getValue("ProcessId")).isEqualTo(pid);
            SWbemObject out = p.execMethod("GetOwner");
            assertThat(out.getValue("ReturnValue")).isEqualTo(0L);
            assertThat(p.methods()).extracting(x -> x.name()).contains("GetOwner", "Terminate");
        }
    }

    @Test
    void dpsSecurityIsInheritedAndAppliedPerCall() {
        try (SWbemServices svc = (SWbemServices) privateLocator.getObject(
                "winmgmts:{impersonationLevel=impersonate,authenticationLevel=pktPrivacy}!root/cimv2")) {
            SWbemObjectSet set = svc.execQuery("SELECT Name FROM Win32_OperatingSystem");
            assertThat(set.security().getAuthenticationLevel()).isEqualTo(AuthLevel.PKT_PRIVACY);
            svc.security().setAuthenticationLevel(AuthLevel.PKT_INTEGRITY);
            assertThat(set.security().getAuthenticationLevel()).as("a copy, not shared").isEqualTo(AuthLevel.PKT_PRIVACY);
            assertThat(set.count()).isEqualTo(1);
            set.close();
            assertThatThrownBy(() -> svc.execQuery("SELECT Name FROM Win32_OperatingSystem").close())
                    .isInstanceOf(WbemException.class).hasMessageContaining("pktPrivacy");
            svc.security().setAuthenticationLevel(AuthLevel.PKT_PRIVACY);
            try (SWbemObjectSet again = svc.execQuery("SELECT Name FROM Win32_OperatingSystem")) {
                SWbemObject os = again.itemIndex(0);
                assertThat(os.security().getAuthenticationLevel()).isEqualTo(AuthLevel.PKT_PRIVACY);
            }
        }
    }

    @Test
    void connectServerToARemoteComputerWithAUser() {
        try (SWbemServices svc = locator.connectServer(HOST, "root/cimv2", LoopbackServer.USER,
                server.password.toCharArray(), "MS_409", "ntlmdomain:" + LoopbackServer.DOMAIN, 0, null)) {
            SWbemObject os = svc.get("Win32_OperatingSystem=@");
            assertThat(os.getObjectText()).contains("instance of Win32_OperatingSystem");
            assertThat(os.properties()).extracting(p -> p.name()).contains("Caption");
            assertThat(svc.subclassesOf("CIM_LogicalDisk").stream().map(o -> o.path().getClassName()))
                    .contains("Win32_LogicalDisk");
        }
    }

    @Test
    void jwmiGetTakesTheMonikerOfTheMonikerVbsExample() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        String moniker = ours("WINMGMTS:{impersonationLevel=impersonate,authenticationLevel=pktPrivacy,"
                + "authority=ntlmdomain:mydomain,(Debug,!Shutdown)}[locale=ms_409]!\\\\User1\\ROOT\\CIMV2:"
                + "Win32_LogicalDisk=\"/\"");
        int code = org.jwmi.cli.Jwmi.run(new String[] {"get", "-u", LoopbackServer.USER, "--password-file", "-",
                "--format", "json", moniker},
                new java.io.ByteArrayInputStream((server.password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("\"DeviceID\":\"/\"");
    }

    @Test
    void staticObjectsAndAssociationsThroughTheScriptingApi() {
        org.jwmi.server.repository.CimRepository repo = server.server.repository();
        org.jwmi.cim.CimClass node = org.jwmi.cim.CimClass.builder("Jwmi_Node")
                .property("Name", org.jwmi.cim.CimType.STRING, p -> p.flag("key")).build();
        org.jwmi.cim.CimClass link = org.jwmi.cim.CimClass.builder("Jwmi_Link").flag("association")
                .reference("From", "Jwmi_Node", p -> p.flag("key")).reference("To", "Jwmi_Node", p -> p.flag("key"))
                .build();
        repo.putClass("root\\default", node, 0);
        repo.putClass("root\\default", link, 0);
        try (SWbemServices svc = locator.connectServer(HOST, "root/default")) {
            for (String n : List.of("a", "b", "c")) {
                SWbemObject o = svc.get("Jwmi_Node").spawnInstance();
                o.setValue("Name", n);
                assertThat(o.put().getDisplayName()).contains("Jwmi_Node.Name=\"" + n + "\"");
            }
            for (String[] ft : new String[][] {{"a", "b"}, {"a", "c"}}) {
                SWbemObject l = svc.get("Jwmi_Link").spawnInstance();
                l.setValue("From", "Jwmi_Node.Name=\"" + ft[0] + "\"");
                l.setValue("To", "Jwmi_Node.Name=\"" + ft[1] + "\"");
                l.put();
            }
            try (SWbemObjectSet assoc = svc.associatorsOf("Jwmi_Node.Name=\"a\"")) {
                assertThat(assoc.stream().map(o -> o.getValue("Name"))).containsExactlyInAnyOrder("b", "c");
            }
            try (SWbemObjectSet refs = svc.referencesTo("Jwmi_Node.Name=\"c\"")) {
                assertThat(refs.stream().map(o -> o.path().getClassName())).containsExactly("Jwmi_Link");
            }
            svc.get("Jwmi_Node.Name=\"b\"").delete();
            try (SWbemObjectSet left = svc.instancesOf("Jwmi_Node")) {
                assertThat(left.stream().map(o -> o.getValue("Name"))).containsExactlyInAnyOrder("a", "c");
            }
        }
    }
}
