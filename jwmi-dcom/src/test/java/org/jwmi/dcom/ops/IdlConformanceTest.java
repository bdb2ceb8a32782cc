package org.jwmi.dcom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.rpc.SyntaxId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our interface identities and opnums against the IDL of [MS-DCOM] 6 (shared/specs/idl/ms-dcom.idl, found by walking
 * up from the working directory): interface UUIDs, no version attribute (so 0.0), and each method's position, object
 * interfaces counting the methods they inherit.
 */
class IdlConformanceTest {

    record Interface(UUID uuid, String version, String base, List<String> methods) {
    }

    static Map<String, Interface> idl;

    @BeforeAll
    static void parse() throws IOException {
        idl = parse(Files.readString(specFile("idl/ms-dcom.idl")));
    }

    /** shared/specs/{@code name}, found by walking up from the working directory; skips the test when absent. */
    static Path specFile(String name) {
        Path file = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && file == null; p = p.getParent()) {
            Path candidate = p.resolve("shared/specs/" + name);
            if (Files.isRegularFile(candidate)) {
                file = candidate;
            }
        }
        assumeTrue(file != null, "shared/specs/" + name + " is not above " + Path.of("").toAbsolutePath());
        return file;
    }

    static Map<String, Interface> parse(String text) {
        String src = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Pattern head = Pattern.compile("\\[([^\\]]*)\\]\\s*interface\\s+(\\w+)\\s*(?::\\s*(\\w+))?\\s*\\{");
        Map<String, Interface> out = new LinkedHashMap<>();
        Matcher m = head.matcher(src);
        while (m.find()) {
            String attrs = m.group(1);
            Matcher u = Pattern.compile("uuid\\(([0-9a-fA-F-]+)\\)").matcher(attrs);
            Matcher v = Pattern.compile("version\\(([0-9.]+)\\)").matcher(attrs);
            int end = src.indexOf('}', m.end());
            List<String> methods = new ArrayList<>();
            for (String decl : declarations(src.substring(m.end(), end))) {
                String d = decl.replaceAll("(?s)\\[[^\\]]*\\]", " ").trim();
                if (d.isEmpty() || d.startsWith("const ") || d.indexOf('(') < 0) {
                    continue;
                }
                Matcher name = Pattern.compile("(\\w+)\\s*\\(").matcher(d);
                if (name.find()) {
                    methods.add(name.group(1));
                }
            }
            out.put(m.group(2), new Interface(u.find() ? UUID.fromString(u.group(1)) : null,
                    v.find() ? v.group(1) : null, m.group(3), methods));
        }
        return out;
    }

    /** Splits an interface body on ';' outside parentheses. */
    static List<String> declarations(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : body.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ';' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return out;
    }

    static int opnum(String iface, String method) {
        Interface i = idl.get(iface);
        assertThat(i).as(iface).isNotNull();
        int own = i.methods().indexOf(method);
        if (own < 0) {
            return -1;
        }
        int inherited = 0;
        for (String b = i.base(); b != null; b = idl.get(b).base()) {
            inherited += idl.get(b).methods().size();
        }
        return inherited + own;
    }

    static void sameInterface(String name, SyntaxId ours) {
        Interface i = idl.get(name);
        assertThat(i.uuid()).as(name).isEqualTo(ours.uuid());
        String version = i.version() == null ? "0.0" : i.version();
        assertThat(ours.versionMajor() + "." + ours.versionMinor()).as(name + " version").isEqualTo(version);
    }

    @Test
    void theParserSeesEveryInterface() {
        assertThat(idl.keySet()).containsExactly("IActivation", "IRemoteSCMActivator", "IObjectExporter", "IUnknown",
                "IRemUnknown", "IRemUnknown2");
        assertThat(idl.get("IUnknown").methods()).hasSize(3);
    }

    @Test
    void interfaceIdentitiesMatch() {
        sameInterface("IObjectExporter", DcomInterfaces.IOBJECTEXPORTER);
        sameInterface("IActivation", DcomInterfaces.IACTIVATION);
        sameInterface("IRemoteSCMActivator", DcomInterfaces.IREMOTESCMACTIVATOR);
        sameInterface("IRemUnknown", DcomInterfaces.IREMUNKNOWN);
        sameInterface("IRemUnknown2", DcomInterfaces.IREMUNKNOWN2);
        assertThat(idl.get("IUnknown").uuid()).isEqualTo(Iids.IID_IUNKNOWN);
        assertThat(idl.get("IRemUnknown2").base()).isEqualTo("IRemUnknown");
    }

    @Test
    void opnumsMatch() {
        assertThat(opnum("IObjectExporter", "ResolveOxid")).isEqualTo(DcomInterfaces.OP_RESOLVE_OXID);
        assertThat(opnum("IObjectExporter", "SimplePing")).isEqualTo(DcomInterfaces.OP_SIMPLE_PING);
        assertThat(opnum("IObjectExporter", "ComplexPing")).isEqualTo(DcomInterfaces.OP_COMPLEX_PING);
        assertThat(opnum("IObjectExporter", "ServerAlive")).isEqualTo(DcomInterfaces.OP_SERVER_ALIVE);
        assertThat(opnum("IObjectExporter", "ResolveOxid2")).isEqualTo(DcomInterfaces.OP_RESOLVE_OXID2);
        assertThat(opnum("IObjectExporter", "ServerAlive2")).isEqualTo(DcomInterfaces.OP_SERVER_ALIVE2);
        assertThat(idl.get("IObjectExporter").methods()).hasSize(6);
        assertThat(opnum("IActivation", "RemoteActivation")).isEqualTo(DcomInterfaces.OP_REMOTE_ACTIVATION);
        assertThat(opnum("IRemoteSCMActivator", "RemoteGetClassObject"))
                .isEqualTo(DcomInterfaces.OP_REMOTE_GET_CLASS_OBJECT);
        assertThat(opnum("IRemoteSCMActivator", "RemoteCreateInstance"))
                .isEqualTo(DcomInterfaces.OP_REMOTE_CREATE_INSTANCE);
        assertThat(opnum("IRemUnknown", "RemQueryInterface")).isEqualTo(DcomInterfaces.OP_REM_QUERY_INTERFACE);
        assertThat(opnum("IRemUnknown", "RemAddRef")).isEqualTo(DcomInterfaces.OP_REM_ADD_REF);
        assertThat(opnum("IRemUnknown", "RemRelease")).isEqualTo(DcomInterfaces.OP_REM_RELEASE);
        assertThat(opnum("IRemUnknown2", "RemQueryInterface2")).isEqualTo(DcomInterfaces.OP_REM_QUERY_INTERFACE2);
        assertThat(idl.get("IUnknown").methods().size()).isEqualTo(DcomInterfaces.FIRST_ORPC_OPNUM);
    }
}
