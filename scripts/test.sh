#!/usr/bin/env bash
# The test command: installs the independent peers the integration tests use when they are missing
# (impacket, tshark, Samba's Python bindings), then builds and tests the whole reactor.
#   scripts/test.sh                 everything (interop tests need root: they listen on 127.0.0.x:135)
#   scripts/test.sh -pl jwmi-rpc    extra arguments go to Maven
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need_packages() {
  local missing=()
  [[ -x /usr/bin/impacket-rpcdump ]] && env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -c 'import impacket' 2>/dev/null \
    || missing+=(python3-impacket)
  command -v tshark >/dev/null 2>&1 || missing+=(tshark)
  env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -c 'import samba.dcerpc.mgmt' 2>/dev/null || missing+=(python3-samba)
  echo "${missing[@]:-}"
}

missing="$(need_packages)"
if [[ -n "$missing" ]]; then
  if [[ "$(id -u)" -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    sudo=(false)
  fi
  if command -v apt-get >/dev/null 2>&1 && [[ "${sudo[0]:-}" != false ]]; then
    echo "test.sh: installing $missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    # shellcheck disable=SC2086
    "${sudo[@]}" apt-get install -y -qq $missing >/dev/null
  else
    echo "test.sh: missing $missing and cannot install it (no apt-get, or neither root nor sudo);" \
         "the tests that need it will be skipped" >&2
  fi
fi

cd "$root"
exec mvn -B -ntp -Dstyle.color=never verify "$@"
