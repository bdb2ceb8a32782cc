package org.jwmi.server.provider;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Providers never see protocol types, the repository or the client. */
class ProviderArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jwmi.server.provider");

    @Test
    void providersDependOnTheCimModelOnly() {
        noClasses().that().resideInAPackage("org.jwmi.server.provider..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.jwmi.wmi..", "org.jwmi.wmio..", "org.jwmi.dcom..", "org.jwmi.rpc..", "org.jwmi.ndr..",
                        "org.jwmi.wire..", "org.jwmi.client..", "org.jwmi.server.repository..")
                .check(CLASSES);
    }
}
