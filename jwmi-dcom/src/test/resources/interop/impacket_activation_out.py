#!/usr/bin/python3
# Feeds an IRemoteSCMActivator::RemoteCreateInstance response stub built by our encoder to impacket's own
# RemoteCreateInstance (the code DCOMConnection.CoCreateInstanceEx runs) through a stand-in portmap, then parses the
# ActivationPropertiesOut again with impacket's structures, and prints what impacket understood as JSON.
# Usage: impacket_activation_out.py <file with the response stub in hex> <clsid> <iid>
# Run with: env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3
import json
import struct
import sys

from impacket.dcerpc.v5 import dcomrt
from impacket.uuid import bin_to_string, string_to_bin

stub = bytes.fromhex(open(sys.argv[1]).read().strip())
clsid, iid = sys.argv[2], sys.argv[3]


class StandInTransport:
    def getRemoteHost(self):
        return '127.0.0.1'


class StandInPortmap:
    def bind(self, iid_):
        pass

    def request(self, req):
        return dcomrt.RemoteCreateInstanceResponse(stub)

    def get_rpc_transport(self):
        return StandInTransport()

    def get_auth_type(self):
        return 10


iface = dcomrt.IRemoteSCMActivator(StandInPortmap()).RemoteCreateInstance(string_to_bin(clsid), string_to_bin(iid))
ci = iface.get_cinstance()
out = {
    'oxid': '%016x' % iface.get_oxid(),
    'oid': '%016x' % iface.get_oid(),
    'ipid': bin_to_string(iface.get_iPid()).lower(),
    'ipidRemUnknown': bin_to_string(iface.get_ipidRemUnknown()).lower(),
    'authnHint': ci._CLASS_INSTANCE__authLevel,
    'stringBindings': ['%d:%s' % (b['wTowerId'], b['aNetworkAddr'].rstrip('\x00')) for b in ci.get_string_bindings()],
}

# The same blob once more, field by field, with impacket's structures.
resp = dcomrt.RemoteCreateInstanceResponse(stub)
abdata = b''.join(resp['ppActProperties']['abData'])
objref = dcomrt.OBJREF_CUSTOM(abdata)
out['objrefIid'] = bin_to_string(objref['iid']).lower()
out['objrefClsid'] = bin_to_string(objref['clsid']).lower()
blob = dcomrt.ACTIVATION_BLOB(objref['pObjectData'])
header = blob['CustomHeader']
out['pclsid'] = [bin_to_string(c['Data']).lower() for c in header['pclsid']]
out['pSizes'] = [s['Data'] for s in header['pSizes']]
out['totalSize'] = header['totalSize']
out['headerSize'] = header['headerSize']
out['dwSize'] = blob['dwSize']
sizes = out['pSizes']
props = blob['Property']
po = dcomrt.PropsOutInfo()
n = po.fromString(props[:sizes[0]])
po.fromStringReferents(props[:sizes[0]][n:])
out['piid'] = [bin_to_string(x['Data']).lower() for x in po['piid']]
out['phresults'] = [x['Data'] & 0xffffffff for x in po['phresults']]
scm = dcomrt.ScmReplyInfoData()
chunk = props[sizes[0]:sizes[0] + sizes[1]]
n = scm.fromString(chunk)
scm.fromStringReferents(chunk[n:])
reply = scm['remoteReply']
out['serverVersion'] = '%d.%d' % (reply['serverVersion']['MajorVersion'], reply['serverVersion']['MinorVersion'])
array = reply['pdsaOxidBindings']['aStringArray']
# Security bindings are split by hand: impacket's WIDESTR looks for three zero bytes and so cannot delimit an
# empty aPrincName.
units = array[reply['pdsaOxidBindings']['wSecurityOffset']:]
bindings = []
i = 0
while i < len(units) and units[i] != 0:
    end = units.index(0, i + 2)
    name = b''.join(struct.pack('<H', x) for x in units[i + 2:end]).decode('utf-16le')
    bindings.append('%d:%s' % (units[i], name))
    i = end + 1
out['securityBindings'] = bindings
out['errorCode'] = resp['ErrorCode']
print(json.dumps(out, sort_keys=True))
