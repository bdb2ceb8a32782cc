package org.jwmi.wmio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
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
 */
public final class ObjectArrayWriter {
    private final Supplier<UUID> newClassId;
    private final Map<ClassPart, UUID> sent = new HashMap<>();

    public ObjectArrayWriter(Supplier<UUID> newClassId) {
        this.newClassId = Objects.requireNonNull(newClassId, "newClassId");
    }

    /** Forgets the classes sent so far. */
    public void reset() {
        sent.clear();
    }

    /** The ObjectArray of {@code objects} (bPacketType {@code packetType}). */
    public ObjectArray pack(int packetType, List<ObjectBlock> objects) {
        List<WbemDatapacketObject> out = new ArrayList<>(objects.size());
        for (ObjectBlock ob : objects) {
            WbemObject o;
            if (ob.encoding() instanceof InstanceType it) {
                ClassPart cp = it.currentClass().classPart();
                UUID id = sent.get(cp);
                if (id == null) {
                    id = newClassId.get();
                    sent.put(cp, id);
                    o = new WbemObjectInstance(id, ob);
                } else {
                    o = new WbemObjectInstanceNoClass(id, EncodingUnitInstanceNoClass.of(ob));
                }
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
            blocks.add(Wmio.toBlock(o));
        }
        return pack(packetType, blocks).toByteArray();
    }
}
