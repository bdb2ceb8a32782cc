package org.jwmi.wmio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The spec-shaped layers know nothing of the CIM model or of the layers above them. */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.jwmi.wmio");

    @Test
    void blocksDependOnlyOnTheWireLayer() {
        noClasses().that().resideInAPackage("org.jwmi.wmio.block..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jwmi.cim..", "org.jwmi.wmio",
                        "org.jwmi.wmio.objectarray..")
                .check(CLASSES);
    }

    @Test
    void objectArraysDependOnlyOnBlocks() {
        noClasses().that().resideInAPackage("org.jwmi.wmio.objectarray..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jwmi.cim..", "org.jwmi.wmio")
                .check(CLASSES);
    }
}
