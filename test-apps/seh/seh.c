/* seh/seh.c - structured exception handling (x64 SEH), as programs compiled with __try see it.
 *
 * gcc has no __try, so the functions with handlers are written in assembler below: their
 * unwind info names __C_specific_handler (msvcrt, or the UCRT's api-ms-win-crt-private) and
 * their handler data is the scope table `count, {begin, end, filter or 1, target}...` that
 * MSVC emits (target 0: the filter field is a __finally termination handler).
 *
 *  - __except with a C filter: the filter sees the code, the flags and the parameters of
 *    RaiseException; EXCEPTION_EXECUTE_HANDLER resumes at the __except block with the code
 *    in eax; EXCEPTION_CONTINUE_SEARCH passes the exception to the next frame;
 *  - hardware exceptions: a write to NULL (ACCESS_VIOLATION with flag 1 and address 0,
 *    ExceptionAddress the faulting instruction), integer divide by zero, int3 (BREAKPOINT
 *    reported at the int3; the handler steps over it), a stack overflow;
 *  - EXCEPTION_CONTINUE_EXECUTION after the filter fixed the context: the faulting
 *    instruction runs again with the fixed registers;
 *  - __finally: run at normal exit (by the code) and during the unwind to an outer frame's
 *    __except (by __C_specific_handler, abnormal = TRUE), innermost first, before the
 *    __except block; nested scopes in one function;
 *  - vectored exception and continue handlers, before the frame handlers;
 *  - SetUnhandledExceptionFilter: a filter continuing execution (main thread and a
 *    CreateThread thread); a filter returning EXCEPTION_EXECUTE_HANDLER ends the process
 *    with the exception code (checked in child processes, for both threads);
 *  - the same __try/__except on a second thread; a __try inside a filter;
 *  - RtlAddFunctionTable: an exception passing through code generated at run time;
 *  - setjmp/longjmp: longjmp unwinds to the setjmp frame, running a __finally on the way;
 *  - RtlCaptureContext + RtlLookupFunctionEntry + RtlVirtualUnwind walking up to the caller;
 *  - SetThreadStackGuarantee returns the previous guarantee and never lowers it.
 */
#include <windows.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* ---- the functions with handlers, in assembler ------------------------------------------ */

/* int seh_try(void (*fn)(void *), void *arg): __try { fn(arg); return 0; }
 *                                             __except (seh_filter(...)) { return 1; }
 * The __except block stores rax, RtlUnwindEx's ReturnValue, in except_rax. */
DWORD64 except_rax;
int seh_try(void (*fn)(void *), void *arg);
/* int seh_finally(void (*fn)(void *), void *arg): __try { fn(arg); } __finally { fin_a(...); } return 0 */
int seh_finally(void (*fn)(void *), void *arg);
/* int seh_nested(fn, arg): __try { __try { __try { fn(arg); } __finally { fin_b } }
 *                                  __except (filter_decline) { return 1; } }
 *                          __except (seh_filter) { return 2; } return 0; */
int seh_nested(void (*fn)(void *), void *arg);
/* Leaf functions without unwind info that fault. */
void fault_write(int *p);   /* mov dword [rcx], 0x1234 */
int fault_div(int a, int b); /* idiv */
void fault_int3(void);
extern char fault_write_insn[], fault_div_insn[], fault_int3_insn[];

LONG seh_filter(EXCEPTION_POINTERS *p, void *frame);
LONG filter_decline(EXCEPTION_POINTERS *p, void *frame);
void fin_a(BOOLEAN abnormal, void *frame);
void fin_b(BOOLEAN abnormal, void *frame);

__asm__(
    ".intel_syntax noprefix\n"
    ".text\n"

    ".globl seh_try\n"
    ".def seh_try; .scl 2; .type 32; .endef\n"
    ".seh_proc seh_try\n"
    "seh_try:\n"
    "    push rbx\n"
    "    .seh_pushreg rbx\n"
    "    sub rsp, 32\n"
    "    .seh_stackalloc 32\n"
    "    .seh_endprologue\n"
    "    .seh_handler __C_specific_handler, @except, @unwind\n"
    "    mov rbx, 0x5eb5eb\n"          /* a non-volatile register the __except block checks */
    "    mov rax, rcx\n"
    "    mov rcx, rdx\n"
    "try_begin:\n"
    "    call rax\n"
    "    nop\n"
    "try_end:\n"
    "    xor eax, eax\n"
    "    add rsp, 32\n"
    "    pop rbx\n"
    "    ret\n"
    "try_except:\n"                   /* rax: RtlUnwindEx's ReturnValue */
    "    mov [rip+except_rax], rax\n"
    "    mov eax, 1\n"
    "    cmp rbx, 0x5eb5eb\n"
    "    je 1f\n"
    "    mov eax, -2\n"               /* rbx was not restored */
    "1:  add rsp, 32\n"
    "    pop rbx\n"
    "    ret\n"
    "    .seh_handlerdata\n"
    "    .long 1\n"
    "    .rva try_begin, try_end, seh_filter, try_except\n"
    "    .text\n"
    ".seh_endproc\n"

    ".globl seh_finally\n"
    ".def seh_finally; .scl 2; .type 32; .endef\n"
    ".seh_proc seh_finally\n"
    "seh_finally:\n"
    "    sub rsp, 40\n"
    "    .seh_stackalloc 40\n"
    "    .seh_endprologue\n"
    "    .seh_handler __C_specific_handler, @except, @unwind\n"
    "    mov rax, rcx\n"
    "    mov rcx, rdx\n"
    "fin_begin:\n"
    "    call rax\n"
    "    nop\n"
    "fin_end:\n"
    "    xor ecx, ecx\n"              /* the normal path runs the __finally itself */
    "    lea rdx, [rsp+40]\n"
    "    call fin_a\n"
    "    xor eax, eax\n"
    "    add rsp, 40\n"
    "    ret\n"
    "    .seh_handlerdata\n"
    "    .long 1\n"
    "    .rva fin_begin, fin_end, fin_a\n"
    "    .long 0\n"
    "    .text\n"
    ".seh_endproc\n"

    ".globl seh_nested\n"
    ".def seh_nested; .scl 2; .type 32; .endef\n"
    ".seh_proc seh_nested\n"
    "seh_nested:\n"
    "    push rbp\n"
    "    .seh_pushreg rbp\n"
    "    mov rbp, rsp\n"
    "    .seh_setframe rbp, 0\n"
    "    sub rsp, 48\n"
    "    .seh_stackalloc 48\n"
    "    .seh_endprologue\n"
    "    .seh_handler __C_specific_handler, @except, @unwind\n"
    "    mov rax, rcx\n"
    "    mov rcx, rdx\n"
    "nest_begin:\n"
    "    call rax\n"
    "    nop\n"
    "nest_end:\n"
    "    xor ecx, ecx\n"
    "    mov rdx, rbp\n"
    "    call fin_b\n"
    "    xor eax, eax\n"
    "    jmp 9f\n"
    "nest_except1:\n"
    "    mov eax, 1\n"
    "    jmp 9f\n"
    "nest_except2:\n"
    "    mov eax, 2\n"
    "9:  mov rsp, rbp\n"
    "    pop rbp\n"
    "    ret\n"
    "    .seh_handlerdata\n"
    "    .long 3\n"
    "    .rva nest_begin, nest_end, fin_b\n"
    "    .long 0\n"
    "    .rva nest_begin, nest_end, filter_decline, nest_except1\n"
    "    .rva nest_begin, nest_end, seh_filter, nest_except2\n"
    "    .text\n"
    ".seh_endproc\n"

    ".globl fault_write\n"
    "fault_write:\n"
    ".globl fault_write_insn\n"
    "fault_write_insn:\n"
    "    mov dword ptr [rcx], 0x1234\n"
    "    ret\n"

    ".globl fault_div\n"
    "fault_div:\n"
    "    mov eax, ecx\n"
    "    mov r8d, edx\n"
    "    cdq\n"
    ".globl fault_div_insn\n"
    "fault_div_insn:\n"
    "    idiv r8d\n"
    "    ret\n"

    ".globl fault_int3\n"
    "fault_int3:\n"
    ".globl fault_int3_insn\n"
    "fault_int3_insn:\n"
    "    int3\n"
    "    ret\n"
    ".att_syntax\n");

/* ---- filters and handlers ------------------------------------------------------------- */

static struct {
    LONG verdict;     /* what seh_filter returns */
    int fix;          /* 1: fix Rcx to point at `fixed` (fault_write); 2: R8 = 1 (fault_div);
                         3: run a __try in the filter */
    int decline_first; /* seh_filter's first call returns EXCEPTION_CONTINUE_SEARCH */
    int calls, declines, fin_a, fin_b, fin_a_abnormal, fin_b_abnormal;
    char order[16];   /* f: seh_filter, d: filter_decline, a/b: the __finally blocks */
    int norder;
    EXCEPTION_RECORD rec;
    DWORD64 rip;
} g;
static int fixed;
static int inner_result;
static LONG nested_filter_body(void);

static void note(char c)
{
    if (g.norder < (int)sizeof g.order - 1)
        g.order[g.norder++] = c;
}

static void reset(LONG verdict)
{
    memset(&g, 0, sizeof g);
    g.verdict = verdict;
}

LONG seh_filter(EXCEPTION_POINTERS *p, void *frame)
{
    (void)frame;
    g.calls++;
    note('f');
    g.rec = *p->ExceptionRecord;
    g.rip = p->ContextRecord->Rip;
    if (g.fix == 1) {
        p->ContextRecord->Rcx = (DWORD64)&fixed;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (g.fix == 2) {
        p->ContextRecord->R8 = 1;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (g.decline_first && g.calls == 1)
        return EXCEPTION_CONTINUE_SEARCH;
    if (g.fix == 3) {
        g.fix = 0;
        return nested_filter_body();
    }
    return g.verdict;
}

LONG filter_decline(EXCEPTION_POINTERS *p, void *frame)
{
    (void)p, (void)frame;
    g.declines++;
    note('d');
    return EXCEPTION_CONTINUE_SEARCH;
}

void fin_a(BOOLEAN abnormal, void *frame)
{
    (void)frame;
    g.fin_a++;
    g.fin_a_abnormal = abnormal;
    note('a');
}

void fin_b(BOOLEAN abnormal, void *frame)
{
    (void)frame;
    g.fin_b++;
    g.fin_b_abnormal = abnormal;
    note('b');
}

/* ---- bodies run inside the __try blocks ---------------------------------------------- */

static void nothing(void *arg) { (void)arg; }

static void raise_params(void *arg)
{
    ULONG_PTR params[3] = { 11, 22, (ULONG_PTR)arg };
    RaiseException(0xE0001234, 0, 3, params);
}

static void write_null(void *arg) { (void)arg; fault_write(NULL); }

static volatile int div_result;
static void divide_zero(void *arg) { (void)arg; div_result = fault_div(84, 0); }

static volatile int never = -1;
static int __attribute__((noinline)) recurse(int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    if (n == never)
        return 0;
    return recurse(n + 1) + pad[0];
}
static void overflow(void *arg) { (void)arg; recurse(0); }

static void raise_in_finally_frame(void *arg) { seh_finally(raise_params, arg); }

static void call_nested(void *arg) { seh_nested(raise_params, arg); }

/* The value the __except block finds in rax. Windows' __C_specific_handler passes the
 * exception code as RtlUnwindEx's ReturnValue (MSVC reads GetExceptionCode() there from eax,
 * and ReactOS does the same); Wine 8 passes 0. */
static int on_wine;
static DWORD64 expected_rax(DWORD code)
{
    return on_wine ? 0 : code;
}

static void tests_except(void)
{
    int r;

    reset(EXCEPTION_EXECUTE_HANDLER);
    r = seh_try(nothing, NULL);
    CHECK(r == 0 && g.calls == 0, "no exception: r=%d calls=%d", r, g.calls);

    reset(EXCEPTION_EXECUTE_HANDLER);
    r = seh_try(raise_params, (void *)0x77);
    CHECK(r == 1 && except_rax == expected_rax(0xE0001234), "RaiseException: __except returned %d, rax %#llx", r,
          (unsigned long long)except_rax);
    CHECK(g.calls == 1, "filter called %d times", g.calls);
    CHECK(g.rec.ExceptionCode == 0xE0001234 && g.rec.ExceptionFlags == 0, "code %#lx flags %#lx",
          g.rec.ExceptionCode, g.rec.ExceptionFlags);
    CHECK(g.rec.NumberParameters == 3 && g.rec.ExceptionInformation[0] == 11 &&
          g.rec.ExceptionInformation[1] == 22 && g.rec.ExceptionInformation[2] == 0x77,
          "parameters %lu: %llu %llu %#llx", g.rec.NumberParameters, (unsigned long long)g.rec.ExceptionInformation[0],
          (unsigned long long)g.rec.ExceptionInformation[1], (unsigned long long)g.rec.ExceptionInformation[2]);

    reset(EXCEPTION_EXECUTE_HANDLER);
    r = seh_try(write_null, NULL);
    CHECK(r == 1 && except_rax == expected_rax(EXCEPTION_ACCESS_VIOLATION), "write to NULL: __except returned %d, rax %#llx",
          r, (unsigned long long)except_rax);
    CHECK(g.rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION && g.rec.NumberParameters == 2 &&
          g.rec.ExceptionInformation[0] == 1 && g.rec.ExceptionInformation[1] == 0,
          "access violation record: code %#lx n %lu info %llu %#llx", g.rec.ExceptionCode, g.rec.NumberParameters,
          (unsigned long long)g.rec.ExceptionInformation[0], (unsigned long long)g.rec.ExceptionInformation[1]);
    CHECK(g.rec.ExceptionAddress == (void *)fault_write_insn && g.rip == (DWORD64)fault_write_insn,
          "access violation at %p (rip %#llx), instruction at %p", g.rec.ExceptionAddress,
          (unsigned long long)g.rip, (void *)fault_write_insn);

    reset(EXCEPTION_EXECUTE_HANDLER);
    r = seh_try(divide_zero, NULL);
    CHECK(r == 1 && g.rec.ExceptionCode == EXCEPTION_INT_DIVIDE_BY_ZERO, "divide by zero: __except returned %d, code %#lx",
          r, g.rec.ExceptionCode);
    CHECK(g.rec.ExceptionAddress == (void *)fault_div_insn, "divide by zero at %p, idiv at %p",
          g.rec.ExceptionAddress, (void *)fault_div_insn);

    /* A filter with its own __try that catches an access violation. */
    reset(EXCEPTION_EXECUTE_HANDLER);
    g.fix = 3;
    inner_result = 0;
    r = seh_try(raise_params, NULL);
    CHECK(r == 1 && inner_result == 1 && g.rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION,
          "exception inside a filter: r=%d inner %d last code %#lx", r, inner_result, g.rec.ExceptionCode);

    /* EXCEPTION_CONTINUE_EXECUTION after fixing the registers. */
    reset(EXCEPTION_EXECUTE_HANDLER);
    g.fix = 1;
    fixed = 0;
    r = seh_try(write_null, NULL);
    CHECK(r == 0 && fixed == 0x1234 && g.calls == 1, "continue after fixing rcx: r=%#x fixed=%#x calls=%d", r,
          fixed, g.calls);
    reset(EXCEPTION_EXECUTE_HANDLER);
    g.fix = 2;
    div_result = 0;
    r = seh_try(divide_zero, NULL);
    CHECK(r == 0 && div_result == 84 && g.calls == 1, "continue after fixing the divisor: r=%#x result=%d", r,
          div_result);
}

static void tests_finally(void)
{
    int r;

    reset(EXCEPTION_EXECUTE_HANDLER);
    r = seh_finally(nothing, NULL);
    CHECK(r == 0 && g.fin_a == 1 && g.fin_a_abnormal == 0, "normal __finally: r=%d runs=%d abnormal=%d", r,
          g.fin_a, g.fin_a_abnormal);

    /* The exception leaves seh_finally's frame: its __finally runs during the unwind to
     * seh_try's __except, after the filter (phase 1) and before the __except block. */
    reset(EXCEPTION_EXECUTE_HANDLER);
    r = seh_try(raise_in_finally_frame, (void *)1);
    CHECK(r == 1 && g.fin_a == 1 && g.fin_a_abnormal == 1, "unwind __finally: r=%#x runs=%d abnormal=%d",
          r, g.fin_a, g.fin_a_abnormal);
    CHECK(strcmp(g.order, "fa") == 0, "order '%s', expected 'fa'", g.order);

    /* Nested scopes in one function: the inner filter declines, the outer one catches; the
     * __finally of the innermost scope runs before the __except block. */
    reset(EXCEPTION_EXECUTE_HANDLER);
    r = seh_nested(raise_params, NULL);
    CHECK(r == 2, "nested: __except returned %d", r);
    CHECK(strcmp(g.order, "dfb") == 0 && g.fin_b_abnormal == 1, "nested order '%s' (expected 'dfb'), abnormal %d",
          g.order, g.fin_b_abnormal);

    /* Nested frames: both filters of seh_nested decline, seh_try's catches; then the
     * unwind runs seh_nested's __finally. */
    reset(EXCEPTION_EXECUTE_HANDLER);
    g.decline_first = 1;
    r = seh_try(call_nested, NULL);
    CHECK(r == 1 && strcmp(g.order, "dffb") == 0, "nested frames: r=%d order '%s' (expected 'dffb')", r, g.order);

    reset(EXCEPTION_EXECUTE_HANDLER);
    g.verdict = EXCEPTION_EXECUTE_HANDLER;
    r = seh_nested(nothing, NULL);
    CHECK(r == 0 && strcmp(g.order, "b") == 0 && g.fin_b_abnormal == 0, "nested normal path: r=%d order '%s'", r,
          g.order);
}

/* An exception inside a filter, caught by a __try inside the filter: the dispatch of the
 * first exception goes on afterwards. */
static LONG nested_filter_body(void)
{
    int saved_calls = g.calls;
    inner_result = seh_try(write_null, NULL);
    g.calls = saved_calls;
    return EXCEPTION_EXECUTE_HANDLER;
}

/* Code generated at run time, made known with RtlAddFunctionTable:
 *   sub rsp, 0x28; call [rip+0x76] (the pointer at +0x80); nop; add rsp, 0x28; ret */
static void tests_dynamic(void)
{
    static const unsigned char code[] = { 0x48, 0x83, 0xec, 0x28, 0xff, 0x15, 0x76, 0x00, 0x00, 0x00,
                                          0x90, 0x48, 0x83, 0xc4, 0x28, 0xc3 };
    /* UNWIND_INFO: version 1, prolog 4 bytes, 1 code: at 4, UWOP_ALLOC_SMALL (0x28 = 4*8+8) */
    static const unsigned char unwind[] = { 0x01, 0x04, 0x01, 0x00, 0x04, 0x42, 0x00, 0x00 };
    unsigned char *mem = VirtualAlloc(NULL, 0x1000, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    RUNTIME_FUNCTION *table = (RUNTIME_FUNCTION *)(mem + 0x200);
    DWORD64 base = 0;
    int r;

    memcpy(mem, code, sizeof code);
    *(void **)(mem + 0x80) = (void *)raise_params;
    memcpy(mem + 0x100, unwind, sizeof unwind);
    table->BeginAddress = 0;
    table->EndAddress = sizeof code;
    table->UnwindData = 0x100;
    CHECK(RtlAddFunctionTable(table, 1, (DWORD64)mem), "RtlAddFunctionTable");
    CHECK(RtlLookupFunctionEntry((DWORD64)mem + 10, &base, NULL) == table && base == (DWORD64)mem,
          "RtlLookupFunctionEntry in generated code: base %#llx", (unsigned long long)base);

    reset(EXCEPTION_EXECUTE_HANDLER);
    r = seh_try((void (*)(void *))mem, (void *)0x99);
    CHECK(r == 1 && g.rec.ExceptionCode == 0xE0001234 && g.rec.ExceptionInformation[2] == 0x99,
          "exception through generated code: r=%d code %#lx", r, g.rec.ExceptionCode);

    CHECK(RtlDeleteFunctionTable(table), "RtlDeleteFunctionTable");
    CHECK(!RtlDeleteFunctionTable(table), "RtlDeleteFunctionTable twice");
    CHECK(RtlLookupFunctionEntry((DWORD64)mem + 10, &base, NULL) == NULL, "entry still found after delete");
    VirtualFree(mem, 0, MEM_RELEASE);
}

/* longjmp out of a frame with a __finally: mingw's setjmp passes the frame, so longjmp
 * unwinds (RtlUnwind with STATUS_LONGJUMP) and the __finally runs. */
static jmp_buf jump_target;
static void jump_out(void *arg) { longjmp(jump_target, (int)(INT_PTR)arg); }

static void tests_longjmp(void)
{
    volatile int rounds = 0;
    reset(EXCEPTION_EXECUTE_HANDLER);
    int v = setjmp(jump_target);
    rounds++;
    if (v == 0) {
        seh_finally(jump_out, (void *)5);
        CHECK(0, "longjmp returned");
    }
    CHECK(v == 5 && rounds == 2, "setjmp returned %d the second time (round %d)", v, rounds);
    CHECK(g.fin_a == 1 && g.fin_a_abnormal == 1, "__finally during longjmp: runs %d abnormal %d", g.fin_a,
          g.fin_a_abnormal);
    rounds = 0;
    v = setjmp(jump_target);
    rounds++;
    if (v == 0)
        jump_out((void *)0);
    CHECK(v == 1 && rounds == 2, "longjmp(buf, 0) makes setjmp return %d (round %d)", v, rounds);
}

/* ---- vectored handlers ------------------------------------------------------------------ */

static int veh_calls, vch_calls;
static DWORD veh_code;
static void *veh_addr;

static LONG CALLBACK veh(EXCEPTION_POINTERS *p)
{
    veh_calls++;
    veh_code = p->ExceptionRecord->ExceptionCode;
    veh_addr = p->ExceptionRecord->ExceptionAddress;
    if (veh_code == EXCEPTION_BREAKPOINT) {
        p->ContextRecord->Rip++; /* step over the int3 */
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (veh_code == 0xE0000AAA)
        return EXCEPTION_CONTINUE_EXECUTION;
    return EXCEPTION_CONTINUE_SEARCH;
}

static LONG CALLBACK vch(EXCEPTION_POINTERS *p)
{
    (void)p;
    vch_calls++;
    return EXCEPTION_CONTINUE_SEARCH;
}

static void tests_vectored(void)
{
    void *h = AddVectoredExceptionHandler(1, veh);
    void *c = AddVectoredContinueHandler(1, vch);
    int r;
    CHECK(h != NULL && c != NULL, "AddVectored*Handler");

    veh_calls = vch_calls = 0;
    RaiseException(0xE0000AAA, 0, 0, NULL);
    /* Windows then calls the vectored continue handlers (RtlDispatchException calls them
     * whenever it continues execution, as ReactOS does too); Wine 8 does not. */
    CHECK(veh_calls == 1 && veh_code == 0xE0000AAA && vch_calls == (on_wine ? 0 : 1),
          "vectored: calls %d code %#lx continue %d", veh_calls, veh_code, vch_calls);

    veh_calls = 0;
    fault_int3();
    CHECK(veh_calls == 1 && veh_code == EXCEPTION_BREAKPOINT && veh_addr == (void *)fault_int3_insn,
          "int3: calls %d code %#lx at %p (int3 at %p)", veh_calls, veh_code, veh_addr, (void *)fault_int3_insn);

    /* A vectored handler sees the exception before the frame handlers. */
    veh_calls = 0;
    reset(EXCEPTION_EXECUTE_HANDLER);
    r = seh_try(raise_params, NULL);
    CHECK(veh_calls == 1 && veh_code == 0xE0001234 && g.calls == 1 && r == 1,
          "vectored then frame: veh %d filter %d r %#x", veh_calls, g.calls, r);

    CHECK(RemoveVectoredExceptionHandler(h) == 1, "RemoveVectoredExceptionHandler");
    CHECK(RemoveVectoredContinueHandler(c) == 1, "RemoveVectoredContinueHandler");
    CHECK(RemoveVectoredExceptionHandler(h) == 0, "removing twice");
    veh_calls = 0;
    reset(EXCEPTION_EXECUTE_HANDLER);
    seh_try(raise_params, NULL);
    CHECK(veh_calls == 0, "removed handler called %d times", veh_calls);
}

/* ---- the unhandled-exception filter ---------------------------------------------------- */

static int top_calls;
static DWORD top_code;

static LONG WINAPI top_fix(EXCEPTION_POINTERS *p)
{
    top_calls++;
    top_code = p->ExceptionRecord->ExceptionCode;
    p->ContextRecord->Rcx = (DWORD64)&fixed;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static DWORD WINAPI thread_fault(void *arg)
{
    (void)arg;
    fixed = 0;
    fault_write(NULL);
    return fixed == 0x1234 ? 7 : 8;
}

static DWORD WINAPI thread_try(void *arg)
{
    (void)arg;
    reset(EXCEPTION_EXECUTE_HANDLER);
    int r = seh_try(write_null, NULL);
    return r == 1 && g.rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION && g.calls == 1 ? 5 : 6;
}

static DWORD run_thread(LPTHREAD_START_ROUTINE fn)
{
    DWORD code = 0;
    HANDLE t = CreateThread(NULL, 0, fn, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    return code;
}

static void tests_unhandled(void)
{
    LPTOP_LEVEL_EXCEPTION_FILTER old = SetUnhandledExceptionFilter(top_fix);
    fixed = 0;
    top_calls = 0;
    fault_write(NULL);
    CHECK(top_calls == 1 && top_code == EXCEPTION_ACCESS_VIOLATION && fixed == 0x1234,
          "unhandled filter continuing: calls %d code %#lx fixed %#x", top_calls, top_code, fixed);

    top_calls = 0;
    DWORD code = run_thread(thread_fault);
    CHECK(code == 7 && top_calls == 1, "unhandled filter on a second thread: exit %lu calls %d", code, top_calls);
    SetUnhandledExceptionFilter(old);

    CHECK(run_thread(thread_try) == 5, "__try/__except on a second thread");
}

/* Child modes: an unhandled filter returning EXCEPTION_EXECUTE_HANDLER ends the process with
 * the exception code. */
static LONG WINAPI top_execute(EXCEPTION_POINTERS *p)
{
    char line[64];
    DWORD n;
    int len = sprintf(line, "top filter %#lx\n", p->ExceptionRecord->ExceptionCode);
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), line, len, &n, NULL);
    return EXCEPTION_EXECUTE_HANDLER;
}

static DWORD WINAPI thread_die(void *arg)
{
    (void)arg;
    fault_write(NULL);
    return 0;
}

static int child(const char *mode)
{
    SetUnhandledExceptionFilter(top_execute);
    if (strcmp(mode, "unhandled") == 0)
        fault_write(NULL);
    else if (strcmp(mode, "unhandled-thread") == 0)
        run_thread(thread_die);
    else if (strcmp(mode, "unhandled-raise") == 0)
        RaiseException(0xE0000BAD, 0, 0, NULL);
    else if (strcmp(mode, "overflow") == 0) {
        /* A stack overflow caught by a frame far up the stack: 0x51 if the __except block
         * ran with EXCEPTION_STACK_OVERFLOW. */
        reset(EXCEPTION_EXECUTE_HANDLER);
        int r = seh_try(overflow, NULL);
        return r == 1 && g.rec.ExceptionCode == EXCEPTION_STACK_OVERFLOW ? 0x51 : 0x52;
    }
    return 99;
}

static DWORD run_child(const char *mode)
{
    char exe[MAX_PATH], cmd[MAX_PATH + 64];
    STARTUPINFOA si = { sizeof si };
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    GetModuleFileNameA(NULL, exe, sizeof exe);
    sprintf(cmd, "\"%s\" %s", exe, mode);
    fflush(stdout);
    if (!CreateProcessA(exe, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return 0;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

static void tests_children(void)
{
    DWORD code = run_child("unhandled");
    CHECK(code == EXCEPTION_ACCESS_VIOLATION, "EXCEPTION_EXECUTE_HANDLER: exit code %#lx", code);
    code = run_child("unhandled-thread");
    CHECK(code == EXCEPTION_ACCESS_VIOLATION, "EXCEPTION_EXECUTE_HANDLER on a thread: exit code %#lx", code);
    code = run_child("unhandled-raise");
    CHECK(code == 0xE0000BAD, "EXCEPTION_EXECUTE_HANDLER for RaiseException: exit code %#lx", code);
    /* Windows runs the handlers of a stack overflow in what is left of the stack below the
     * guard page (documented: EXCEPTION_STACK_OVERFLOW can be caught, then _resetstkoflw
     * re-arms the guard). Wine 8 ends the process instead: its dispatcher overflows the
     * last page ("virtual_setup_exception stack overflow"). */
    code = run_child("overflow");
    CHECK(code == 0x51 || (on_wine && code != 0x52), "stack overflow: exit code %#lx", code);
}

/* ---- walking the stack ------------------------------------------------------------------ */

static __attribute__((noinline)) void walk_up(DWORD64 *rip, DWORD64 *rsp, DWORD64 *ret, PRUNTIME_FUNCTION *fn)
{
    CONTEXT ctx;
    DWORD64 base = 0, frame = 0;
    void *data = NULL;
    RtlCaptureContext(&ctx);
    *ret = (DWORD64)__builtin_return_address(0);
    *fn = RtlLookupFunctionEntry(ctx.Rip, &base, NULL);
    if (*fn) {
        RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, ctx.Rip, *fn, &ctx, &data, &frame, NULL);
        *rip = ctx.Rip;
        *rsp = ctx.Rsp;
    }
}

static void tests_walk(void)
{
    DWORD64 rip = 0, rsp = 0, ret = 0, base = 0;
    PRUNTIME_FUNCTION fn = NULL;
    walk_up(&rip, &rsp, &ret, &fn);
    CHECK(fn != NULL, "RtlLookupFunctionEntry found no entry for walk_up");
    CHECK(rip == ret, "RtlVirtualUnwind: caller rip %#llx, return address %#llx", (unsigned long long)rip,
          (unsigned long long)ret);
    CHECK(rsp > (DWORD64)&rip - 0x1000 && rsp <= (DWORD64)&rip + 0x1000, "caller rsp %#llx, a local at %p",
          (unsigned long long)rsp, (void *)&rip);
    CHECK(RtlPcToFileHeader((void *)tests_walk, (void **)&base) == GetModuleHandleA(NULL) &&
          base == (DWORD64)GetModuleHandleA(NULL), "RtlPcToFileHeader");
    fn = RtlLookupFunctionEntry((DWORD64)seh_try, &base, NULL);
    CHECK(fn != NULL && base + fn->BeginAddress == (DWORD64)seh_try, "seh_try's RUNTIME_FUNCTION");
}

static void tests_guarantee(void)
{
    ULONG size = 0x5000;
    BOOL ok = SetThreadStackGuarantee(&size);
    CHECK(ok && size == 0, "SetThreadStackGuarantee(0x5000): %d, previous %#lx", ok, size);
    size = 0x1000; /* smaller: no change */
    ok = SetThreadStackGuarantee(&size);
    CHECK(ok && size == 0x5000, "SetThreadStackGuarantee(0x1000): %d, previous %#lx", ok, size);
    size = 0;
    ok = SetThreadStackGuarantee(&size);
    CHECK(ok && size == 0x5000, "SetThreadStackGuarantee(0): %d, current %#lx", ok, size);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return child(argv[1]);
    on_wine = GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version") != NULL;
    tests_except();
    tests_finally();
    tests_dynamic();
    tests_longjmp();
    tests_vectored();
    tests_unhandled();
    tests_children();
    tests_walk();
    tests_guarantee();
    return check_report();
}
