#!/usr/bin/env bash
# The benchmark command: builds jwmi-bench and runs its JMH benchmarks with short settings.
#   scripts/bench.sh                       all benchmarks (NDR, NTLM with the JDK ceiling, WMIO, WQL, WMI enumeration)
#   scripts/bench.sh Ntlm                  only those matching a regular expression
#   JMH_ARGS='-f 2 -wi 5 -i 10' scripts/bench.sh     longer, steadier runs
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -o package -DskipTests -pl jwmi-bench -am 2>/dev/null || mvn -B -q package -DskipTests -pl jwmi-bench -am
# shellcheck disable=SC2086
exec java -jar jwmi-bench/target/benchmarks.jar ${JMH_ARGS:--f 1 -wi 2 -w 1s -i 3 -r 1s} "$@"
