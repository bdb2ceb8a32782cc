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
import org.jwmi.wmio.block.ClassPartCache;
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
 * decoded once per classID and mapped to the CIM model once per classID; the instances of one class and origin
 * share one {@link CimClass}. ClassParts of WBEMOBJECT_INSTANCE and WBEMOBJECT_CLASS objects are looked up in, and
 * remembered in, a {@link ClassPartCache} ({@link ClassPartCache#shared()} unless one is given), so a class sent
 * again in a later call costs an octet comparison. Not thread-safe. Failures are {@link ProtocolException}s.
 */
public final class ObjectArrayReader {
    private final ClassIdTable classes;
    private final Limits limits;
    private final ClassPartCache classParts;
    private final Map<ClassAndMethodsPart, CimMapping.InstanceClass> mapped = new IdentityHashMap<>();
    /** The class with an origin given to the last decorated instance, and what it was made from. */
    private CimMapping.InstanceClass lastClass;
    private String lastServer;
    private String lastNamespace;
    private CimClass lastWithOrigin;

    public ObjectArrayReader(Limits limits) {
        this(new ClassIdTable(), limits);
    }

    public ObjectArrayReader(ClassIdTable classes, Limits limits) {
        this(classes, limits, ClassPartCache.shared());
    }

    /** A reader using {@code classParts} as its cache of decoded ClassParts (null: none). */
    public ObjectArrayReader(ClassIdTable classes, Limits limits, ClassPartCache classParts) {
        this.classes = Objects.requireNonNull(classes, "classes");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.classParts = classParts;
    }

    /** The decoded ObjectArray (NOCLASS instances carry their borrowed class). */
    public ObjectArray decode(byte[] bytes) {
        return ObjectArray.decode(bytes, classes, limits, classParts);
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
                CimMapping.InstanceClass c = mapped.get(it.currentClass());
                if (c == null) {
                    c = instanceClass(it.currentClass());
                    mapped.put(it.currentClass(), c);
                }
                out.add(instance(ob, it, c));
            } else {
                out.add(Wmio.toCim(ob, classParts));
            }
        }
        return out;
    }

    private CimMapping.InstanceClass instanceClass(ClassAndMethodsPart currentClass) {
        try {
            return CimMapping.instanceClass(currentClass.classPart(), classParts);
        } catch (CimException | IllegalArgumentException e) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 0, "CurrentClass",
                    "the class does not form a valid CIM class: " + e.getMessage());
        }
    }

    private CimObject instance(ObjectBlock ob, InstanceType it, CimMapping.InstanceClass ic) {
        Decoration dec = ob.decoration();
        try {
            CimClass c = ic.cimClass();
            if (dec != null) {
                c = withOrigin(ic, dec.decServerName().value(), dec.decNamespaceName().value());
            }
            CimObject i = CimMapping.instance(it, c, ic);
            return dec == null ? i : i.withOrigin(dec.decServerName().value(), dec.decNamespaceName().value());
        } catch (CimException | IllegalArgumentException e) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 0, "ObjectBlock.InstanceType",
                    "the instance does not form a valid CIM instance: " + e.getMessage());
        }
    }

    /** {@code ic}'s class with an origin; instances of one class from one origin share it. */
    private CimClass withOrigin(CimMapping.InstanceClass ic, String server, String namespace) {
        if (ic != lastClass || !Objects.equals(server, lastServer) || !Objects.equals(namespace, lastNamespace)) {
            lastWithOrigin = ic.cimClass().withOrigin(server, namespace);
            lastClass = ic;
            lastServer = server;
            lastNamespace = namespace;
        }
        return lastWithOrigin;
    }
}
