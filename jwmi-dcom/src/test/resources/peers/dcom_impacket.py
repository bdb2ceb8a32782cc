#!/usr/bin/python3
# impacket's DCOM client against a jwmi DcomServer (run by ImpacketInteropTest with
#   env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 dcom_impacket.py ACTION TARGET USER PASSWORD DOMAIN LEVEL ...).
# Prints one JSON object per step on stdout; a DCERPC error is printed as {"error": code} and ends the run.
#
# Actions:
#   activate CLSID IID IID2   DCOMConnection.CoCreateInstanceEx(CLSID, IID), Echo(21) on IID (opnum 3),
#                             RemQueryInterface for IID2, Twice(21) on it, pingServer twice (ComplexPing, then
#                             SimplePing), one explicit SimplePing, RemRelease on both interfaces
#   create CLSID IID          CoCreateInstanceEx only (for refusals)
#   serveralive2              IObjectExporter.ServerAlive2 over the endpoint-mapper connection
import json
import sys

from impacket.dcerpc.v5 import dcomrt
from impacket.dcerpc.v5.dcomrt import DCOMANSWER, DCOMCALL, DCOMConnection, IObjectExporter, IRemUnknown2
from impacket.dcerpc.v5.dtypes import LONG, ULONG
from impacket.dcerpc.v5.rpcrt import DCERPCException
from impacket.uuid import bin_to_string, string_to_bin, uuidtup_to_bin


class NoTimer:
    """The test drives pinging itself: impacket's 120 s ping thread is replaced by one that never runs."""

    def __init__(self, *args, **kwargs):
        pass

    def start(self):
        pass

    def cancel(self):
        pass

    def join(self):
        pass


dcomrt.Timer = NoTimer


class Echo(DCOMCALL):
    opnum = 3
    structure = (('v', LONG),)


class EchoResponse(DCOMANSWER):
    structure = (('r', LONG), ('ErrorCode', ULONG))


def out(**kw):
    print(json.dumps(kw), flush=True)


def call_echo(iface, iid, v):
    req = Echo()
    req['v'] = v
    resp = iface.request(req, uuidtup_to_bin((iid, '0.0')), iface.get_iPid())
    return resp['r']


def main():
    action, target, user, password, domain, level = sys.argv[1:7]
    args = sys.argv[7:]
    level = int(level)
    try:
        dcom = DCOMConnection(target, user, password, domain, authLevel=level, oxidResolver=True)
        if action == 'serveralive2':
            bindings = IObjectExporter(dcom.get_dce_rpc()).ServerAlive2()
            out(step='serveralive2', bindings=[b['aNetworkAddr'].rstrip('\x00') for b in bindings])
            dcom.disconnect()
            return
        clsid, iid = args[0], args[1]
        iface = dcom.CoCreateInstanceEx(string_to_bin(clsid), string_to_bin(iid))
        out(step='created', ipid=bin_to_string(iface.get_iPid()), oxid=iface.get_oxid(), oid=iface.get_oid())
        if action == 'create':
            dcom.disconnect()
            return
        iid2 = args[2]
        out(step='echo', result=call_echo(iface, iid, 21))
        iface2 = iface.RemQueryInterface(1, [string_to_bin(iid2)])
        out(step='queried', ipid=bin_to_string(iface2.get_iPid()))
        out(step='twice', result=call_echo(iface2, iid2, 21))
        DCOMConnection.pingServer()
        setid = DCOMConnection.OID_SET[target]['setid']
        out(step='complexping', setid=setid, oids=sorted(DCOMConnection.OID_SET[target]['oids']))
        DCOMConnection.pingServer()
        resp = IObjectExporter(dcom.get_dce_rpc()).SimplePing(setid)
        out(step='simpleping', status=resp['ErrorCode'])
        IRemUnknown2(iface2).RemRelease()
        iface.RemRelease()
        out(step='released')
        dcom.disconnect()
    except DCERPCException as e:
        out(error=e.get_error_code(), message=str(e))


main()
