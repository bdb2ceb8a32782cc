package org.jwmi.client.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jwmi.auth.AuthLevel;
import org.jwmi.client.WbemException;
import org.jwmi.client.moniker.Moniker;
import org.jwmi.client.moniker.MonikerException;
import org.jwmi.client.moniker.WbemPrivilege;
import org.jwmi.client.scripting.SWbemServices.AssociationFilter;
import org.jwmi.dcom.client.ImpersonationLevel;
import org.jwmi.dcom.client.SecurityBlanket;
import org.junit.jupiter.api.Test;

/** The scripting objects' behaviour that needs no server: security inheritance, paths, query text, the rules. */
class ScriptingApiTest {

    @Test
    void securityIsCopiedToDescendantsNotShared() {
        SWbemSecurity parent = SWbemSecurity.defaults();
        assertThat(parent.getImpersonationLevel()).isEqualTo(ImpersonationLevel.IMPERSONATE);
        parent.setAuthenticationLevel(AuthLevel.PKT_PRIVACY);
        parent.getPrivileges().add(WbemPrivilege.DEBUG, true);
        SWbemSecurity child = parent.copy();
        assertThat(child.getAuthenticationLevel()).isEqualTo(AuthLevel.PKT_PRIVACY);
        assertThat(child.getPrivileges().item(WbemPrivilege.DEBUG).isEnabled()).isTrue();
        child.setImpersonationLevel(ImpersonationLevel.IDENTIFY);
        child.getPrivileges().addAsString("SeShutdownPrivilege", false);
        assertThat(parent.getImpersonationLevel()).isEqualTo(ImpersonationLevel.IMPERSONATE);
        assertThat(parent.getPrivileges().count()).isEqualTo(1);
        parent.setAuthenticationLevel(AuthLevel.PKT_INTEGRITY);
        assertThat(child.getAuthenticationLevel()).isEqualTo(AuthLevel.PKT_PRIVACY);
        assertThatThrownBy(() -> child.setImpersonationLevel(ImpersonationLevel.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void securityBecomesTheBlanketsLevelsKeepingItsIdentity() {
        SecurityBlanket connection = SecurityBlanket.builder().authnLevel(AuthLevel.PKT_INTEGRITY)
                .serverPrincipalName("host/srv").build();
        SWbemSecurity s = SWbemSecurity.defaults();
        SecurityBlanket b = s.applyTo(connection);
        assertThat(b.authnLevel()).as("Default keeps the connection's level").isEqualTo(AuthLevel.PKT_INTEGRITY);
        assertThat(b.impersonationLevel()).isEqualTo(ImpersonationLevel.IMPERSONATE);
        assertThat(b.serverPrincipalName()).isEqualTo("host/srv");
        s.setAuthenticationLevel(AuthLevel.PKT_PRIVACY);
        assertThat(s.applyTo(connection).authnLevel()).isEqualTo(AuthLevel.PKT_PRIVACY);
    }

    @Test
    void aMonikersSettingsOverrideTheLocatorsAndAddPrivileges() {
        SWbemSecurity s = SWbemSecurity.defaults();
        s.setAuthenticationLevel(AuthLevel.PKT_INTEGRITY);
        s.apply(Moniker.parse("winmgmts:{impersonationLevel=delegate,(Debug,!Shutdown)}"));
        assertThat(s.getImpersonationLevel()).isEqualTo(ImpersonationLevel.DELEGATE);
        assertThat(s.getAuthenticationLevel()).as("not given: kept").isEqualTo(AuthLevel.PKT_INTEGRITY);
        assertThat(s.getPrivileges().toList()).containsExactly(new SWbemPrivilege(WbemPrivilege.DEBUG, true),
                new SWbemPrivilege(WbemPrivilege.SHUTDOWN, false));
        assertThat(s.getPrivileges().item(WbemPrivilege.DEBUG).name()).isEqualTo("SeDebugPrivilege");
    }

    @Test
    void objectPathPartsAndDisplayName() {
        SWbemObjectPath p = SWbemObjectPath.parse("\\\\srv\\root\\cimv2:Win32_LogicalDisk.DeviceID=\"C:\"");
        assertThat(p.getServer()).isEqualTo("srv");
        assertThat(p.getNamespace()).isEqualTo("root\\cimv2");
        assertThat(p.getParentNamespace()).isEqualTo("root");
        assertThat(p.getClassName()).isEqualTo("Win32_LogicalDisk");
        assertThat(p.getRelPath()).isEqualTo("Win32_LogicalDisk.DeviceID=\"C:\"");
        assertThat(p.isClass()).isFalse();
        assertThat(p.keys()).hasSize(1);
        p.security().setAuthenticationLevel(AuthLevel.PKT_PRIVACY);
        p.setLocale("MS_409");
        p.setAuthority("ntlmdomain:CORP");
        String display = p.getDisplayName();
        assertThat(display).isEqualTo("winmgmts:{impersonationLevel=impersonate,authenticationLevel=pktPrivacy,"
                + "authority=ntlmdomain:CORP}[locale=ms_409]!\\\\srv\\root\\cimv2:Win32_LogicalDisk.DeviceID=\"C:\"");
        Moniker back = Moniker.parse(display);
        assertThat(back.objectPath().toString()).isEqualTo(p.getRelPath());
        p.setAsClass();
        assertThat(p.getPath()).isEqualTo("\\\\srv\\root\\cimv2:Win32_LogicalDisk");
        p.setAsSingleton();
        assertThat(p.isSingleton()).isTrue();
        p.setClassName("Win32_OperatingSystem");
        assertThat(p.getRelPath()).isEqualTo("Win32_OperatingSystem=@");
    }

    @Test
    void associatorsAndReferencesQueries() {
        assertThat(SWbemServices.associatorsQuery("Win32_LogicalDisk.DeviceID=\"C:\"", AssociationFilter.NONE))
                .isEqualTo("ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"}");
        assertThat(SWbemServices.associatorsQuery("Win32_Service.Name=\"x\"", AssociationFilter.NONE
                .withAssocClass("Win32_DependentService").withResultRole("Antecedent").withClassesOnly(true)))
                .isEqualTo("ASSOCIATORS OF {Win32_Service.Name=\"x\"} WHERE AssocClass = Win32_DependentService"
                        + " ClassDefsOnly ResultRole = Antecedent");
        assertThat(SWbemServices.referencesQuery("Win32_Service.Name=\"x\"", AssociationFilter.NONE
                .withResultClass("Win32_DependentService").withRole("Dependent")))
                .isEqualTo("REFERENCES OF {Win32_Service.Name=\"x\"} WHERE ResultClass = Win32_DependentService"
                        + " Role = Dependent");
        assertThatThrownBy(() -> SWbemServices.referencesQuery("A.k=1", AssociationFilter.NONE.withAssocClass("B")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SWbemServices.associatorsQuery("A.k=1", AssociationFilter.NONE
                .withResultClass("B WHERE 1=1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SWbemServices.associatorsQuery("A.k=\"}\"", AssociationFilter.NONE))
                .isInstanceOf(WbemException.class);
    }

    @Test
    void localConnectionsRefuseCredentialsAndNeedTheDefaultOnes() {
        try (SWbemLocator locator = SWbemLocator.builder().localComputer("127.0.0.59").build()) {
            for (String server : new String[] {null, "", ".", "localhost"}) {
                assertThatThrownBy(() -> locator.connectServer(server, "root\\cimv2", "alice", "pw".toCharArray(),
                        null, null, 0, null)).isInstanceOfSatisfying(WbemException.class,
                                e -> assertThat(e.hresultName()).isEqualTo("WBEM_E_LOCAL_CREDENTIALS"));
                assertThatThrownBy(() -> locator.connectServer(server, null, null, null, null, "ntlmdomain:X", 0,
                        null)).isInstanceOfSatisfying(WbemException.class,
                                e -> assertThat(e.hresultName()).isEqualTo("WBEM_E_LOCAL_CREDENTIALS"));
            }
            assertThatThrownBy(() -> locator.getObject("winmgmts:root/cimv2"))
                    .isInstanceOf(WbemException.class).hasMessageContaining("default credentials");
            assertThatThrownBy(() -> locator.getObject("winmgmts:{impersonate,password=x}!//srv/root/cimv2"))
                    .isInstanceOf(MonikerException.class);
        }
    }

    @Test
    void theRefresherIsReserved() {
        assertThatThrownBy(SWbemRefresher::create).isInstanceOfSatisfying(WbemException.class,
                e -> assertThat(e.hresultName()).isEqualTo("WBEM_E_NOT_SUPPORTED"));
    }
}
