package org.jwmi.rpc.epm;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [C706] Appendix O ept_entry_t: one element of the endpoint map as ept_lookup returns it.
 * <pre>
 * typedef struct {
 *     uuid_t object;
 *     twr_p_t tower;
 *     [string] char annotation[ept_max_annotation_size];   // 64, terminator included
 * } ept_entry_t;
 * </pre>
 *
 * @param object     the object UUID (nil for "any object")
 * @param tower      the tower, empty for a NULL pointer
 * @param annotation the annotation without its terminator (ISO-8859-1, at most 63 characters)
 */
public record EptEntry(UUID object, Optional<Twr> tower, String annotation) {

    public EptEntry {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(tower, "tower");
        Objects.requireNonNull(annotation, "annotation");
        if (annotation.length() >= Epm.MAX_ANNOTATION_SIZE) {
            throw new IllegalArgumentException("annotation longer than " + (Epm.MAX_ANNOTATION_SIZE - 1));
        }
    }

    public static EptEntry decode(NdrReader r) {
        return r.struct("ept_entry_t", 4, s -> new EptEntry(
                s.field("object", NdrReader::uuid),
                Optional.ofNullable(s.field("tower", t -> t.uniquePtr(Twr::decode))),
                s.field("annotation", a -> a.varyingStringA(Epm.MAX_ANNOTATION_SIZE))));
    }

    public static void encode(NdrWriter w, EptEntry e) {
        w.struct(4, s -> s.uuid(e.object)
                .uniquePtr(e.tower.orElse(null), Twr::encode)
                .varyingStringA(Epm.MAX_ANNOTATION_SIZE, e.annotation));
    }
}
