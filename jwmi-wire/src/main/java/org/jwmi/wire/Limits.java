package org.jwmi.wire;

/**
 * Every resource bound the decoders and runtimes enforce, in one value passed down explicitly.
 *
 * @param maxFragmentSize largest PDU fragment accepted (MS-RPCE 3.3.3.5.4; Windows accepts 5840 by default,
 *                        the protocol allows up to 65535)
 * @param maxBodySize     largest reassembled request or response stub (MS-RPCE 3.3.3.5.4 suggests 4 MiB)
 * @param maxArrayCount   largest element count of any decoded array
 * @param maxNesting      deepest nesting of constructed types (pointers, structures, unions)
 * @param maxConnections  most simultaneous connections a server accepts
 * @param maxTokenSize    largest authentication token accepted
 */
public record Limits(int maxFragmentSize, int maxBodySize, int maxArrayCount, int maxNesting, int maxConnections,
                     int maxTokenSize) {

    /** The defaults: 64 KiB fragments, 4 MiB bodies, 1 Mi elements, nesting 128, 256 connections, 64 KiB tokens. */
    public static final Limits DEFAULT = new Limits(65535, 4 * 1024 * 1024, 1 << 20, 128, 256, 65535);

    public Limits {
        if (maxFragmentSize < 16 || maxBodySize < 0 || maxArrayCount < 0 || maxNesting < 1 || maxConnections < 1
                || maxTokenSize < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public Limits withMaxBodySize(int v) {
        return new Limits(maxFragmentSize, v, maxArrayCount, maxNesting, maxConnections, maxTokenSize);
    }

    public Limits withMaxConnections(int v) {
        return new Limits(maxFragmentSize, maxBodySize, maxArrayCount, maxNesting, v, maxTokenSize);
    }

    public Limits withMaxFragmentSize(int v) {
        return new Limits(v, maxBodySize, maxArrayCount, maxNesting, maxConnections, maxTokenSize);
    }
}
