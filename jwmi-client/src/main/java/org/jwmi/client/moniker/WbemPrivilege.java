package org.jwmi.client.moniker;

import java.util.Locale;

/**
 * WbemPrivilegeEnum (WMI SDK "Privilege Constants"): the privileges a moniker's {@code (Debug,!Shutdown)} list and
 * SWbemPrivilegeSet name. Each has its number, the privilege's string ({@code SeDebugPrivilege}) and the scripting
 * short name monikers use ({@code Debug}: the string without "Se" and "Privilege").
 */
public enum WbemPrivilege {
    CREATE_TOKEN(1, "SeCreateTokenPrivilege"),
    /** Short name AssignPrimaryToken; PrimaryToken (the enum's name) is accepted too. */
    PRIMARY_TOKEN(2, "SeAssignPrimaryTokenPrivilege"),
    LOCK_MEMORY(3, "SeLockMemoryPrivilege"),
    INCREASE_QUOTA(4, "SeIncreaseQuotaPrivilege"),
    MACHINE_ACCOUNT(5, "SeMachineAccountPrivilege"),
    TCB(6, "SeTcbPrivilege"),
    SECURITY(7, "SeSecurityPrivilege"),
    TAKE_OWNERSHIP(8, "SeTakeOwnershipPrivilege"),
    LOAD_DRIVER(9, "SeLoadDriverPrivilege"),
    SYSTEM_PROFILE(10, "SeSystemProfilePrivilege"),
    SYSTEMTIME(11, "SeSystemtimePrivilege"),
    PROFILE_SINGLE_PROCESS(12, "SeProfileSingleProcessPrivilege"),
    INCREASE_BASE_PRIORITY(13, "SeIncreaseBasePriorityPrivilege"),
    CREATE_PAGEFILE(14, "SeCreatePagefilePrivilege"),
    CREATE_PERMANENT(15, "SeCreatePermanentPrivilege"),
    BACKUP(16, "SeBackupPrivilege"),
    RESTORE(17, "SeRestorePrivilege"),
    SHUTDOWN(18, "SeShutdownPrivilege"),
    DEBUG(19, "SeDebugPrivilege"),
    AUDIT(20, "SeAuditPrivilege"),
    SYSTEM_ENVIRONMENT(21, "SeSystemEnvironmentPrivilege"),
    CHANGE_NOTIFY(22, "SeChangeNotifyPrivilege"),
    REMOTE_SHUTDOWN(23, "SeRemoteShutdownPrivilege"),
    UNDOCK(24, "SeUndockPrivilege"),
    SYNC_AGENT(25, "SeSyncAgentPrivilege"),
    ENABLE_DELEGATION(26, "SeEnableDelegationPrivilege"),
    MANAGE_VOLUME(27, "SeManageVolumePrivilege");

    private final int value;
    private final String privilegeName;

    WbemPrivilege(int value, String privilegeName) {
        this.value = value;
        this.privilegeName = privilegeName;
    }

    /** The wbemPrivilege* value (1..27). */
    public int value() {
        return value;
    }

    /** The privilege's string, e.g. {@code SeDebugPrivilege} (SWbemPrivilege.Name). */
    public String privilegeName() {
        return privilegeName;
    }

    /** The scripting short name, e.g. {@code Debug}. */
    public String shortName() {
        return privilegeName.substring(2, privilegeName.length() - "Privilege".length());
    }

    /** The WbemPrivilegeEnum constant name, e.g. {@code wbemPrivilegeDebug}. */
    public String constantName() {
        StringBuilder b = new StringBuilder("wbemPrivilege");
        for (String part : name().split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    public static WbemPrivilege fromValue(int v) {
        for (WbemPrivilege p : values()) {
            if (p.value == v) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown privilege " + v + " (WbemPrivilegeEnum values are 1..27)");
    }

    /**
     * Parses the scripting short name ({@code Debug}), the privilege string ({@code SeDebugPrivilege}) or the
     * constant name ({@code wbemPrivilegeDebug}), case-insensitively.
     *
     * @throws IllegalArgumentException naming the privileges that exist
     */
    public static WbemPrivilege parse(String s) {
        String t = s.strip();
        for (WbemPrivilege p : values()) {
            if (p.shortName().equalsIgnoreCase(t) || p.privilegeName.equalsIgnoreCase(t)
                    || p.constantName().equalsIgnoreCase(t)
                    // the SDK's table gives IncreaseQuotaPrivilege as the short name, and the enum says PrimaryToken
                    || (p == INCREASE_QUOTA && t.equalsIgnoreCase("IncreaseQuotaPrivilege"))
                    || (p == PRIMARY_TOKEN && t.equalsIgnoreCase("PrimaryToken"))) {
                return p;
            }
        }
        StringBuilder known = new StringBuilder();
        for (WbemPrivilege p : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(p.shortName());
        }
        throw new IllegalArgumentException("unknown privilege '" + t + "' (use one of " + known + ")");
    }
}
