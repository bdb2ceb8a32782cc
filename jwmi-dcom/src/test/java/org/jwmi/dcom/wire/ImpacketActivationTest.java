package org.jwmi.dcom.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jwmi.dcom.wire.Fixtures.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.Hex;
import org.junit.jupiter.api.Test;

/**
 * impacket, an independent implementation, on both sides of RemoteCreateInstance: we decode the activation request
 * its DCOMConnection sends (captured unmodified by generate.py), and its own response processing reads the
 * ActivationPropertiesOut our encoder builds.
 */
class ImpacketActivationTest {

    private static final Path PYTHON = Paths.get("/usr/bin/python3");

    @Test
    void decodesTheRemoteCreateInstanceRequestImpacketSends() {
        byte[] stub = DcomVectors.load("impacket-RemoteCreateInstance-request.hex");
        NdrReader r = NdrReader.of(stub);
        OrpcThis orpcThis = OrpcThis.decode(r);
        MInterfacePointer unkOuter = r.uniquePtr(MInterfacePointer::decode);
        MInterfacePointer actProperties = r.uniquePtr(MInterfacePointer::decode);
        r.expectEnd();

        assertThat(orpcThis.version()).isEqualTo(ComVersion.V5_7);
        assertThat(orpcThis.cid()).isEqualTo(CID_T);
        assertThat(orpcThis.extensions()).isNull();
        assertThat(unkOuter).isNull();
        assertThat(actProperties.abData()).isEqualTo(DcomVectors.load("impacket-ActivationPropertiesIn-objref.hex"));

        ObjRef objRef = actProperties.objRef(CustomUnmarshalerRegistry.withDcomDefaults());
        assertThat(objRef).isInstanceOf(ObjRefCustom.class);
        ObjRefCustom custom = (ObjRefCustom) objRef;
        assertThat(custom.iid()).isEqualTo(Iids.IID_IACTIVATIONPROPERTIESIN);
        assertThat(custom.clsid()).isEqualTo(Clsids.CLSID_ACTIVATIONPROPERTIESIN);
        assertThat(custom.reserved()).as("impacket sends the data size + 8").isEqualTo(custom.pObjectData().length + 8);

        ActivationProperties in = custom.objectData(ActivationProperties.class).orElseThrow();
        assertThat(in.destCtx()).isEqualTo(DcomConstants.MSHCTX_DIFFERENTMACHINE);
        assertThat(in.properties()).extracting(ActivationProperty::clsid).containsExactly(
                Clsids.CLSID_INSTANTIATIONINFO, Clsids.CLSID_ACTIVATIONCONTEXTINFO, Clsids.CLSID_SERVERLOCATIONINFO,
                Clsids.CLSID_SCMREQUESTINFO);
        InstantiationInfoData inst = in.require(InstantiationInfoData.class);
        assertThat(inst.classId()).isEqualTo(CLSID_T);
        assertThat(inst.iids()).containsExactly(IID_T);
        assertThat(inst.clientCOMVersion()).isEqualTo(ComVersion.V5_7);
        assertThat(inst.thisSize()).as("impacket computes thisSize after serializing").isZero();
        assertThat(in.require(ScmRequestInfoData.class).remoteRequest().protseqs())
                .containsExactly(DcomConstants.NCACN_IP_TCP);
        ActivationContextInfoData ctx = in.require(ActivationContextInfoData.class);
        assertThat(ctx.pIFDClientCtx()).isNull();
        assertThat(ctx.pIFDPrototypeCtx()).isNull();
        assertThat(in.require(LocationInfoData.class)).isEqualTo(LocationInfoData.EMPTY);
    }

    @Test
    void impacketProcessesOurActivationPropertiesOut() throws Exception {
        ObjRefStandard iface = new ObjRefStandard(IID_T, new StdObjRef(0, 5, OXID_T, OID_T, IPID_T), RESOLVER);
        ActivationProperties out = ActivationProperties.of(
                PropsOutInfo.of(List.of(IID_T), List.of(0), List.of(MInterfacePointer.of(iface))),
                ScmReplyInfoData.of(new CustomRemoteReplyScmInfo(OXID_T, EXPORTER, IPID_REMUNK, 2,
                        ComVersion.V5_7)));
        NdrWriter w = new NdrWriter();
        OrpcThat.encode(w, OrpcThat.EMPTY);
        w.uniquePtr(MInterfacePointer.of(out.toObjRefOut()), MInterfacePointer::encode);
        w.i32(0);
        String json = runImpacket(w.toByteArray());

        assertThat(json).contains("\"oxid\": \"0123456789abcdef\"", "\"oid\": \"1122334455667788\"",
                "\"ipid\": \"" + IPID_T + "\"", "\"ipidRemUnknown\": \"" + IPID_REMUNK + "\"", "\"authnHint\": 2",
                "\"stringBindings\": [\"7:127.0.0.1[49667]\", \"7:JWMI-HOST[49667]\"]",
                "\"securityBindings\": [\"10:\", \"16:host/jwmi-host\"]",
                "\"objrefIid\": \"" + Iids.IID_IACTIVATIONPROPERTIESOUT + "\"",
                "\"objrefClsid\": \"" + Clsids.CLSID_ACTIVATIONPROPERTIESOUT + "\"",
                "\"pclsid\": [\"" + Clsids.CLSID_PROPSOUTINFO + "\", \"" + Clsids.CLSID_SCMREPLYINFO + "\"]",
                "\"piid\": [\"" + IID_T + "\"]", "\"phresults\": [0]", "\"serverVersion\": \"5.7\"",
                "\"errorCode\": 0");
        byte[] blob = out.encode();
        assertThat(json).contains("\"dwSize\": " + (blob.length - 8), "\"totalSize\": " + (blob.length - 8));
    }

    private static String runImpacket(byte[] stub) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Path script = Paths.get(ImpacketActivationTest.class.getResource("/interop/impacket_activation_out.py")
                .toURI());
        Path in = Files.createTempFile("activation-out", ".hex");
        Path outFile = Files.createTempFile("activation-out", ".json");
        Path errFile = Files.createTempFile("activation-out", ".err");
        try {
            Files.writeString(in, Hex.encode(stub), StandardCharsets.US_ASCII);
            ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), script.toString(), in.toString(),
                    CLSID_T.toString(), IID_T.toString());
            pb.environment().remove("PYTHONPATH");
            pb.environment().remove("PYTHONHOME");
            pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("impacket check did not finish within 30 s");
            }
            String stderr = Files.readString(errFile, StandardCharsets.UTF_8);
            assumeTrue(!stderr.contains("No module named 'impacket'"), "impacket is not installed");
            assertThat(p.exitValue()).as("impacket check failed:%n%s", stderr).isZero();
            return Files.readString(outFile, StandardCharsets.UTF_8).trim();
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }
}
