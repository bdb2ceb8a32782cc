package org.jwmi.wmio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimObject;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmio.block.ClassAndMethodsPart;
import org.jwmi.wmio.block.Decoration;
import org.jwmi.wmio.block.InstanceType;
import org.jwmi.wmio.block.ObjectBlock;
import org.jwmi.wmio.objectarray.ClassIdTable;
import org.jwmi.wmio.objectarray.ObjectArray;
import org.jwmi.wmio.objectarray.WbemDatapacketObject;
import org.jwmi.wmio.objectarray.WbemObjectClass;
import org.jwmi.wmio.objectarray.WbemObjectInstance;
import org.jwmi.wmio.objectarray.WbemObjectInstanceNoClass;

/**
 * Unpacks [MS-WMI] 2.2.14 ObjectArrays: every object comes back complete, instances sent without their class
 * taking it from the WBEMOBJECT_INSTANCE with the same classID. The classIDs seen are kept in a
 * {@link ClassIdTable} for as long as this reader lives (one reader per call, or one per enumerator). A class is
 * mapped to the CIM model once per classID. Not thread-safe. Failures are {@link ProtocolException}s.
 */
public final class ObjectArrayReader {
    private final ClassIdTable classes;
    private final Limits limits;
    private final Map<ClassAndMethodsPart, CimClass> mapped = new IdentityHashMap<>();

    public ObjectArrayReader(Limits limits) {
        this(new ClassIdTable(), limits);
    }

    public ObjectArrayReader(ClassIdTable classes, Limits limits) {
        this.classes = Objects.requireNonNull(classes, "classes");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The decoded ObjectArray (NOCLASS instances carry their borrowed class). */
    public ObjectArray decode(byte[] bytes) {
        return ObjectArray.decode(bytes, classes, limits);
    }

    /** The objects of an ObjectArray as complete ObjectBlocks. */
    public List<ObjectBlock> readBlocks(byte[] bytes) {
        ObjectArray array = decode(bytes);
        List<ObjectBlock> out = new ArrayList<>(array.wbemObjects().size());
        for (WbemDatapacketObject p : array.wbemObjects()) {
            if (p.object() instanceof WbemObjectClass c) {
                out.add(c.objectData());
            } else if (p.object() instanceof WbemObjectInstance i) {
                out.add(i.objectData());
            } else {
                out.add(((WbemObjectInstanceNoClass) p.object()).objectData().toObjectBlock());
            }
        }
        return out;
    }

    /** The objects of an ObjectArray in the CIM model. */
    public List<CimObject> read(byte[] bytes) {
        List<ObjectBlock> blocks = readBlocks(bytes);
        List<CimObject> out = new ArrayList<>(blocks.size());
        for (ObjectBlock ob : blocks) {
            if (ob.encoding() instanceof InstanceType it) {
                CimClass c = mapped.get(it.currentClass());
                if (c == null) {
                    c = Wmio.currentClass(it.currentClass());
                    mapped.put(it.currentClass(), c);
                }
                out.add(instance(ob, it, c));
            } else {
                out.add(Wmio.toCim(ob));
            }
        }
        return out;
    }

    private static CimObject instance(ObjectBlock ob, InstanceType it, CimClass c) {
        Decoration dec = ob.decoration();
        try {
            if (dec != null) {
                c = c.withOrigin(dec.decServerName().value(), dec.decNamespaceName().value());
            }
            CimObject i = CimMapping.instance(it, c);
            return dec == null ? i : i.withOrigin(dec.decServerName().value(), dec.decNamespaceName().value());
        } catch (CimException | IllegalArgumentException e) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 0, "ObjectBlock.InstanceType",
                    "the instance does not form a valid CIM instance: " + e.getMessage());
        }
    }
}
