/**
 * JMH benchmarks, each with a baseline measured in the same run: NDR encode/decode ({@code NdrBenchmark}), NTLM
 * seal and unseal against the JDK's RC4 and HMAC-MD5 ({@code NtlmBenchmark}), MS-WMIO encode/decode
 * ({@code WmioBenchmark}, on the {@code Win32Process} class Windows sends), WQL parse and evaluation
 * ({@code WqlBenchmark}), and whole WMI enumerations over loopback ({@code WmiEnumerationBenchmark}). Run them
 * with {@code scripts/bench.sh}.
 */
package org.jwmi.bench;
