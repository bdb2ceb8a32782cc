# An independent DCE/RPC client for jwmi's interoperability tests, built on impacket.
#
# Run with Debian's interpreter and a clean environment:
#   env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 epm_client.py --host 127.0.0.11 --level privacy \
#       --user alice --domain CORP            (password in the environment variable JWMI_PEER_PASSWORD)
#
# It connects over ncacn_ip_tcp, binds to the endpoint mapper (or, with --interface mgmt, the management
# interface) with NTLM at the requested level, calls ept_lookup until the entry handle is null (or the mgmt
# inquiries) and prints one JSON object on stdout:
#   {"ok": true, "level": ..., "entries": [{"uuid", "version", "annotation", "binding", "object"}], ...}
#   {"ok": false, "stage": "connect"|"bind"|"call", "code": <int or null>, "error": <text>}
# The exit status is 0 in both cases (the test decides what is expected); 2 means bad usage.

import argparse
import json
import os
import sys

from impacket import uuid as imp_uuid
from impacket.dcerpc.v5 import epm, mgmt, rpcrt, transport
from impacket.dcerpc.v5.ndr import NULL

LEVELS = {
    "none": rpcrt.RPC_C_AUTHN_LEVEL_NONE,
    "connect": rpcrt.RPC_C_AUTHN_LEVEL_CONNECT,
    "call": rpcrt.RPC_C_AUTHN_LEVEL_CALL,
    "pkt": rpcrt.RPC_C_AUTHN_LEVEL_PKT,
    "integrity": rpcrt.RPC_C_AUTHN_LEVEL_PKT_INTEGRITY,
    "privacy": rpcrt.RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
}


# impacket raises faults with the status name only; map the name back to its value.
STATUS_BY_NAME = {}
for _code, _name in sorted(rpcrt.rpc_status_codes.items()):
    STATUS_BY_NAME.setdefault(_name, _code)


def error_code(exc):
    code = getattr(exc, "error_code", None)
    if isinstance(code, int):
        return code
    text = getattr(exc, "error_string", None) or str(exc)
    return STATUS_BY_NAME.get(text.strip())


def failure(stage, exc):
    return {"ok": False, "stage": stage, "code": error_code(exc), "error": "%s: %s" % (type(exc).__name__, exc)}


def interface_of(tower):
    floor = tower["Floors"][0]
    return imp_uuid.bin_to_string(floor["InterfaceUUID"]).lower(), "%d.%d" % (floor["MajorVersion"], floor["MinorVersion"])


def lookup_all(dce):
    entries = []
    handle = epm.ept_lookup_handle_t()
    calls = 0
    while True:
        req = epm.ept_lookup()
        req["inquiry_type"] = epm.RPC_C_EP_ALL_ELTS
        req["object"] = NULL
        req["Ifid"] = NULL
        req["vers_option"] = epm.RPC_C_VERS_ALL
        req["entry_handle"] = handle
        req["max_ents"] = 2
        resp = dce.request(req)
        calls += 1
        for i in range(resp["num_ents"]):
            e = resp["entries"][i]
            tower = epm.EPMTower(b"".join(e["tower"]["tower_octet_string"]))
            iface, version = interface_of(tower)
            annotation = b"".join(e["annotation"])
            entries.append({
                "uuid": iface,
                "version": version,
                "annotation": annotation.rstrip(b"\x00").decode("utf-8", "replace"),
                "binding": epm.PrintStringBinding(tower["Floors"]),
                "object": imp_uuid.bin_to_string(e["object"]).lower() if e["object"] else None,
            })
        handle = resp["entry_handle"]
        if handle.isNull() or calls > 100:
            break
    return entries, calls


def mgmt_inquiries(dce):
    ids = mgmt.hinq_if_ids(dce)
    vector = ids["if_id_vector"]
    interfaces = []
    for i in range(vector["count"]):
        item = vector["if_id"][i]
        interfaces.append("%s v%d.%d" % (imp_uuid.bin_to_string(item["Uuid"]).lower(), item["VersMajor"], item["VersMinor"]))
    listening = mgmt.his_server_listening(dce)
    princ = mgmt.hinq_princ_name(dce, authn_proto=rpcrt.RPC_C_AUTHN_WINNT, princ_name_size=256)
    name = None
    if princ["status"] == 0:
        raw = princ["princ_name"]
        chars = [c.decode("latin-1") if isinstance(c, bytes) else str(c) for c in raw]
        name = "".join(chars).rstrip("\x00")
    stats = mgmt.hinq_stats(dce)
    return {
        "interfaces": interfaces,
        "listening_status": listening["status"],
        "princ_name_status": princ["status"],
        "princ_name": name,
        "stats": list(stats["statistics"]),
    }


def main():
    p = argparse.ArgumentParser(description="impacket DCE/RPC client for the endpoint mapper and mgmt interface")
    p.add_argument("--host", required=True)
    p.add_argument("--port", type=int, default=135)
    p.add_argument("--level", choices=sorted(LEVELS), default="privacy")
    p.add_argument("--user", default="")
    p.add_argument("--domain", default="")
    p.add_argument("--interface", choices=["epm", "mgmt"], default="epm")
    p.add_argument("--timeout", type=int, default=15)
    args = p.parse_args()
    password = os.environ.get("JWMI_PEER_PASSWORD", "")

    result = {"level": args.level, "interface": args.interface}
    trans = transport.DCERPCTransportFactory("ncacn_ip_tcp:%s[%d]" % (args.host, args.port))
    trans.set_connect_timeout(args.timeout)
    dce = trans.get_dce_rpc()
    if args.level != "none":
        trans.set_credentials(args.user, password, args.domain)
        dce.set_credentials(args.user, password, args.domain)
        dce.set_auth_type(rpcrt.RPC_C_AUTHN_WINNT)
    dce.set_auth_level(LEVELS[args.level])

    try:
        dce.connect()
    except Exception as e:
        result.update(failure("connect", e))
        print(json.dumps(result))
        return 0
    try:
        try:
            dce.bind(epm.MSRPC_UUID_PORTMAP if args.interface == "epm" else mgmt.MSRPC_UUID_MGMT)
        except Exception as e:
            result.update(failure("bind", e))
            return 0
        try:
            if args.interface == "epm":
                entries, calls = lookup_all(dce)
                result.update({"ok": True, "entries": entries, "calls": calls})
            else:
                result.update({"ok": True})
                result.update(mgmt_inquiries(dce))
        except Exception as e:
            result.update(failure("call", e))
        return 0
    finally:
        try:
            dce.disconnect()
        except Exception:
            pass
        print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
