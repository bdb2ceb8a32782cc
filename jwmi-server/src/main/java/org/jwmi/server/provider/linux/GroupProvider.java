package org.jwmi.server.provider.linux;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimValue;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;
import org.jwmi.server.security.AccountDirectory;

/**
 * {@code Win32_Group}: the server's local groups from its {@link AccountDirectory}. Keys {@code Domain} +
 * {@code Name} ({@code BUILTIN} for the built-in groups, as on Windows); {@code SID}, {@code SIDType} 4
 * (SidTypeAlias: local groups are aliases), {@code LocalAccount} TRUE, {@code Caption} = {@code DOMAIN\name},
 * {@code Description} from the directory, {@code Status} "OK". The directory has no lookup by name for groups, so
 * {@code get} searches its (in-memory) list without building the other instances.
 */
public final class GroupProvider implements InstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_Group");
    static final int SID_TYPE_ALIAS = 4;

    private final AccountDirectory accounts;

    public GroupProvider(AccountDirectory accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        return accounts.groups().stream().map(g -> build(cls, g));
    }

    @Override
    public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        String domain = Props.keyText(path, "Domain");
        String name = Props.keyText(path, "Name");
        if (domain == null || name == null) {
            return Optional.empty();
        }
        return accounts.groups().stream()
                .filter(g -> g.domain().equalsIgnoreCase(domain) && g.name().equalsIgnoreCase(name))
                .findFirst().map(g -> build(cls, g));
    }

    private static CimInstance build(CimClass cls, AccountDirectory.Group g) {
        CimInstance.Builder b = CimInstance.builder(cls);
        b.set("Domain", CimValue.string(g.domain()));
        b.set("Name", CimValue.string(g.name()));
        b.set("Caption", CimValue.string(g.domain() + "\\" + g.name()));
        Props.str(b, "Description", g.description());
        b.set("SID", CimValue.string(g.sid()));
        b.set("SIDType", CimValue.uint8(SID_TYPE_ALIAS));
        b.set("LocalAccount", CimValue.bool(true));
        b.set("Status", CimValue.string("OK"));
        return b.build();
    }
}
