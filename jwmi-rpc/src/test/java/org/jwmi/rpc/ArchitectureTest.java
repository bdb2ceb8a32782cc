package org.jwmi.rpc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md package rules for the RPC runtime. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jwmi.rpc");

    @Test
    void rpcUsesSecurityMechanismsOnlyThroughTheSpi() {
        noClasses().that().resideInAPackage("org.jwmi.rpc..")
                .should().dependOnClassesThat().resideInAPackage("org.jwmi.auth.(*)..")
                .because("mechanisms register by auth_type; rpc knows only org.jwmi.auth")
                .check(MAIN);
    }

    @Test
    void pduLayerIsBelowTheRuntimes() {
        noClasses().that().resideInAPackage("org.jwmi.rpc.pdu..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jwmi.rpc.client..", "org.jwmi.rpc.server..")
                .check(MAIN);
    }

    @Test
    void clientAndServerRuntimesAreIndependent() {
        noClasses().that().resideInAPackage("org.jwmi.rpc.client..")
                .should().dependOnClassesThat().resideInAPackage("org.jwmi.rpc.server..").check(MAIN);
        noClasses().that().resideInAPackage("org.jwmi.rpc.server..")
                .should().dependOnClassesThat().resideInAPackage("org.jwmi.rpc.client..").check(MAIN);
    }

    @Test
    void pduLayerDoesNoSocketIo() {
        noClasses().that().resideInAPackage("org.jwmi.rpc.pdu..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .check(MAIN);
    }
}
