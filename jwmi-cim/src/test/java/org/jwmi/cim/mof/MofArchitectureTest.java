package org.jwmi.cim.mof;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model knows nothing of MOF; the MOF compiler knows nothing of WQL (and, as all of jwmi-cim, does no I/O). */
class MofArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.jwmi.cim");

    @Test
    void modelDoesNotDependOnMof() {
        noClasses().that().resideInAPackage("org.jwmi.cim").should().dependOnClassesThat()
                .resideInAPackage("org.jwmi.cim.mof..").check(MAIN);
    }

    @Test
    void mofDoesNotDependOnWql() {
        noClasses().that().resideInAPackage("org.jwmi.cim.mof..").should().dependOnClassesThat()
                .resideInAPackage("org.jwmi.cim.wql..").check(MAIN);
    }
}
