"""Decodes EncodingUnits with impacket's IWbemClassObject parser and compares what it sees with what the
encoder meant to encode.

Usage: impacket_check.py CASES.json
CASES.json is a list of cases: {"hex": EncodingUnit, "genus": "class"|"instance", "name", "superclass",
"qualifiers": [{"name", "flavor", "value"}], "properties": [{"name", "type", "flavor"?, "qualifiers",
"value"?, "default"?}], "methods": [{"name", "in", "out", "qualifiers"}]}. Prints one line per mismatch and
"CHECKED <n>" at the end; exits 1 if anything differs, 2 if impacket cannot be imported.
"""
import json
import sys
import traceback

try:
    from impacket.dcerpc.v5.dcom import wmi
except Exception as e:  # pragma: no cover - reported to the Java test, which then skips
    print("NO-IMPACKET %s" % e)
    sys.exit(2)

problems = []


def complain(case, what, got, want):
    problems.append("case %d %s: impacket saw %r, expected %r" % (case, what, got, want))


def norm(value):
    """impacket's decoded value in the JSON shape the cases use."""
    if isinstance(value, wmi.ENCODING_UNIT):
        block = value['ObjectBlock']
        block.parseObject()
        return {"class": block.ctCurrent['name'].split(' ')[0]}
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, bytes):
        return value.decode('latin-1')
    return value


def same(got, want):
    if isinstance(want, float) or isinstance(got, float):
        try:
            return float(got) == float(want)
        except (TypeError, ValueError):
            return False
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(same(g, w) for g, w in zip(got, want))
    return got == want


def flavors(qualifier_bytes, heap):
    out = {}
    data = qualifier_bytes
    while len(data) > 0:
        q = wmi.QUALIFIER(data)
        ref = q['QualifierName']
        if ref & 0x80000000:
            name = wmi.DICTIONARY_REFERENCE[ref & 0x7fffffff]
        else:
            name = wmi.ENCODED_STRING(heap[ref:])['Character']
        out[name.lower()] = q['QualifierFlavor']
        data = data[len(q):]
    return out


def check_qualifiers(case, where, got, want, got_flavors=None):
    lowered = {k.lower(): v for k, v in got.items()}
    for q in want:
        name = q['name'].lower()
        if name not in lowered:
            complain(case, where + " qualifier " + q['name'], sorted(lowered), "present")
            continue
        if 'value' in q and not same(norm(lowered[name]), q['value']):
            complain(case, where + " qualifier " + q['name'], norm(lowered[name]), q['value'])
        if got_flavors is not None and 'flavor' in q and got_flavors.get(name) != q['flavor']:
            complain(case, where + " flavor of " + q['name'], got_flavors.get(name), q['flavor'])
    if len(lowered) != len(want):
        complain(case, where + " qualifier names", sorted(lowered), sorted(q['name'].lower() for q in want))


def check(case, spec):
    unit = wmi.ENCODING_UNIT(bytes.fromhex(spec['hex']))
    block = unit['ObjectBlock']
    block.parseObject()
    if block.isInstance() != (spec['genus'] == 'instance'):
        complain(case, "genus", block.isInstance(), spec['genus'])
    if block.isInstance():
        current = block['InstanceType']['CurrentClass']
    else:
        current = block['ClassType']['CurrentClass']
    parsed = block.ctCurrent
    names = parsed['name'].split(' : ')
    if names[0].strip() != spec['name']:
        complain(case, "class name", names[0], spec['name'])
    superclass = names[1].strip() if len(names) > 1 else None
    if superclass != spec['superclass']:
        complain(case, "superclass", superclass, spec['superclass'])
    part = current['ClassPart']
    heap = part['ClassHeap']['HeapItem']
    check_qualifiers(case, "class", parsed['qualifiers'], spec['qualifiers'],
                     flavors(part['ClassQualifierSet']['Qualifier'], heap))
    props = parsed['values'] if block.isInstance() else parsed['properties']
    if [p['name'] for p in spec['properties']] != list(props.keys()):
        complain(case, "properties in declaration order", list(props.keys()), [p['name'] for p in spec['properties']])
    table = part['PropertyLookupTable']['PropertyLookup']
    property_flavors = {}
    for i in range(part['PropertyLookupTable']['PropertyCount']):
        lookup = wmi.PropertyLookup(table[i * 8:])
        info = wmi.PROPERTY_INFO(heap[lookup['PropertyInfoRef']:])
        name = wmi.ENCODED_STRING(heap[lookup['PropertyNameRef']:])['Character']
        property_flavors[name] = flavors(info['PropertyQualifierSet']['Qualifier'], heap)
    for p in spec['properties']:
        got = props.get(p['name'])
        if got is None:
            continue
        if got['type'] & 0x3fff != p['type']:
            complain(case, "type of " + p['name'], hex(got['type']), hex(p['type']))
        check_qualifiers(case, "property " + p['name'], got['qualifiers'], p['qualifiers'],
                         property_flavors.get(p['name']))
        if 'value' in p and not same(norm(got['value']), p['value']):
            complain(case, "value of " + p['name'], norm(got['value']), p['value'])
        if 'default' in p and got['value'] != p['default']:
            complain(case, "default of " + p['name'], got['value'], p['default'])
    if not block.isInstance():
        methods = parsed['methods']
        if [m['name'] for m in spec['methods']] != list(methods.keys()):
            complain(case, "methods", list(methods.keys()), [m['name'] for m in spec['methods']])
        for m in spec['methods']:
            got = methods.get(m['name'])
            if got is None:
                continue
            check_qualifiers(case, "method " + m['name'], got.get('qualifiers', {}), m['qualifiers'])
            for direction, key in (('in', 'InParams'), ('out', 'OutParams')):
                params = got.get(key)
                seen = None if params is None else [[n, params[n]['type'] & 0x3fff] for n in params]
                if seen != m[direction]:
                    complain(case, "%s parameters of %s" % (direction, m['name']), seen, m[direction])


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        cases = json.load(f)
    for i, spec in enumerate(cases):
        try:
            check(i, spec)
        except Exception as e:
            where = traceback.extract_tb(e.__traceback__)[-1]
            problems.append("case %d: impacket failed: %r at %s:%d" % (i, e, where.filename.split('/')[-1], where.lineno))
    for p in problems:
        print(p)
    print("CHECKED %d" % len(cases))
    sys.exit(1 if problems else 0)


main()
