package org.jwmi.wmio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimProperty;
import org.jwmi.wmio.block.EncodingUnit;

/** Generated classes and instances survive encoding and decoding; decoded blobs re-encode to the same octets. */
class ModelRoundTripTest {

    @Provide
    Arbitrary<CimClass> classes() {
        return Arbitraries.randomValue(r -> new ModelGen(r).cimClass());
    }

    @Provide
    Arbitrary<CimInstance> instances() {
        return Arbitraries.randomValue(r -> {
            ModelGen g = new ModelGen(r);
            return g.instance(g.cimClass(), 0);
        });
    }

    /** What decoding gives back: ParentClass carries neither its own parent nor an origin. */
    static CimClass expectedClass(CimClass c) {
        CimClass p = c.parentClass();
        CimClass parent = p == null ? null
                : CimClass.of(p.name(), p.derivation(), p.qualifiers(), p.properties(), p.methods(), null);
        return CimClass.of(c.name(), c.derivation(), c.qualifiers(), c.properties(), c.methods(), parent)
                .withOrigin(c.server(), c.namespace());
    }

    /** What decoding gives back: the instance's class is its ClassPart (no methods, no parent, the instance's origin). */
    static CimInstance expectedInstance(CimInstance i) {
        CimClass c = i.cimClass();
        CimClass part = CimClass.of(c.name(), c.derivation(), c.qualifiers(), c.properties(), List.of(), null)
                .withOrigin(i.server(), i.namespace());
        CimInstance.Builder b = CimInstance.builder(part);
        List<CimProperty> props = c.properties();
        for (int k = 0; k < props.size(); k++) {
            if (!i.isDefaultAt(k)) {
                b.setAt(k, i.valueAt(k));
            }
            b.propertyQualifiers(props.get(k).name(), i.propertyQualifiers(props.get(k).name()));
        }
        return b.qualifiers(i.qualifiers()).origin(i.server(), i.namespace()).build();
    }

    @Property(tries = 400)
    void classesRoundTrip(@ForAll("classes") CimClass c) {
        byte[] bytes = Wmio.encode(c);
        CimObject decoded = Wmio.decode(bytes);
        assertThat(decoded).isEqualTo(expectedClass(c));
        assertThat(EncodingUnit.decode(bytes).toByteArray()).isEqualTo(bytes);
        assertThat(Wmio.encode(decoded)).isEqualTo(bytes);
    }

    @Property(tries = 400)
    void instancesRoundTrip(@ForAll("instances") CimInstance i) {
        byte[] bytes = Wmio.encode(i);
        CimObject decoded = Wmio.decode(bytes);
        assertThat(decoded).isEqualTo(expectedInstance(i));
        assertThat(EncodingUnit.decode(bytes).toByteArray()).isEqualTo(bytes);
        assertThat(Wmio.encode(decoded)).isEqualTo(bytes);
    }

    @Property(tries = 50)
    void aFixedSeedGivesTheSameOctets(@ForAll long seed) {
        CimClass a = new ModelGen(new Random(seed)).cimClass();
        CimClass b = new ModelGen(new Random(seed)).cimClass();
        assertThat(Wmio.encode(a)).isEqualTo(Wmio.encode(b));
    }
}
