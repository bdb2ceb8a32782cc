package org.jwmi.server.provider.linux;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.server.provider.MethodProvider;
import org.jwmi.server.provider.ProviderContext;
import org.jwmi.server.security.AccountDirectory;

/**
 * The instance methods of {@code Win32_Process} on Linux, with Windows' return codes (0 success, 2 access denied,
 * 3 insufficient privilege, 8 unknown failure, 9 path not found, 21 invalid parameter).
 * <ul>
 *   <li>{@code GetOwner([out] User, [out] Domain)}: the effective uid of {@code /proc/<pid>/status} named through
 *       {@code /etc/passwd}; {@code Domain} = the NetBIOS computer name (as Win32_ComputerSystem.Name). An uid
 *       without a passwd entry gives 8 and no names. Allowed at the Identify level: it only reads.</li>
 *   <li>{@code GetOwnerSid([out] Sid)}: that user's SID in the {@link AccountDirectory}, if the provider has one
 *       and it knows the user; 8 otherwise.</li>
 *   <li>{@code Terminate([in] Reason)}: refused with WBEM_E_ACCESS_DENIED unless the caller granted Impersonate
 *       (the server acts as the caller); ReturnValue 2 unless the caller is an administrator. Sends SIGTERM,
 *       waits up to {@value #GRACE_SECONDS} s, then SIGKILL. Linux cannot impose another process's exit code, so
 *       {@code Reason} is not used. 2 if the signal is refused (the server lacks the right) or the target is the
 *       server itself.</li>
 * </ul>
 * {@code Create} and {@code SetPriority} are declared by the schema but not implemented (WBEM_E_NOT_SUPPORTED). A
 * target that is not an existing process fails with WBEM_E_NOT_FOUND, as Windows reports a missing instance.
 */
public final class ProcessMethodProvider implements MethodProvider {

    static final long SUCCESS = 0;
    static final long ACCESS_DENIED = 2;
    static final long UNKNOWN_FAILURE = 8;
    static final int GRACE_SECONDS = 2;

    private final LinuxHost host;
    private final AccountDirectory accounts;

    /** Without an account directory: GetOwnerSid answers 8. */
    public ProcessMethodProvider(LinuxHost host) {
        this(host, null);
    }

    /** @param accounts where GetOwnerSid looks owners up, or null */
    public ProcessMethodProvider(LinuxHost host, AccountDirectory accounts) {
        this.host = host;
        this.accounts = accounts;
    }

    @Override
    public CimName className() {
        return ProcessProvider.CLASS;
    }

    @Override
    public CimInstance invoke(ProviderContext ctx, CimClass cls, CimObjectPath target, CimName method,
            CimInstance inParams) {
        CimMethod m = cls.method(method).orElseThrow(() ->
                new CimException(WbemStatus.WBEM_E_INVALID_METHOD, "Win32_Process has no method " + method));
        String name = m.name().text();
        if (!name.equalsIgnoreCase("GetOwner") && !name.equalsIgnoreCase("GetOwnerSid")
                && !name.equalsIgnoreCase("Terminate")) {
            throw new CimException(WbemStatus.WBEM_E_NOT_SUPPORTED, "Win32_Process." + name + " is not implemented");
        }
        String pid = Props.keyText(target, "Handle");
        if (pid == null || !ProcessProvider.isPid(pid)) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_METHOD_PARAMETERS,
                    name + " needs a Win32_Process instance path with a numeric Handle");
        }
        if (host.read("proc/" + pid + "/stat").filter(s -> !s.isEmpty()).isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_NOT_FOUND, "no process " + pid);
        }
        CimInstance.Builder out = CimInstance.builder(m.outParameters());
        if (name.equalsIgnoreCase("Terminate")) {
            if (!ctx.token().impersonation().mayActAsCaller()) {
                throw new CimException(WbemStatus.WBEM_E_ACCESS_DENIED,
                        "Terminate acts as the caller: connect with impersonation level Impersonate");
            }
            long rc = ctx.token().isAdministrator() ? terminate(Long.parseLong(pid)) : ACCESS_DENIED;
            return out.set(CimMethod.RETURN_VALUE, CimValue.uint32(rc)).build();
        }
        String user = ownerName(host.read("proc/" + pid + "/status").orElse(""));
        if (user == null) {
            return out.set(CimMethod.RETURN_VALUE, CimValue.uint32(UNKNOWN_FAILURE)).build();
        }
        String domain = host.netbiosName();
        if (name.equalsIgnoreCase("GetOwner")) {
            out.set("User", CimValue.string(user));
            out.set("Domain", CimValue.string(domain));
            return out.set(CimMethod.RETURN_VALUE, CimValue.uint32(SUCCESS)).build();
        }
        Optional<AccountDirectory.User> account = accounts == null ? Optional.empty()
                : accounts.user(domain, user).filter(u -> u.domain().equalsIgnoreCase(domain));
        if (account.isEmpty()) {
            return out.set(CimMethod.RETURN_VALUE, CimValue.uint32(UNKNOWN_FAILURE)).build();
        }
        out.set("Sid", CimValue.string(account.get().sid()));
        return out.set(CimMethod.RETURN_VALUE, CimValue.uint32(SUCCESS)).build();
    }

    /** The passwd name of the effective uid of a {@code status} text, or null. */
    private String ownerName(String status) {
        String uids = LinuxHost.colonMap(status).get("Uid");
        if (uids == null) {
            return null;
        }
        String[] f = uids.split("\\s+");
        Long euid = f.length >= 2 ? LinuxHost.unsigned(f[1]) : null;
        return euid == null ? null : passwdNames().get(euid);
    }

    /** uid → name of {@code /etc/passwd} ({@code name:pw:uid:gid:gecos:home:shell}); first entry per uid wins. */
    Map<Long, String> passwdNames() {
        Map<Long, String> m = new java.util.HashMap<>();
        String[] lines = host.read("etc/passwd").orElse("").split("\n", NetTables.MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, NetTables.MAX_LINES); i++) {
            String[] f = lines[i].split(":", -1);
            if (f.length < 7 || f[0].isEmpty() || f[0].startsWith("#") || f[0].startsWith("+")) {
                continue;
            }
            Long uid = LinuxHost.unsigned(f[2]);
            if (uid != null) {
                m.putIfAbsent(uid, f[0]);
            }
        }
        return m;
    }

    private static long terminate(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty()) {
            return SUCCESS; // exited since /proc was read
        }
        ProcessHandle p = h.get();
        if (p.pid() == ProcessHandle.current().pid()) {
            return ACCESS_DENIED;
        }
        if (!p.destroy()) {
            return p.isAlive() ? ACCESS_DENIED : SUCCESS;
        }
        if (awaitExit(p, Duration.ofSeconds(GRACE_SECONDS))) {
            return SUCCESS;
        }
        p.destroyForcibly();
        return awaitExit(p, Duration.ofSeconds(GRACE_SECONDS)) ? SUCCESS : UNKNOWN_FAILURE;
    }

    private static boolean awaitExit(ProcessHandle p, Duration d) {
        try {
            p.onExit().get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !p.isAlive();
        } catch (ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }
}
