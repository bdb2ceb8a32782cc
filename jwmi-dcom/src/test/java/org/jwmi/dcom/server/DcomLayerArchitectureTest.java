package org.jwmi.dcom.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.junit.jupiter.api.Test;

/** ops is a pure layer over wire/ndr; the server runtime never reaches into client code. */
class DcomLayerArchitectureTest {

    private static final JavaClasses CLASSES = importMainClasses();

    private static JavaClasses importMainClasses() {
        try {
            Path root = Paths.get(DcomInterfaces.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPaths(root.resolve("org/jwmi/dcom/ops"), root.resolve("org/jwmi/dcom/server"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void opsAreBytesAndValuesOnly() {
        classes().that().resideInAPackage("org.jwmi.dcom.ops..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..",
                        "org.jwmi.dcom.ops..", "org.jwmi.dcom.wire..", "org.jwmi.ndr..", "org.jwmi.wire..",
                        "org.jwmi.rpc")
                .because("operation records are codecs: no sockets, no runtime, no server or client")
                .check(CLASSES);
    }

    @Test
    void theServerDoesNotUseClientCode() {
        noClasses().that().resideInAPackage("org.jwmi.dcom.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jwmi.dcom.client..", "org.jwmi.rpc.client..")
                .check(CLASSES);
    }

    @Test
    void theImportSawBothPackages() {
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain(DcomServer.class)).isTrue();
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain(DcomInterfaces.class)).isTrue();
    }
}
