package org.jwmi.dcom.wire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The wire types are a pure layer: bytes and values only, below every DCOM runtime package. */
class WireLayerArchitectureTest {
    private static final JavaClasses WIRE = importMainClasses();

    /** Only this package's main class directory, not the whole class path (keeps the test fast). */
    private static JavaClasses importMainClasses() {
        try {
            Path root = Paths.get(ObjRef.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(root.resolve("org/jwmi/dcom/wire"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void wireTypesDependOnlyOnTheJdkNdrAndWire() {
        classes().that().resideInAPackage("org.jwmi.dcom.wire..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..",
                        "java.nio.charset..", "org.jwmi.dcom.wire..", "org.jwmi.ndr..", "org.jwmi.wire..")
                .because("org.jwmi.dcom.wire does no I/O and knows nothing of the DCOM runtime, RPC or WMI")
                .check(WIRE);
    }

    @Test
    void theImportSawThePackage() {
        org.assertj.core.api.Assertions.assertThat(WIRE.contain(ActivationProperties.class)).isTrue();
    }
}
