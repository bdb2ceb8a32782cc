package org.jwmi.server.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.StringLength;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;

class KeyLookupPropertyTest {
    static final String NS = "root\\default";
    static final CimClass CLS = CimClass.builder("T_Keyed").property("S", CimType.STRING, p -> p.key())
            .property("N", CimType.SINT64, p -> p.key()).build();
    static Path dir;
    static CimRepository repo;

    @BeforeContainer
    static void open() throws Exception {
        dir = Files.createTempDirectory("keyprop");
        repo = CimRepository.open(dir.resolve("k.db"));
        repo.putClass(NS, CLS, 0);
    }

    @AfterContainer
    static void close() {
        repo.close();
    }

    @Property(tries = 150)
    void anyKeyIsFoundAgainThroughItsPrintedPath(@ForAll @StringLength(max = 40) String s, @ForAll long n) {
        if (s.indexOf('\0') >= 0) {
            return;
        }
        CimInstance i = CLS.newInstance().set("S", s).set("N", n).build();
        CimObjectPath rel = repo.putInstance(NS, i, CimRepository.WBEM_FLAG_CREATE_OR_UPDATE);
        CimInstance back = (CimInstance) repo.getObject(NS, CimObjectPath.parse(rel.toString()));
        assertThat(back.value(CimName.of("S")).asString()).isEqualTo(s);
        assertThat(back.value(CimName.of("N")).asLong()).isEqualTo(n);
        // the same key spelled with other case finds the same object
        CimObjectPath upper = CimObjectPath.parse(rel.toString().toUpperCase(java.util.Locale.ROOT)
                .replace("T_KEYED", "t_keyed"));
        if (CimObjectPath.keyValueEquals(upper.key(CimName.of("S")).orElseThrow(), back.value(CimName.of("S")))) {
            assertThat(repo.getObject(NS, upper).value(CimName.of("N")).asLong()).isEqualTo(n);
        }
        repo.deleteInstance(NS, rel);
    }
}
