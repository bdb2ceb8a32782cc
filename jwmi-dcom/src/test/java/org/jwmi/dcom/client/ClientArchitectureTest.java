package org.jwmi.dcom.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The client runtime uses the RPC client, the DCOM wire and ops types and the auth SPI — nothing else. */
class ClientArchitectureTest {
    private static final JavaClasses CLIENT = importMainClasses();

    private static JavaClasses importMainClasses() {
        try {
            Path root = Paths.get(DcomClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(root.resolve("org/jwmi/dcom/client"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theClientDependsOnlyOnTheRpcClientWireOpsAndTheAuthSpi() {
        classes().that().resideInAPackage("org.jwmi.dcom.client..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..",
                        "org.jwmi.dcom.client..", "org.jwmi.dcom.wire..", "org.jwmi.dcom.ops..", "org.jwmi.ndr..",
                        "org.jwmi.wire..", "org.jwmi.auth", "org.jwmi.rpc", "org.jwmi.rpc.client")
                .because("the client knows no server, no RPC internals and no particular security mechanism")
                .check(CLIENT);
    }

    @Test
    void theImportSawThePackage() {
        org.assertj.core.api.Assertions.assertThat(CLIENT.contain(ComProxy.class)).isTrue();
    }
}
