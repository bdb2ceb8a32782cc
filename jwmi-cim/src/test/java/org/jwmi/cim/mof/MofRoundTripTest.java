package org.jwmi.cim.mof;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Objects written as MOF by {@link MofWriter} compile back to equal objects. */
class MofRoundTripTest {

    @Property(tries = 250)
    void randomClassesAndInstancesSurviveWriteThenCompile(@ForAll long seed) {
        RandomModel m = new RandomModel(seed);
        String text = m.mof();
        MofUnit u;
        try {
            u = MofTesting.compile(text);
        } catch (MofException e) {
            throw new AssertionError(e.getMessage() + "\n" + text, e);
        }
        assertThat(u.classes()).as(text).isEqualTo(m.classes);
        assertThat(u.operations().stream().filter(MofOperation.PutInstance.class::isInstance)
                .map(o -> ((MofOperation.PutInstance) o).instance())).as(text).isEqualTo(m.instances);
        assertThat(MofWriter.unitText(u)).isEqualTo(MofWriter.unitText(MofTesting.compile(MofWriter.unitText(u))));
    }

    @Test
    void theSampleUnitSurvivesWriteThenCompile() {
        MofUnit first = MofSampleTest.compiler().compile("sample.mof", MofTesting.resource("sample.mof"));
        String text = MofWriter.unitText(first);
        MofUnit second = MofSampleTest.compiler().compile("written.mof", text);
        assertThat(second.classes()).isEqualTo(first.classes());
        assertThat(second.instances()).isEqualTo(first.instances());
        assertThat(second.namespaces()).isEqualTo(first.namespaces());
        assertThat(second.autorecover()).isTrue();
        assertThat(second.operations()).extracting(o -> o.getClass().getSimpleName() + " " + o.namespace())
                .isEqualTo(first.operations().stream().map(o -> o.getClass().getSimpleName() + " " + o.namespace())
                        .toList());
        assertThat(MofWriter.unitText(second)).isEqualTo(text);
    }
}
