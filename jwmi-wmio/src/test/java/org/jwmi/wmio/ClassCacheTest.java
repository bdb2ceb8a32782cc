package org.jwmi.wmio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimQualifierSet;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmio.block.ClassPart;
import org.jwmi.wmio.block.ClassPartCache;
import org.jwmi.wmio.block.EncodingUnit;
import org.jwmi.wmio.block.EncodingUnitInstanceNoClass;
import org.jwmi.wmio.block.InstanceType;
import org.jwmi.wmio.block.ObjectBlock;
import org.jwmi.wmio.objectarray.ClassIdTable;
import org.jwmi.wmio.objectarray.ObjectArray;
import org.jwmi.wmio.objectarray.WbemDatapacketObject;
import org.jwmi.wmio.objectarray.WbemObjectClass;
import org.jwmi.wmio.objectarray.WbemObjectInstance;
import org.jwmi.wmio.objectarray.WbemObjectInstanceNoClass;
import org.junit.jupiter.api.Test;

/**
 * The class caches change no octet and no failure: {@link ObjectArrayWriter} reusing a class's layout writes what
 * fresh {@link Wmio#toBlock} blocks give, and decoding through a {@link ClassPartCache} gives what decoding without
 * one gives, including for classes whose content changed under the same name.
 */
class ClassCacheTest {
    private static final Limits LIMITS = Limits.DEFAULT;

    static Supplier<UUID> ids() {
        long[] n = {0};
        return () -> new UUID(0x5555666677778888L, ++n[0]);
    }

    /**
     * The ObjectArray [MS-WMI] 2.2.14 describes, built without any cache: every object laid out afresh, an
     * instance sent with its class when no earlier instance had an equal ClassPart.
     */
    static byte[] reference(List<? extends CimObject> objects, Supplier<UUID> ids) {
        List<ClassPart> seen = new ArrayList<>();
        List<UUID> seenIds = new ArrayList<>();
        List<WbemDatapacketObject> out = new ArrayList<>();
        for (CimObject o : objects) {
            ObjectBlock ob = Wmio.toBlock(o);
            if (ob.encoding() instanceof InstanceType it) {
                int k = seen.indexOf(it.currentClass().classPart());
                if (k < 0) {
                    UUID id = ids.get();
                    seen.add(it.currentClass().classPart());
                    seenIds.add(id);
                    out.add(new WbemDatapacketObject(new WbemObjectInstance(id, ob)));
                } else {
                    out.add(new WbemDatapacketObject(new WbemObjectInstanceNoClass(seenIds.get(k),
                            EncodingUnitInstanceNoClass.of(ob))));
                }
            } else {
                out.add(new WbemDatapacketObject(new WbemObjectClass(ob)));
            }
        }
        return new ObjectArray(0, ObjectArray.PACKET_SMART_ENUM, out).toByteArray();
    }

    /** {@code c} as another object of the same content. */
    static CimClass copy(CimClass c) {
        return CimClass.of(c.name(), c.derivation(), c.qualifiers(), c.properties(), c.methods(), c.parentClass())
                .withOrigin(c.server(), c.namespace());
    }

    /**
     * A class with {@code c}'s name (as a {@link CimName}) whose ClassPart differs in one way: the spelling of the
     * class name, a class qualifier, the spelling of a property name, a property default, a property qualifier's
     * flavor, or the type of a property. Null when {@code c} offers nothing to change that way.
     */
    static CimClass changed(CimClass c, int how) {
        List<CimProperty> props = new ArrayList<>(c.properties());
        CimQualifierSet qualifiers = c.qualifiers();
        CimName name = c.name();
        int last = props.size() - 1;
        switch (how % 6) {
            case 0 -> {
                String upper = name.text().toUpperCase(Locale.ROOT);
                String lower = name.text().toLowerCase(Locale.ROOT);
                name = CimName.of(upper.equals(name.text()) ? lower : upper);
                if (name.text().equals(c.name().text())) {
                    return null;
                }
                for (int k = 0; k < props.size(); k++) {
                    CimProperty p = props.get(k);
                    if (p.classOfOrigin().equals(c.name())) {
                        props.set(k, new CimProperty(p.name(), p.type(), p.typeClass(), p.qualifiers(), name,
                                p.defaultValue(), p.defaultInherited()));
                    }
                }
            }
            case 1 -> qualifiers = qualifiers.with(CimQualifier.of("Changed", CimValue.sint32(how)));
            case 2 -> {
                if (last < 0) {
                    return null;
                }
                CimProperty p = props.get(last);
                String t = p.name().text();
                String flipped = t.toUpperCase(Locale.ROOT).equals(t) ? t.toLowerCase(Locale.ROOT)
                        : t.toUpperCase(Locale.ROOT);
                props.set(last, new CimProperty(CimName.of(flipped), p.type(), p.typeClass(), p.qualifiers(),
                        p.classOfOrigin(), p.defaultValue(), p.defaultInherited()));
            }
            case 3 -> {
                if (last < 0 || props.get(last).type() != CimType.STRING) {
                    props.add(new CimProperty(CimName.of("Zz_Added"), CimType.STRING, null, CimQualifierSet.EMPTY,
                            c.name(), CimValue.string("x"), false));
                } else {
                    CimProperty p = props.get(last);
                    String old = p.defaultValue().isNull() ? "" : p.defaultValue().asString();
                    props.set(last, p.withDefault(CimValue.string(old + "!"), false));
                }
            }
            case 4 -> {
                int k = -1;
                for (int i = 0; i < props.size(); i++) {
                    if (!props.get(i).qualifiers().isEmpty()) {
                        k = i;
                    }
                }
                if (k < 0) {
                    return null;
                }
                CimProperty p = props.get(k);
                List<CimQualifier> q = new ArrayList<>(p.qualifiers().asList());
                CimQualifier first = q.get(0);
                q.set(0, first.withFlavor(QualifierFlavor.of(first.flavor().bits() ^ QualifierFlavor.ORIGIN_PROPAGATED)));
                props.set(k, p.withQualifiers(CimQualifierSet.of(q)));
            }
            default -> {
                if (last < 0 || props.get(last).type() != CimType.SINT32) {
                    props.add(new CimProperty(CimName.of("Zz_Typed"), CimType.SINT32, null, CimQualifierSet.EMPTY,
                            c.name(), CimValue.nullOf(CimType.SINT32), false));
                } else {
                    CimProperty p = props.get(last);
                    props.set(last, new CimProperty(p.name(), CimType.UINT32, null, p.qualifiers(), p.classOfOrigin(),
                            CimValue.nullOf(CimType.UINT32), p.defaultInherited()));
                }
            }
        }
        return CimClass.of(name, c.derivation(), qualifiers, props, c.methods(), c.parentClass());
    }

    /** Generated instances of a few classes, of copies of them and of changed classes of the same name. */
    record Batch(List<CimObject> objects) {
        @Override
        public String toString() {
            return objects.size() + " objects";
        }
    }

    @Provide
    Arbitrary<Batch> batches() {
        return Arbitraries.randomValue(r -> {
            ModelGen g = new ModelGen(r);
            List<CimClass> classes = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                CimClass c = g.cimClass();
                classes.add(c);
                if (r.nextBoolean()) {
                    classes.add(copy(c));
                }
                CimClass d = changed(c, r.nextInt(6));
                if (d != null) {
                    classes.add(d);
                }
            }
            List<CimObject> objects = new ArrayList<>();
            int count = 1 + r.nextInt(12);
            for (int i = 0; i < count; i++) {
                CimClass c = classes.get(r.nextInt(classes.size()));
                objects.add(r.nextInt(8) == 0 ? c : g.instance(c, 0));
            }
            return new Batch(objects);
        });
    }

    @Property(tries = 300)
    void theWriterGivesTheOctetsOfFreshlyLaidOutObjects(@ForAll("batches") Batch batch) {
        ObjectArrayWriter writer = new ObjectArrayWriter(ids());
        byte[] written = writer.write(ObjectArray.PACKET_SMART_ENUM, batch.objects());
        assertThat(written).isEqualTo(reference(batch.objects(), ids()));

        // Layouts outlive reset(); the next call must still send every class afresh, under new classIDs.
        writer.reset();
        List<CimObject> reversed = new ArrayList<>(batch.objects());
        Collections.reverse(reversed);
        Supplier<UUID> expectedIds = ids();
        for (int k = 0; k < countInstancesSent(written); k++) {
            expectedIds.get();
        }
        assertThat(writer.write(ObjectArray.PACKET_SMART_ENUM, reversed)).isEqualTo(reference(reversed, expectedIds));
    }

    private static int countInstancesSent(byte[] objectArray) {
        int n = 0;
        for (WbemDatapacketObject p : ObjectArray.decode(objectArray, new ClassIdTable(), LIMITS).wbemObjects()) {
            if (p.object() instanceof WbemObjectInstance) {
                n++;
            }
        }
        return n;
    }

    @Property(tries = 300)
    void decodingThroughTheCacheGivesWhatDecodingWithoutItGives(@ForAll("batches") Batch batch) {
        ClassPartCache cache = new ClassPartCache(4, 1 << 20);
        for (int pass = 0; pass < 2; pass++) {
            for (CimObject o : batch.objects()) {
                byte[] bytes = Wmio.encode(o);
                CimObject plain = Wmio.decode(bytes, LIMITS, null);
                assertThat(Wmio.decode(bytes, LIMITS, cache)).isEqualTo(plain);
                EncodingUnit unit = EncodingUnit.decode(bytes, LIMITS, cache);
                assertThat(unit).isEqualTo(EncodingUnit.decode(bytes, LIMITS));
                assertThat(unit.toByteArray()).isEqualTo(bytes);
                assertThat(Wmio.encode(Wmio.toCim(unit.objectBlock(), cache))).isEqualTo(bytes);
            }
            byte[] array = new ObjectArrayWriter(ids()).write(ObjectArray.PACKET_SMART_ENUM, batch.objects());
            List<CimObject> plain = new ObjectArrayReader(new ClassIdTable(), LIMITS, null).read(array);
            assertThat(new ObjectArrayReader(new ClassIdTable(), LIMITS, cache).read(array)).isEqualTo(plain);
            assertThat(new ObjectArrayWriter(ids()).write(ObjectArray.PACKET_SMART_ENUM, plain)).isEqualTo(array);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(4);
    }

    static CimClass disk(String sizeName, double sizeDefault, String description) {
        return CimClass.builder("Disk")
                .qualifier("Description", CimValue.string(description))
                .qualifier("Provider", CimValue.string("DiskProvider"))
                .property("Name", CimType.STRING, p -> p.key().qualifier("MaxLen", CimValue.uint32(256)))
                .property(sizeName, CimType.REAL64, p -> p.defaultValue(CimValue.real64(sizeDefault))
                        .qualifier("Units", CimValue.string("bytes")))
                .property("Volumes", CimType.STRING_ARRAY, p -> p.qualifier("ValueMap",
                        CimValue.array(CimType.STRING, List.of("C", "D", "E", "F"))))
                .build();
    }

    static CimInstance disk(CimClass c, String name) {
        return c.newInstance().set("Name", name).set("Volumes", List.of("C")).build();
    }

    /** The same class, its content changed in ways a name or CimClass.equals does not see. */
    static List<CimClass> disks() {
        double nan1 = Double.longBitsToDouble(0x7FF8000000000001L);
        double nan2 = Double.longBitsToDouble(0x7FF8000000000002L);
        return List.of(disk("Size", 1.0, "Disks"), disk("SIZE", 1.0, "Disks"), disk("Size", 2.0, "Disks"),
                disk("Size", 1.0, "Disk drives"), disk("Size", nan1, "Disks"), disk("Size", nan2, "Disks"));
    }

    @Test
    void aClassChangedUnderTheSameNameIsNotServedStaleByTheWriter() {
        List<CimClass> versions = disks();
        for (int k = 0; k < versions.size(); k++) {
            for (int j = k + 1; j < versions.size(); j++) {
                assertThat(Wmio.classPart(versions.get(k))).as("version %d vs %d", k, j)
                        .isNotEqualTo(Wmio.classPart(versions.get(j)));
            }
        }
        assertThat(versions.get(4)).isEqualTo(versions.get(5)); // CimValue equality does not see NaN payloads
        List<CimObject> objects = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < versions.size(); k++) {
                objects.add(disk(versions.get(k), "d" + k + "-" + round));
            }
        }
        ObjectArrayWriter writer = new ObjectArrayWriter(ids());
        byte[] bytes = writer.write(ObjectArray.PACKET_SMART_ENUM, objects);
        assertThat(bytes).isEqualTo(reference(objects, ids()));
        List<WbemDatapacketObject> packed = ObjectArray.decode(bytes, new ClassIdTable(), LIMITS).wbemObjects();
        for (int k = 0; k < versions.size(); k++) {
            assertThat(packed.get(k).object()).isInstanceOf(WbemObjectInstance.class);
            assertThat(packed.get(versions.size() + k).object()).isInstanceOf(WbemObjectInstanceNoClass.class);
            assertThat(((WbemObjectInstanceNoClass) packed.get(versions.size() + k).object()).classId())
                    .isEqualTo(((WbemObjectInstance) packed.get(k).object()).classId());
        }
        List<CimObject> back = new ObjectArrayReader(LIMITS).read(bytes);
        for (int i = 0; i < objects.size(); i++) {
            assertThat(Wmio.encode(back.get(i))).isEqualTo(Wmio.encode(objects.get(i)));
        }
    }

    @Test
    void aClassChangedUnderTheSameNameIsNotServedStaleByTheDecoder() {
        ClassPartCache cache = new ClassPartCache(16, 1 << 20);
        for (int round = 0; round < 2; round++) {
            for (CimClass c : disks()) {
                byte[] bytes = Wmio.encode(disk(c, "d"));
                assertThat(Wmio.decode(bytes, LIMITS, cache)).isEqualTo(Wmio.decode(bytes, LIMITS, null));
                assertThat(Wmio.encode(Wmio.decode(bytes, LIMITS, cache))).isEqualTo(bytes);
                byte[] classBytes = Wmio.encode(c);
                assertThat(Wmio.encode(Wmio.decode(classBytes, LIMITS, cache))).isEqualTo(classBytes);
            }
        }
        assertThat(cache.size()).isEqualTo(disks().size());
    }

    @Test
    void theCacheKeepsItsOwnCopyOfTheOctets() {
        ClassPartCache cache = new ClassPartCache(16, 1 << 20);
        byte[] bytes = Wmio.encode(disk(disks().get(0), "d"));
        byte[] original = bytes.clone();
        ClassPart first = classPartOf(EncodingUnit.decode(bytes, LIMITS, cache));
        CimInstance before = (CimInstance) Wmio.decode(bytes, LIMITS, cache);
        bytes[indexOf(bytes, "Disks")] = 'R';
        CimInstance after = (CimInstance) Wmio.decode(bytes, LIMITS, cache);
        assertThat(after).isEqualTo(Wmio.decode(bytes, LIMITS, null));
        assertThat(after.cimClass().qualifiers().value("Description").asString()).isEqualTo("Risks");
        assertThat(before.cimClass().qualifiers().value("Description").asString()).isEqualTo("Disks");
        // The entry made from the first buffer still serves the original octets, wherever they come from.
        assertThat(classPartOf(EncodingUnit.decode(original, LIMITS, cache))).isSameAs(first);
    }

    private static ClassPart classPartOf(EncodingUnit unit) {
        return ((InstanceType) unit.objectBlock().encoding()).currentClass().classPart();
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError(ascii + " not found");
    }

    @Test
    void aClassPartDecodedUnderOtherLimitsIsNotReused() {
        ClassPartCache cache = new ClassPartCache(16, 1 << 20);
        byte[] bytes = Wmio.encode(disk(disks().get(0), "d"));
        Wmio.decode(bytes, LIMITS, cache);
        assertThat(cache.size()).isEqualTo(1);
        Limits strict = new Limits(65535, 4 << 20, 3, 128, 256, 65535);
        Throwable cached = catchThrowable(() -> Wmio.decode(bytes, strict, cache));
        Throwable plain = catchThrowable(() -> Wmio.decode(bytes, strict, null));
        assertThat(plain).isInstanceOf(ProtocolException.class);
        assertThat(cached).isInstanceOf(ProtocolException.class).hasMessage(plain.getMessage());
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void onlyTheOutermostObjectsClassPartIsCached() {
        CimClass inner = disks().get(0);
        CimClass outer = CimClass.builder("Holder").qualifier("Description", CimValue.string("x".repeat(200)))
                .property("Item", CimType.OBJECT).build();
        CimInstance holder = outer.newInstance().set("Item", CimValue.object(disk(inner, "inner"))).build();
        ClassPartCache cache = new ClassPartCache(16, 1 << 20);
        byte[] bytes = Wmio.encode(holder);
        assertThat(Wmio.decode(bytes, LIMITS, cache)).isEqualTo(Wmio.decode(bytes, LIMITS, null));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.octets()).isEqualTo(Wmio.classPart(outer).encodedLength());
    }

    @Test
    void theCacheIsBoundedByEntriesAndOctets() {
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            blobs.add(Wmio.encode(disk(disk("Size", i, "Disks " + i), "d")));
        }
        int partLength = Wmio.classPart(disk("Size", 0, "Disks 0")).encodedLength();
        assertThat(partLength).isGreaterThanOrEqualTo(ClassPartCache.MIN_LENGTH);

        ClassPartCache fewEntries = new ClassPartCache(3, 1 << 20);
        ClassPartCache fewOctets = new ClassPartCache(100, 5L * partLength);
        ClassPartCache tooSmall = new ClassPartCache(100, partLength - 1);
        ClassPartCache off = new ClassPartCache(0, 1 << 20);
        for (int round = 0; round < 2; round++) {
            for (byte[] b : blobs) {
                CimObject plain = Wmio.decode(b, LIMITS, null);
                for (ClassPartCache c : List.of(fewEntries, fewOctets, tooSmall, off)) {
                    assertThat(Wmio.decode(b, LIMITS, c)).isEqualTo(plain);
                }
                assertThat(fewEntries.size()).isLessThanOrEqualTo(3);
                assertThat(fewOctets.octets()).isLessThanOrEqualTo(5L * partLength);
            }
        }
        assertThat(fewEntries.size()).isEqualTo(3);
        assertThat(fewOctets.size()).isBetween(4, 5);
        assertThat(tooSmall.size()).isZero();
        assertThat(off.size()).isZero();
    }

    @Test
    void theCacheServesManyThreads() throws Exception {
        List<byte[]> blobs = new ArrayList<>();
        List<CimObject> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] b = Wmio.encode(disk(disk("Size", i, "Disks " + i), "d" + i));
            blobs.add(b);
            expected.add(Wmio.decode(b, LIMITS, null));
        }
        ClassPartCache cache = new ClassPartCache(3, 1 << 20);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < 400; i++) {
                        int k = r.nextInt(blobs.size());
                        if (!Wmio.decode(blobs.get(k), LIMITS, cache).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    /**
     * Mutated encodings decode alike with and without a cache that already holds their unmutated classes: the same
     * objects, or the same failure at the same offset and path.
     */
    @Test
    void mutatedBlobsDecodeAlikeWithAndWithoutTheCache() {
        List<byte[]> seeds = FuzzTest.seeds();
        CimClass process = (CimClass) Wmio.decode(Vectors.load(Vectors.WIN32_PROCESS), LIMITS, null);
        CimInstance.Builder b = process.newInstance().set("Name", "svchost.exe").set("ProcessId", 8L)
                .set("CommandLine", "C:\\Windows\\system32\\svchost.exe -k netsvcs").origin("SRV", "root\\cimv2");
        seeds.add(Wmio.encode(b.build()));
        ClassPartCache cache = new ClassPartCache(64, 4 << 20);
        for (byte[] s : seeds) {
            catchThrowable(() -> decodeAny(s, cache));
        }
        Random r = new Random(99);
        int compared = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] blob = FuzzTest.mutate(seeds.get(r.nextInt(seeds.size())).clone(), r);
            Object plain = outcome(blob, null);
            Object cached = outcome(blob, cache);
            assertThat(cached).as("blob %s", Hex.encode(blob)).isEqualTo(plain);
            compared++;
        }
        assertThat(compared).isEqualTo(4000);
        assertThat(cache.size()).isGreaterThan(5);
    }

    private static Object outcome(byte[] blob, ClassPartCache cache) {
        try {
            return decodeAny(blob, cache);
        } catch (ProtocolException e) {
            return e.kind() + " @" + e.offset() + " " + e.path();
        }
    }

    private static Object decodeAny(byte[] blob, ClassPartCache cache) {
        if (blob.length >= 12 && blob[4] == 'W') {
            return new ObjectArrayReader(new ClassIdTable(), LIMITS, cache).read(blob);
        }
        return Wmio.decode(blob, LIMITS, cache);
    }

    @Test
    void wmioDecodeUsesTheSharedCache() {
        byte[] bytes = Wmio.encode(disk(disk("Size", 42.5, "Shared"), "d"));
        CimInstance first = (CimInstance) Wmio.decode(bytes);
        CimInstance second = (CimInstance) Wmio.decode(bytes);
        assertThat(second).isEqualTo(first).isEqualTo(Wmio.decode(bytes, LIMITS, null));
        assertThat(second.cimClass()).isSameAs(first.cimClass());
    }

    @Test
    void derivedValuesAreKeptOnlyForPartsTheCacheHolds() {
        ClassPartCache cache = new ClassPartCache(4, 1 << 20);
        ClassPart foreign = Wmio.classPart(disks().get(0));
        int[] computed = {0};
        for (int i = 0; i < 3; i++) {
            cache.derived(foreign, String.class, p -> "v" + ++computed[0]);
        }
        assertThat(computed[0]).isEqualTo(3);
        assertThatThrownBy(() -> cache.derived(foreign, String.class, p -> null)).isInstanceOf(NullPointerException.class);
    }
}
