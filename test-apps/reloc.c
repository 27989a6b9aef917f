/* reloc.c - base relocations.
 *
 * relocdll.dll and reloc2dll.dll are both linked with the same preferred
 * image base (RELOC_BASE, 0x10000000) and imported statically, so at least
 * one of them cannot be loaded there and must be relocated (DIR64 fixups of
 * function/data pointer tables in .data and .rdata, a self-referential list,
 * a DATA export). The preferred base is read from the DLL files on disk.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "check.h"

struct node { const struct node *next; int value; };

#define DECLARE(PFX)                                                          \
    __declspec(dllimport) extern int *PFX##_exported_ptr;                     \
    __declspec(dllimport) void *PFX##_get_base(void);                         \
    __declspec(dllimport) void *PFX##_get_base_via_reloc(void);               \
    __declspec(dllimport) int (**PFX##_get_func_table(void))(int);            \
    __declspec(dllimport) int **PFX##_get_data_ptrs(void);                    \
    __declspec(dllimport) const char *const *PFX##_get_strings(void);         \
    __declspec(dllimport) int *const *PFX##_get_const_ptrs(void);             \
    __declspec(dllimport) const struct node *PFX##_get_nodes(void);           \
    __declspec(dllimport) int PFX##_identity(void);                           \
    __declspec(dllimport) int PFX##_self_check(void);
DECLARE(r1)
DECLARE(r2)

struct dll {
    const char *name;
    const wchar_t *wname;
    int id;
    int **exported_ptr;
    void *(*get_base)(void);
    void *(*get_base_via_reloc)(void);
    int (**(*get_func_table)(void))(int);
    int **(*get_data_ptrs)(void);
    const char *const *(*get_strings)(void);
    int *const *(*get_const_ptrs)(void);
    const struct node *(*get_nodes)(void);
    int (*identity)(void);
    int (*self_check)(void);
};

#define DLL(PFX, NAME, ID)                                                    \
    { NAME, L##NAME, ID, &PFX##_exported_ptr, PFX##_get_base,                 \
      PFX##_get_base_via_reloc, PFX##_get_func_table, PFX##_get_data_ptrs,    \
      PFX##_get_strings, PFX##_get_const_ptrs, PFX##_get_nodes,               \
      PFX##_identity, PFX##_self_check }

/* ImageBase as written in the file on disk (the in-memory header may or may
 * not be updated by the loader, so it is not used for the check). */
static ULONGLONG file_image_base(HMODULE h)
{
    wchar_t path[MAX_PATH];
    if (!GetModuleFileNameW(h, path, MAX_PATH))
        return 0;
    HANDLE f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (f == INVALID_HANDLE_VALUE)
        return 0;
    unsigned char hdr[4096];
    DWORD got = 0;
    ULONGLONG base = 0;
    if (ReadFile(f, hdr, sizeof hdr, &got, NULL) && got >= sizeof(IMAGE_DOS_HEADER)) {
        IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)hdr;
        if (dos->e_lfanew > 0 && (DWORD)dos->e_lfanew + sizeof(IMAGE_NT_HEADERS64) <= got) {
            IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(hdr + dos->e_lfanew);
            if (nt->Signature == IMAGE_NT_SIGNATURE &&
                nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC)
                base = nt->OptionalHeader.ImageBase;
        }
    }
    CloseHandle(f);
    return base;
}

static int inside(const void *p, HMODULE h, SIZE_T size)
{
    return (const char *)p >= (const char *)h && (const char *)p < (const char *)h + size;
}

int main(void)
{
    struct dll dlls[2] = { DLL(r1, "relocdll.dll", 1), DLL(r2, "reloc2dll.dll", 2) };
    HMODULE handles[2];
    int relocated = 0;

    for (int i = 0; i < 2; i++) {
        struct dll *d = &dlls[i];
        HMODULE h = GetModuleHandleW(d->wname);
        handles[i] = h;
        CHECK(h != NULL, "%s: GetModuleHandleW failed", d->name);
        if (!h)
            continue;
        IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)((char *)h + ((IMAGE_DOS_HEADER *)h)->e_lfanew);
        SIZE_T size = nt->OptionalHeader.SizeOfImage;
        ULONGLONG preferred = file_image_base(h);
        int at_preferred = (ULONGLONG)(ULONG_PTR)h == preferred;
        relocated += !at_preferred;
        printf("%s: loaded at %p, preferred %#llx (file), in-memory header ImageBase %#llx%s\n",
               d->name, (void *)h, preferred, (ULONGLONG)nt->OptionalHeader.ImageBase,
               at_preferred ? "" : " -> relocated");

        CHECK(preferred == RELOC_BASE, "%s: ImageBase in file %#llx, expected %#llx", d->name,
              preferred, (ULONGLONG)RELOC_BASE);
        CHECK(!(nt->FileHeader.Characteristics & IMAGE_FILE_RELOCS_STRIPPED), "%s: relocs stripped",
              d->name);
        CHECK(nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_BASERELOC].Size > 0,
              "%s: no base relocation directory", d->name);
        CHECK(d->identity() == d->id, "%s: identity %d", d->name, d->identity());
        CHECK(d->get_base() == (void *)h, "%s: get_base %p != handle %p", d->name, d->get_base(),
              (void *)h);
        CHECK(d->get_base_via_reloc() == (void *)h, "%s: relocated image base pointer %p != %p",
              d->name, d->get_base_via_reloc(), (void *)h);
        CHECK(d->self_check() == 0, "%s: self_check found %d problems", d->name, d->self_check());

        int (**ft)(int) = d->get_func_table();
        CHECK(inside(ft, h, size), "%s: func table outside the image", d->name);
        for (int k = 0; k < 3; k++)
            CHECK(inside((void *)ft[k], h, size), "%s: func_table[%d] = %p outside [%p, +%#zx)",
                  d->name, k, (void *)ft[k], (void *)h, (size_t)size);
        CHECK(ft[0](21) == 42 && ft[1](7) == 49 && ft[2](3) == -3, "%s: func table calls", d->name);

        int **dp = d->get_data_ptrs();
        for (int k = 0; k < 3; k++)
            CHECK(inside(dp[k], h, size) && *dp[k] == 11 * (k + 1), "%s: data_ptrs[%d] = %p", d->name,
                  k, (void *)dp[k]);
        int *const *cp = d->get_const_ptrs();
        for (int k = 0; k < 3; k++)
            CHECK(inside(cp[k], h, size) && *cp[k] == 11 * (3 - k), "%s: const_ptrs[%d] = %p", d->name,
                  k, (void *)cp[k]);
        CHECK(cp[0] == dp[2] && cp[2] == dp[0], "%s: const/data pointer tables disagree", d->name);

        const char *const *st = d->get_strings();
        CHECK(inside(st[0], h, size) && strcmp(st[0], "alpha") == 0 && strcmp(st[1], "beta") == 0 &&
                  strcmp(st[2], "gamma") == 0,
              "%s: strings table", d->name);

        const struct node *n = d->get_nodes();
        int sum = 0, count = 0;
        for (; n && count < 10; n = n->next, count++) {
            CHECK(inside(n, h, size), "%s: node %d at %p outside the image", d->name, count, (void *)n);
            if (!inside(n, h, size))
                break;
            sum += n->value;
        }
        CHECK(count == 3 && sum == 6, "%s: node list count %d sum %d", d->name, count, sum);

        /* DATA export: the exe's import slot points at the DLL's variable,
         * whose value is itself a relocated pointer. */
        CHECK(inside(d->exported_ptr, h, size), "%s: exported_ptr import %p", d->name,
              (void *)d->exported_ptr);
        CHECK(inside(*d->exported_ptr, h, size) && **d->exported_ptr == 22, "%s: *exported_ptr %p",
              d->name, (void *)*d->exported_ptr);
        CHECK((void *)d->exported_ptr == (void *)GetProcAddress(h, d->id == 1 ? "r1_exported_ptr"
                                                                               : "r2_exported_ptr"),
              "%s: GetProcAddress(exported_ptr) mismatch", d->name);
    }

    CHECK(handles[0] != handles[1], "both DLLs have the same handle %p", (void *)handles[0]);
    CHECK(relocated >= 1, "neither DLL was relocated");
    if (handles[0] && handles[1]) {
        /* the images must not overlap */
        IMAGE_NT_HEADERS *n0 = (IMAGE_NT_HEADERS *)((char *)handles[0] + ((IMAGE_DOS_HEADER *)handles[0])->e_lfanew);
        IMAGE_NT_HEADERS *n1 = (IMAGE_NT_HEADERS *)((char *)handles[1] + ((IMAGE_DOS_HEADER *)handles[1])->e_lfanew);
        char *a0 = (char *)handles[0], *a1 = (char *)handles[1];
        CHECK(a0 + n0->OptionalHeader.SizeOfImage <= a1 || a1 + n1->OptionalHeader.SizeOfImage <= a0,
              "the two images overlap");
    }
    return check_report();
}
