package org.jwmi.server.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.WbemStatus;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    private static InstanceProvider instances(String cls) {
        return new InstanceProvider() {
            @Override
            public CimName className() {
                return CimName.of(cls);
            }

            @Override
            public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass c) {
                return Stream.empty();
            }

            @Override
            public Optional<CimInstance> get(ProviderContext ctx, CimClass c, CimObjectPath path) {
                return Optional.empty();
            }
        };
    }

    @Test
    void looksUpByCaseInsensitiveClassName() {
        InstanceProvider p = instances("Win32_Process");
        MethodProvider m = new MethodProvider() {
            @Override
            public CimName className() {
                return CimName.of("Win32_Process");
            }

            @Override
            public CimInstance invoke(ProviderContext ctx, CimClass c, CimObjectPath t, CimName method, CimInstance in) {
                return null;
            }
        };
        ProviderRegistry r = new ProviderRegistry().register(p).register(m);
        assertThat(r.instanceProvider(CimName.of("WIN32_PROCESS"))).containsSame(p);
        assertThat(r.methodProvider(CimName.of("win32_process"))).containsSame(m);
        assertThat(r.instanceProvider(CimName.of("Win32_Service"))).isEmpty();
        assertThat(r.methodProvider(CimName.of("Win32_Service"))).isEmpty();
    }

    @Test
    void secondProviderForAClassIsRejected() {
        ProviderRegistry r = new ProviderRegistry().register(instances("Win32_Process"));
        assertThatThrownBy(() -> r.register(instances("win32_process")))
                .isInstanceOfSatisfying(CimException.class,
                        e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_ALREADY_EXISTS));
    }
}
