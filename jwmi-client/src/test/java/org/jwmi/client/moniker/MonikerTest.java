package org.jwmi.client.moniker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ImpersonationLevel;
import org.jwmi.client.moniker.Moniker.Privilege;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every moniker of the WMI SDK pages "Constructing a Moniker String" (CMS), "Setting the Default Process Security
 * Level Using VBScript" (DPS) and "Setting the Authentication Service Using VBScript" (ASV), with the VBScript
 * concatenations and line continuations resolved into the string the script passes, parsed to its parts; then the
 * page's rules and the grammar's errors.
 */
class MonikerTest {
    private static final ImpersonationLevel NO_IMP = ImpersonationLevel.DEFAULT;
    private static final AuthLevel NO_AUTH = AuthLevel.DEFAULT;

    private static void parts(String text, ImpersonationLevel imp, AuthLevel auth, String authority,
                              List<Privilege> privileges, String locale, String server, String namespace, String path) {
        Moniker m = Moniker.parse(text);
        assertThat(m.impersonationLevel()).as("impersonation of %s", text).isEqualTo(imp);
        assertThat(m.authenticationLevel()).as("authentication of %s", text).isEqualTo(auth);
        assertThat(m.authority()).as("authority of %s", text).isEqualTo(authority);
        assertThat(m.privileges()).as("privileges of %s", text).isEqualTo(privileges);
        assertThat(m.locale()).as("locale of %s", text).isEqualTo(locale);
        assertThat(m.server()).as("server of %s", text).isEqualTo(server);
        assertThat(m.namespace()).as("namespace of %s", text).isEqualTo(namespace);
        assertThat(m.objectPath()).as("path of %s", text).isEqualTo(path == null ? null : CimObjectPath.parse(path));
        Moniker again = Moniker.parse(m.toString());
        assertThat(again).as("canonical form %s parses back", m).isEqualTo(m);
    }

    private static Privilege on(WbemPrivilege p) {
        return new Privilege(p, true);
    }

    private static Privilege off(WbemPrivilege p) {
        return new Privilege(p, false);
    }

    // ------------------------------------------------------------------ Constructing a Moniker String

    @Test
    void cmsImpersonateDebugNotSecurityRootDefault() {
        parts("winmgmts:{impersonationLevel=impersonate," + "(debug,!security)}!root\\default",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, null,
                List.of(on(WbemPrivilege.DEBUG), off(WbemPrivilege.SECURITY)), null, null, "root\\default", null);
    }

    @Test
    void cmsDefaultNamespaceOnTheLocalComputer() {
        parts("WinMgmts:", NO_IMP, NO_AUTH, null, List.of(), null, null, null, null);
        assertThat(Moniker.parse("WinMgmts:").isLocal()).isTrue();
        assertThat(Moniker.parse("WinMgmts:").namesObject()).isFalse();
    }

    @Test
    void cmsDefaultNamespaceOnMyServer() {
        parts("WinMgmts://myServer", NO_IMP, NO_AUTH, null, List.of(), null, "myServer", null, null);
        assertThat(Moniker.parse("WinMgmts://myServer").isLocal()).isFalse();
    }

    @Test
    void cmsRootCimv2OnMyServer() {
        parts("WinMgmts://myServer/root/cimv2", NO_IMP, NO_AUTH, null, List.of(), null, "myServer", "root\\cimv2",
                null);
    }

    @Test
    void cmsRootCimv2OnTheLocalServer() {
        parts("WinMgmts:root/cimv2", NO_IMP, NO_AUTH, null, List.of(), null, null, "root\\cimv2", null);
    }

    @Test
    void cmsLogicalDiskClassOnMyServer() {
        parts("WinMgmts:{impersonationLevel=impersonate}" + "!//myServer/root/cimv2:Win32_LogicalDisk",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, null, List.of(), null, "myServer", "root\\cimv2",
                "Win32_LogicalDisk");
        assertThat(Moniker.parse("WinMgmts:{impersonationLevel=impersonate}!//myServer/root/cimv2:Win32_LogicalDisk")
                .namesObject()).isTrue();
    }

    @Test
    void cmsLogicalDiskClassInRootCimv2OnTheLocalServer() {
        parts("WinMgmts:{impersonationLevel=impersonate}" + "!root/cimv2:Win32_LogicalDisk",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, null, List.of(), null, null, "root\\cimv2",
                "Win32_LogicalDisk");
    }

    @Test
    void cmsLogicalDiskClassInTheDefaultNamespace() {
        parts("WinMgmts:{impersonationLevel=impersonate}" + "!Win32_LogicalDisk", ImpersonationLevel.IMPERSONATE,
                NO_AUTH, null, List.of(), null, null, null, "Win32_LogicalDisk");
    }

    @Test
    void cmsDriveCInTheDefaultScriptingNamespace() {
        parts("WinMgmts::Win32_LogicalDisk='C:'", NO_IMP, NO_AUTH, null, List.of(), null, null, null,
                "Win32_LogicalDisk=\"C:\"");
    }

    @Test
    void cmsDriveCInRootCimv2OnMyServer() {
        parts("WinMgmts:{impersonationLevel=impersonate}" + "!//myServer/root/cimv2:Win32_LogicalDisk=\"C:\"",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, null, List.of(), null, "myServer", "root\\cimv2",
                "Win32_LogicalDisk=\"C:\"");
    }

    @Test
    void cmsDriveCInRootCimv2OnTheLocalServer() {
        parts("WinMgmts:{impersonationLevel=impersonate}" + "!root/cimv2:Win32_LogicalDisk=\"C:\"",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, null, List.of(), null, null, "root\\cimv2",
                "Win32_LogicalDisk=\"C:\"");
    }

    @Test
    void cmsDriveCInTheDefaultNamespace() {
        parts("WinMgmts:{impersonationLevel=impersonate}" + "!Win32_LogicalDisk=\"C:\"",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, null, List.of(), null, null, null, "Win32_LogicalDisk=\"C:\"");
    }

    @Test
    void cmsImpersonateAndDebug() {
        parts("WinMgmts:{impersonationLevel=impersonate, (Debug)}", ImpersonationLevel.IMPERSONATE, NO_AUTH, null,
                List.of(on(WbemPrivilege.DEBUG)), null, null, null, null);
    }

    @Test
    void cmsShorthandImpersonateDebugNotShutdown() {
        parts("WinMgmts:{impersonate,(Debug,!Shutdown)}", ImpersonationLevel.IMPERSONATE, NO_AUTH, null,
                List.of(on(WbemPrivilege.DEBUG), off(WbemPrivilege.SHUTDOWN)), null, null, null, null);
    }

    @Test
    void cmsLocaleMyclassInRootWmi() {
        parts("WinMgmts:[locale=ms_409]!root/wmi:myclass", NO_IMP, NO_AUTH, null, List.of(), "MS_409", null,
                "root\\wmi", "myclass");
    }

    @Test
    void cmsKerberosPrincipal() {
        parts("Winmgmts:{impersonationLevel=delegate," + "authority=kerberos:mydomain\\server}"
                        + "!//myserver/root/default:__cimomidentification=@",
                ImpersonationLevel.DELEGATE, NO_AUTH, "kerberos:mydomain\\server", List.of(), null, "myserver",
                "root\\default", "__cimomidentification=@");
    }

    @Test
    void cmsNtlmDomainWithTheSpaceBeforeTheBang() {
        parts("Winmgmts:{impersonationLevel=impersonate," + "authority=ntlmdomain:mydomain} "
                        + "!//myserver/root/default:__cimomidentification=@",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, "ntlmdomain:mydomain", List.of(), null, "myserver",
                "root\\default", "__cimomidentification=@");
    }

    @Test
    void cmsMonikerVbsEverythingCombined() {
        parts("WINMGMTS:" + "{impersonationLevel=impersonate," + "authenticationLevel=pktPrivacy,"
                        + "authority=ntlmdomain:mydomain," + "(Debug,!Shutdown)}" + "[locale=ms_409]"
                        + "!\\\\User1\\ROOT\\CIMV2:Win32_LogicalDisk=\"C:\"",
                ImpersonationLevel.IMPERSONATE, AuthLevel.PKT_PRIVACY, "ntlmdomain:mydomain",
                List.of(on(WbemPrivilege.DEBUG), off(WbemPrivilege.SHUTDOWN)), "MS_409", "User1", "ROOT\\CIMV2",
                "Win32_LogicalDisk=\"C:\"");
    }

    // ------------------------------------------------------------------ Default Process Security Level

    @Test
    void dpsDefaultsOnTheLocalComputer() {
        String strComputer = ".";
        parts("winmgmts:\\\\" + strComputer + "\\root\\CIMV2", NO_IMP, NO_AUTH, null, List.of(), null, ".",
                "root\\CIMV2", null);
        assertThat(Moniker.parse("winmgmts:\\\\.\\root\\CIMV2").isLocal()).isTrue();
    }

    @Test
    void dpsImpersonatePktPrivacyRootCimv2() {
        parts("winmgmts:{impersonationLevel=impersonate," + "authenticationLevel=pktPrivacy}!root/cimv2",
                ImpersonationLevel.IMPERSONATE, AuthLevel.PKT_PRIVACY, null, List.of(), null, null, "root\\cimv2",
                null);
    }

    @Test
    void dpsPktOnServer1() {
        String strComputer = "Server1";
        parts("winmgmts:{authenticationLevel=Pkt}!\\\\" + strComputer + "\\root\\cimv2", NO_IMP, AuthLevel.PKT,
                null, List.of(), null, "Server1", "root\\cimv2", null);
    }

    @Test
    void dpsPktPrivacyRootCimv2Backslash() {
        parts("winmgmts:{authenticationLevel=pktPrivacy}!root\\cimv2", NO_IMP, AuthLevel.PKT_PRIVACY, null,
                List.of(), null, null, "root\\cimv2", null);
    }

    @Test
    void dpsImpersonatePktPrivacyOnTheLocalComputerByName() {
        String strComputer = ".";
        parts("winmgmts:" + "{impersonationLevel=impersonate," + "authenticationLevel=pktPrivacy}!" + "\\\\"
                        + strComputer + "\\root\\cimv2",
                ImpersonationLevel.IMPERSONATE, AuthLevel.PKT_PRIVACY, null, List.of(), null, ".", "root\\cimv2",
                null);
    }

    @Test
    void dpsCapitalImpersonateOnServer1() {
        String strComputer = "Server1";
        parts("winmgmts:{impersonationLevel=Impersonate}!\\\\" + strComputer + "\\root\\cimv2",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, null, List.of(), null, "Server1", "root\\cimv2", null);
    }

    @Test
    void dpsProcessHandleZero() {
        parts("winmgmts:{impersonationLevel=impersonate}!root\\cimv2:Win32_Process.Handle='0'",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, null, List.of(), null, null, "root\\cimv2",
                "Win32_Process.Handle=\"0\"");
    }

    @Test
    void dpsEveryAuthenticationLevelMonikerName() {
        for (String name : List.of("Default", "None", "Connect", "Call", "Pkt", "PktIntegrity", "PktPrivacy")) {
            Moniker m = Moniker.parse("winmgmts:{authenticationLevel=" + name + "}!root\\cimv2");
            assertThat(m.authenticationLevel().scriptName()).isEqualToIgnoringCase(name);
        }
        for (String name : List.of("Anonymous", "Identify", "Impersonate", "Delegate")) {
            Moniker m = Moniker.parse("winmgmts:{impersonationLevel=" + name + "}!root\\cimv2");
            assertThat(m.impersonationLevel().scriptName()).isEqualToIgnoringCase(name);
        }
    }

    // ------------------------------------------------------------------ Authentication Service page

    @Test
    void asvKerberosWithTheLineBreaksOfThePage() {
        parts("winmgmts:{impersonationLevel=delegate, \n        authority=kerberos:mydomain\\server} \n"
                        + "        !//myserver/root/default:__cimomidentification=@",
                ImpersonationLevel.DELEGATE, NO_AUTH, "kerberos:mydomain\\server", List.of(), null, "myserver",
                "root\\default", "__cimomidentification=@");
    }

    @Test
    void asvNtlmWithTheLineBreaksOfThePage() {
        parts("winmgmts:{impersonationLevel=impersonate, \n        authority=ntlmdomain:mydomain} \n"
                        + "        !//myserver/root/default:__cimomidentification=@",
                ImpersonationLevel.IMPERSONATE, NO_AUTH, "ntlmdomain:mydomain", List.of(), null, "myserver",
                "root\\default", "__cimomidentification=@");
    }

    @Test
    void privilegeConstantsRemoteShutdown() {
        parts("winmgmts:{impersonationLevel=impersonate, (RemoteShutdown)}", ImpersonationLevel.IMPERSONATE, NO_AUTH,
                null, List.of(on(WbemPrivilege.REMOTE_SHUTDOWN)), null, null, null, null);
    }

    // ------------------------------------------------------------------ the page's rules

    @ParameterizedTest
    @ValueSource(strings = {
            "winmgmts:{impersonationLevel=impersonate,password=Secret1}!//srv/root/cimv2",
            "winmgmts:{user=alice,password=Secret1}!//srv/root/cimv2",
            "winmgmts:{Password=Secret1}"})
    void noPasswordInAMonikerAndTheSecretIsNotEchoed(String text) {
        assertThatThrownBy(() -> Moniker.parse(text)).isInstanceOfSatisfying(MonikerException.class, e -> {
            assertThat(e.hresult()).isEqualTo(WbemStatus.WBEM_E_INVALID_SYNTAX.code());
            assertThat(e.getMessage()).contains("SWbemLocator.connectServer").doesNotContain("Secret1");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "winmgmts:{authority=ntlmdomain:mydomain}!root/cimv2",
            "winmgmts:{authority=ntlmdomain:mydomain}",
            "winmgmts:{impersonate,authority=kerberos:mydomain\\server}!\\\\.\\root\\cimv2",
            "winmgmts:{authority=ntlmdomain:mydomain}!//localhost/root/cimv2:Win32_LogicalDisk"})
    void authorityOnlyForRemoteConnections(String text) {
        assertThatThrownBy(() -> Moniker.parse(text)).isInstanceOfSatisfying(MonikerException.class, e -> {
            assertThat(e.hresultName()).isEqualTo("WBEM_E_LOCAL_CREDENTIALS");
            assertThat(e.getMessage()).contains("remote computers");
        });
    }

    @Test
    void withAComputerNameAClassNeedsItsNamespace() {
        assertThatThrownBy(() -> Moniker.parse("winmgmts://myServer:Win32_LogicalDisk"))
                .isInstanceOf(MonikerException.class)
                .hasMessageContaining("namespace must be given before the class")
                .hasMessageContaining("//myServer/root/cimv2:Win32_LogicalDisk");
    }

    @Test
    void whereTheErrorIs() {
        MonikerException e = (MonikerException) org.assertj.core.api.Assertions.catchThrowable(
                () -> Moniker.parse("winmgmts:{impersonationLevel=impersonate}root/cimv2"));
        assertThat(e.position()).isEqualTo("winmgmts:{impersonationLevel=impersonate}".length());
        assertThat(e.getMessage()).contains("'!' is expected");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "winmgmt:root/cimv2",
            "root/cimv2",
            "winmgmts:{impersonationLevel=impersonate",
            "winmgmts:{}",
            "winmgmts:{impersonationLevel=impersonate,}",
            "winmgmts:{impersonationLevel=superuser}",
            "winmgmts:{authenticationLevel=secret}",
            "winmgmts:{impersonate,impersonationLevel=identify}",
            "winmgmts:{authority=basic:mydomain}!//srv/root",
            "winmgmts:{(Debug,!Shutdown}",
            "winmgmts:{(Debug,Debug)}",
            "winmgmts:{(Fly)}",
            "winmgmts:{()}",
            "winmgmts:{(Debug)}{(Shutdown)}",
            "winmgmts:{impersonate}!",
            "winmgmts:{locale=ms_409}",
            "winmgmts:[locale=en_US]",
            "winmgmts:[locale=ms_409",
            "winmgmts:[locale=ms_409][locale=ms_407]",
            "winmgmts:[locale=ms_409]{impersonate}!root",
            "winmgmts:{impersonate} x !root",
            "winmgmts:root//cimv2",
            "winmgmts://",
            "winmgmts:root/cimv2:",
            "winmgmts:root/cimv2:Win32_LogicalDisk.DeviceID=",
            "winmgmts:root/ci mv2"})
    void malformedMonikersAreRefusedWithAReason(String text) {
        assertThatThrownBy(() -> Moniker.parse(text)).isInstanceOfSatisfying(MonikerException.class, e -> {
            assertThat(e.hresultName()).isIn("WBEM_E_INVALID_SYNTAX", "WBEM_E_INVALID_OBJECT_PATH");
            assertThat(e.getMessage()).contains("position");
        });
    }

    @Test
    void keywordsAreCaseInsensitiveAndTheCanonicalFormIsStable() {
        Moniker m = Moniker.parse("WINMGMTS:{IMPERSONATIONLEVEL=IMPERSONATE,AUTHENTICATIONLEVEL=PKTPRIVACY,"
                + "(sedebugprivilege,!wbemPrivilegeShutdown)}[LOCALE=MS_409]!//srv/root/cimv2:Win32_Process.Handle=1");
        assertThat(m.toString()).isEqualTo("winmgmts:{impersonationLevel=impersonate,authenticationLevel=pktPrivacy,"
                + "(Debug,!Shutdown)}[locale=ms_409]!\\\\srv\\root\\cimv2:Win32_Process.Handle=1");
        assertThat(Moniker.parse("winmgmts:root").namespace()).isEqualTo("root");
        assertThat(Moniker.parse("winmgmts:!root/cimv2").namespace()).isEqualTo("root\\cimv2");
    }

    @Test
    void privilegeNames() {
        assertThat(WbemPrivilege.DEBUG.shortName()).isEqualTo("Debug");
        assertThat(WbemPrivilege.DEBUG.constantName()).isEqualTo("wbemPrivilegeDebug");
        assertThat(WbemPrivilege.DEBUG.value()).isEqualTo(19);
        assertThat(WbemPrivilege.parse("AssignPrimaryToken")).isEqualTo(WbemPrivilege.PRIMARY_TOKEN);
        assertThat(WbemPrivilege.parse("IncreaseQuotaPrivilege")).isEqualTo(WbemPrivilege.INCREASE_QUOTA);
        assertThat(WbemPrivilege.fromValue(27)).isEqualTo(WbemPrivilege.MANAGE_VOLUME);
        assertThat(WbemPrivilege.values()).hasSize(27);
    }
}
