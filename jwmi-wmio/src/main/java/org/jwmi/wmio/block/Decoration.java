package org.jwmi.wmio.block;

import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.7 Decoration: the server and namespace the object comes from, both always present (possibly
 * empty).
 *
 * <pre>
 * Decoration = DecServerName DecNamespaceName
 * </pre>
 *
 * @param decServerName    [MS-WMIO] 2.2.8, purely documentary
 * @param decNamespaceName [MS-WMIO] 2.2.9, e.g. {@code ROOT\cimv2}
 */
public record Decoration(EncodedString decServerName, EncodedString decNamespaceName) {

    public Decoration {
        java.util.Objects.requireNonNull(decServerName, "decServerName");
        java.util.Objects.requireNonNull(decNamespaceName, "decNamespaceName");
    }

    /** A decoration with the canonical encodings of {@code server} and {@code namespace}. */
    public static Decoration of(String server, String namespace) {
        return new Decoration(EncodedString.of(server), EncodedString.of(namespace));
    }

    public int encodedLength() {
        return decServerName.encodedLength() + decNamespaceName.encodedLength();
    }

    public void encode(WireWriter w) {
        decServerName.encode(w);
        decNamespaceName.encode(w);
    }

    static Decoration decode(BlockDecoder d) {
        d.enter("Decoration");
        d.enter("DecServerName");
        EncodedString server = EncodedString.decode(d);
        d.exit();
        d.enter("DecNamespaceName");
        EncodedString namespace = EncodedString.decode(d);
        d.exit();
        d.exit();
        return new Decoration(server, namespace);
    }
}
