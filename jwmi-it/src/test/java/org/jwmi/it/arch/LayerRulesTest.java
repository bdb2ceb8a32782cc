package org.jwmi.it.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN.md (SLF4J, the logging API every library may use, is allowed everywhere), checked on the compiled main classes of every module: what each layer may import,
 * the package rules inside modules, and that the pure layers do no I/O. The Maven graph enforces the same module
 * edges at compile time; these rules also catch package-level violations the graph cannot see.
 */
class LayerRulesTest {
    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jwmi");
    }

    @Test
    void wireUsesOnlyTheJdk() {
        classes().that().resideInAPackage("org.jwmi.wire..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.jwmi.wire..", "java..")
                .check(main);
    }

    @Test
    void ndrUsesOnlyWire() {
        classes().that().resideInAPackage("org.jwmi.ndr..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.jwmi.ndr..", "org.jwmi.wire..", "java..")
                .check(main);
    }

    @Test
    void authUsesOnlyWireAndACryptoProvider() {
        classes().that().resideInAPackage("org.jwmi.auth..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.jwmi.auth..", "org.jwmi.wire..",
                        "org.bouncycastle..", "org.slf4j", "java..", "javax.crypto..")
                .check(main);
    }

    @Test
    void rpcSeesOnlyTheSecuritySpiNeverAMechanism() {
        classes().that().resideInAPackage("org.jwmi.rpc..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.jwmi.rpc..", "org.jwmi.ndr..",
                        "org.jwmi.wire..", "org.jwmi.auth", "org.slf4j..", "java..", "javax.net..")
                .check(main);
    }

    @Test
    void cimKnowsNothingOfBytes() {
        classes().that().resideInAPackage("org.jwmi.cim..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.jwmi.cim..", "java..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void wmioUsesOnlyCimAndWire() {
        classes().that().resideInAPackage("org.jwmi.wmio..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.jwmi.wmio..", "org.jwmi.cim..",
                        "org.jwmi.wire..", "java..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void dcomKnowsNothingOfWmiOrMechanisms() {
        classes().that().resideInAPackage("org.jwmi.dcom..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.jwmi.dcom..", "org.jwmi.rpc..",
                        "org.jwmi.ndr..", "org.jwmi.wire..", "org.jwmi.auth", "org.slf4j..", "java..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void wmiIsTheSharedContractOverDcomAndWmio() {
        classes().that().resideInAPackage("org.jwmi.wmi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.jwmi.wmi..", "org.jwmi.dcom..",
                        "org.jwmi.wmio..", "org.jwmi.cim..", "org.jwmi.ndr..", "org.jwmi.rpc", "org.jwmi.wire..",
                        "org.slf4j..", "java..")
                .allowEmptyShould(true)
                .check(main);
    }

    /**
     * The server never uses the WMI client or the RPC client runtime. It may use DCOM's client runtime: asynchronous
     * calls make the WMI server a DCOM client of the client's IWbemObjectSink (specs README, pitfall 7).
     */
    @Test
    void serverNeverUsesTheClient() {
        noClasses().that().resideInAPackage("org.jwmi.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jwmi.client..", "org.jwmi.rpc.client..")
                .check(main);
    }

    @Test
    void clientNeverUsesTheServer() {
        noClasses().that().resideInAPackage("org.jwmi.client..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jwmi.server..", "org.jwmi.cli..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void pduTypesKnowNothingOfTheRuntimes() {
        noClasses().that().resideInAPackage("org.jwmi.rpc.pdu..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jwmi.rpc.server..", "org.jwmi.rpc.client..")
                .check(main);
    }

    @Test
    void clientAndServerRuntimesAreIndependent() {
        noClasses().that().resideInAPackage("org.jwmi.rpc.server..")
                .should().dependOnClassesThat().resideInAPackage("org.jwmi.rpc.client..")
                .check(main);
        noClasses().that().resideInAPackage("org.jwmi.rpc.client..")
                .should().dependOnClassesThat().resideInAPackage("org.jwmi.rpc.server..")
                .check(main);
    }

    @Test
    void pureLayersDoNoIo() {
        noClasses().that().resideInAnyPackage("org.jwmi.wire..", "org.jwmi.ndr..", "org.jwmi.auth..",
                        "org.jwmi.cim..", "org.jwmi.wmio..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .check(main);
    }

    @Test
    void librariesLogThroughSlf4jOnly() {
        noClasses().that().resideOutsideOfPackage("org.jwmi.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.slf4j.simple..")
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(main);
    }
}
