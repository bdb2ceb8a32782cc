# An independent DCE/RPC client for jwmi's interoperability tests, built on Samba's Python bindings
# (Debian package python3-samba). Samba's client can authenticate at the Pkt level, which impacket cannot.
#
#   env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 samba_client.py --host 127.0.0.11 --level pkt \
#       --user alice --domain CORP            (password in the environment variable JWMI_PEER_PASSWORD)
#
# It binds to the management interface (or, with --interface epm, the endpoint mapper) over ncacn_ip_tcp with
# NTLMSSP at the requested level and prints one JSON object: {"ok": true, ...} or
# {"ok": false, "stage": ..., "code": <NTSTATUS/WERROR or null>, "error": ...}. Exit status 0 either way.

import argparse
import json
import os
import sys

from samba import credentials, NTSTATUSError
from samba.dcerpc import epmapper, mgmt, misc
from samba.param import LoadParm

# Samba binding-string options and the authentication level each one selects.
LEVEL_FLAGS = {
    "none": None,
    "connect": "connect",
    "pkt": "packet",
    "integrity": "sign",
    "privacy": "seal",
}


def failure(stage, exc):
    code = None
    if exc.args and isinstance(exc.args[0], int):
        code = exc.args[0] & 0xFFFFFFFF
    return {"ok": False, "stage": stage, "code": code, "error": "%s: %s" % (type(exc).__name__, exc)}


def guid_text(g):
    return str(g).lower()


def main():
    p = argparse.ArgumentParser(description="Samba DCE/RPC client for the endpoint mapper and mgmt interface")
    p.add_argument("--host", required=True)
    p.add_argument("--port", type=int, default=135)
    p.add_argument("--level", choices=sorted(LEVEL_FLAGS), default="privacy")
    p.add_argument("--user", default="")
    p.add_argument("--domain", default="")
    p.add_argument("--interface", choices=["epm", "mgmt"], default="mgmt")
    p.add_argument("--bigendian", action="store_true", help="send NDR in big-endian byte order")
    args = p.parse_args()

    flags = [str(args.port)]
    if LEVEL_FLAGS[args.level]:
        flags += ["ntlm", LEVEL_FLAGS[args.level]]
    if args.bigendian:
        flags.append("bigendian")
    binding = "ncacn_ip_tcp:%s[%s]" % (args.host, ",".join(flags))

    lp = LoadParm()
    lp.set("client ntlmv2 auth", "yes")
    lp.set("client use spnego", "no")
    creds = credentials.Credentials()
    creds.guess(lp)
    if args.level == "none":
        creds.set_anonymous()
    else:
        creds.set_username(args.user)
        creds.set_password(os.environ.get("JWMI_PEER_PASSWORD", ""))
        creds.set_domain(args.domain)
        creds.set_workstation("SAMBAPEER")
        creds.set_kerberos_state(credentials.DONT_USE_KERBEROS)

    result = {"level": args.level, "interface": args.interface, "binding": binding}
    try:
        if args.interface == "mgmt":
            conn = mgmt.mgmt(binding, lp, creds)
        else:
            conn = epmapper.epmapper(binding, lp, creds)
    except Exception as e:
        result.update(failure("bind", e))
        print(json.dumps(result))
        return 0
    try:
        if args.interface == "mgmt":
            vector = conn.inq_if_ids()
            result["interfaces"] = ["%s v%d.%d" % (guid_text(p.id.uuid), p.id.if_version & 0xFFFF, p.id.if_version >> 16)
                                    for p in vector.if_id if p is not None and p.id is not None]
            result["princ_name"] = conn.inq_princ_name(10, 256)
        else:
            handle = misc.policy_handle()
            entries = []
            for _ in range(100):
                handle, ents, status = conn.epm_Lookup(0, None, None, 1, handle, 10)
                if status not in (0,):
                    break
                for e in ents:
                    entries.append({"annotation": e.annotation, "object": guid_text(e.object)})
                if str(handle.uuid) == "00000000-0000-0000-0000-000000000000":
                    break
            result["entries"] = entries
        result["ok"] = True
    except Exception as e:
        result.update(failure("call", e))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
