#!/usr/bin/env -S env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3
# Copy of the project's shared/peers/wmi_peer.py, used when a checkout has no shared/ beside it.
"""An independent WMI client, built on impacket, for testing a WMI server over DCOM.

It speaks MS-WMI over MS-DCOM over MS-RPCE exactly as impacket does against Windows,
so a server that answers it correctly is answering a client that nobody on this
project wrote. Requires Debian's python3-impacket (apt-get install python3-impacket).

Every result is printed as JSON on stdout, one object per line; the last line is
always a summary: {"ok": true, ...} or {"ok": false, "error": "..."}. Exit status 0
on success, 1 when the server answered with an error, 2 on bad usage.

Examples:
  wmi_peer.py --host 127.0.0.1 --user alice --password 'S3cret!' query "SELECT Name, ProcessId FROM Win32_Process"
  wmi_peer.py --host 127.0.0.1 --user alice --password 'S3cret!' --level integrity get "Win32_OperatingSystem=@"
  wmi_peer.py --host 127.0.0.1 --user alice --nthash 8846f7eaee8fb117ad06bdd830b7586c query "SELECT * FROM Win32_Service"

The server must listen on TCP port 135 of --host (impacket always activates there);
use distinct loopback addresses (127.0.0.2, 127.0.0.3, ...) to run several servers.
"""
import argparse
import json
import sys
import datetime

LEVELS = {"none": 1, "connect": 2, "call": 3, "pkt": 4, "integrity": 5, "privacy": 6}


def jsonable(value):
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def record(obj):
    props = obj.getProperties()
    return {name: jsonable(p.get("value")) for name, p in props.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", required=True)
    ap.add_argument("--user", default="")
    ap.add_argument("--password", default="")
    ap.add_argument("--domain", default="")
    ap.add_argument("--nthash", default="", help="NT hash (hex) instead of a password")
    ap.add_argument("--kerberos", action="store_true", help="authenticate with Kerberos (needs a KDC and a ccache or password)")
    ap.add_argument("--kdc", default=None, help="KDC address for --kerberos")
    ap.add_argument("--namespace", default="//./root/cimv2")
    ap.add_argument("--level", choices=sorted(LEVELS), default="privacy",
                    help="authentication level for the activation connection and the WMI proxies (default privacy)")
    ap.add_argument("--batch", type=int, default=10, help="objects fetched per IEnumWbemClassObject::Next call")
    sub = ap.add_subparsers(dest="op", required=True)
    q = sub.add_parser("query", help="IWbemServices::ExecQuery, then IEnumWbemClassObject::Next until done")
    q.add_argument("wql")
    g = sub.add_parser("get", help="IWbemServices::GetObject on an object path")
    g.add_argument("path")
    e = sub.add_parser("enum", help="IWbemServices::CreateInstanceEnum on a class")
    e.add_argument("cls")
    sub.add_parser("login", help="only activate IWbemLevel1Login and log in to the namespace")
    args = ap.parse_args()

    from impacket.dcerpc.v5.dcomrt import DCOMConnection
    from impacket.dcerpc.v5.dcom import wmi
    from impacket.dcerpc.v5.dtypes import NULL

    level = LEVELS[args.level]
    lm, nt = ("", "")
    if args.nthash:
        lm, nt = ("aad3b435b51404eeaad3b435b51404ee", args.nthash)
    dcom = None
    count = 0
    try:
        dcom = DCOMConnection(args.host, args.user, args.password, args.domain, lm, nt, "",
                              oxidResolver=True, doKerberos=args.kerberos, kdcHost=args.kdc,
                              authLevel=level)
        iface = dcom.CoCreateInstanceEx(wmi.CLSID_WbemLevel1Login, wmi.IID_IWbemLevel1Login)
        login = wmi.IWbemLevel1Login(iface)
        services = login.NTLMLogin(args.namespace, NULL, NULL)
        services.get_dce_rpc().set_auth_level(level)  # the CoSetProxyBlanket step
        login.RemRelease()
        if args.op == "query" or args.op == "enum":
            if args.op == "query":
                enum = services.ExecQuery(args.wql, wmi.WBEM_FLAG_FORWARD_ONLY | wmi.WBEM_FLAG_RETURN_IMMEDIATELY)
            else:
                enum = services.CreateInstanceEnum(args.cls, wmi.WBEM_FLAG_FORWARD_ONLY | wmi.WBEM_FLAG_RETURN_IMMEDIATELY)
            while True:
                try:
                    objs = enum.Next(0xFFFFFFFF, args.batch)
                except Exception as ex:  # impacket raises on S_FALSE with no objects left
                    if "S_FALSE" in str(ex):
                        break
                    raise
                for obj in objs:
                    print(json.dumps(record(obj), sort_keys=True))
                    count += 1
                if len(objs) < args.batch:
                    break
            enum.RemRelease()
        elif args.op == "get":
            obj, _ = services.GetObject(args.path)
            print(json.dumps(record(obj), sort_keys=True))
            count = 1
        services.RemRelease()
        print(json.dumps({"ok": True, "objects": count}))
        return 0
    except Exception as ex:
        print(json.dumps({"ok": False, "objects": count, "error": str(ex)}))
        return 1
    finally:
        if dcom is not None:
            try:
                dcom.disconnect()
            except Exception:
                pass


if __name__ == "__main__":
    sys.exit(main())
