/* relocdll.c - built twice, as relocdll.dll (-DPFX=r1) and reloc2dll.dll
 * (-DPFX=r2), both linked at the same preferred base (RELOC_BASE): when
 * reloc.exe imports both, at least one of them must be relocated.
 *
 * The tables below hold absolute addresses, so the linker emits
 * IMAGE_REL_BASED_DIR64 base relocations for them, both in writable .data
 * and in read-only .rdata. */
#include <windows.h>

#define CAT2(a, b) a##_##b
#define CAT(a, b) CAT2(a, b)
#define EXPORT __declspec(dllexport)
#define NAME(name) CAT(PFX, name)

extern IMAGE_DOS_HEADER __ImageBase;

static int data_a = 11, data_b = 22, data_c = 33;

static int f_double(int x) { return 2 * x; }
static int f_square(int x) { return x * x; }
static int f_negate(int x) { return -x; }

/* writable, in .data */
static int (*func_table[])(int) = { f_double, f_square, f_negate };
static int *data_ptrs[] = { &data_a, &data_b, &data_c };
/* read-only, in .rdata */
static const char *const strings[] = { "alpha", "beta", "gamma" };
static int *const const_ptrs[] = { &data_c, &data_b, &data_a };
/* self-referential */
struct node { const struct node *next; int value; };
static const struct node nodes[3] = { { &nodes[1], 1 }, { &nodes[2], 2 }, { NULL, 3 } };
/* the image base as an absolute (relocated) pointer */
static void *const image_base_ptr = &__ImageBase;

EXPORT int *NAME(exported_ptr) = &data_b; /* DATA export holding a relocated pointer */

EXPORT void *NAME(get_base)(void) { return &__ImageBase; } /* RIP-relative: always right */
EXPORT void *NAME(get_base_via_reloc)(void) { return image_base_ptr; }
EXPORT int (**NAME(get_func_table)(void))(int) { return func_table; }
EXPORT int **NAME(get_data_ptrs)(void) { return data_ptrs; }
EXPORT const char *const *NAME(get_strings)(void) { return strings; }
EXPORT int *const *NAME(get_const_ptrs)(void) { return const_ptrs; }
EXPORT const struct node *NAME(get_nodes)(void) { return nodes; }
EXPORT int NAME(identity)(void) { return PFX_ID; }

/* Checks from the inside; returns the number of problems. */
EXPORT int NAME(self_check)(void)
{
    int bad = 0;
    bad += func_table[0](5) != 10;
    bad += func_table[1](5) != 25;
    bad += func_table[2](5) != -5;
    bad += *data_ptrs[0] != 11 || *data_ptrs[1] != 22 || *data_ptrs[2] != 33;
    bad += *const_ptrs[0] != 33 || *const_ptrs[2] != 11;
    bad += strings[0][0] != 'a' || strings[1][0] != 'b' || strings[2][0] != 'g';
    int sum = 0;
    for (const struct node *n = nodes; n; n = n->next)
        sum += n->value;
    bad += sum != 6;
    bad += image_base_ptr != (void *)&__ImageBase;
    return bad;
}
