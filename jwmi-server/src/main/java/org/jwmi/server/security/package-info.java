/**
 * Server security: who the caller is and what it may do in each namespace ([MS-WMI] 5.2).
 * <ul>
 *   <li>{@link org.jwmi.server.security.CallerToken}, {@link org.jwmi.server.security.Impersonation},
 *       {@link org.jwmi.server.security.Tokens} — the caller's user and group SIDs, built from the
 *       {@link org.jwmi.server.security.AccountDirectory}.</li>
 *   <li>{@link org.jwmi.server.security.Sid}, {@link org.jwmi.server.security.Ace},
 *       {@link org.jwmi.server.security.Acl}, {@link org.jwmi.server.security.SecurityDescriptor} — [MS-DTYP]
 *       2.4 codecs; {@link org.jwmi.server.security.Sddl} — the SDDL subset namespace defaults need.</li>
 *   <li>{@link org.jwmi.server.security.WmiRight}, {@link org.jwmi.server.security.AccessCheck} — namespace rights
 *       and the DACL evaluation.</li>
 *   <li>{@link org.jwmi.server.security.NamespaceSecurity} — per-namespace descriptors (inheritance, persistence in
 *       the repository), RequiresEncryption, the checks the service calls;
 *       {@link org.jwmi.server.security.SystemSecurityProvider} — __SystemSecurity GetSD / SetSD /
 *       GetCallerAccessRights.</li>
 * </ul>
 */
package org.jwmi.server.security;
