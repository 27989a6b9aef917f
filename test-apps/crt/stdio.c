/* stdio.c - FILE streams: text and binary round trips (CRLF both ways, Ctrl-Z as end of
 * file), fopen modes (r w a + b t x D c, bad modes), fread/fwrite/fgets/fputs/getc/ungetc,
 * fseek/ftell in text mode, _fseeki64 beyond 4 GB, fgetpos/fsetpos/rewind, setvbuf modes,
 * freopen (of stdout and of a stream), _fdopen, tmpfile, "ccs=UTF-8/UTF-16LE/UNICODE" with
 * byte-order marks, wide I/O in text mode (fputwc/fgetws/ungetwc), the msvcrt getc/putc
 * macros (_filbuf/_flsbuf and truthful _ptr/_cnt/_base) on a big file, stream locks (heap
 * FILEs past the static 20), _fcloseall. Files go in a scratch directory under the current
 * one. Both CRTs; expectations are Wine 8's (WINE: where Windows is documented to differ). */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <direct.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>
#include "crt.h"

#ifdef _UCRT
#define TV(m, u) (u)
#else
#define TV(m, u) (m)
#endif

/* the bytes of a file */
static int slurp(const char *name, unsigned char *buf, int size)
{
    int fd = _open(name, _O_RDONLY | _O_BINARY);
    if (fd < 0) return -1;
    int n = _read(fd, buf, size);
    _close(fd);
    return n;
}

#define FILE_IS(name, bytes, len)                                                                   \
    do {                                                                                            \
        unsigned char b_[512];                                                                      \
        int n_ = slurp(name, b_, sizeof b_);                                                        \
        CHECK(n_ == (int)(len) && memcmp(b_, bytes, len) == 0, "%s holds %d bytes, expected %d", \
              name, n_, (int)(len));                                                                \
        if (n_ != (int)(len) || memcmp(b_, bytes, len)) {                                           \
            printf("  got:");                                                                       \
            for (int i_ = 0; i_ < n_ && i_ < 64; i_++) printf(" %02x", b_[i_]);                     \
            printf("\n");                                                                           \
        }                                                                                           \
    } while (0)

static long long file_size(const char *name)
{
    struct _stat64 st;
    return _stat64(name, &st) == 0 ? st.st_size : -1;
}

static void put_bytes(const char *name, const char *data, int len)
{
    FILE *f = fopen(name, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
}

static void text_and_binary(void)
{
    FILE *f = fopen("t1.txt", "w");
    CHECK(f != NULL, "fopen w");
    CHECK(fputs("a\nb\r\nc", f) >= 0, "fputs");
    CHECK(fputc('\n', f) == '\n', "fputc");
    CHECK(fwrite("x\ny", 1, 3, f) == 3, "fwrite");
    CHECK(fclose(f) == 0, "fclose");
    FILE_IS("t1.txt", "a\r\nb\r\r\nc\r\nx\r\ny", 14);

    char buf[64];
    f = fopen("t1.txt", "r");
    CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "a\n") == 0, "fgets 1: %s", buf);
    CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "b\r\n") == 0, "fgets keeps a lone CR before CRLF");
    CHECK(fgets(buf, 3, f) && strcmp(buf, "c\n") == 0, "fgets with room for 2");
    CHECK(fgets(buf, 2, f) && strcmp(buf, "x") == 0, "fgets with room for 1: %s", buf);
    CHECK(fgets(buf, 1, f) == NULL, "fgets with room for none"); /* WINE: Windows returns buf, "" */
    CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "\n") == 0, "fgets newline only");
    CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "y") == 0, "fgets last line without newline");
    CHECK(feof(f), "the last line met the end of the file");
    CHECK(fgets(buf, sizeof buf, f) == NULL && feof(f), "fgets at EOF");
    CHECK(fgetc(f) == EOF, "fgetc at EOF");
    clearerr(f);
    CHECK(!feof(f) && !ferror(f), "clearerr");
    fclose(f);

    f = fopen("t1.txt", "rb");
    size_t n = fread(buf, 1, sizeof buf, f);
    CHECK(n == 14 && memcmp(buf, "a\r\nb\r\r\nc\r\nx\r\ny", 14) == 0, "binary read: %d", (int)n);
    CHECK(feof(f), "feof after a short fread");
    fclose(f);

    /* fread element counts, partial elements */
    f = fopen("t1.txt", "rb");
    CHECK(fread(buf, 4, 10, f) == 3, "fread counts whole elements");
    CHECK(fread(buf, 0, 10, f) == 0 && fread(buf, 4, 0, f) == 0, "fread of nothing");
    fclose(f);

    /* Ctrl-Z ends text-mode input (not binary) */
    put_bytes("t2.txt", "ab\x1a" "cd\r\n", 7);
    f = fopen("t2.txt", "rt");
    n = fread(buf, 1, sizeof buf, f);
    CHECK(n == 2 && memcmp(buf, "ab", 2) == 0 && feof(f), "text read stops at Ctrl-Z: %d", (int)n);
    clearerr(f);
    CHECK(fgetc(f) == EOF, "still at EOF after clearerr");
    CHECK(fseek(f, 3, SEEK_SET) == 0, "seek past Ctrl-Z");
    CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "cd\n") == 0, "text after Ctrl-Z: %s", buf);
    fclose(f);
    f = fopen("t2.txt", "rb");
    CHECK(fread(buf, 1, sizeof buf, f) == 7 && buf[2] == 0x1a, "binary read passes Ctrl-Z");
    fclose(f);
    f = fopen("t2.txt", "r");
    CHECK(fgetc(f) == 'a' && fgetc(f) == 'b' && fgetc(f) == EOF, "fgetc stops at Ctrl-Z");
    fclose(f);

    /* a CR not followed by LF survives; CRs at buffer boundaries */
    {
        static char big[9000];
        for (int i = 0; i < 9000; i++) big[i] = (i % 3 == 2) ? '\n' : 'q';
        for (int i = 4094; i < 4098; i++) big[i] = 'q';
        big[4095] = '\r';
        big[4096] = '\n';
        put_bytes("t3.txt", big, 9000);
        f = fopen("t3.txt", "r");
        static char back[9000];
        n = fread(back, 1, sizeof back, f);
        int lines = 0;
        for (int i = 0; i < 9000; i++) lines += big[i] == '\n';
        CHECK(n == 8999, "CRLF across the 4096-byte buffer: %d", (int)n);
        CHECK(memcmp(back, big, 4095) == 0 && back[4095] == '\n' && memcmp(back + 4096, big + 4097, 9000 - 4097) == 0,
              "content after the boundary");
        fclose(f);
    }
}

static void positions(void)
{
    FILE *f = fopen("p1.txt", "w+");
    fputs("line1\nline2\nline3\n", f);
    CHECK(ftell(f) == 21, "ftell counts CRs of pending output: %ld", ftell(f));
    rewind(f);
    char buf[32];
    fgets(buf, sizeof buf, f);
    long pos = ftell(f);
    CHECK(pos == 7, "ftell after a text line: %ld", pos);
    fgets(buf, sizeof buf, f);
    CHECK(strcmp(buf, "line2\n") == 0, "second line");
    CHECK(ftell(f) == 14, "ftell: %ld", ftell(f));
    CHECK(fseek(f, pos, SEEK_SET) == 0, "fseek back");
    fgets(buf, sizeof buf, f);
    CHECK(strcmp(buf, "line2\n") == 0, "read again after fseek: %s", buf);
    CHECK(fseek(f, -7, SEEK_END) == 0 && fgets(buf, sizeof buf, f) && strcmp(buf, "line3\n") == 0, "SEEK_END");
    CHECK(fseek(f, -7, SEEK_CUR) == 0 && fgetc(f) == 'l', "SEEK_CUR while reading");
    CHECK(ftell(f) == 15, "ftell after SEEK_CUR: %ld", ftell(f));
    CHECK(fseek(f, -100, SEEK_SET) == -1, "fseek before the start");
    CHECK(fseek(f, 0, 7) == -1 && errno == EINVAL, "fseek with a bad origin");
    CHECK(fseek(f, 15, SEEK_SET) == 0, "fseek after the failures");
    fpos_t fp;
    CHECK(fgetpos(f, &fp) == 0 && fp == 15, "fgetpos: %lld", (long long)fp);
    fgets(buf, sizeof buf, f);
    CHECK(fsetpos(f, &fp) == 0 && fgetc(f) == 'i', "fsetpos");
    fgetc(f);
    fseek(f, 0, SEEK_END);
    CHECK(fgetc(f) == EOF && feof(f), "EOF");
    rewind(f);
    CHECK(!feof(f) && ftell(f) == 0 && fgetc(f) == 'l', "rewind clears EOF");
    /* write after read needs a seek; then the file grows */
    fseek(f, 0, SEEK_END);
    fputs("4\n", f);
    fflush(f);
    CHECK(_filelength(_fileno(f)) == 24, "appended through +: %ld", _filelength(_fileno(f)));
    fclose(f);

    /* ungetc */
    f = fopen("p1.txt", "r");
    CHECK(ungetc('X', f) == 'X', "ungetc before any read");
    CHECK(fgetc(f) == 'X' && fgetc(f) == 'l', "ungetc'd byte comes first");
    CHECK(ungetc('Y', f) == 'Y' && ftell(f) == 0, "ungetc moves ftell back: %ld", ftell(f));
    CHECK(fgetc(f) == 'Y' && fgetc(f) == 'i', "then the file again");
    CHECK(ungetc(EOF, f) == EOF, "ungetc(EOF)");
    CHECK(ungetc(0x1ff, f) == 0x1ff && fgetc(f) == 0xff, "ungetc keeps a byte (and returns its argument)");
    fseek(f, 0, SEEK_END);
    fgetc(f);
    CHECK(feof(f) && ungetc('Z', f) == 'Z' && !feof(f), "ungetc clears EOF");
    CHECK(fgetc(f) == 'Z' && fgetc(f) == EOF, "and returns it");
    fclose(f);
    f = fopen("p1.txt", "w");
    CHECK(ungetc('A', f) == EOF, "ungetc on a write stream");
    fclose(f);

    /* 64-bit positions */
    f = fopen("big.bin", "wb+");
    long long far_pos = 5LL * 1024 * 1024 * 1024 + 3;
    CHECK(_fseeki64(f, far_pos, SEEK_SET) == 0, "_fseeki64 past 4 GB");
    CHECK(fputc('!', f) == '!', "write there");
    CHECK(_ftelli64(f) == far_pos + 1, "_ftelli64: %lld", _ftelli64(f));
    CHECK(_fseeki64(f, -1, SEEK_END) == 0 && fgetc(f) == '!', "read it back");
    CHECK(_fseeki64(f, 0, SEEK_END) == 0 && _ftelli64(f) == far_pos + 1, "size");
    fclose(f);
    CHECK(file_size("big.bin") == far_pos + 1, "_stat64 size: %lld", file_size("big.bin"));
    remove("big.bin");
}

static void modes(void)
{
    FILE *f;
    char buf[32];
    remove("m1.txt");
    errno = 0;
    f = fopen("m1.txt", "r");
    CHECK(f == NULL && errno == ENOENT, "r on a missing file: errno %d", errno);
    f = fopen("m1.txt", "r+");
    CHECK(f == NULL && errno == ENOENT, "r+ on a missing file");
    f = fopen("m1.txt", "a");
    fputs("one", f);
    fseek(f, 0, SEEK_SET);
    fputs("two", f);
    fclose(f);
    FILE_IS("m1.txt", "onetwo", 6);
    f = fopen("m1.txt", "a+");
    CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "onetwo") == 0, "a+ reads from the start");
    fseek(f, 0, SEEK_SET);
    fputs("3", f);
    fclose(f);
    FILE_IS("m1.txt", "onetwo3", 7);
    f = fopen("m1.txt", "r+");
    fputs("ON", f);
    fclose(f);
    FILE_IS("m1.txt", "ONetwo3", 7);
    f = fopen("m1.txt", "w+");
    CHECK(fgetc(f) == EOF, "w+ truncates");
    fclose(f);
    CHECK(file_size("m1.txt") == 0, "empty");
    f = fopen("m1.txt", "r");
    CHECK(fputc('x', f) == EOF && ferror(f), "writing to an r stream fails");
    fclose(f);
    f = fopen("m1.txt", "w");
    CHECK(fgetc(f) == EOF && !feof(f), "reading a w stream fails");
    fclose(f);

    errno = 0;
    f = fopen("m1.txt", "q");
    CHECK(f == NULL && errno == EINVAL, "bad mode");
    errno = 0;
    f = fopen("m1.txt", "w,ccs=bogus");
    CHECK(f == NULL && errno == EINVAL, "bad ccs");
    f = fopen("m1.txt", " wq");
    CHECK(f != NULL, "unknown letters after the first are ignored");
    if (f) fclose(f);
    f = fopen("m1.txt", "wx");
    CHECK((f == NULL) == IS_UCRT, "x: the UCRT refuses an existing file (msvcrt ignores x)");
    if (f) fclose(f);
    remove("m1.txt");
    f = fopen("m1.txt", "wx");
    CHECK(f != NULL, "x on a new file");
    if (f) fclose(f);
    errno = 0;
    f = fopen("m1.txt", "rx");
    CHECK((f == NULL) == IS_UCRT, "rx");
    if (f) fclose(f);

    /* D: deleted when closed; b/t; c */
    f = fopen("m2.txt", "wD");
    fputs("temp", f);
    CHECK(_access("m2.txt", 0) == 0, "D file exists while open");
    fclose(f);
    CHECK(_access("m2.txt", 0) == -1, "D file gone after fclose");
    f = fopen("m2.txt", "wtc");
    fputs("a\n", f);
    CHECK(fflush(f) == 0, "fflush of a commit stream");
    fclose(f);
    FILE_IS("m2.txt", "a\r\n", 3);
    f = fopen("m2.txt", "wb");
    fputs("a\n", f);
    fclose(f);
    FILE_IS("m2.txt", "a\n", 2);
    remove("m2.txt");
}

static void buffering(void)
{
    FILE *f = fopen("b1.txt", "w");
    char ubuf[16];
    CHECK(setvbuf(f, ubuf, _IOFBF, sizeof ubuf) == 0, "setvbuf full, user buffer");
    fputs("0123456789", f);
    CHECK(file_size("b1.txt") == 0, "still in the buffer");
    fputs("abcdefghij", f);
    CHECK(file_size("b1.txt") == 16, "a full buffer is written: %lld", file_size("b1.txt"));
    fflush(f);
    CHECK(file_size("b1.txt") == 20, "fflush writes the rest");
    CHECK(setvbuf(f, NULL, _IONBF, 0) == 0, "setvbuf unbuffered");
    fputs("xy", f);
    CHECK(file_size("b1.txt") == 22, "unbuffered: written at once");
    CHECK(setvbuf(f, NULL, _IOLBF, 64) == 0, "setvbuf line");
    fputs("line\n", f);
    CHECK(file_size("b1.txt") == 22, "_IOLBF buffers like _IOFBF (msvcrt)");
    fputc('\n', f);
    CHECK(file_size("b1.txt") == 30, "an fputc of \\n flushes: %lld", file_size("b1.txt"));
    CHECK(setvbuf(f, NULL, 3, 64) == -1, "bad mode");
    CHECK(setvbuf(f, NULL, _IOFBF, 1) == -1, "size 1 refused");
    setbuf(f, NULL);
    fputs("z", f);
    CHECK(file_size("b1.txt") == 31, "setbuf NULL: unbuffered");
    fclose(f);
    remove("b1.txt");
}

static void reopen_and_fdopen(void)
{
    /* freopen stdout into a file, then back through the saved fd */
    fflush(stdout);
    int saved = _dup(1);
    FILE *f = freopen("r1.txt", "w", stdout);
    CHECK(f == stdout, "freopen returns the same FILE");
    printf("to the file %d\n", 42);
    fflush(stdout);
    _dup2(saved, 1);
    _close(saved);
    FILE_IS("r1.txt", "to the file 42\r\n", 16);

    f = fopen("r2.txt", "w");
    FILE *g = freopen("r1.txt", "r", f);
    char buf[32];
    CHECK(g == f && fgets(buf, sizeof buf, g) && strcmp(buf, "to the file 42\n") == 0, "freopen a stream");
    fclose(g);
    remove("r1.txt");
    remove("r2.txt");

    int fd = _open("r3.txt", _O_CREAT | _O_RDWR | _O_BINARY, _S_IREAD | _S_IWRITE);
    f = _fdopen(fd, "w+b");
    CHECK(f != NULL && _fileno(f) == fd, "_fdopen");
    fputs("a\nb", f);
    rewind(f);
    CHECK(fgetc(f) == 'a' && fgetc(f) == '\n', "binary fd");
    fclose(f);
    CHECK(_close(fd) == -1, "fclose closed the fd");
    FILE_IS("r3.txt", "a\nb", 3);
    errno = 0;
    CHECK(_fdopen(99, "r") == NULL && errno == EBADF, "_fdopen of a closed fd");
    remove("r3.txt");
}

static void temporary(void)
{
    FILE *f = tmpfile();
    CHECK(f != NULL, "tmpfile");
    if (!f) return;
    fputs("scratch\n", f);
    rewind(f);
    char buf[32];
    CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "scratch\n") == 0, "tmpfile is binary read/write");
    fseek(f, 0, SEEK_END);
    CHECK(ftell(f) == 8, "binary: no CR added");
#ifndef _UCRT
    char name[300];
    CHECK(f->_tmpfname != NULL, "the stream knows its file");
    strcpy(name, f->_tmpfname ? f->_tmpfname : "");
    CHECK(_access(name, 0) == 0, "the file exists: %s", name);
    fclose(f);
    CHECK(_access(name, 0) == -1, "deleted by fclose");
#else
    fclose(f);
#endif
    char *t1 = tmpnam(NULL);
    char copy[64];
    strcpy(copy, t1);
    char *t2 = tmpnam(NULL);
    CHECK(t1 && t2 && strcmp(copy, t2) != 0, "tmpnam gives new names: %s %s", copy, t2);
    CHECK(copy[0] == '\\' && copy[1] == 's', "tmpnam names start with \\s: %s", copy);
    char sbuf[8];
    CHECK(tmpnam_s(sbuf, 2) == ERANGE, "tmpnam_s too small");
    char *tn = _tempnam(".", "pfx");
    CHECK(tn != NULL && strstr(tn, "pfx") != NULL && _access(tn, 0) == -1, "_tempnam: %s", tn ? tn : "(null)");
    free(tn);
}

static void unicode_files(void)
{
    FILE *f = fopen("u8.txt", "w, ccs=UTF-8");
    CHECK(f != NULL, "ccs=UTF-8");
    CHECK(fputws(L"a\x00e9\x20ac\n", f) == 0, "fputws");
    CHECK(fputwc(L'z', f) == L'z', "fputwc");
    CHECK(fwprintf(f, L"%d", 7) == 1, "fwprintf");
    fclose(f);
    FILE_IS("u8.txt", "\xef\xbb\xbf" "a\xc3\xa9\xe2\x82\xac\r\nz7", 13);
    f = fopen("u8.txt", "r, ccs=UTF-8");
    wchar_t w[32];
    CHECK(fgetws(w, 32, f) && wcscmp(w, L"a\x00e9\x20ac\n") == 0, "fgetws UTF-8");
    CHECK(fgetwc(f) == L'z' && ungetwc(L'q', f) == L'q' && fgetwc(f) == L'q', "ungetwc");
    CHECK(fgetwc(f) == L'7' && fgetwc(f) == WEOF && feof(f), "WEOF");
    fclose(f);
    f = fopen("u8.txt", "r, ccs=UNICODE");
    CHECK(fgetwc(f) == L'a' && fgetwc(f) == 0xe9, "a UTF-8 mark wins over UNICODE");
    fclose(f);
    f = fopen("u8.txt", "r");
    CHECK(fgetc(f) == 0xef, "without ccs the mark is data");
    fclose(f);

    f = fopen("u16.txt", "w, ccs=UTF-16LE");
    fputws(L"x\n\x3042", f);
    fclose(f);
    FILE_IS("u16.txt", "\xff\xfe" "x\0\r\0\n\0\x42\x30", 10);
    f = fopen("u16.txt", "a, ccs=UNICODE");
    fputws(L"!", f);
    fclose(f);
    FILE_IS("u16.txt", "\xff\xfe" "x\0\r\0\n\0\x42\x30!\0", 12);
    f = fopen("u16.txt", "r, ccs=UTF-8");
    CHECK(fgetws(w, 32, f) && wcscmp(w, L"x\n") == 0, "a UTF-16 mark wins over UTF-8");
    CHECK(fgetwc(f) == 0x3042 && fgetwc(f) == L'!', "UTF-16 text");
    fclose(f);
    f = fopen("u16.txt", "w, ccs=UNICODE");
    fclose(f);
    FILE_IS("u16.txt", "\xff\xfe", 2);

    /* no mark: UTF-8 and UTF-16LE as asked, ANSI for UNICODE */
    put_bytes("nb.txt", "\xc3\xa9\r\nx", 5);
    f = fopen("nb.txt", "r, ccs=UTF-8");
    CHECK(fgetwc(f) == 0xe9 && fgetwc(f) == L'\n', "UTF-8 without a mark");
    fclose(f);
    f = fopen("nb.txt", "r, ccs=UNICODE");
    CHECK(fgetwc(f) == 0xc3 && fgetwc(f) == 0xa9, "UNICODE without a mark is ANSI");
    fclose(f);
    f = fopen("nb.txt", "rb, ccs=UTF-16LE");
    CHECK(fgetwc(f) == 0xa9c3, "UTF-16LE without a mark");
    fclose(f);

    /* wide characters on an ANSI text stream: the C locale's one byte each */
    f = fopen("an.txt", "w");
    CHECK(fputwc(0xe9, f) == 0xe9, "fputwc of a Latin-1 character");
    errno = 0;
    CHECK(fputwc(0x20ac, f) == WEOF && errno == EILSEQ, "fputwc of a character the C locale lacks");
    CHECK(fputws(L"a\nb", f) == 0, "fputws");
    CHECK(fputws(L"x\x20acy", f) == WEOF, "fputws stops at the first bad character");
    CHECK(fwprintf(f, L"[%s]", L"ok") == 4, "fwprintf");
    fclose(f);
    FILE_IS("an.txt", "\xe9" "a\r\nbx[ok]", 10);
    f = fopen("an.txt", "r");
    CHECK(fgetwc(f) == 0xe9 && fgetwc(f) == L'a' && fgetwc(f) == L'\n', "fgetwc on ANSI text");
    CHECK(ungetwc(0xe8, f) == 0xe8 && fgetc(f) == 0xe8, "ungetwc on ANSI text pushes the byte");
    fclose(f);
    f = fopen("an.txt", "rb");
    CHECK(fgetwc(f) == (L'a' << 8 | 0xe9), "fgetwc on a binary stream: two bytes");
    fclose(f);
    remove("u8.txt");
    remove("u16.txt");
    remove("nb.txt");
    remove("an.txt");
}

static void macros_and_big_files(void)
{
    enum { N = 100000 };
    FILE *f = fopen("big.txt", "wb");
#ifndef _UCRT
    /* msvcrt: the getc/putc macros work on _ptr and _cnt, calling _flsbuf/_filbuf */
    for (int i = 0; i < N; i++) _putc_nolock('a' + i % 26, f);
    CHECK(f->_base != NULL && f->_ptr - f->_base == N % f->_bufsiz, "_ptr is truthful: %d", (int)(f->_ptr - f->_base));
    CHECK(f->_cnt == f->_bufsiz - N % f->_bufsiz, "_cnt is truthful: %d of %d", f->_cnt, f->_bufsiz);
#else
    for (int i = 0; i < N; i++) _putc_nolock('a' + i % 26, f);
#endif
    fclose(f);
    CHECK(file_size("big.txt") == N, "size %lld", file_size("big.txt"));
    f = fopen("big.txt", "rb");
    int ok = 1, c, count = 0;
    while ((c = _getc_nolock(f)) != EOF) {
        if (c != 'a' + count % 26) ok = 0;
        count++;
#ifndef _UCRT
        if (count == 5000)
            CHECK(f->_cnt == f->_bufsiz * 2 - 5000 && f->_ptr == f->_base + 5000 - f->_bufsiz,
                  "_cnt/_ptr while reading: %d", f->_cnt);
#endif
    }
    CHECK(ok && count == N && feof(f), "read back with the macros: %d", count);
    fclose(f);
    /* the same through putc/getc and fread/fwrite of odd sizes */
    f = fopen("big.txt", "w+b");
    static char blk[7777];
    for (int i = 0; i < (int)sizeof blk; i++) blk[i] = (char)(i * 7);
    for (int k = 0; k < 13; k++) CHECK(fwrite(blk, 1, sizeof blk, f) == sizeof blk, "fwrite %d", k);
    rewind(f);
    static char rd[7777];
    ok = 1;
    for (int k = 0; k < 13; k++) ok &= fread(rd, 1, sizeof rd, f) == sizeof rd && memcmp(rd, blk, sizeof rd) == 0;
    CHECK(ok, "fread back");
    CHECK(fread(rd, 1, 1, f) == 0 && feof(f), "then EOF");
    fclose(f);
    remove("big.txt");
}

static void streams_and_locks(void)
{
    /* more streams than the static array holds: heap FILEs, each with its own lock */
    FILE *fs[30];
    char name[32];
    int ok = 1;
    for (int i = 0; i < 30; i++) {
        sprintf(name, "s%02d.txt", i);
        fs[i] = fopen(name, "w");
        ok &= fs[i] != NULL;
    }
    CHECK(ok, "30 open streams");
    for (int i = 0; i < 30; i++) {
        _lock_file(fs[i]);
        fprintf(fs[i], "%d", i);
        _unlock_file(fs[i]);
    }
    CHECK(_fileno(fs[29]) > 2, "an fd");
    for (int i = 0; i < 30; i += 2) fclose(fs[i]);
    int closed = _fcloseall();
    CHECK(closed == 15, "_fcloseall closed %d", closed);
    for (int i = 0; i < 30; i++) {
        sprintf(name, "s%02d.txt", i);
        char want[4];
        sprintf(want, "%d", i);
        unsigned char got[8];
        int n = slurp(name, got, sizeof got);
        ok &= n == (int)strlen(want) && memcmp(got, want, n) == 0;
        remove(name);
    }
    CHECK(ok, "each stream wrote its own file");
    CHECK(_getmaxstdio() == 512, "_getmaxstdio %d", _getmaxstdio());
    CHECK(_setmaxstdio(10) == -1 && _setmaxstdio(600) == 600 && _setmaxstdio(512) == 512, "_setmaxstdio");
    CHECK(_fileno(stdin) == 0 && _fileno(stdout) == 1 && _fileno(stderr) == 2, "standard fds");
    CHECK(fflush(NULL) == 0, "fflush(NULL)");
    CHECK(_flushall() >= 2, "_flushall counts the standard streams");
}

int main(void)
{
    iph_install();
    _mkdir("stdio-scratch");
    if (_chdir("stdio-scratch") != 0) {
        printf("FAIL: cannot enter stdio-scratch\n");
        return 1;
    }
    text_and_binary();
    positions();
    modes();
    buffering();
    reopen_and_fdopen();
    temporary();
    unicode_files();
    macros_and_big_files();
    streams_and_locks();
    const char *left[] = {"t1.txt", "t2.txt", "t3.txt", "p1.txt", "m1.txt"};
    for (int i = 0; i < 5; i++) remove(left[i]);
    _chdir("..");
    _rmdir("stdio-scratch");
    return check_report();
}
