package org.jwmi.wmio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.wmio.block.ClassPart;
import org.jwmi.wmio.block.EncodingUnitInstanceNoClass;
import org.jwmi.wmio.block.InstanceType;
import org.jwmi.wmio.block.ObjectBlock;
import org.jwmi.wmio.objectarray.ObjectArray;
import org.jwmi.wmio.objectarray.WbemDatapacketObject;
import org.jwmi.wmio.objectarray.WbemObject;
import org.jwmi.wmio.objectarray.WbemObjectClass;
import org.jwmi.wmio.objectarray.WbemObjectInstance;
import org.jwmi.wmio.objectarray.WbemObjectInstanceNoClass;

/**
 * Packs objects into [MS-WMI] 2.2.14 ObjectArrays for IWbemWCOSmartEnum::Next and optimized
 * IWbemObjectSink::Indicate: classes as WBEMOBJECT_CLASS; the first instance of each class as WBEMOBJECT_INSTANCE
 * under a new classID; later instances whose CurrentClass is equal (octet for octet) as
 * WBEMOBJECT_INSTANCE_NOCLASS under that classID.
 *
 * <p>classIDs come from the injected supplier (a random GUID per class in production, a deterministic one in
 * tests). The classes sent are remembered until {@link #reset()}: create one writer per call for the per-call
 * scope [MS-WMI] 2.2.14 describes, or keep one per enumerator. Not thread-safe.
 *
 * <p>{@link #write} lays out the CurrentClass of a class once and reuses it for every instance of that class (the
 * same {@link CimClass} object, or one with the same content as far as the ClassPart shows it, compared exactly),
 * so an instance sent without its class costs about its instance part; the octets are those {@link Wmio#toBlock}
 * gives. At most 256 classes are kept this way (they survive {@link #reset()}, which forgets only
 * which classes were sent).
 */
public final class ObjectArrayWriter {
    /** Most classes whose layout is kept. */
    static final int MAX_LAYOUTS = 256;
    /** Most class objects (and ClassParts) recognised by identity. */
    private static final int MAX_IDENTITIES = 4096;

    private final Supplier<UUID> newClassId;
    private final Map<ClassPart, UUID> sent = new HashMap<>();
    /** {@link #sent} by identity, which spares hashing a ClassPart of several kilobytes per instance. */
    private final Map<ClassPart, UUID> sentIdentities = new IdentityHashMap<>();
    private final Map<CimClass, ClassLayout> layouts = new IdentityHashMap<>();
    private final Map<CimName, List<ClassLayout>> layoutsByName = new HashMap<>();
    private int layoutCount;

    public ObjectArrayWriter(Supplier<UUID> newClassId) {
        this.newClassId = Objects.requireNonNull(newClassId, "newClassId");
    }

    /** Forgets the classes sent so far. */
    public void reset() {
        sent.clear();
        sentIdentities.clear();
    }

    /** The ObjectArray of {@code objects} (bPacketType {@code packetType}). */
    public ObjectArray pack(int packetType, List<ObjectBlock> objects) {
        List<WbemDatapacketObject> out = new ArrayList<>(objects.size());
        for (ObjectBlock ob : objects) {
            WbemObject o;
            if (ob.encoding() instanceof InstanceType it) {
                ClassPart cp = it.currentClass().classPart();
                UUID id = sentIdentities.get(cp);
                boolean first = false;
                if (id == null) {
                    id = sent.get(cp);
                    if (id == null) {
                        id = Objects.requireNonNull(newClassId.get(), "classID");
                        sent.put(cp, id);
                        first = true;
                    }
                    if (sentIdentities.size() < MAX_IDENTITIES) {
                        sentIdentities.put(cp, id);
                    }
                }
                o = first ? new WbemObjectInstance(id, ob)
                        : new WbemObjectInstanceNoClass(id, EncodingUnitInstanceNoClass.of(ob));
            } else {
                o = new WbemObjectClass(ob);
            }
            out.add(new WbemDatapacketObject(o));
        }
        return new ObjectArray(0, packetType, out);
    }

    /** The encoded ObjectArray of {@code objects}, each laid out by {@link Wmio#toBlock}. */
    public byte[] write(int packetType, List<? extends CimObject> objects) {
        List<ObjectBlock> blocks = new ArrayList<>(objects.size());
        for (CimObject o : objects) {
            if (o instanceof CimInstance inst) {
                ClassLayout layout = layout(inst.cimClass());
                blocks.add(ObjectBlock.of(CimEncoding.decoration(inst.server(), inst.namespace()),
                        CimEncoding.instanceType(inst, layout)));
            } else {
                blocks.add(Wmio.toBlock(o));
            }
        }
        return pack(packetType, blocks).toByteArray();
    }

    /**
     * The EncodingUnit of {@code object}, octet for octet what {@link Wmio#encode} gives, with the class layout of an
     * instance taken from this writer's cache (what an enumerator sending full objects one by one saves). Does not
     * count as sent for {@link #write}.
     */
    public byte[] encodingUnit(CimObject object) {
        if (object instanceof CimInstance inst) {
            return org.jwmi.wmio.block.EncodingUnit.of(ObjectBlock.of(
                    CimEncoding.decoration(inst.server(), inst.namespace()),
                    CimEncoding.instanceType(inst, layout(inst.cimClass())))).toByteArray();
        }
        return Wmio.encode(object);
    }

    /** The layout of instances of {@code c}: one made earlier for {@code c} or a class of the same content. */
    ClassLayout layout(CimClass c) {
        ClassLayout layout = layouts.get(c);
        if (layout != null) {
            return layout;
        }
        List<ClassLayout> sameName = layoutsByName.get(c.name());
        if (sameName != null) {
            for (ClassLayout l : sameName) {
                if (l.fits(c)) {
                    if (layouts.size() < MAX_IDENTITIES) {
                        layouts.put(c, l);
                    }
                    return l;
                }
            }
        }
        layout = ClassLayout.of(c);
        if (layoutCount >= MAX_LAYOUTS || layouts.size() >= MAX_IDENTITIES) {
            layouts.clear();
            layoutsByName.clear();
            layoutCount = 0;
        }
        layouts.put(c, layout);
        layoutsByName.computeIfAbsent(c.name(), k -> new ArrayList<>(1)).add(layout);
        layoutCount++;
        return layout;
    }
}
