package org.jwmi.cim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** jwmi-cim is JDK-only and knows nothing of bytes or I/O (DESIGN.md); the model does not know WQL. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.jwmi.cim");

    @Test
    void dependsOnlyOnTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jwmi.cim..").check(MAIN);
    }

    @Test
    void doesNoIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..")
                .check(MAIN);
    }

    @Test
    void modelDoesNotDependOnWql() {
        noClasses().that().resideInAPackage("org.jwmi.cim").should().dependOnClassesThat()
                .resideInAPackage("org.jwmi.cim.wql..").check(MAIN);
    }
}
