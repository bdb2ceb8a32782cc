package org.jwmi.wmio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;

/** Random classes and instances of the CIM model for property-based tests. */
public final class ModelGen {
    private static final CimType[] SCALARS = {CimType.SINT8, CimType.UINT8, CimType.SINT16, CimType.UINT16,
        CimType.SINT32, CimType.UINT32, CimType.SINT64, CimType.UINT64, CimType.REAL32, CimType.REAL64,
        CimType.BOOLEAN, CimType.STRING, CimType.DATETIME, CimType.REFERENCE, CimType.CHAR16, CimType.OBJECT};
    private static final int[] FLAVORS = {0, 0x01, 0x02, 0x03, 0x10, 0x12, 0x13, 0x80, 0x83};

    private final Random r;
    private int serial;
    /**
     * Keeps to what impacket 0.10's parser handles: no instance-level property qualifiers (InstPropQualSetFlag 2
     * raises), no real32/real64 scalars (it slices the heap with the float value), no embedded-object defaults (it
     * formats them as bytes).
     */
    boolean impacketSafe;

    public ModelGen(Random r) {
        this.r = r;
    }

    String identifier(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        int n = 1 + r.nextInt(10);
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.append(serial++).toString();
    }

    String text() {
        int n = r.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            char c;
            if (kind < 6) {
                c = (char) (0x20 + r.nextInt(0x5F));
            } else if (kind < 8) {
                c = (char) (0x80 + r.nextInt(0x80));
            } else {
                c = (char) (0x100 + r.nextInt(0xD700));
            }
            sb.append(c);
        }
        return sb.toString();
    }

    CimType type(boolean allowObject) {
        CimType t;
        boolean array = r.nextInt(4) == 0;
        do {
            t = SCALARS[r.nextInt(SCALARS.length)];
        } while ((t == CimType.OBJECT && !allowObject)
                || (impacketSafe && !array && (t == CimType.REAL32 || t == CimType.REAL64)));
        return array ? t.arrayType() : t;
    }

    CimValue value(CimType type, int depth) {
        if (type.isArray()) {
            int n = r.nextInt(5);
            List<CimValue> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(value(type.baseType(), depth));
            }
            List<Object> raw = new ArrayList<>();
            for (CimValue v : items) {
                raw.add(v.value());
            }
            return CimValue.array(type.baseType(), raw);
        }
        return switch (type) {
            case SINT8 -> CimValue.sint8(r.nextInt(256) - 128);
            case UINT8 -> CimValue.uint8(r.nextInt(256));
            case SINT16 -> CimValue.sint16(r.nextInt(65536) - 32768);
            case UINT16 -> CimValue.uint16(r.nextInt(65536));
            case SINT32 -> CimValue.sint32(r.nextInt());
            case UINT32 -> CimValue.uint32(r.nextInt() & 0xFFFFFFFFL);
            case SINT64 -> CimValue.sint64(r.nextLong());
            case UINT64 -> CimValue.uint64(r.nextLong());
            case REAL32 -> CimValue.real32((float) (r.nextGaussian() * 1e6));
            case REAL64 -> CimValue.real64(r.nextGaussian() * 1e12);
            case BOOLEAN -> CimValue.bool(r.nextBoolean());
            case STRING -> CimValue.string(text());
            case DATETIME -> CimValue.datetime(CimDateTime.parse(r.nextBoolean()
                    ? String.format("%04d%02d%02d%02d%02d%02d.%06d%s%03d", 1990 + r.nextInt(60), 1 + r.nextInt(12),
                            1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000000),
                            r.nextBoolean() ? "+" : "-", r.nextInt(720))
                    : String.format("%08d%02d%02d%02d.%06d:000", r.nextInt(99999999), r.nextInt(24), r.nextInt(60),
                            r.nextInt(60), r.nextInt(1000000))));
            case REFERENCE -> CimValue.reference("\\\\SRV\\root\\x:" + identifier("C") + ".Name=\"" + identifier("") + "\"");
            case CHAR16 -> CimValue.char16((char) (1 + r.nextInt(0xFFFE)));
            case OBJECT -> depth > 1 ? CimValue.nullOf(type) : CimValue.object(embedded(depth + 1));
            default -> throw new IllegalStateException();
        };
    }

    /** A small object to embed: an instance of a class without parent, methods or origin, or such a class. */
    CimObject embedded(int depth) {
        CimClass.Builder b = CimClass.builder(identifier("E_"));
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            CimType t = type(depth < 2);
            b.property(identifier("p"), t);
        }
        CimClass c = b.build();
        if (r.nextInt(4) == 0) {
            return c;
        }
        return instance(c, depth);
    }

    QualifierFlavor flavor() {
        return QualifierFlavor.of(FLAVORS[r.nextInt(FLAVORS.length)]);
    }

    CimValue qualifierValue() {
        return switch (r.nextInt(5)) {
            case 0 -> CimValue.bool(true);
            case 1 -> CimValue.sint32(r.nextInt());
            case 2 -> CimValue.string(text());
            case 3 -> value(CimType.STRING_ARRAY, 2);
            default -> value(type(false).baseType(), 2);
        };
    }

    public CimClass cimClass() {
        CimClass base = null;
        if (r.nextInt(5) < 2) {
            base = build(null, 0);
        }
        return build(base, 0);
    }

    CimClass build(CimClass superclass, int depth) {
        CimClass.Builder b = superclass == null ? CimClass.builder(identifier("C_"))
                : CimClass.derive(identifier("D_"), superclass);
        int nq = r.nextInt(4);
        for (int i = 0; i < nq; i++) {
            b.qualifier(identifier("Q"), qualifierValue(), flavor());
        }
        int np = r.nextInt(9);
        for (int i = 0; i < np; i++) {
            CimType t = type(true);
            boolean key = i == 0 && superclass == null && r.nextInt(3) == 0;
            if (key) {
                t = r.nextBoolean() ? CimType.SINT32 : CimType.STRING;
            }
            boolean withDefault = r.nextInt(3) == 0 && !(impacketSafe && t.baseType() == CimType.OBJECT);
            boolean typed = t.baseType() == CimType.REFERENCE && r.nextBoolean();
            CimValue dflt = withDefault ? value(t, depth + 1) : null;
            int nqp = r.nextInt(3);
            List<String> qn = new ArrayList<>();
            List<CimValue> qv = new ArrayList<>();
            List<QualifierFlavor> qf = new ArrayList<>();
            for (int k = 0; k < nqp; k++) {
                qn.add(identifier("PQ"));
                qv.add(qualifierValue());
                qf.add(flavor());
            }
            final CimType type = t;
            b.property(identifier("P"), type, p -> {
                if (key) {
                    p.key();
                }
                if (dflt != null) {
                    p.defaultValue(dflt);
                }
                if (typed) {
                    p.typeClass(identifier("T_"));
                }
                for (int k = 0; k < qn.size(); k++) {
                    p.qualifier(qn.get(k), qv.get(k), qf.get(k));
                }
            });
        }
        int nm = r.nextInt(3);
        for (int i = 0; i < nm; i++) {
            CimType ret = r.nextInt(4) == 0 ? null : type(false).baseType();
            int nin = r.nextInt(3);
            int nout = r.nextInt(3);
            List<String> names = new ArrayList<>();
            List<CimType> types = new ArrayList<>();
            for (int k = 0; k < nin + nout; k++) {
                names.add(identifier("a"));
                types.add(type(false));
            }
            boolean qualified = r.nextBoolean();
            String qname = identifier("MQ");
            b.method(identifier("M"), ret, m -> {
                for (int k = 0; k < nin; k++) {
                    m.in(names.get(k), types.get(k));
                }
                for (int k = nin; k < nin + nout; k++) {
                    m.out(names.get(k), types.get(k));
                }
                if (qualified) {
                    m.qualifier(qname, CimValue.bool(true), QualifierFlavor.DEFAULT);
                }
            });
        }
        if (r.nextBoolean()) {
            b.origin("SRV-" + r.nextInt(100), "root\\ns" + r.nextInt(10));
        }
        return b.build();
    }

    public CimInstance instance(CimClass c, int depth) {
        CimInstance.Builder b = c.newInstance();
        List<CimProperty> props = c.properties();
        Set<CimName> qualified = new LinkedHashSet<>();
        for (int i = 0; i < props.size(); i++) {
            int choice = r.nextInt(5);
            if (choice == 0) {
                continue;
            }
            if (choice == 1) {
                b.setAt(i, CimValue.nullOf(props.get(i).type()));
            } else {
                b.setAt(i, value(props.get(i).type(), depth + 1));
            }
            if (!impacketSafe && r.nextInt(8) == 0) {
                qualified.add(props.get(i).name());
            }
        }
        if (depth == 0 && r.nextInt(4) == 0) {
            b.qualifier(org.jwmi.cim.CimQualifier.of(identifier("IQ"), qualifierValue(), flavor()));
        }
        for (CimName n : qualified) {
            b.propertyQualifier(n.text(), org.jwmi.cim.CimQualifier.of(identifier("IPQ"), qualifierValue(), flavor()));
        }
        if (depth == 0 && r.nextBoolean()) {
            b.origin("SRV", "root\\cimv2");
        }
        return b.build();
    }
}
