#!/usr/bin/env python3
"""impacket as an independent client of the jwmi RPC server's test echo interface.

usage: rpc_levels_peer.py PORT LEVEL DOMAIN USER PASSWORD
LEVEL is an RPC_C_AUTHN_LEVEL number (1 = none). Prints one JSON object: the echo results, the results of a
second interface bound with alter_ctx (impacket builds a new NTLM context for it), or the error text.
"""
import json
import sys

from impacket.dcerpc.v5 import transport
from impacket.dcerpc.v5.rpcrt import DCERPCException, RPC_C_AUTHN_WINNT
from impacket.uuid import uuidtup_to_bin

ECHO = ('12345678-1234-abcd-ef00-0123456789ab', '1.0')
OTHER = ('87654321-4321-dcba-00fe-ba9876543210', '2.1')


def main():
    port, level, domain, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    out = {"level": level}
    try:
        t = transport.DCERPCTransportFactory('ncacn_ip_tcp:127.0.0.1[%s]' % port)
        if level > 1:
            t.set_credentials(user, password, domain, '', '')
        dce = t.get_dce_rpc()
        if level > 1:
            dce.set_auth_type(RPC_C_AUTHN_WINNT)
            dce.set_auth_level(level)
        dce.connect()
        dce.bind(uuidtup_to_bin(ECHO))
        results = []
        for payload in (b'hello impacket', bytes(range(200)) * 30):
            dce.call(0, payload)
            results.append(dce.recv() == payload)
        out["echo"] = results
        other = dce.alter_ctx(uuidtup_to_bin(OTHER))
        other.call(0, b'second context')
        out["alter"] = other.recv() == b'second context'
        dce.call(0, b'again')
        out["again"] = dce.recv() == b'again'
        dce.disconnect()
    except DCERPCException as e:
        out["error"] = str(e)
    except Exception as e:  # noqa: BLE001 - report anything as data for the test
        out["error"] = "%s: %s" % (type(e).__name__, e)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
