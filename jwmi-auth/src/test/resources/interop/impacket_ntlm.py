"""Interop peer for the NTLM tests: impacket's ntlm module on the other end of a line-based hex exchange.

Usage: impacket_ntlm.py client|verify USER PASSWORD DOMAIN

client: impacket is the NTLM client. Prints NEG, reads CHAL, prints AUTH, then exchanges sealed messages.
verify: impacket checks our client's NEG/CHAL/AUTH (NTProofStr, session key, MIC), then exchanges sealed
        messages with the keys it recovered.

Sealed exchange (both modes): this side prints "MSG <header> <sealed body> <trailer> <signature>" lines for
messages it sends, and reads the same from the other side, answering "OK <plain body>" or "BAD <reason>".
Header and trailer are signed, the body sealed, the signature covers header + body + trailer ([MS-NLMP] 3.4.6).
"""
import binascii
import hmac
import hashlib
import struct
import sys

from Cryptodome.Cipher import ARC4
from impacket import ntlm

COUNT = 3


def out(*words):
    print(" ".join(words), flush=True)


def read_hex(tag):
    line = sys.stdin.readline().split()
    if not line or line[0] != tag:
        raise SystemExit("expected %s, got %r" % (tag, line))
    return [binascii.unhexlify(w) for w in line[1:]]


def hx(b):
    return binascii.hexlify(b).decode()


class Keys:
    def __init__(self, flags, exported, client):
        self.flags = flags
        mine, peer = ("Client", "Server") if client else ("Server", "Client")
        self.send_sign = ntlm.SIGNKEY(flags, exported, mine)
        self.send_seal = ntlm.SEALKEY(flags, exported, mine)
        self.recv_sign = ntlm.SIGNKEY(flags, exported, peer)
        self.recv_seal = ntlm.SEALKEY(flags, exported, peer)
        self.send_handle = ARC4.new(self.send_seal).encrypt
        self.recv_handle = ARC4.new(self.recv_seal).encrypt


def send_messages(keys, who):
    for seq in range(COUNT):
        header = (who + "-header-%02d" % seq).encode().ljust(16, b".")
        body = ("sealed body %d from %s " % (seq, who)).encode() * (seq + 1)
        trailer = struct.pack("<BBBBI", 0x0A, 6, 0, 0, seq)
        sealed, signature = ntlm.SEAL(keys.flags, keys.send_sign, keys.send_seal, header + body + trailer, body,
                                      seq, keys.send_handle)
        out("MSG", hx(header), hx(sealed), hx(trailer), hx(signature.getData()))


def receive_messages(keys):
    for seq in range(COUNT):
        header, sealed, trailer, signature = read_hex("MSG")
        body = keys.recv_handle(sealed)
        expected = ntlm.MAC(keys.flags, keys.recv_handle, keys.recv_sign, seq, header + body + trailer).getData()
        if expected == signature:
            out("OK", hx(body))
        else:
            out("BAD", "signature", hx(expected), hx(signature))


def as_client(user, password, domain):
    negotiate = ntlm.getNTLMSSPType1("PYCLIENT", "", signingRequired=True)
    out("NEG", hx(negotiate.getData()))
    (challenge,) = read_hex("CHAL")
    authenticate, exported = ntlm.getNTLMSSPType3(negotiate, challenge, user, password, domain)
    out("AUTH", hx(authenticate.getData()))
    keys = Keys(authenticate["flags"], exported, client=True)
    send_messages(keys, "client")
    receive_messages(keys)


def field(data, at):
    length, _, offset = struct.unpack_from("<HHI", data, at)
    return data[offset:offset + length]


def verify(user, password, domain):
    (negotiate,) = read_hex("NEG")
    (challenge,) = read_hex("CHAL")
    (authenticate,) = read_hex("AUTH")
    server_challenge = ntlm.NTLMAuthChallenge(challenge)["challenge"]
    flags = struct.unpack_from("<I", authenticate, 60)[0]
    nt = field(authenticate, 20)
    key = ntlm.NTOWFv2(user, password, domain)
    proof = hmac.new(key, server_challenge + nt[16:], hashlib.md5).digest()
    if proof != nt[:16]:
        out("BAD", "NTProofStr")
        return
    base = hmac.new(key, proof, hashlib.md5).digest()
    encrypted = field(authenticate, 52)
    exported = ARC4.new(base).decrypt(encrypted) if encrypted else base
    zeroed = authenticate[:72] + b"\0" * 16 + authenticate[88:]
    mic = hmac.new(exported, negotiate + challenge + zeroed, hashlib.md5).digest()
    if mic != authenticate[72:88]:
        out("BAD", "MIC")
        return
    out("AUTH", "OK")
    keys = Keys(flags, exported, client=False)
    receive_messages(keys)
    send_messages(keys, "server")


if __name__ == "__main__":
    mode, user, password, domain = sys.argv[1:5]
    {"client": as_client, "verify": verify}[mode](user, password, domain)
