package org.jwmi.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.server.provider.ProviderContext;
import org.jwmi.server.repository.CimRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemSecurityProviderTest {

    static final String NS = "root\\cimv2";

    @TempDir
    Path tmp;
    CimRepository repo;
    SystemSecurityProvider provider;
    CimClass cls;

    @BeforeEach
    void open() {
        repo = CimRepository.open(tmp.resolve("repo.db"));
        provider = new SystemSecurityProvider(new NamespaceSecurity(repo, false));
        cls = repo.getClass(NS, SystemSecurityProvider.CLASS).orElseThrow();
    }

    @AfterEach
    void close() {
        repo.close();
    }

    CimInstance call(CallerToken token, String method, CimInstance in) {
        return provider.invoke(new ProviderContext(token, Clock.systemUTC(), NS), cls,
                CimObjectPath.parse("__SystemSecurity"), CimName.of(method), in);
    }

    static byte[] bytes(CimValue v) {
        List<?> l = v.asList();
        byte[] b = new byte[l.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((Number) l.get(i)).intValue();
        }
        return b;
    }

    CimInstance setSdIn(byte[] sd) {
        List<Integer> l = new ArrayList<>();
        for (byte x : sd) {
            l.add(x & 0xff);
        }
        CimClass in = cls.method(SystemSecurityProvider.SET_SD).map(CimMethod::inParameters).orElseThrow();
        return in.newInstance().set("SD", CimValue.array(CimType.UINT8, l)).build();
    }

    @Test
    void getSdReturnsTheEffectiveDescriptor() {
        CimInstance out = call(NamespaceSecurityTest.ADMIN, "GetSD", null);
        assertThat(out.value(CimMethod.RETURN_VALUE)).isEqualTo(CimValue.uint32(0));
        SecurityDescriptor sd = SecurityDescriptor.decode(bytes(out.value(CimName.of("SD"))));
        assertThat(sd.owner()).isEqualTo(Sid.ADMINISTRATORS);
        assertThat(sd.dacl().aces()).hasSize(4).allMatch(a -> (a.aceFlags() & Ace.INHERITED_ACE) != 0);
    }

    @Test
    void getSdNeedsReadControl() {
        assertThatThrownBy(() -> call(NamespaceSecurityTest.USER, "GetSD", null))
                .isInstanceOfSatisfying(CimException.class,
                        e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_ACCESS_DENIED));
    }

    @Test
    void setSdThenGetCallerAccessRights() {
        byte[] sd = Sddl.parse("O:BAG:BAD:(A;;CCDCRP;;;" + NamespaceSecurityTest.USER_SID + ")").encode();
        assertThatThrownBy(() -> call(NamespaceSecurityTest.USER, "SetSD", setSdIn(sd)))
                .isInstanceOfSatisfying(CimException.class,
                        e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_ACCESS_DENIED));
        CimInstance out = call(NamespaceSecurityTest.ADMIN, "SetSD", setSdIn(sd));
        assertThat(out.value(CimMethod.RETURN_VALUE)).isEqualTo(CimValue.uint32(0));

        CimInstance rights = call(NamespaceSecurityTest.USER, "GetCallerAccessRights", null);
        assertThat(rights.value(CimName.of("Rights"))).isEqualTo(CimValue.sint32(
                NamespaceSecurityTest.USER_RIGHTS | WmiRight.WBEM_WRITE_PROVIDER.mask()));
        assertThat(rights.value(CimMethod.RETURN_VALUE)).isEqualTo(CimValue.uint32(0));
        assertThat(call(NamespaceSecurityTest.OTHER, "GetCallerAccessRights", null).value(CimName.of("Rights")))
                .isEqualTo(CimValue.sint32(NamespaceSecurityTest.USER_RIGHTS));
    }

    @Test
    void getCallerAccessRightsNeedsAnEnabledCaller() {
        assertThatThrownBy(() -> call(NamespaceSecurityTest.ANON, "GetCallerAccessRights", null))
                .isInstanceOfSatisfying(CimException.class,
                        e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_ACCESS_DENIED));
    }

    @Test
    void setSdWithoutSdOrWithGarbage() {
        assertThatThrownBy(() -> call(NamespaceSecurityTest.ADMIN, "SetSD", null))
                .isInstanceOfSatisfying(CimException.class,
                        e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_PARAMETER));
        assertThatThrownBy(() -> call(NamespaceSecurityTest.ADMIN, "SetSD", setSdIn(new byte[] {1, 0, 0})))
                .isInstanceOfSatisfying(CimException.class,
                        e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_OBJECT));
    }

    @Test
    void unknownMethod() {
        assertThatThrownBy(() -> call(NamespaceSecurityTest.ADMIN, "Get9XUserList", null))
                .isInstanceOfSatisfying(CimException.class,
                        e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_METHOD));
    }
}
