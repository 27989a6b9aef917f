"""Build the oracle programs with mingw-w64, run them under Wine 8, store results.json in $PRINTF_ORACLE_WORK."""
import os, sys
sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
WORK = os.environ.get('PRINTF_ORACLE_WORK', '/tmp/printf-oracle')
os.makedirs(WORK, exist_ok=True)
os.chdir(WORK)
import json, subprocess
import cases

def cstr(s, wide=False):
    out = 'L"' if wide else '"'
    for ch in s:
        o = ord(ch)
        if ch == '"': out += '\\"'
        elif ch == '\\': out += '\\\\'
        elif 32 <= o < 127: out += ch
        else: out += '\\%03o' % o if o < 256 and not wide else '\\x%04x""' % o
    return out + '"'

def carg(a):
    if a.k == 'I': return '(int)%d' % a.v
    if a.k == 'L': return '(long long)0x%xULL' % (a.v & 0xFFFFFFFFFFFFFFFF)
    if a.k == 'D': return 'D(0x%016xULL)' % a.v
    if a.k == 'S': return cstr(a.v)
    if a.k == 'W': return cstr(a.v, True)
    if a.k == 'N': return '(void*)0'
    if a.k == 'P': return '(void*)0x%xULL' % a.v
    raise Exception(a.k)

def program():
    L = []
    L.append('''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <wchar.h>
static void handler(const wchar_t*a,const wchar_t*b,const wchar_t*c,unsigned d,uintptr_t e){ printf("IPH "); }
static double D(uint64_t b){ double d; memcpy(&d,&b,8); return d; }
static char buf[8192]; static wchar_t wbuf[8192];
static void on(int id, int r){ int i, n = r < 0 ? (int)strlen(buf) : r; printf("N %d %d ", id, r); for(i=0;i<n;i++) printf("%02x", (unsigned char)buf[i]); printf("\\n"); memset(buf, 0, sizeof buf); }
static void ow(int id, int r){ int i, n = r < 0 ? (int)wcslen(wbuf) : r; printf("W %d %d ", id, r); for(i=0;i<n;i++) printf("%04x", (unsigned)wbuf[i]); printf("\\n"); memset(wbuf, 0, sizeof wbuf); }
int main(void){
 _set_invalid_parameter_handler(handler);''')
    for i, (fmt, args, dev) in enumerate(cases.NARROW):
        a = ''.join(', ' + carg(x) for x in args)
        L.append(' on(%d, _snprintf(buf, 8000, %s%s));' % (i, cstr(fmt), a))
    for i, (fmt, args, dev) in enumerate(cases.WIDE):
        a = ''.join(', ' + carg(x) for x in args)
        L.append(' ow(%d, _snwprintf(wbuf, 8000, %s%s));' % (i, cstr(fmt, True), a))
    L.append(' return 0; }')
    return '\n'.join(L) + '\n'

def program_opts():
    L = []
    L.append('''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <stdarg.h>
#include <wchar.h>
int __cdecl __stdio_common_vsprintf(unsigned __int64 o, char *b, size_t n, const char *f, _locale_t l, va_list ap);
int __cdecl __stdio_common_vswprintf(unsigned __int64 o, wchar_t *b, size_t n, const wchar_t *f, _locale_t l, va_list ap);
static void handler(const wchar_t*a,const wchar_t*b,const wchar_t*c,unsigned d,uintptr_t e){ printf("IPH "); }
static double D(uint64_t b){ double d; memcpy(&d,&b,8); return d; }
static char buf[8192]; static wchar_t wbuf[8192];
static int on(int id, unsigned long long o, const char *f, ...){ va_list ap; va_start(ap, f); int r = __stdio_common_vsprintf(o, buf, 8000, f, NULL, ap); va_end(ap);
 int i, n = r < 0 ? (int)strlen(buf) : r; printf("N %d %d ", id, r); for(i=0;i<n;i++) printf("%02x", (unsigned char)buf[i]); printf("\\n"); memset(buf, 0, sizeof buf); return r; }
static int ow(int id, unsigned long long o, const wchar_t *f, ...){ va_list ap; va_start(ap, f); int r = __stdio_common_vswprintf(o, wbuf, 8000, f, NULL, ap); va_end(ap);
 int i, n = r < 0 ? (int)wcslen(wbuf) : r; printf("W %d %d ", id, r); for(i=0;i<n;i++) printf("%04x", (unsigned)wbuf[i]); printf("\\n"); memset(wbuf, 0, sizeof wbuf); return r; }
int main(void){
 setvbuf(stdout, NULL, _IONBF, 0);
 _set_invalid_parameter_handler(handler);''')
    for i, (bits, fmt, args) in enumerate(cases.ONARROW):
        a = ''.join(', ' + carg(x) for x in args)
        L.append(' on(%d, 0x%xULL, %s%s);' % (i, bits, cstr(fmt), a))
    for i, (bits, fmt, args) in enumerate(cases.OWIDE):
        a = ''.join(', ' + carg(x) for x in args)
        L.append(' ow(%d, 0x%xULL, %s%s);' % (i, bits, cstr(fmt, True), a))
    L.append(' return 0; }')
    return '\n'.join(L) + '\n'

def parse(path):
    r = {}
    for line in open(path, errors='replace'):
        parts = line.rstrip('\r\n').split(' ')
        iph = False
        if parts and parts[0] == 'IPH':
            iph = True; parts = parts[1:]
        if len(parts) < 3 or parts[0] not in ('N', 'W'): continue
        kind, idx, ret = parts[0], int(parts[1]), int(parts[2])
        hx = parts[3] if len(parts) > 3 else ''
        if kind == 'N': units = [int(hx[i:i+2], 16) for i in range(0, len(hx), 2)]
        else: units = [int(hx[i:i+4], 16) for i in range(0, len(hx), 4)]
        r['%s%d' % (kind, idx)] = dict(ret=ret, units=units, iph=iph)
    return r

def run():
    open('oracle.c', 'w').write(program())
    cc = 'x86_64-w64-mingw32-gcc'
    subprocess.check_call([cc, '-w', '-D__USE_MINGW_ANSI_STDIO=0', '-O0', 'oracle.c', '-o', 'oracle_msvcrt.exe'])
    subprocess.check_call([cc, '-w', '-D_UCRT', '-D__MSVCRT_VERSION__=0xE00', '-D__USE_MINGW_ANSI_STDIO=0', 'oracle.c',
        '-nodefaultlibs', '-lmingw32', '-lgcc', '-lgcc_eh', '-lmoldname', '-lmingwex', '-lucrt', '-lkernel32', '-o', 'oracle_ucrt.exe'])
    env = dict(os.environ, WINEPREFIX=os.environ.get('WINEPREFIX', '/tmp/oracle-printf'), WINEDEBUG='-all')
    res = {}
    for fl in ['msvcrt', 'ucrt']:
        with open('out_%s.txt' % fl, 'w') as f:
            subprocess.call(['wine', 'oracle_%s.exe' % fl], stdout=f, stderr=subprocess.STDOUT, env=env)
        r = {}
        for line in open('out_%s.txt' % fl, errors='replace'):
            parts = line.rstrip('\r\n').split(' ')
            iph = False
            if parts and parts[0] == 'IPH':
                iph = True; parts = parts[1:]
            if len(parts) < 3 or parts[0] not in ('N', 'W'): continue
            kind, idx, ret = parts[0], int(parts[1]), int(parts[2])
            hx = parts[3] if len(parts) > 3 else ''
            if kind == 'N': units = [int(hx[i:i+2], 16) for i in range(0, len(hx), 2)]
            else: units = [int(hx[i:i+4], 16) for i in range(0, len(hx), 4)]
            r['%s%d' % (kind, idx)] = dict(ret=ret, units=units, iph=iph)
        res[fl] = r
    open('oracle_opts.c', 'w').write(program_opts())
    subprocess.check_call([cc, '-w', '-D_UCRT', '-D__MSVCRT_VERSION__=0xE00', '-D__USE_MINGW_ANSI_STDIO=0', 'oracle_opts.c',
        '-nodefaultlibs', '-lmingw32', '-lgcc', '-lgcc_eh', '-lmoldname', '-lmingwex', '-lucrt', '-lkernel32', '-o', 'oracle_opts.exe'])
    with open('out_opts.txt', 'w') as f:
        subprocess.call(['wine', 'oracle_opts.exe'], stdout=f, stderr=subprocess.STDOUT, env=env)
    res['opts'] = parse('out_opts.txt')
    json.dump(res, open('results.json', 'w'))
    return res

if __name__ == '__main__':
    res = run()
    for fl in res:
        print(fl, len(res[fl]))
