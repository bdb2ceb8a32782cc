package org.jwmi.cim.mof;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;

/**
 * Random classes and instances built with the model's builders, from a seed: a root class with keys, a derived
 * class overriding some of it, and instances. Qualifier values use the types the compiler infers for undeclared
 * qualifiers, so that MOF text of these objects compiles back to equal objects.
 */
final class RandomModel {
    private static final CimType[] SCALARS = {CimType.SINT8, CimType.UINT8, CimType.SINT16, CimType.UINT16,
        CimType.SINT32, CimType.UINT32, CimType.SINT64, CimType.UINT64, CimType.REAL32, CimType.REAL64,
        CimType.BOOLEAN, CimType.STRING, CimType.DATETIME, CimType.REFERENCE, CimType.CHAR16, CimType.OBJECT};
    private static final CimType[] KEY_TYPES = {CimType.STRING, CimType.UINT32, CimType.SINT64, CimType.UINT64,
        CimType.BOOLEAN, CimType.CHAR16, CimType.DATETIME, CimType.REFERENCE, CimType.UINT8};

    private final Random r;
    private final Set<String> used = new HashSet<>();
    final List<CimClass> classes = new ArrayList<>();
    final List<CimInstance> instances = new ArrayList<>();

    RandomModel(long seed) {
        this.r = new Random(seed);
        CimClass embedded = CimClass.builder(name("E")).property(name("v"), CimType.STRING)
                .property(name("n"), CimType.SINT32_ARRAY).build();
        classes.add(embedded);
        CimClass root = root();
        classes.add(root);
        CimClass derived = derived(root);
        classes.add(derived);
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            CimClass c = r.nextBoolean() ? derived : root;
            if (!c.isAbstract()) {
                instances.add(instance(c, embedded));
            }
        }
    }

    /** A fresh identifier starting with {@code prefix}, in mixed case. */
    private String name(String prefix) {
        while (true) {
            StringBuilder sb = new StringBuilder(prefix);
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                sb.append("abcXYZ_019qQ".charAt(r.nextInt(12)));
            }
            if (used.add(sb.toString().toLowerCase())) {
                return sb.toString();
            }
        }
    }

    private String text() {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            sb.append(switch (k) {
                case 0 -> (char) r.nextInt(0x20);
                case 1 -> "\"'\\".charAt(r.nextInt(3));
                case 2 -> (char) (0x80 + r.nextInt(0xFF80));
                case 3 -> "/* // */".charAt(r.nextInt(8));
                default -> (char) (0x20 + r.nextInt(0x5F));
            });
        }
        return sb.toString();
    }

    private QualifierFlavor flavor() {
        int[] bits = {0x01, 0x02, 0x10, 0x80};
        int f = 0;
        for (int b : bits) {
            if (r.nextInt(3) == 0) {
                f |= b;
            }
        }
        return QualifierFlavor.of(f);
    }

    /** A qualifier of a type the compiler infers back. */
    private CimQualifier qualifier(String prefix) {
        CimValue v = switch (r.nextInt(10)) {
            case 0 -> CimValue.bool(true);
            case 1 -> CimValue.bool(false);
            case 2 -> CimValue.sint32(r.nextInt());
            case 3 -> CimValue.sint64(r.nextBoolean() ? (long) Integer.MAX_VALUE + 1 + r.nextInt(1000)
                    : Long.MIN_VALUE + r.nextInt(1000));
            case 4 -> CimValue.real64(finiteDouble());
            case 5 -> CimValue.string(text());
            case 6 -> CimValue.array(CimType.STRING, List.of(text(), text()));
            case 7 -> CimValue.array(CimType.SINT32, List.of((long) r.nextInt(), (long) r.nextInt(100)));
            case 8 -> CimValue.nullOf(CimType.STRING);
            default -> CimValue.char16((char) (0x20 + r.nextInt(0x60)));
        };
        return new CimQualifier(CimName.of(name(prefix)), v, flavor());
    }

    private double finiteDouble() {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextDouble();
            case 1 -> -0.0;
            case 2 -> Double.longBitsToDouble(r.nextLong() & 0x7FEFFFFFFFFFFFFFL) * (r.nextBoolean() ? 1 : -1);
            default -> (double) r.nextInt(1000);
        };
    }

    private float finiteFloat() {
        float f = Float.intBitsToFloat(r.nextInt());
        return Float.isFinite(f) ? f : 1.5f;
    }

    private Object scalarValue(CimType t, CimInstance embedded) {
        return switch (t) {
            case SINT8 -> (long) (byte) r.nextInt();
            case UINT8 -> (long) r.nextInt(256);
            case SINT16 -> (long) (short) r.nextInt();
            case UINT16 -> (long) r.nextInt(65536);
            case SINT32 -> (long) r.nextInt();
            case UINT32 -> r.nextLong() & 0xFFFF_FFFFL;
            case SINT64, UINT64 -> r.nextLong();
            case REAL32 -> finiteFloat();
            case REAL64 -> finiteDouble();
            case BOOLEAN -> r.nextBoolean();
            case STRING -> text();
            case DATETIME -> r.nextBoolean()
                    ? CimDateTime.of(OffsetDateTime.ofInstant(Instant.ofEpochSecond(r.nextInt(2_000_000_000),
                            r.nextInt(1_000_000) * 1000L), ZoneOffset.ofHoursMinutes(r.nextInt(13), 0)))
                    : CimDateTime.ofInterval(Duration.ofSeconds(r.nextInt(1_000_000_000), r.nextInt(1_000_000) * 1000L));
            case REFERENCE -> "Cq.K=\"" + text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case CHAR16 -> (char) r.nextInt(0x10000);
            case OBJECT -> embedded;
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private CimValue value(CimType t, CimInstance embedded) {
        if (r.nextInt(8) == 0 || (t.baseType() == CimType.OBJECT && embedded == null)) {
            return CimValue.nullOf(t);
        }
        if (t.isArray()) {
            List<Object> l = new ArrayList<>();
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                l.add(scalarValue(t.baseType(), embedded));
            }
            return CimValue.of(t, l);
        }
        return CimValue.of(t, scalarValue(t, embedded));
    }

    private CimType type() {
        CimType t = SCALARS[r.nextInt(SCALARS.length)];
        return r.nextInt(4) == 0 ? t.arrayType() : t;
    }

    private String typeClass(CimType t) {
        CimType b = t.baseType();
        if (b == CimType.REFERENCE) {
            return r.nextBoolean() ? null : classes.get(0).name().text();
        }
        if (b == CimType.OBJECT) {
            return r.nextBoolean() ? null : classes.get(0).name().text();
        }
        return null;
    }

    private void properties(CimClass.Builder b, int n) {
        for (int i = 0; i < n; i++) {
            CimType t = type();
            String tc = typeClass(t);
            b.property(name("p"), t, p -> {
                p.typeClass(tc);
                for (int k = r.nextInt(3); k > 0; k--) {
                    p.qualifier(qualifier("Q"));
                }
                if (r.nextBoolean()) {
                    p.defaultValue(value(t, null));
                }
            });
        }
    }

    private void methods(CimClass.Builder b, int n) {
        for (int i = 0; i < n; i++) {
            CimType ret = r.nextInt(3) == 0 ? null : SCALARS[r.nextInt(SCALARS.length)];
            String rtc = ret == null ? null : typeClass(ret);
            b.method(name("M"), ret, m -> {
                m.returnTypeClass(rtc);
                for (int k = r.nextInt(3); k > 0; k--) {
                    m.qualifier(qualifier("Q"));
                }
                for (int k = r.nextInt(4); k > 0; k--) {
                    CimType pt = type();
                    String ptc = typeClass(pt);
                    java.util.function.Consumer<CimClass.PropertySpec> spec = p -> {
                        p.typeClass(ptc);
                        if (r.nextInt(3) == 0) {
                            p.qualifier(qualifier("Q"));
                        }
                        if (r.nextInt(4) == 0 && pt.baseType() != CimType.OBJECT) {
                            p.defaultValue(value(pt, null));
                        }
                    };
                    switch (r.nextInt(3)) {
                        case 0 -> m.in(name("a"), pt, spec);
                        case 1 -> m.out(name("a"), pt, spec);
                        default -> m.inOut(name("a"), pt, spec);
                    }
                }
            });
        }
    }

    private CimClass root() {
        CimClass.Builder b = CimClass.builder(name("C"));
        for (int k = r.nextInt(3); k > 0; k--) {
            b.qualifier(qualifier("Q"));
        }
        if (r.nextInt(5) == 0) {
            b.flag("Abstract");
        }
        for (int k = 1 + r.nextInt(2); k > 0; k--) {
            CimType t = KEY_TYPES[r.nextInt(KEY_TYPES.length)];
            b.property(name("k"), t, p -> {
                p.key();
                if (r.nextBoolean()) {
                    p.qualifier(qualifier("Q"));
                }
            });
        }
        properties(b, r.nextInt(6));
        methods(b, r.nextInt(3));
        return b.build();
    }

    private CimClass derived(CimClass root) {
        CimClass.Builder b = CimClass.derive(name("D"), root);
        for (int k = r.nextInt(3); k > 0; k--) {
            b.qualifier(qualifier("Q"));
        }
        for (CimProperty p : root.properties()) {
            int what = r.nextInt(4);
            if (what == 0 && !p.isKey()) {
                b.property(p.name().text(), p.type(), s -> s.defaultValue(value(p.type(), null)));
            } else if (what == 1) {
                b.property(p.name().text(), p.type(), s -> s.qualifier(qualifier("Q")));
            }
        }
        root.methods().forEach(m -> {
            if (r.nextBoolean()) {
                b.method(m.name().text(), m.returnType(), s -> s.qualifier(qualifier("Q")));
            }
        });
        properties(b, r.nextInt(4));
        methods(b, r.nextInt(2));
        return b.build();
    }

    private CimInstance instance(CimClass c, CimClass embeddedClass) {
        CimInstance emb = embeddedClass.newInstance().set(embeddedClass.properties().get(0).name().text(),
                CimValue.string(text())).build();
        CimInstance.Builder b = c.newInstance();
        if (r.nextBoolean()) {
            b.qualifier(qualifier("I"));
        }
        for (CimProperty p : c.properties()) {
            if (p.isKey()) {
                b.set(p.name(), CimValue.of(p.type(), scalarValue(p.type(), null)));
            } else if (r.nextBoolean()) {
                CimValue v = value(p.type(), p.typeClass() == null || p.typeClass().equals(embeddedClass.name())
                        ? emb : null);
                b.set(p.name(), v);
                if (r.nextInt(4) == 0) {
                    b.propertyQualifier(p.name().text(), qualifier("I"));
                }
            }
        }
        return b.build();
    }

    /** The MOF text of all classes then all instances. */
    String mof() {
        StringBuilder sb = new StringBuilder();
        classes.forEach(c -> sb.append(MofWriter.classText(c)).append('\n'));
        instances.forEach(i -> sb.append(MofWriter.instanceText(i)).append('\n'));
        return sb.toString();
    }
}
