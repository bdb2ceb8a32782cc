package org.jwmi.wmi;

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
import org.junit.jupiter.api.Test;

/**
 * Our IIDs and opnums against [MS-WMI] 6 Appendix A (shared/specs/idl/ms-wmi.idl, found by walking up from the
 * working directory). Every interface's methods are numbered from 3 (IUnknown's three come first), also for the
 * two refresher interfaces the IDL prints without the object attribute; a derived interface continues its base.
 */
class IdlConformanceTest {

    private record Iface(String name, String base, UUID uuid, List<String> methods) {
    }

    private static final Map<String, UUID> IIDS = Map.ofEntries(
            Map.entry("IWbemLevel1Login", WmiIds.IID_IWBEM_LEVEL1_LOGIN),
            Map.entry("IWbemLoginClientID", WmiIds.IID_IWBEM_LOGIN_CLIENT_ID),
            Map.entry("IWbemLoginHelper", WmiIds.IID_IWBEM_LOGIN_HELPER),
            Map.entry("IWbemServices", WmiIds.IID_IWBEM_SERVICES),
            Map.entry("IWbemBackupRestore", WmiIds.IID_IWBEM_BACKUP_RESTORE),
            Map.entry("IWbemBackupRestoreEx", WmiIds.IID_IWBEM_BACKUP_RESTORE_EX),
            Map.entry("IWbemClassObject", WmiIds.IID_IWBEM_CLASS_OBJECT),
            Map.entry("IWbemContext", WmiIds.IID_IWBEM_CONTEXT),
            Map.entry("IWbemObjectSink", WmiIds.IID_IWBEM_OBJECT_SINK),
            Map.entry("IEnumWbemClassObject", WmiIds.IID_IENUM_WBEM_CLASS_OBJECT),
            Map.entry("IWbemCallResult", WmiIds.IID_IWBEM_CALL_RESULT),
            Map.entry("IWbemFetchSmartEnum", WmiIds.IID_IWBEM_FETCH_SMART_ENUM),
            Map.entry("IWbemWCOSmartEnum", WmiIds.IID_IWBEM_WCO_SMART_ENUM),
            Map.entry("IWbemRefreshingServices", WmiIds.IID_IWBEM_REFRESHING_SERVICES),
            Map.entry("IWbemRemoteRefresher", WmiIds.IID_IWBEM_REMOTE_REFRESHER));

    private static final Map<String, Class<?>> OPNUMS = Map.ofEntries(
            Map.entry("IWbemLevel1Login", WmiOpnums.Level1Login.class),
            Map.entry("IWbemLoginClientID", WmiOpnums.LoginClientId.class),
            Map.entry("IWbemLoginHelper", WmiOpnums.LoginHelper.class),
            Map.entry("IWbemServices", WmiOpnums.Services.class),
            Map.entry("IWbemBackupRestore", WmiOpnums.BackupRestore.class),
            Map.entry("IWbemBackupRestoreEx", WmiOpnums.BackupRestore.class),
            Map.entry("IWbemObjectSink", WmiOpnums.ObjectSink.class),
            Map.entry("IEnumWbemClassObject", WmiOpnums.EnumWbemClassObject.class),
            Map.entry("IWbemCallResult", WmiOpnums.CallResult.class),
            Map.entry("IWbemFetchSmartEnum", WmiOpnums.FetchSmartEnum.class),
            Map.entry("IWbemWCOSmartEnum", WmiOpnums.WcoSmartEnum.class),
            Map.entry("IWbemRefreshingServices", WmiOpnums.RefreshingServices.class),
            Map.entry("IWbemRemoteRefresher", WmiOpnums.RemoteRefresher.class));

    private static Map<String, Iface> parse() throws IOException {
        Path file = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/specs/idl/ms-wmi.idl");
            if (Files.isRegularFile(candidate)) {
                file = candidate;
                break;
            }
        }
        assumeTrue(file != null, "shared/specs/idl/ms-wmi.idl is not above " + Path.of("").toAbsolutePath());
        String idl = Files.readString(file);
        Pattern iface = Pattern.compile(
                "\\[([^\\]]*)\\]\\s*interface\\s+(\\w+)\\s*:\\s*(\\w+)\\s*\\{(.*?)\\n\\};", Pattern.DOTALL);
        Pattern uuid = Pattern.compile("uuid\\(([0-9A-Fa-f-]{36})\\)");
        Pattern method = Pattern.compile("HRESULT\\s+(\\w+)\\s*\\(");
        Map<String, Iface> out = new LinkedHashMap<>();
        Matcher m = iface.matcher(idl);
        while (m.find()) {
            Matcher u = uuid.matcher(m.group(1));
            assertThat(u.find()).as("uuid of " + m.group(2)).isTrue();
            List<String> methods = new ArrayList<>();
            Matcher mm = method.matcher(m.group(4));
            while (mm.find()) {
                methods.add(mm.group(1));
            }
            out.put(m.group(2), new Iface(m.group(2), m.group(3), UUID.fromString(u.group(1)), methods));
        }
        return out;
    }

    static String constantName(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toUpperCase();
    }

    private static int firstOpnum(Map<String, Iface> all, Iface i) {
        if (i.base().equals("IUnknown")) {
            return 3;
        }
        Iface base = all.get(i.base());
        return firstOpnum(all, base) + base.methods().size();
    }

    @Test
    void everyInterfaceOfTheIdlHasOurUuid() throws IOException {
        Map<String, Iface> all = parse();
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(IIDS.keySet());
        for (Iface i : all.values()) {
            assertThat(IIDS.get(i.name())).as(i.name()).isEqualTo(i.uuid());
        }
    }

    @Test
    void everyMethodHasOurOpnumInIdlOrder() throws Exception {
        Map<String, Iface> all = parse();
        int checked = 0;
        for (Iface i : all.values()) {
            Class<?> holder = OPNUMS.get(i.name());
            if (holder == null) {
                assertThat(i.methods()).as(i.name() + " is custom-marshaled and has no methods").isEmpty();
                continue;
            }
            int opnum = firstOpnum(all, i);
            for (String method : i.methods()) {
                int ours = holder.getField(constantName(method)).getInt(null);
                assertThat(ours).as(i.name() + "::" + method).isEqualTo(opnum++);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4 + 2 + 23 + 5 + 4 + 1 + 1 + 1 + 1 + 2 + 2 + 6 + 3);
    }

    @Test
    void unmarshalerClsidsAreTheSpecs() {
        assertThat(WmiIds.CLSID_WBEM_CLASS_OBJECT_UNMARSHALER)
                .isEqualTo(UUID.fromString("4590f812-1d3a-11d0-891f-00aa004b2e24"));
        assertThat(WmiIds.CLSID_WBEM_CONTEXT_UNMARSHALER)
                .isEqualTo(UUID.fromString("674b6698-ee92-11d0-ad71-00c04fd8fdff"));
    }

    @Test
    void flagAndConstantValuesMatchTheIdlEnums() throws Exception {
        parse();
        Path file = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("shared/specs/idl/ms-wmi.idl"))) {
                file = p.resolve("shared/specs/idl/ms-wmi.idl");
                break;
            }
        }
        String idl = Files.readString(file);
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\b(WBEM_[A-Z_]+)\\s*=\\s*(0x[0-9A-Fa-f]+|\\d+)").matcher(idl);
        while (m.find()) {
            values.put(m.group(1), Long.decode(m.group(2)));
        }
        int checked = 0;
        for (Class<?> family : List.of(WbemFlags.Generic.class, WbemFlags.Change.class, WbemFlags.Query.class,
                WbemFlags.Connect.class, WbemFlags.BackupRestore.class)) {
            for (Object c : family.getEnumConstants()) {
                org.jwmi.dcom.wire.BitFlag f = (org.jwmi.dcom.wire.BitFlag) c;
                assertThat(values.get(c.toString())).as(c.toString()).isEqualTo((long) f.value());
                checked++;
            }
        }
        for (Class<?> holder : List.of(WbemFlags.class, WbemConstants.class)) {
            for (java.lang.reflect.Field f : holder.getFields()) {
                if (values.containsKey(f.getName())) {
                    assertThat(f.getInt(null)).as(f.getName()).isEqualTo((int) (long) values.get(f.getName()));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8 + 4 + 2 + 2 + 1 + 12);
        int statuses = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getKey().startsWith("WBEM_S_") || e.getKey().startsWith("WBEM_E_")) {
                org.jwmi.cim.WbemStatus st = org.jwmi.cim.WbemStatus.valueOf(e.getKey());
                assertThat(st.code()).as(e.getKey()).isEqualTo((int) (long) e.getValue());
                statuses++;
            }
        }
        assertThat(statuses).as("WBEMSTATUS entries of 2.2.11").isGreaterThan(60);
    }
}
