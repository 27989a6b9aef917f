import struct
def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]
class A:
    def __init__(s, k, v): s.k, s.v = k, v
def I(v): return A('I', v)
def L(v): return A('L', v)
def D(x): return A('D', x if isinstance(x, int) else bits(x))
def S(s): return A('S', s)
def W(s): return A('W', s)
N = A('N', None)
def P(v): return A('P', v)

INF = 0x7FF0000000000000; NINF = 0xFFF0000000000000
QNAN = 0x7FF8000000000000; IND = 0xFFF8000000000000
SNAN = 0x7FF0000000000001; NSNAN = 0xFFF0000000000001
QNANP = 0x7FF8000000000123; NQNANP = 0xFFF8000000000123
DMAX = 0x7FEFFFFFFFFFFFFF; DMIN = 0x0010000000000000; DTRUE_MIN = 1
SUB = 0x000FFFFFFFFFFFFF

NARROW = []
def n(fmt, *args, dev=None): NARROW.append((fmt, list(args), dev or {}))
WIDE = []
def w(fmt, *args, dev=None): WIDE.append((fmt, list(args), dev or {}))

# ---------------- literals / misc
n("")
n("plain text")
n("100%%")
n("%%%d%%", I(5))
n("a%yb", I(1))
n("a%5yb", I(1))
n("x%5%y")
n("%")
n("abc%")
n("abc%-")
n("abc%5")
n("%k|%b|%r|%v|%q|%y|%B|%D", I(1))
n("%hy|%ly|%lly")
n("%T|%Ts|%Td", S("tee"), I(2))
n("%Z", N)
n("%d %s %f %c|", I(42), S("str"), D(2.5), I(ord('z')))
# ---------------- integers
for v in [0, 1, -1, 42, -42, 2147483647, -2147483648, 123456789]:
    n("%d|%i|%u", I(v), I(v), I(v))
for v in [0, 1, 255, 0x7fffffff, -1, 0xdeadbeef - 2**32]:
    n("%o|%x|%X", I(v), I(v), I(v))
n("[%5d][%-5d][%05d]", I(42), I(42), I(42))
n("[%5d][%-5d][%05d]", I(-42), I(-42), I(-42))
n("[%+d][% d][%+ d][% +d]", I(7), I(7), I(7), I(7))
n("[%+d][% d][%+ d][% +d]", I(-7), I(-7), I(-7), I(-7))
n("[%+05d][%-+5d][% 05d][%- 5d]", I(7), I(7), I(7), I(7))
n("[%.3d][%.0d][%5.0d][%.0d]", I(5), I(0), I(0), I(3))
n("[%08.3d][%-08.3d][%+.3d][%8.3d]", I(5), I(5), I(5), I(-5))
n("[%08.3d][%+08.3d]", I(-5), I(5))
n("[%-05d][%0-5d]", I(3), I(3))
n("[%+u][% u][%+x][% o]", I(5), I(5), I(5), I(5))
n("[%#x][%#X][%#o][%#x][%#o]", I(255), I(255), I(8), I(0), I(0))
n("[%#08x][%#8x][%#-8x][%#.4x][%#08.4x]", I(255), I(255), I(255), I(255), I(255))
n("[%#08X][%#010x][%#02x][%#03x]", I(1), I(0), I(1), I(1))
n("[%#.0o][%.0o][%#5o][%#.3o][%#o]", I(0), I(0), I(8), I(8), I(-1))
n("[%#.0x][%.0x][%#5.0x]", I(0), I(0), I(0))
n("[%#d][%#u][%#i]", I(5), I(5), I(-5))
n("[%hd][%hu][%hx][%ho]", I(0x12345), I(70000), I(-1), I(-1))
n("[%hd][%hi]", I(0x8000), I(-32769))
n("[%hhd][%hhu][%hhx]", I(300), I(300), I(0x1ff))
n("[%ld][%lu][%lx][%li]", I(-5), I(-5), I(-5), I(-5))
n("[%lld][%llu][%llx][%llX][%llo]", L(-5), L(-5), L(-5), L(-5), L(-5))
n("[%lld][%lli]", L(-9223372036854775808), L(9223372036854775807))
n("[%llu][%lld]", L(-1), L(0x123456789))
n("[%I64d][%I64u][%I64x][%I64X]", L(-2), L(-2), L(0x1234567890abcdef), L(0x1234567890abcdef))
n("[%I32d][%I32u][%I32x]", I(-2), I(-2), I(-2))
n("[%Id][%Iu][%Ix][%IX][%Io]", L(-3), L(-3), L(0x123456789a), L(0x123456789a), L(8))
n("[%zd][%zu][%zx][%td][%tu][%jd][%ju]", L(-4), L(-4), L(0x1ffffffff), L(-4), L(-4), L(-4), L(-4))
n("[%Ld][%Lu][%Lx]", L(0x100000005), L(0x100000005), L(0x100000005))
n("[%wd][%Fd][%Nd][%Nx]", I(5), I(6), I(7), I(8))
n("[%lx][%hlx][%lhx]", L(0x1234567890), L(0x12345), L(0x12345))
n("[%llld]", L(5))
n("[%I][%Is][%Ic]", I(1), S("s"), I(ord('c')))
n("[%I6d][%I3d][%I63d][%I646d]", I(1), I(2), I(3), I(4))
n("[%hhhd][%hld][%qd]", I(65537), I(65537), L(5))
n("[%*d][%-*d][%*d]", I(5), I(42), I(5), I(42), I(-5), I(42))
n("[%.*d][%.*d][%.*d]", I(3), I(7), I(-1), I(7), I(0), I(0))
n("[%*.*d][%0*d][%-0*d]", I(6), I(3), I(7), I(6), I(-7), I(6), I(-7))
n("[%*5d]", I(1), I(7))
n("[%*0d]", I(2), I(7))
n("[%5*d]", I(3), I(7))
n("[%.*5d]", I(1), I(7))
n("[%40d][%.40d]", I(-123), I(-123))
n("[%-+08.4i]", I(-12))
n("[%++d][%--5d][%00d][%##x]", I(1), I(1), I(1), I(1))
n("[%x][%X][%o][%u]", L(0xFFFFFFFF00000010), L(0xFFFFFFFF00000010), L(0xFFFFFFFF00000010), L(0xFFFFFFFF00000010))
# ---------------- chars
n("[%c][%5c][%-5c][%05c][%.0c][%.1c]", I(65), I(65), I(65), I(65), I(65), I(65))
n("[%c][%c]", I(0x141), I(0x7A))
n("[%c]", I(0))
n("a%cb", I(0))
n("[%lc][%C][%wc][%hc][%hC][%lC]", I(ord('x')), I(ord('y')), I(ord('z')), I(ord('q')), I(ord('r')), I(ord('s')))
n("[%+c][% c][%#c]", I(ord('a')), I(ord('b')), I(ord('c')))
n("[%3lc][%-3C]", I(ord('x')), I(ord('y')))
# ---------------- strings
n("[%s][%10s][%-10s][%.3s][%10.3s][%-10.3s]", S("hello"), S("hello"), S("hello"), S("hello"), S("hello"), S("hello"))
n("[%.0s][%.10s][%.*s][%.*s]", S("hello"), S("hello"), I(2), S("hello"), I(-1), S("hello"))
n("[%s][%.3s][%10s][%-8s][%.10s][%.6s][%.5s]", N, N, N, N, N, N, N)
n("[%ls][%S][%ws][%hs][%hS][%lS][%wS]", W("wide"), W("Wide"), W("wIde"), S("narrow"), S("Narrow"), W("lS"), W("wS"))
n("[%ls][%S][%hs][%lc]", N, N, N, I(0))
n("[%.2ls][%6.2S][%-6ls][%06S]", W("abcdef"), W("abcdef"), W("ab"), W("ab"))
n("[%010s][%+s][% s][%#s][%-010s]", S("ab"), S("ab"), S("ab"), S("ab"), S("ab"))
n("[%*s][%-*s][%*.*s]", I(6), S("ab"), I(-6), S("ab"), I(6), I(1), S("ab"))
n("[%s]", S(""))
n("[%5s][%.0s]", S(""), S(""))
n("[%llS][%lls][%Is][%I64s]", W("ll"), W("lls"), S("is"), S("i64"))
n("[%hls][%lhs][%hws][%whs]", W("a"), S("b"), W("c"), W("d"))
# ---------------- pointers
n("[%p]", P(0x12FF40))
n("[%p][%p]", N, P(0xFFFFFFFFFFFFFFFF))
n("[%#p][%20p][%-20p][%020p]", P(0x12FF40), P(0x12FF40), P(0x12FF40), P(0x12FF40))
n("[%.4p][%+p][% p][%.20p][%.0p]", P(0x12FF40), P(0x12FF40), P(0x12FF40), P(0x12FF40), P(0x12FF40))
n("[%lp][%hp][%llp][%Ip][%#20p][%#-20p]", P(0xabcdef), P(0xabcdef), P(0xabcdef), P(0xabcdef), P(0xabcdef), P(0xabcdef))
n("[%#.3p][%#.0p][%#p][%#5.0p]", P(0xabcdef), P(0), N, P(1))
n("[%#02x][%#01x][%#03x][%#04o][%#-04x][%#4.1x]", I(0), I(0), I(0), I(1), I(1), I(1))
# ---------------- %f
for x in [0.0, -0.0, 1.0, -1.0, 0.1, 123.456, 1e20, 1e21, 1e22, 1e23, 9007199254740993.0, 1e-5, 1e-7, 0.5e-6, 0.4e-6]:
    n("%f|%.0f|%.1f|%.10f", D(x), D(x), D(x), D(x))
n("%f", D(1e300))
n("%f", D(DMAX))
n("%.3f", D(DMAX | (1<<63)))
n("%f|%.20f", D(DTRUE_MIN), D(DTRUE_MIN))
n("%.400f", D(DMIN))
n("%.1100f", D(DTRUE_MIN))
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 9.5, 10.5, 0.125, 0.375]:
    n("%.0f|%.1f|%.2f|%.3f", D(x), D(x), D(x), D(x))
n("%.1f|%.1f|%.1f|%.1f|%.1f", D(0.25), D(0.35), D(0.45), D(0.05), D(-0.25))
n("%.2f|%.2f|%.2f|%.2f", D(1.005), D(1.015), D(1.025), D(2.675))
n("%.3f|%.2f|%.1f|%.0f", D(9.9995), D(999.995), D(99.95), D(99.5))
n("%.0f|%.0f|%.0f", D(0.49999999999999994), D(4503599627370496.5), D(2.0**53 + 2))
n("%.20f|%.30f|%.17f", D(0.1), D(1/3), D(2/3))
n("%.60f", D(1e-50))
n("[%#.0f][%#f][%#.1f][%#.0f]", D(1.0), D(1.0), D(1.0), D(0.0))
n("[%+f][% f][%+f][% f][%+ f]", D(1.5), D(1.5), D(-1.5), D(-1.5), D(1.5))
n("[%010.3f][%-10.2f][%+010.2f][% 010.2f][%-+10.2f]", D(-3.14159), D(3.14159), D(3.14159), D(3.14159), D(3.14159))
n("[%08.2f][%-08.2f][%08f]", D(-0.0), D(-0.0), D(1e10))
n("[%*.*f][%.*f][%.*f]", I(10), I(2), D(3.14159), I(-1), D(1.5), I(0), D(1.5))
n("[%.*f]", I(-3), D(1.5), dev={'msvcrt': '[1.500000]', 'ucrt': '[1.500000]'})
n("[%lf][%Lf][%llf][%hf][%I64f][%wf][%zf][%jf]", D(1.5), D(1.5), D(1.5), D(1.5), D(1.5), D(1.5), D(1.5), D(1.5))
n("[%F][%Ff][%.2F]", D(1.5), D(2.5), D(3.5))
n("[%.15f][%.16f][%.17f][%.18f]", D(0.1), D(0.1), D(0.1), D(0.1))
n("%.0f|%.0f|%.0f", D(123456789012345678.0), D(1e15 + 0.5), D(0.5e-300))
n("%.14f|%.15f", D(0.99999999999999989), D(0.99999999999999989))
n("%f|%f|%f", D(0.0000005), D(0.0000015), D(0.0000025))
n("%f|%.2f", D(999999.9999995), D(-0.001))
n("%5.1f|%5.1f|%5.1f", D(-0.04), D(-0.05), D(-0.06))
# ---------------- %e
for x in [0.0, -0.0, 1.0, 1e20, 1.5e-10, 123456.0, 1e100, 1e-100, 1e300, 1e-300, 1e-310]:
    n("%e|%E|%.0e|%.3e|%.15e", D(x), D(x), D(x), D(x), D(x))
n("%e|%.20e", D(DTRUE_MIN), D(DTRUE_MIN))
n("%e|%.17e", D(DMAX), D(DMAX))
n("%.0e|%.0e|%.0e|%.0e|%.0e", D(2.5), D(1.5), D(25.0), D(250.0), D(0.25))
n("%.1e|%.2e|%.2e|%.0e|%.0e", D(0.125), D(1.125), D(1.0625), D(9.5), D(-9.5))
n("%.3e|%.2e|%.1e|%.4e", D(9.9995), D(9.995), D(9.95), D(99999.5))
n("%.15e|%.17e|%.25e|%.40e", D(0.1), D(0.1), D(0.1), D(0.1))
n("%.0e|%.1e|%.2e", D(75.0), D(125.0), D(1125.0))
n("%.0e|%.1e", D(5e22), D(4.5e15))
n("[%#.0e][%#e][%#.0E]", D(1.0), D(1.0), D(2.0))
n("[%+e][% e][%12.3e][%-12.3e][%012.3e][%+012.3E]", D(1.5), D(1.5), D(1.5), D(1.5), D(-1.5), D(1.5))
n("[%015.4e][% 015.4e][%-015.4e]", D(-1.5e-150), D(1.5e150), D(1.5e150))
n("[%*.*e]", I(-15), I(2), D(123.0))
n("[%.*e]", I(-1), D(1.5))
n("[%.*e]", I(-2), D(1.5), dev={'msvcrt': '[1.500000e+000]', 'ucrt': '[1.500000e+00]'})
# ---------------- %g
for x in [0.0, -0.0, 1.0, 0.0001, 0.00001, 123456.0, 1234567.0, 1e6, 1e-5, 100000.0, 1e15, 0.1, 1/3, 1e100, 1e-100, 100.0, 1e300, 1e-310]:
    n("%g|%G|%.0g|%.3g|%#g|%.17g", D(x), D(x), D(x), D(x), D(x), D(x))
n("%.0g|%.0g|%.0g|%.0g|%.1g|%.1g", D(1.0), D(15.0), D(0.5), D(2.5), D(0.25), D(2.5))
n("%.2g|%.2g|%.3g|%.3g|%.3g", D(2.25), D(0.125), D(999.5), D(1000.0), D(0.0001234))
n("%.10g|%.20g|%.1g|%.2g", D(1/3), D(1.0), D(9.5), D(99.5))
n("[%#.3g][%#.0g][%#g][%#.10g]", D(1.0), D(1.0), D(0.0), D(1.5))
n("[%+g][% g][%010g][%-10g][%-+10g][%010G]", D(1.5), D(1.5), D(-1.5), D(1.5), D(1.5), D(1e-10))
n("%g|%g|%g|%g", D(1e-4), D(9.99999e-5), D(0.000099999999), D(999999.5))
n("%g|%g|%g", D(1e16), D(123456789.0), D(12345.678))
n("%G|%G", D(1.5e-30), D(DMAX))
n("[%.*g]", I(-1), D(1.5))
n("[%.*g]", I(-5), D(1.5), dev={'msvcrt': '[1.5]', 'ucrt': '[1.5]'})
n("%#.0g|%#.1g|%#.2g", D(0.5), D(100.0), D(0.001))
# ---------------- %a
for x in [1.0, -1.0, 0.0, -0.0, 0.5, 0.1, 1.5, 255.0, 1e-310, 1e300, 1/3]:
    n("%a|%A|%.0a|%.1a|%.3a|%.20a", D(x), D(x), D(x), D(x), D(x), D(x))
n("%a|%a|%a", D(DTRUE_MIN), D(DMAX), D(DMIN))
n("%.0a|%.0a|%.0a|%.0a", D(1.5), D(1.4), D(1.9999), D(1.03125))
n("%.1a|%.1a|%.1a|%.1a", D(1.03125), D(1.09375), D(1.96875), D(1.9999999999999998))
n("%.12a|%.13a|%.14a|%.12a", D(1.9999999999999998), D(1.9999999999999998), D(1.9999999999999998), D(1.0000000000000002))
n("[%20a][%025a][%+a][% a][%#.0a][%#a]", D(1.0), D(1.0), D(1.0), D(1.0), D(1.0), D(1.0))
n("[%+025a][% 025A][%025a][%025.2a]", D(-1.0), D(1.0), D(-2.0), D(1.0))
n("[%20.3a][%020.3a][%+.3a]", D(-1.0), D(-1.0), D(1.0))
n("[%la][%La][%.*a]", D(0.25), D(0.25), I(2), D(0.25))
# ---------------- specials
for b in [INF, NINF, QNAN, IND, SNAN, NSNAN, QNANP, NQNANP]:
    n("%f|%e|%g|%E|%G|%a|%A|%F", D(b), D(b), D(b), D(b), D(b), D(b), D(b), D(b))
for b in [INF, NINF, QNAN, IND]:
    n("%.0f|%.1f|%.2f|%.3f|%.4f|%.5f|%.10f", D(b), D(b), D(b), D(b), D(b), D(b), D(b))
    n("%.0e|%.1e|%.2e|%.3e|%.4e|%.10e", D(b), D(b), D(b), D(b), D(b), D(b))
    n("%.0g|%.1g|%.2g|%.3g|%.4g|%.5g|%.10g|%#g|%#.2g", D(b), D(b), D(b), D(b), D(b), D(b), D(b), D(b), D(b))
    n("[%10f][%010f][%+f][% f][%#.0f][%12.1e][%+010.2e]", D(b), D(b), D(b), D(b), D(b), D(b), D(b))
    n("[%.0a][%.1a][%.3a][%.14a][%#a][%20a][%020a][%+a]", D(b), D(b), D(b), D(b), D(b), D(b), D(b), D(b))
n("[%-12f][%-12e][%-12g][%-20a]", D(INF), D(INF), D(INF), D(INF))
n("[%-12f][%-15e][%-12g][%-10f]", D(IND), D(NINF), D(QNAN), D(IND))
n("[%-14.1f][%-14.2e][%-14.3g][%-#14g][%-+14.3a][%-014f]", D(INF), D(INF), D(INF), D(INF), D(INF), D(INF))
n("[%-25a][%-10a][%-30A]", D(1.0), D(-0.5), D(3.0))
n("[%-+25.2a][%-025a][%- 25.15a]", D(1.0), D(-0.5), D(3.0))

# ---------------- wide
w("")
w("plain %% text")
w("[%s][%S][%ls][%hs][%ws][%hS][%lS]", W("wide"), S("narrow"), W("ls"), S("hs"), W("ws"), S("hS"), W("lS"))
w("[%c][%C][%lc][%hc][%wc][%hC]", I(ord('a')), I(ord('b')), I(ord('c')), I(ord('d')), I(ord('e')), I(ord('f')))
w("[%c][%C]", I(0x263A), I(0x141))
w("[%c]", I(0))
w("[%10s][%-10s][%.2s][%5.1S][%-5.3hs]", W("wide"), W("wide"), W("wide"), S("narrow"), S("narrow"))
w("[%s][%S][%ls][%hs][%.3s][%8S]", N, N, N, N, N, N)
w("[%d][%5d][%-5i][%05u][%x][%#X][%o][%lld][%I64x][%hd]", I(-1), I(42), I(42), I(42), I(255), I(255), I(8), L(-5), L(0xabcdef0123), I(70000))
w("[%f][%.0f][%.1f][%e][%E][%g][%G][%a]", D(1.5), D(0.5), D(0.25), D(1e20), D(1e-20), D(1e-5), D(1e20), D(1.0))
w("[%f][%e][%g][%F][%G]", D(INF), D(NINF), D(IND), D(QNAN), D(INF))
w("[%.1f][%.2e][%10f]", D(INF), D(IND), D(QNAN))
w("[%-12f][%-22a]", D(NINF), D(0.5))
w("[%.*f][%.*E]", I(-2), D(2.5), I(-7), D(INF), dev={'msvcrt': '[2.500000][1.#INF00E+000]', 'ucrt': '[2.500000][INF]'})
w("[%p][%#p][%20p]", P(0x12FF40), P(0x12FF40), P(0xdead))
w("%y|%5k|%")
w("[%*d][%.*s]", I(-4), I(1), I(2), W("xyz"))
w("[%Ts][%Tc]", W("T"), I(ord('t')))
w("%d %s %f %c|", I(42), W("str"), D(2.5), I(ord('z')))
w("[%010s][%+.3e][%#o][%+5c]", W("ab"), D(12345.678), I(0), I(ord('q')))
w("[%lls][%llc][%I64s]", W("a"), I(ord('b')), W("c"))

# ---------------- deterministic random cases (floats and integers)
import random
_r = random.Random(20240607)
def _rand_double():
    t = _r.random()
    if t < 0.3:
        while True:
            b = _r.getrandbits(64)
            if (b >> 52) & 0x7ff != 0x7ff: return b
    if t < 0.6:
        x = _r.randint(0, 10**6) / 2.0**_r.randint(0, 20) * 10.0**_r.randint(-3, 3)
    elif t < 0.8:
        x = _r.randint(0, 10**_r.randint(0, 17)) / 10.0**_r.randint(0, 12)
    else:
        x = _r.random() * 10.0**_r.randint(-320, 308)
    if _r.random() < 0.3: x = -x
    return bits(x)
def _rand_fspec(conv):
    fl = ''.join(c for c in '-+ #0' if _r.random() < 0.2)
    w = str(_r.randint(1, 30)) if _r.random() < 0.3 else ''
    p = _r.random()
    pr = '' if p < 0.25 else '.%d' % (_r.randint(0, 20) if p < 0.9 else _r.randint(20, 60))
    return '%' + fl + w + pr + conv
for _ in range(300):
    specs = [_rand_fspec(_r.choice('ffffeeegggGEaA')) for _ in range(4)]
    n('|'.join(specs), *[D(_rand_double()) for _ in specs])
def _rand_ispec():
    conv = _r.choice('diouxX')
    size = _r.choice(['', '', '', 'h', 'l', 'll', 'I64', 'I', 'z'])
    fl = ''.join(c for c in '-+ #0' if _r.random() < 0.2)
    w = str(_r.randint(1, 25)) if _r.random() < 0.4 else ''
    pr = '.%d' % _r.randint(0, 22) if _r.random() < 0.3 else ''
    return '%' + fl + w + pr + size + conv, size in ('ll', 'I64', 'I', 'z')
for _ in range(60):
    specs = [_rand_ispec() for _ in range(4)]
    args = []
    for s, big in specs:
        v = _r.choice([0, 1, -1, _r.getrandbits(64), _r.getrandbits(16), _r.getrandbits(32)])
        if big: args.append(L(v & (2**64 - 1)))
        else:
            v &= 0xffffffff
            args.append(I(v - 2**32 if v >= 2**31 else v))
    n('|'.join(s for s, _ in specs), *args)

# ---------------- ucrtbase with explicit __stdio_common_v*printf option bits
ONARROW = []
def o(bits, fmt, *args): ONARROW.append((bits, fmt, list(args)))
OWIDE = []
def ow(bits, fmt, *args): OWIDE.append((bits, fmt, list(args)))
for ob in [0x4, 0x24, 0xC, 0x14, 0x1C, 0x2C, 0x3C, 0x0]:
    o(ob, "%.0f|%.0f|%.0f|%.1f|%.1f|%.2f|%.2f|%.0f|%.0f", D(0.5), D(1.5), D(2.5), D(0.25), D(0.35), D(0.125), D(1.005), D(-2.5), D(-3.5))
    o(ob, "%.0e|%.0e|%.1e|%.2e|%.0g|%.2g|%.3g|%.1g", D(2.5), D(3.5), D(0.125), D(1.125), D(0.5), D(0.125), D(2.5e-5), D(25.0))
    o(ob, "%.1a|%.1a|%.1a|%.0a|%.0a|%.2a|%.12a", D(1.03125), D(1.09375), D(1.0625), D(1.5), D(2.5), D(1.0 + 3 * 2**-12), D(1.0 + 2**-52 * 8))
    o(ob, "%.25f|%.30f|%.22f", D(2**-70 * 3), D(2**-90 * 5), D(0.5 + 2**-60))
    o(ob, "%e|%g|%E|%G|%e", D(1e5), D(1e-100), D(1e200), D(1e-5), D(0.0))
    o(ob, "%f|%e|%g|%E|%G|%a|%A|%.2f|%-12f|%010.1e", D(INF), D(NINF), D(IND), D(QNAN), D(INF), D(INF), D(IND), D(QNAN), D(INF), D(NINF))
    if ob & 8: o(ob, "[%F][%Ff][%Nd][%Fs]", D(1.5), I(3), S("x"))
    else: o(ob, "[%F][%Ff][%Nd][%Fs]", D(1.5), D(2.5), D(3.5))
    o(ob, "[%*5d][%Ts][%Td]", I(1), I(7), S("t"), I(4))
    o(ob, "[%s][%S][%c][%C][%hs][%ls]", S("n"), W("w"), I(ord('c')), I(ord('C')), S("h"), W("l"))
    ow(ob, "[%s][%S][%c][%C][%hs][%ls][%Ts][%ws]", W("w") if ob & 4 else S("n"), S("n") if ob & 4 else W("w"),
       I(ord('c')), I(ord('C')), S("h"), W("l"), W("T"), W("ws"))
    ow(ob, "[%.0f][%.1e][%f][%F][%e]", D(2.5), D(0.25), D(INF), D(NINF), D(1e10))
_r2 = random.Random(99)
for _ in range(40):
    ob = _r2.choice([0x4, 0x24])
    specs, args = [], []
    for _ in range(4):
        x = _r2.randint(0, 10**6) / 2.0**_r2.randint(0, 30) * _r2.choice([1, 1, 10.0**_r2.randint(-5, 5)])
        conv = _r2.choice('ffffeeggaa')
        pr = _r2.randint(0, 25)
        specs.append('%.' + str(pr) + conv); args.append(D(x))
    o(ob, '|'.join(specs), *args)
