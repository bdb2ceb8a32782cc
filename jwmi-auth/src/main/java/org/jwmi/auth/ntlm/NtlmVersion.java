package org.jwmi.auth.ntlm;

import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-NLMP] 2.2.2.10 VERSION: the sender's operating system version, for debugging only; it never changes how a
 * message is processed.
 *
 * @param productMajorVersion  ProductMajorVersion
 * @param productMinorVersion  ProductMinorVersion
 * @param productBuild         ProductBuild
 * @param ntlmRevisionCurrent  NTLMRevisionCurrent (0x0F = NTLMSSP_REVISION_W2K3)
 */
public record NtlmVersion(int productMajorVersion, int productMinorVersion, int productBuild, int ntlmRevisionCurrent) {

    /** The size of the structure on the wire. */
    public static final int SIZE = 8;

    /** NTLMSSP_REVISION_W2K3. */
    public static final int NTLMSSP_REVISION_W2K3 = 0x0F;

    /** What this implementation sends: 10.0 build 17763, revision 15. */
    public static final NtlmVersion DEFAULT = new NtlmVersion(10, 0, 17763, NTLMSSP_REVISION_W2K3);

    public NtlmVersion {
        if ((productMajorVersion & ~0xff) != 0 || (productMinorVersion & ~0xff) != 0 || (productBuild & ~0xffff) != 0
                || (ntlmRevisionCurrent & ~0xff) != 0) {
            throw new IllegalArgumentException("VERSION field out of range");
        }
    }

    static NtlmVersion decode(WireReader r) {
        r.enter("Version");
        int major = r.u8();
        int minor = r.u8();
        int build = r.u16();
        r.skip(3); // Reserved
        int rev = r.u8();
        r.exit();
        return new NtlmVersion(major, minor, build, rev);
    }

    void encode(WireWriter w) {
        w.u8(productMajorVersion).u8(productMinorVersion).u16(productBuild).zeros(3).u8(ntlmRevisionCurrent);
    }

    @Override
    public String toString() {
        return productMajorVersion + "." + productMinorVersion + "." + productBuild + " (NTLM revision "
                + ntlmRevisionCurrent + ")";
    }
}
