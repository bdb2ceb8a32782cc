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
 * {@code Win32_UserAccount}: the server's local users from its {@link AccountDirectory} (not {@code /etc/passwd}:
 * these are the accounts callers log on with). Keys {@code Domain} + {@code Name}; {@code SID}, {@code SIDType} 1
 * (SidTypeUser), {@code LocalAccount} TRUE, {@code AccountType} 512 (UF_NORMAL_ACCOUNT), {@code Disabled},
 * {@code Caption} = {@code DOMAIN\name}, {@code Status} "OK", or "Degraded" for a disabled account as Windows
 * shows it. Full name, lockout and password policy are not in the directory and stay NULL. {@code get} asks the
 * directory for the one user.
 */
public final class UserAccountProvider implements InstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_UserAccount");
    static final int SID_TYPE_USER = 1;
    static final long UF_NORMAL_ACCOUNT = 512;

    private final AccountDirectory accounts;

    public UserAccountProvider(AccountDirectory accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        return accounts.users().stream().map(u -> build(cls, u));
    }

    @Override
    public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        String domain = Props.keyText(path, "Domain");
        String name = Props.keyText(path, "Name");
        if (domain == null || domain.isEmpty() || name == null) {
            return Optional.empty();
        }
        return accounts.user(domain, name)
                .filter(u -> u.domain().equalsIgnoreCase(domain) && u.name().equalsIgnoreCase(name))
                .map(u -> build(cls, u));
    }

    private static CimInstance build(CimClass cls, AccountDirectory.User u) {
        CimInstance.Builder b = CimInstance.builder(cls);
        b.set("Domain", CimValue.string(u.domain()));
        b.set("Name", CimValue.string(u.name()));
        b.set("Caption", CimValue.string(u.domain() + "\\" + u.name()));
        b.set("SID", CimValue.string(u.sid()));
        b.set("SIDType", CimValue.uint8(SID_TYPE_USER));
        b.set("LocalAccount", CimValue.bool(true));
        b.set("AccountType", CimValue.uint32(UF_NORMAL_ACCOUNT));
        b.set("Disabled", CimValue.bool(u.disabled()));
        b.set("Status", CimValue.string(u.disabled() ? "Degraded" : "OK"));
        return b.build();
    }
}
