"""Print the oracle results side by side (M = msvcrt, U = ucrt when different)."""
import os, sys
sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
WORK = os.environ.get('PRINTF_ORACLE_WORK', '/tmp/printf-oracle')
os.makedirs(WORK, exist_ok=True)
os.chdir(WORK)
import json
import cases
res = json.load(open('results.json'))
def dec(r):
    s = ''.join(chr(u) if 32 <= u < 127 else '\\x%02x' % u if u < 256 else '\\u%04x' % u for u in r['units'])
    return ('IPH ' if r['iph'] else '') + '%d:%s' % (r['ret'], s)
for kind, lst in (('N', cases.NARROW), ('W', cases.WIDE)):
    for i, (fmt, args, dev) in enumerate(lst):
        k = '%s%d' % (kind, i)
        m, u = dec(res['msvcrt'][k]), dec(res['ucrt'][k])
        print('%s %-40s M %s' % (k, fmt, m))
        if m != u: print('%s %-40s U %s' % (k, '', u))
