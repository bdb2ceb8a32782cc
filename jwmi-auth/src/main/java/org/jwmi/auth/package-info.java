/**
 * The security-provider SPI that the RPC runtime drives without knowing any mechanism: a
 * {@link org.jwmi.auth.SecurityProvider} is registered by its RPC auth_type and creates client or server
 * {@link org.jwmi.auth.SecurityContext}s; a context exchanges tokens, then signs, verifies, seals and unseals
 * lists of {@link org.jwmi.auth.SecBuffer}s. Mechanisms live in subpackages ({@code ntlm}; later Kerberos and
 * SPNEGO). Pure: no I/O; time and randomness are injected.
 */
package org.jwmi.auth;
