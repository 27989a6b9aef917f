/* math.c - the DLL's math functions (called through GetProcAddress: mingw-w64 links its own
 * versions of most of them): exact IEEE results (sqrt, fmod, floor, ldexp, ...), special
 * values, errno and _matherr reports (sqrt(-1) is EDOM, log(0) and exp(1000) ERANGE), the
 * classification functions (_fpclass, _isnan, _finite; the UCRT's _dclass/_dsign), the float
 * versions, _controlfp/_statusfp/_clearfp, and the UCRT's C99 functions and fenv.
 * Expectations are Wine 8's; values are compared exactly where IEEE or the function's
 * definition fixes them, and to within an ulp where libms may differ. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "crt.h"

#ifndef _SW_ZERODIVIDE
#define _SW_INEXACT 0x1
#define _SW_UNDERFLOW 0x2
#define _SW_OVERFLOW 0x4
#define _SW_ZERODIVIDE 0x8
#define _SW_INVALID 0x10
#endif

typedef double(__cdecl *d_d)(double);
typedef double(__cdecl *d_dd)(double, double);
typedef double(__cdecl *d_di)(double, int);
typedef double(__cdecl *d_dpi)(double, int *);
typedef double(__cdecl *d_dpd)(double, double *);
typedef float(__cdecl *f_f)(float);
typedef float(__cdecl *f_ff)(float, float);
typedef int(__cdecl *i_d)(double);
typedef int(__cdecl *i_f)(float);

#define F1(name) CRT_FN(d_d, name)
#define F2(name) CRT_FN(d_dd, name)

static unsigned long long bits(double d)
{
    unsigned long long b;
    memcpy(&b, &d, 8);
    return b;
}

/* Equal, or one ulp apart. */
static int ulp1(double a, double b)
{
    if (a == b) return 1;
    long long d = (long long)(bits(a) - bits(b));
    return d == 1 || d == -1;
}

static int matherr_calls, matherr_type, matherr_ret_one;
static char matherr_name[32];
static double matherr_retval;

static int __cdecl my_matherr(struct _exception *e)
{
    matherr_calls++;
    matherr_type = e->type;
    strncpy(matherr_name, e->name, sizeof matherr_name - 1);
    if (matherr_ret_one) {
        e->retval = matherr_retval;
        return 1;
    }
    return 0;
}

#define RESET() (errno = 0, matherr_calls = 0, matherr_type = 0, matherr_name[0] = 0)

static void exact(void)
{
    volatile double zero = 0;
    CHECK(F1(sqrt)(4.0) == 2.0 && F1(sqrt)(2.0) == 1.4142135623730951, "sqrt");
    CHECK(bits(F1(sqrt)(-zero)) == 0x8000000000000000ULL, "sqrt(-0) is -0");
    CHECK(F1(fabs)(-3.5) == 3.5 && F1(floor)(-2.5) == -3.0 && F1(ceil)(-2.5) == -2.0, "fabs/floor/ceil");
    CHECK(F1(floor)(1e300) == 1e300 && F1(ceil)(0.1) == 1.0, "floor/ceil of large and small");
    CHECK(F2(fmod)(5.5, 2.0) == 1.5 && F2(fmod)(-5.5, 2.0) == -1.5 && F2(fmod)(1e300, 7.0) == 1.0, "fmod is exact");
    CHECK(F2(pow)(2.0, 10.0) == 1024.0 && F2(pow)(-2.0, 3.0) == -8.0 && F2(pow)(0.0, 0.0) == 1.0, "pow exact cases");
    CHECK(F2(pow)(2.0, 0.5) == 1.4142135623730951 && F2(pow)(2.0, -1074.0) == 4.9406564584124654e-324, "pow");
    CHECK(F1(exp)(0.0) == 1.0 && ulp1(F1(exp)(1.0), 2.718281828459045), "exp");
    CHECK(F1(log)(1.0) == 0.0 && ulp1(F1(log)(2.718281828459045), 1.0) && F1(log10)(1000.0) == 3.0, "log/log10");
    CHECK(F1(sin)(0.0) == 0.0 && F1(cos)(0.0) == 1.0 && F1(tan)(0.0) == 0.0, "sin/cos/tan of 0");
    CHECK(ulp1(F1(sin)(1.0), 0.8414709848078965) && ulp1(F1(cos)(1.0), 0.5403023058681398), "sin/cos of 1");
    CHECK(F2(atan2)(1.0, 1.0) == 0.7853981633974483 && F1(asin)(1.0) == 1.5707963267948966 && F1(acos)(1.0) == 0.0, "inverse trigonometry");
    CHECK(F1(atan)(INFINITY) == 1.5707963267948966 && F2(atan2)(0.0, -1.0) == 3.141592653589793, "atan of inf, atan2 of -x");
    CHECK(F1(sinh)(0.0) == 0.0 && F1(cosh)(0.0) == 1.0 && F1(tanh)(INFINITY) == 1.0, "hyperbolic");

    int e = 0;
    CHECK(CRT_FN(d_dpi, frexp)(12.0, &e) == 0.75 && e == 4, "frexp(12)");
    CHECK(CRT_FN(d_dpi, frexp)(-0.0, &e) == 0.0 && e == 0, "frexp(-0)");
    CHECK(CRT_FN(d_dpi, frexp)(4.9406564584124654e-324, &e) == 0.5 && e == -1073, "frexp of a subnormal");
    CHECK(CRT_FN(d_di, ldexp)(1.0, -1074) == 4.9406564584124654e-324 && CRT_FN(d_di, ldexp)(0.75, 4) == 12.0, "ldexp");
    double ip = 0;
    CHECK(CRT_FN(d_dpd, modf)(-3.75, &ip) == -0.75 && ip == -3.0, "modf");
    CHECK(CRT_FN(d_dpd, modf)(INFINITY, &ip) == 0.0 && ip == INFINITY, "modf(inf)");
    CHECK(F2(_hypot)(3.0, 4.0) == 5.0 && F2(_hypot)(1e308, 1e308) == 1.4142135623730951e308, "_hypot");
}

static void specials(void)
{
    volatile double one = 1, zero = 0;
    CHECK(isnan(F1(sqrt)(NAN)) && F1(sqrt)(INFINITY) == INFINITY, "sqrt of NaN and inf");
    CHECK(F1(exp)(-INFINITY) == 0.0 && F1(exp)(INFINITY) == INFINITY, "exp of infinities");
    CHECK(F1(log)(INFINITY) == INFINITY, "log(inf)");
    CHECK(F2(pow)(NAN, 0.0) == 1.0 && F2(pow)(1.0, NAN) == 1.0, "pow with NaN and 0 or 1");
    CHECK(F2(atan2)(zero, zero) == 0.0, "atan2(0, 0)");
    CHECK(isnan(F2(fmod)(one, zero)), "fmod(x, 0) is NaN");

    /* The indefinite NaN that SSE produces: -nan(ind). */
    CHECK(bits(F1(sqrt)(-one)) == 0xfff8000000000000ULL, "sqrt(-1) bits %016llx", bits(F1(sqrt)(-one)));
    CHECK(bits(F1(asin)(2.0)) == 0xfff8000000000000ULL, "asin(2) bits");
}

static void errors(void)
{
    __setusermatherr(my_matherr);
    RESET();
    CHECK(isnan(F1(sqrt)(-1.0)) && errno == EDOM, "sqrt(-1): EDOM (%d)", errno);
    CHECK(matherr_calls == 1 && matherr_type == _DOMAIN && strcmp(matherr_name, "sqrt") == 0,
          "_matherr saw sqrt's domain error: %d %d %s", matherr_calls, matherr_type, matherr_name);
    RESET();
    CHECK(F1(log)(0.0) == -INFINITY && errno == ERANGE, "log(0): ERANGE");
    CHECK(matherr_calls == 1 && strcmp(matherr_name, "log") == 0, "_matherr saw log");
    RESET();
    CHECK(isnan(F1(log)(-1.0)) && errno == EDOM && matherr_type == _DOMAIN, "log(-1): EDOM");
    RESET();
    CHECK(F1(log10)(0.0) == -INFINITY && errno == ERANGE && matherr_type == _SING, "log10(0): _SING, ERANGE");
    RESET();
    CHECK(F1(exp)(1000.0) == INFINITY && errno == ERANGE && matherr_type == _OVERFLOW, "exp(1000): _OVERFLOW, ERANGE");
    RESET();
    CHECK(F1(exp)(-1000.0) == 0.0 && errno == 0, "exp(-1000): no error");
    RESET();
    CHECK(isnan(F2(pow)(-2.0, 0.5)) && errno == EDOM && strcmp(matherr_name, "pow") == 0, "pow(-2, 0.5): EDOM");
    RESET();
    CHECK(isnan(F1(asin)(2.0)) && errno == EDOM && isnan(F1(acos)(-2.0)), "asin/acos out of range: EDOM");
    RESET();
    CHECK(isnan(F1(sin)(INFINITY)) && errno == EDOM && isnan(F1(cos)(-INFINITY)), "sin/cos of inf: EDOM");
    RESET();
    CHECK(CRT_FN(d_di, ldexp)(1.0, 2000) == INFINITY && errno == ERANGE, "ldexp overflow: ERANGE");
    RESET();
    CHECK(F1(_logb)(0.0) == -INFINITY && errno == ERANGE && matherr_type == _SING, "_logb(0): _SING");

    /* A handler that returns non-zero chooses the result and keeps errno. */
    RESET();
    matherr_ret_one = 1;
    matherr_retval = 42.0;
    CHECK(F1(sqrt)(-1.0) == 42.0 && errno == 0, "_matherr's retval is returned");
    matherr_ret_one = 0;
}

static void classes(void)
{
    unsigned long long sn = 0x7ff0000000000001ULL;
    double snan;
    memcpy(&snan, &sn, 8);
    i_d fpclass = CRT_FN(i_d, _fpclass);
    double v[10] = {NAN, snan, -INFINITY, -1.0, -1e-310, -0.0, 0.0, 1e-310, 1.0, INFINITY};
    int want[10] = {_FPCLASS_QNAN, _FPCLASS_SNAN, _FPCLASS_NINF, _FPCLASS_NN, _FPCLASS_ND,
                    _FPCLASS_NZ, _FPCLASS_PZ, _FPCLASS_PD, _FPCLASS_PN, _FPCLASS_PINF};
    for (int i = 0; i < 10; i++) CHECK(fpclass(v[i]) == want[i], "_fpclass(%g) = %#x", v[i], fpclass(v[i]));
    CHECK(_isnan(NAN) && !_isnan(INFINITY) && _isnan(snan), "_isnan");
    CHECK(_finite(1.0) && !_finite(INFINITY) && !_finite(NAN), "_finite");
    CHECK(F2(_copysign)(1.0, -0.0) == -1.0 && F1(_chgsign)(1.0) == -1.0, "_copysign/_chgsign");
    CHECK(bits(F1(_chgsign)(-0.0)) == 0, "_chgsign(-0) is +0");
    CHECK(F1(_logb)(8.0) == 3.0 && F1(_logb)(0.1) == -4.0, "_logb");
    CHECK(CRT_FN(d_di, _scalb)(1.0, 3) == 8.0, "_scalb");
    CHECK(F2(_nextafter)(1.0, 2.0) == 1.0 + DBL_EPSILON && F2(_nextafter)(1.0, 0.0) == 1.0 - DBL_EPSILON / 2, "_nextafter");
    RESET();
    CHECK(F2(_nextafter)(DBL_MAX, INFINITY) == INFINITY && errno == ERANGE, "_nextafter overflow: ERANGE");
    CHECK(F1(_j0)(0.0) == 1.0 && F1(_j1)(0.0) == 0.0, "_j0/_j1 at 0");
    RESET();
    CHECK(F1(_y0)(0.0) == -INFINITY && errno == ERANGE, "_y0(0): ERANGE");
    RESET();
    CHECK(isnan(F1(_y0)(-1.0)) && errno == EDOM, "_y0(-1): EDOM");
}

static void floats(void)
{
    CHECK(CRT_FN(f_f, sqrtf)(2.0f) == 1.41421354f, "sqrtf");
    CHECK(CRT_FN(f_f, floorf)(-2.5f) == -3.0f && CRT_FN(f_f, ceilf)(-2.5f) == -2.0f, "floorf/ceilf");
    CHECK(CRT_FN(f_ff, fmodf)(5.5f, 2.0f) == 1.5f, "fmodf");
    CHECK(CRT_FN(f_ff, powf)(2.0f, 10.0f) == 1024.0f, "powf");
    CHECK(CRT_FN(f_f, expf)(0.0f) == 1.0f && CRT_FN(f_f, logf)(1.0f) == 0.0f && CRT_FN(f_f, log10f)(100.0f) == 2.0f, "expf/logf/log10f");
    CHECK(CRT_FN(f_f, sinf)(0.0f) == 0.0f && CRT_FN(f_f, cosf)(0.0f) == 1.0f && CRT_FN(f_f, tanf)(0.0f) == 0.0f, "sinf/cosf/tanf");
    CHECK(CRT_FN(f_ff, atan2f)(1.0f, 1.0f) == 0.785398185f, "atan2f");
    CHECK(CRT_FN(f_ff, _copysignf)(2.0f, -1.0f) == -2.0f && CRT_FN(f_f, _chgsignf)(2.0f) == -2.0f, "_copysignf/_chgsignf");
    CHECK(CRT_FN(i_f, _finitef)(1.0f) && !CRT_FN(i_f, _finitef)(INFINITY) && CRT_FN(i_f, _isnanf)(NAN), "_finitef/_isnanf");
    CHECK(CRT_FN(i_f, _fpclassf)(-0.0f) == _FPCLASS_NZ && CRT_FN(i_f, _fpclassf)(1e-40f) == _FPCLASS_PD, "_fpclassf");
    CHECK(CRT_FN(f_f, _logbf)(8.0f) == 3.0f, "_logbf");
    CHECK(CRT_FN(f_ff, _hypotf)(3.0f, 4.0f) == 5.0f, "_hypotf");
    CHECK(CRT_FN(f_ff, _nextafterf)(1.0f, 2.0f) == 1.0f + FLT_EPSILON, "_nextafterf");
    RESET();
    CHECK(isnan(CRT_FN(f_f, sqrtf)(-1.0f)) && errno == EDOM, "sqrtf(-1): EDOM");
}

static void control(void)
{
    CHECK(_controlfp(0, 0) == 0x8001f, "_controlfp(0, 0) = %#x", _controlfp(0, 0));
    _clearfp();
    volatile double one = 1, zero = 0;
    volatile double r = one / zero;
    (void)r;
    CHECK(_statusfp() & _SW_ZERODIVIDE, "_statusfp after 1/0: %#x", _statusfp());
    CHECK(_clearfp() & _SW_ZERODIVIDE, "_clearfp returns the old status");
    CHECK((_statusfp() & (_SW_ZERODIVIDE | _SW_INVALID | _SW_OVERFLOW)) == 0, "_clearfp cleared: %#x", _statusfp());
    unsigned cw = _controlfp(_RC_UP, _MCW_RC);
    CHECK((cw & _MCW_RC) == _RC_UP, "_controlfp set round-up: %#x", cw);
#ifdef _UCRT
    CHECK(F1(rint)(2.1) == 3.0 && F1(nearbyint)(-2.9) == -2.0, "rint/nearbyint round up");
#endif
    _controlfp(_RC_NEAR, _MCW_RC);
    CHECK((_controlfp(0, 0) & _MCW_RC) == _RC_NEAR, "back to nearest");
}

#ifdef _UCRT
typedef int(__cdecl *i_i)(int);
typedef int(__cdecl *i_v)(void);
typedef double(__cdecl *d_ddpi)(double, double, int *);
typedef double(__cdecl *d_ddd)(double, double, double);
typedef short(__cdecl *s_d)(double);

/* ucrtbase's C99 functions, with the UCRT's own fenv constants (FE_UPWARD is _RC_UP). */
static void c99(void)
{
    CHECK(F1(cbrt)(-8.0) == -2.0 && F1(cbrt)(27.0) == 3.0, "cbrt");
    CHECK(F1(erf)(0.0) == 0.0 && F1(erf)(INFINITY) == 1.0 && F1(erfc)(INFINITY) == 0.0, "erf/erfc");
    CHECK(ulp1(F1(erf)(1.0), 0.8427007929497149), "erf(1) = %.17g", F1(erf)(1.0));
    CHECK(F1(tgamma)(5.0) == 24.0 && F1(tgamma)(1.0) == 1.0, "tgamma");
    CHECK(F1(lgamma)(1.0) == 0.0 && F1(lgamma)(2.0) == 0.0, "lgamma");
    CHECK(F1(round)(-2.5) == -3.0 && F1(round)(2.5) == 3.0 && F1(trunc)(-2.7) == -2.0, "round/trunc");
    CHECK(F1(rint)(2.5) == 2.0 && F1(rint)(3.5) == 4.0 && F1(nearbyint)(-2.5) == -2.0, "rint/nearbyint: ties to even");
    CHECK(F2(fmax)(NAN, 1.0) == 1.0 && F2(fmin)(1.0, NAN) == 1.0 && F2(fmax)(-0.0, 2.0) == 2.0, "fmax/fmin");
    CHECK(F2(fdim)(1.0, 3.0) == 0.0 && F2(fdim)(3.0, 1.0) == 2.0, "fdim");
    CHECK(F2(remainder)(5.0, 2.0) == 1.0 && F2(remainder)(7.0, 2.0) == -1.0, "remainder");
    int q = 0;
    CHECK(CRT_FN(d_ddpi, remquo)(-7.0, 2.0, &q) == 1.0 && (q & 7) == (-4 & 7) && q < 0, "remquo: q %d", q);
    CHECK(CRT_FN(d_ddd, fma)(0.1, 10.0, -1.0) == 5.551115123125783e-17, "fma rounds once");
    CHECK(F1(exp2)(10.0) == 1024.0 && F1(log2)(1024.0) == 10.0 && F1(expm1)(0.0) == 0.0 && F1(log1p)(0.0) == 0.0, "exp2/log2/expm1/log1p");
    CHECK(F2(copysign)(3.0, -0.0) == -3.0 && F2(nextafter)(0.0, 1.0) == 4.9406564584124654e-324, "copysign/nextafter");
    CHECK(CRT_FN(d_di, scalbn)(1.0, 10) == 1024.0 && F1(logb)(1024.0) == 10.0, "scalbn/logb");
    CHECK(CRT_FN(i_d, ilogb)(8.0) == 3 && CRT_FN(i_d, ilogb)(0.0) == FP_ILOGB0, "ilogb");
    CHECK(CRT_FN(i_d, lround)(2.5) == 3 && CRT_FN(i_d, lround)(-2.5) == -3 && CRT_FN(i_d, lrint)(2.5) == 2, "lround/lrint");
    CHECK(F1(acosh)(1.0) == 0.0 && F1(asinh)(0.0) == 0.0 && F1(atanh)(0.0) == 0.0, "acosh/asinh/atanh");

    s_d dclass = CRT_FN(s_d, _dclass);
    /* The UCRT's FP_* values (mingw's math.h has x87-style ones). */
    CHECK(dclass(1.0) == -1 && dclass(0.0) == 0 && dclass(INFINITY) == 1 && dclass(NAN) == 2,
          "_dclass: %d %d %d %d", dclass(1.0), dclass(0.0), dclass(INFINITY), dclass(NAN));
    CHECK(CRT_FN(i_d, _dsign)(-0.0) != 0 && CRT_FN(i_d, _dsign)(1.0) == 0, "_dsign");

    i_v fegetround = CRT_FN(i_v, fegetround);
    i_i fesetround = CRT_FN(i_i, fesetround);
    i_i fetestexcept = CRT_FN(i_i, fetestexcept);
    i_i feclearexcept = CRT_FN(i_i, feclearexcept);
    CHECK(fegetround() == 0, "fegetround: nearest");
    CHECK(fesetround(0x200) == 0 && fegetround() == 0x200, "fesetround(FE_UPWARD = 0x200)");
    CHECK(F1(rint)(2.1) == 3.0 && (_controlfp(0, 0) & _MCW_RC) == _RC_UP, "upward: rint and _controlfp agree");
    CHECK(fesetround(0x300) == 0 && F1(rint)(-2.9) == -2.0, "toward zero");
    CHECK(fesetround(0) == 0 && fegetround() == 0, "back to nearest");
    CHECK(fesetround(0x123) != 0, "fesetround refuses a bad mode");
    feclearexcept(0x1f);
    volatile double one = 1, zero = 0;
    volatile double r = one / zero;
    (void)r;
    CHECK(fetestexcept(0x1f) == 0x8, "fetestexcept after 1/0: FE_DIVBYZERO (%#x)", fetestexcept(0x1f));
    feclearexcept(0x8);
    CHECK(fetestexcept(0x1f) == 0, "feclearexcept");
}
#endif

int main(void)
{
    iph_install();
    __setusermatherr(my_matherr);
    exact();
    specials();
    errors();
    classes();
    floats();
    control();
#ifdef _UCRT
    c99();
#endif
    return check_report();
}
