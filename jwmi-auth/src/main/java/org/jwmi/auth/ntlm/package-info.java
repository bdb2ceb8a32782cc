/**
 * NTLM ([MS-NLMP]) for the security SPI, NTLMv2 only.
 * <ul>
 * <li>{@link org.jwmi.auth.ntlm.NtlmSecurityProvider}: the provider (auth type 0x0A); client and server contexts
 *     are package-private ({@code NtlmClientContext}, {@code NtlmServerContext}); per-message protection is
 *     {@code NtlmSessionSecurity}.</li>
 * <li>Messages: {@link org.jwmi.auth.ntlm.NegotiateMessage}, {@link org.jwmi.auth.ntlm.ChallengeMessage},
 *     {@link org.jwmi.auth.ntlm.AuthenticateMessage}; structures {@link org.jwmi.auth.ntlm.AvPair} /
 *     {@link org.jwmi.auth.ntlm.AvPairs}, {@link org.jwmi.auth.ntlm.NtlmV2Response},
 *     {@link org.jwmi.auth.ntlm.NtlmV2ClientChallenge}, {@link org.jwmi.auth.ntlm.NtlmVersion},
 *     {@link org.jwmi.auth.ntlm.NegotiateFlags}.</li>
 * <li>{@link org.jwmi.auth.ntlm.NtlmHashes}: NTOWFv1 (the NT hash account stores keep) and NTOWFv2.</li>
 * </ul>
 * MD4 comes from BouncyCastle's lightweight API; HMAC-MD5, MD5 and RC4 from the JDK.
 */
package org.jwmi.auth.ntlm;
