/* lowio.c - low-level I/O and file names: _open flags (create, exclusive, truncate, append,
 * access, text/binary/Unicode modes, temporary), _read/_write/_lseek/_lseeki64/_tell/_eof,
 * _chsize, _commit, _dup/_dup2, _pipe, _locking, _umask, _stat64/_fstat64 and their sizes,
 * _access/_chmod, _mkdir/_rmdir/_unlink/rename, _getcwd/_chdir/_fullpath, a _findfirst64
 * walk, _get_osfhandle/_open_osfhandle with kernel32. Files go in a scratch directory under
 * the current one. Both CRTs; expectations are Wine 8's. */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <direct.h>
#include <share.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/locking.h>
#include <sys/stat.h>
#include <time.h>
#include <wchar.h>
#include "crt.h"

/* call, then check the result, errno and _doserrno */
#define E(expr, ret, err, dos)                                                                      \
    do {                                                                                            \
        errno = 0;                                                                                  \
        _doserrno = 0;                                                                              \
        long long r_ = (long long)(expr);                                                           \
        CHECK(r_ == (ret) && errno == (err) && (dos < 0 || _doserrno == (unsigned long)(dos)),     \
              "%s = %lld errno %d doserrno %lu; expected %lld, %d, %d", #expr, r_, errno, _doserrno, \
              (long long)(ret), (err), (dos));                                                      \
    } while (0)

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
        unsigned char b_[256];                                                                      \
        int n_ = slurp(name, b_, sizeof b_);                                                        \
        CHECK(n_ == (int)(len) && memcmp(b_, bytes, len) == 0, "%s holds %d bytes, expected %d", \
              name, n_, (int)(len));                                                                \
    } while (0)

static void open_flags(void)
{
    int fd;
    char buf[64];
    _unlink("o1.txt");
    E(_open("o1.txt", _O_RDONLY), -1, ENOENT, 2);
    E(_open("nodir\\o1.txt", _O_RDONLY), -1, ENOENT, 3);
    E(_open(".", _O_RDONLY), -1, EACCES, 5);
    fd = _open("o1.txt", _O_CREAT | _O_WRONLY | _O_BINARY, _S_IREAD | _S_IWRITE);
    CHECK(fd >= 3, "_open creates: %d", fd);
    E(_write(fd, "hello", 5), 5, 0, -1);
    E(_read(fd, buf, 5), -1, EBADF, 5);
    E(_close(fd), 0, 0, -1);
    E(_close(fd), -1, EBADF, -1);
    E(_open("o1.txt", _O_CREAT | _O_EXCL | _O_WRONLY, _S_IWRITE), -1, EEXIST, 80);
    fd = _open("o1.txt", _O_RDONLY | _O_BINARY);
    E(_write(fd, "x", 1), -1, EBADF, 5);
    E(_read(fd, buf, 3), 3, 0, -1);
    CHECK(memcmp(buf, "hel", 3) == 0, "_read data");
    E(_read(fd, buf, 10), 2, 0, -1);
    E(_read(fd, buf, 10), 0, 0, -1);
    E(_eof(fd), 1, 0, -1);
    _close(fd);
    fd = _open("o1.txt", _O_WRONLY | _O_APPEND | _O_BINARY);
    _lseek(fd, 0, SEEK_SET);
    E(_write(fd, "!", 1), 1, 0, -1);
    _close(fd);
    FILE_IS("o1.txt", "hello!", 6);
    fd = _open("o1.txt", _O_RDWR | _O_TRUNC | _O_BINARY);
    E(_filelength(fd), 0, 0, -1);
    _close(fd);
    E(_open("o2.txt", _O_TRUNC | _O_WRONLY), -1, ENOENT, 2);
    fd = _creat("o2.txt", _S_IREAD | _S_IWRITE);
    CHECK(fd >= 0, "_creat");
    E(_write(fd, "a\nb", 3), 3, 0, -1);
    _close(fd);
    FILE_IS("o2.txt", "a\r\nb", 4);
    fd = _open("o2.txt", _O_RDONLY);
    E(_read(fd, buf, 64), 3, 0, -1);
    CHECK(memcmp(buf, "a\nb", 3) == 0, "text read turns CRLF into LF");
    _close(fd);
    fd = _open("o2.txt", _O_RDONLY | _O_BINARY);
    E(_read(fd, buf, 64), 4, 0, -1);
    E(_setmode(fd, _O_TEXT), _O_BINARY, 0, -1);
    E(_setmode(fd, _O_U16TEXT), _O_TEXT, 0, -1);
    E(_setmode(fd, _O_BINARY), _O_WTEXT, 0, -1);
    E(_setmode(fd, 0x1234), -1, EINVAL, -1);
    E(_setmode(99, _O_TEXT), -1, EBADF, -1);
    E(_isatty(fd), 0, 0, -1);
    _close(fd);

    /* text read: CR before a read's end, Ctrl-Z */
    fd = _open("o3.txt", _O_CREAT | _O_WRONLY | _O_BINARY, _S_IWRITE);
    _write(fd, "ab\r\ncd\x1a" "ef", 9);
    _close(fd);
    fd = _open("o3.txt", _O_RDONLY | _O_TEXT);
    /* a CR ending the read: the LF after it is left for the next read (the file
     * position always matches what was returned) */
    E(_read(fd, buf, 3), 2, 0, -1);
    CHECK(memcmp(buf, "ab", 2) == 0, "CRLF split across the end of a read");
    E(_tell(fd), 3, 0, -1);
    E(_read(fd, buf, 10), 3, 0, -1);
    CHECK(memcmp(buf, "\ncd", 3) == 0, "stops at Ctrl-Z");
    E(_eof(fd), 1, 0, -1);
    E(_read(fd, buf, 10), 0, 0, -1);
    E(_lseek(fd, 7, SEEK_SET), 7, 0, -1);
    E(_read(fd, buf, 10), 2, 0, -1);
    _close(fd);

    /* Unicode modes write byte-order marks and convert */
    fd = _open("o4.txt", _O_CREAT | _O_WRONLY | _O_U8TEXT, _S_IWRITE);
    E(_write(fd, L"\x00e9\n", 4), 4, 0, -1);
    E(_write(fd, "x", 1), -1, EINVAL, -1);
    _close(fd);
    FILE_IS("o4.txt", "\xef\xbb\xbf\xc3\xa9\r\n", 7);
    fd = _open("o4.txt", _O_RDONLY | _O_WTEXT);
    wchar_t w[8];
    E(_read(fd, w, 16), 4, 0, -1);
    CHECK(w[0] == 0xe9 && w[1] == L'\n', "the mark says UTF-8");
    _close(fd);
    fd = _open("o5.txt", _O_CREAT | _O_WRONLY | _O_U16TEXT, _S_IWRITE);
    E(_write(fd, L"a\n", 4), 4, 0, -1);
    _close(fd);
    FILE_IS("o5.txt", "\xff\xfe" "a\0\r\0\n\0", 8);

    /* temporary files; share modes; _sopen_s */
    fd = _open("o6.txt", _O_CREAT | _O_RDWR | _O_TEMPORARY, _S_IWRITE);
    CHECK(_access("o6.txt", 0) == 0, "temporary file exists while open");
    _close(fd);
    CHECK(_access("o6.txt", 0) == -1, "and is gone after _close");
    fd = _sopen("o1.txt", _O_RDONLY, _SH_DENYNO);
    CHECK(fd >= 0, "_sopen");
    _close(fd);
    E(_sopen("o1.txt", _O_RDONLY, 0x99), -1, 0, -1);
    int sfd = 5;
    E(_sopen_s(&sfd, "o1.txt", _O_RDONLY, _SH_DENYWR, 0), 0, 0, -1);
    CHECK(sfd >= 0, "_sopen_s gives an fd");
    _close(sfd);
    E(_sopen_s(&sfd, "none.txt", _O_RDONLY, _SH_DENYNO, 0), ENOENT, ENOENT, -1);
    CHECK(sfd == -1, "_sopen_s failure stores -1");
    fd = _wopen(L"o1.txt", _O_RDONLY);
    CHECK(fd >= 0, "_wopen");
    _close(fd);

    /* _umask takes write permission away: a read-only file */
    E(_umask(_S_IWRITE), 0, 0, -1);
    fd = _open("o7.txt", _O_CREAT | _O_WRONLY, _S_IREAD | _S_IWRITE);
    _close(fd);
    E(_umask(0), _S_IWRITE, 0, -1);
    E(_access("o7.txt", 2), -1, EACCES, 5);
    E(_access("o7.txt", 4), 0, 0, -1);
    E(_chmod("o7.txt", _S_IREAD | _S_IWRITE), 0, 0, -1);
    E(_access("o7.txt", 6), 0, 0, -1);
    E(_access("none.txt", 0), -1, ENOENT, 2);
    E(_access(".", 2), 0, 0, -1);
    E(_waccess(L"o7.txt", 0), 0, 0, -1);
    E(_access_s("o7.txt", 0), 0, 0, -1);
    E(_access_s("none.txt", 0), ENOENT, ENOENT, -1);
    for (int i = 1; i <= 7; i++) {
        sprintf(buf, "o%d.txt", i);
        _unlink(buf);
    }
}

static void seek_size_dup(void)
{
    char buf[32];
    int fd = _open("s1.bin", _O_CREAT | _O_RDWR | _O_BINARY, _S_IREAD | _S_IWRITE);
    _write(fd, "0123456789", 10);
    E(_tell(fd), 10, 0, -1);
    E(_lseek(fd, 2, SEEK_SET), 2, 0, -1);
    E(_lseek(fd, 3, SEEK_CUR), 5, 0, -1);
    E(_lseek(fd, -1, SEEK_END), 9, 0, -1);
    E(_lseek(fd, -100, SEEK_SET), -1, EINVAL, 131);
    E(_lseek(fd, 0, 5), -1, EINVAL, -1);
    E(_lseek(99, 0, SEEK_SET), -1, EBADF, -1);
    E(_lseeki64(fd, 0x100000000LL, SEEK_SET), 0x100000000LL, 0, -1);
    E(_telli64(fd), 0x100000000LL, 0, -1);
    E(_write(fd, "x", 1), 1, 0, -1);
    E(_filelengthi64(fd), 0x100000001LL, 0, -1);
    E(_lseek(fd, 7, SEEK_SET), 7, 0, -1);
    E(_chsize(fd, 4), 0, 0, -1);
    E(_filelength(fd), 4, 0, -1);
    E(_tell(fd), 7, 0, -1);
    E(_chsize_s(fd, 12), 0, 0, -1);
    E(_lseek(fd, 0, SEEK_SET), 0, 0, -1);
    E(_read(fd, buf, 32), 12, 0, -1);
    CHECK(memcmp(buf, "0123\0\0\0\0\0\0\0\0", 12) == 0, "_chsize cuts and extends with zeros");
    E(_chsize(fd, -1), -1, EINVAL, -1);
    E(_chsize_s(fd, -1), EINVAL, EINVAL, -1);
    E(_commit(fd), 0, 0, -1);
    E(_commit(99), -1, 0, -1);
    E(_eof(fd), 1, 0, -1);
    E(_lseek(fd, 0, SEEK_SET), 0, 0, -1);
    E(_eof(fd), 0, 0, -1);

    /* _dup shares the position; _dup2 replaces an fd */
    int d = _dup(fd);
    CHECK(d > fd, "_dup: %d", d);
    E(_lseek(fd, 2, SEEK_SET), 2, 0, -1);
    E(_tell(d), 2, 0, -1);
    E(_write(d, "ab", 2), 2, 0, -1);
    E(_tell(fd), 4, 0, -1);
    E(_close(fd), 0, 0, -1);
    E(_lseek(d, 0, SEEK_SET), 0, 0, -1);
    E(_read(d, buf, 4), 4, 0, -1);
    CHECK(memcmp(buf, "01ab", 4) == 0, "written through the duplicate");
    int other = _open("s2.bin", _O_CREAT | _O_RDWR | _O_BINARY, _S_IREAD | _S_IWRITE);
    E(_dup2(d, other), 0, 0, -1);
    E(_tell(other), 4, 0, -1);
    E(_dup2(99, other), -1, EBADF, -1);
    E(_close(other), 0, 0, -1);
    E(_close(d), 0, 0, -1);
    E(_dup(99), -1, EBADF, -1);

    /* _locking: ranges from the current position */
    fd = _open("s1.bin", _O_RDWR | _O_BINARY);
    E(_locking(fd, _LK_NBLCK, 4), 0, 0, -1);
    E(_locking(fd, _LK_NBLCK, 4), -1, 0, -1);
    _lseek(fd, 4, SEEK_SET);
    E(_locking(fd, _LK_NBLCK, 4), 0, 0, -1);
    E(_locking(fd, _LK_UNLCK, 4), 0, 0, -1);
    _lseek(fd, 0, SEEK_SET);
    E(_locking(fd, _LK_LOCK, 2), -1, 0, -1);
    E(_locking(fd, _LK_UNLCK, 4), 0, 0, -1);
    E(_locking(fd, _LK_UNLCK, 4), -1, 0, -1);
    E(_locking(fd, 7, 4), -1, EINVAL, -1);
    _close(fd);
    _unlink("s1.bin");
    _unlink("s2.bin");

    /* _pipe */
    int p[2];
    E(_pipe(p, 256, _O_TEXT), 0, 0, -1);
    E(_write(p[1], "x\ny", 3), 3, 0, -1);
    E(_read(p[0], buf, 10), 3, 0, -1);
    CHECK(memcmp(buf, "x\ny", 3) == 0, "text pipe round trip");
    E(_isatty(p[0]), 0, 0, -1);
    struct _stat64 st;
    E(_fstat64(p[0], &st), 0, 0, -1);
    CHECK(st.st_mode == _S_IFIFO && st.st_dev == (unsigned)p[0] && st.st_nlink == 1, "pipe stat: %o", st.st_mode);
    _close(p[1]);
    E(_read(p[0], buf, 10), 0, 0, -1);
    _close(p[0]);
}

static void stat_fields(void)
{
    struct _stat64 st;
    time_t now = time(NULL);
    int fd = _open("st.txt", _O_CREAT | _O_WRONLY | _O_BINARY, _S_IREAD | _S_IWRITE);
    _write(fd, "12345", 5);
    E(_fstat64(fd, &st), 0, 0, -1);
    CHECK(st.st_size == 5 && st.st_mode == (_S_IFREG | 0666) && st.st_nlink == 1 && st.st_dev == 0 && st.st_ino == 0,
          "_fstat64: size %lld mode %o nlink %d dev %u", st.st_size, st.st_mode, st.st_nlink, st.st_dev);
    E(_fstat64(99, &st), -1, 0, -1);
    _close(fd);
    E(_stat64("st.txt", &st), 0, 0, -1);
    CHECK(st.st_size == 5 && st.st_mode == (_S_IFREG | 0666) && st.st_nlink == 1 && st.st_ino == 0 && st.st_uid == 0 &&
              st.st_gid == 0,
          "_stat64: size %lld mode %o", st.st_size, st.st_mode);
    CHECK(st.st_dev == (unsigned)_getdrive() - 1 && st.st_rdev == st.st_dev, "st_dev is the drive: %u", st.st_dev);
    CHECK(st.st_mtime >= now - 5 && st.st_mtime <= now + 5 && st.st_ctime == st.st_mtime && st.st_atime >= now - 5,
          "times: %lld %lld %lld (now %lld)", st.st_mtime, st.st_ctime, st.st_atime, (long long)now);
    struct _stat64i32 s64i32;
    struct _stati64 si64;
    struct stat plain;
    E(_stat64i32("st.txt", &s64i32), 0, 0, -1);
    E(_stati64("st.txt", &si64), 0, 0, -1);
    E(stat("st.txt", &plain), 0, 0, -1);
    CHECK(s64i32.st_size == 5 && s64i32.st_mtime == st.st_mtime && si64.st_size == 5 && plain.st_size == 5 &&
              plain.st_mode == st.st_mode,
          "the other sizes agree");
    CHECK(_wstat64(L"st.txt", &st) == 0 && st.st_size == 5, "_wstat64");
    E(_chmod("st.txt", _S_IREAD), 0, 0, -1);
    _stat64("st.txt", &st);
    CHECK(st.st_mode == (_S_IFREG | 0444), "read-only: %o", st.st_mode);
    _chmod("st.txt", _S_IREAD | _S_IWRITE);
    fd = _open("prog.exe", _O_CREAT | _O_WRONLY, _S_IREAD | _S_IWRITE);
    _close(fd);
    E(_stat64("prog.exe", &st), 0, 0, -1);
    CHECK(st.st_mode == (_S_IFREG | 0777), "an .exe is executable: %o", st.st_mode);
    E(_stat64("PROG.EXE", &st), 0, 0, -1);
    E(_stat64("prog.exe   ", &st), 0, 0, -1);
    E(_stat64(".", &st), 0, 0, -1);
    CHECK(st.st_mode == (_S_IFDIR | 0777) && st.st_size == 0, "a directory: %o", st.st_mode);
    E(_stat64("st.txt\\", &st), -1, ENOENT, -1);
    E(_stat64("none.txt", &st), -1, ENOENT, -1);
    E(_stat64("Z:", &st), -1, ENOENT, -1);
    E(_stat64("Z:\\", &st), 0, 0, -1);
    CHECK(st.st_mode == (_S_IFDIR | 0777) && st.st_dev == 25, "the root: %o %u", st.st_mode, st.st_dev);
    _unlink("st.txt");
    _unlink("prog.exe");
}

static void names_and_dirs(void)
{
    char buf[300];
    E(_mkdir("d1"), 0, 0, -1);
    E(_mkdir("d1"), -1, EEXIST, 183);
    E(_mkdir("nodir\\d"), -1, ENOENT, 3);
    E(_rmdir("nodir"), -1, ENOENT, 2);
    int fd = _open("d1\\f", _O_CREAT | _O_WRONLY, _S_IREAD | _S_IWRITE);
    _close(fd);
    E(_rmdir("d1"), -1, 41, 145);
    E(_rmdir("d1\\f"), -1, EINVAL, 267);
    E(_unlink("d1"), -1, EACCES, 5);
    E(remove("d1"), -1, EACCES, 5);
    E(_unlink("none"), -1, ENOENT, 2);
    E(rename("d1\\f", "d1\\g"), 0, 0, -1);
    E(rename("d1\\g", "d1\\g"), 0, 0, -1);
    E(rename("none", "x"), -1, ENOENT, 2);
    fd = _open("d1\\h", _O_CREAT | _O_WRONLY, _S_IREAD | _S_IWRITE);
    _close(fd);
    E(rename("d1\\g", "d1\\h"), -1, EEXIST, 183);
    E(rename("d1", "d2"), 0, 0, -1);
    E(rename("d2\\h", "nodir\\h"), -1, ENOENT, 3);
    E(_wrename(L"d2\\h", L"d2\\k"), 0, 0, -1);
    E(_wunlink(L"d2\\k"), 0, 0, -1);
    E(_unlink("d2\\g"), 0, 0, -1);
    E(_rmdir("d2"), 0, 0, -1);
    E(_wmkdir(L"d3"), 0, 0, -1);
    E(_wrmdir(L"d3"), 0, 0, -1);

    /* current directory */
    char *cwd = _getcwd(NULL, 0);
    CHECK(cwd && cwd[1] == ':' && cwd[2] == '\\', "_getcwd: %s", cwd ? cwd : "(null)");
    CHECK(cwd && strstr(cwd, "lowio-scratch") != NULL, "in the scratch directory: %s", cwd);
    CHECK(_getdrive() == toupper(cwd[0]) - 'A' + 1, "_getdrive %d", _getdrive());
    E(_getcwd(buf, 3), 0, ERANGE, -1);
    char *c2 = _getcwd(buf, sizeof buf);
    CHECK(c2 == buf && strcmp(buf, cwd) == 0, "_getcwd into a buffer");
    wchar_t wbuf[300];
    CHECK(_wgetcwd(wbuf, 300) == wbuf && wbuf[1] == L':', "_wgetcwd");
    E(_chdir("nodir"), -1, ENOENT, 2);
    _mkdir("sub");
    E(_chdir("sub"), 0, 0, -1);
    char *c3 = _getcwd(NULL, 0);
    sprintf(buf, "%s\\sub", cwd);
    CHECK(c3 && strcmp(c3, buf) == 0, "after _chdir: %s", c3 ? c3 : "(null)");
    fd = _open("inside.txt", _O_CREAT | _O_WRONLY, _S_IREAD | _S_IWRITE);
    _close(fd);
    E(_chdir(".."), 0, 0, -1);
    E(_access("sub\\inside.txt", 0), 0, 0, -1);
    _unlink("sub\\inside.txt");
    E(_rmdir("sub"), 0, 0, -1);
    free(c3);

    /* _fullpath */
    char *fp = _fullpath(NULL, "abc", 0);
    sprintf(buf, "%s\\abc", cwd);
    CHECK(fp && strcmp(fp, buf) == 0, "_fullpath relative: %s", fp ? fp : "(null)");
    free(fp);
    fp = _fullpath(NULL, "\\x\\y", 0);
    sprintf(buf, "%c:\\x\\y", cwd[0]);
    CHECK(fp && strcmp(fp, buf) == 0, "_fullpath rooted: %s", fp ? fp : "(null)");
    free(fp);
    fp = _fullpath(NULL, "z:/q//r/", 0);
    CHECK(fp && strcmp(fp, "z:\\q\\r\\") == 0, "_fullpath slashes: %s", fp ? fp : "(null)");
    free(fp);
    CHECK(_fullpath(buf, "abc", 5) == NULL, "_fullpath too long for the buffer");
    free(cwd);
}

static int seen(const char *names, const char *name)
{
    char key[64];
    sprintf(key, "/%s/", name);
    return strstr(names, key) != NULL;
}

static void find_walk(void)
{
    _mkdir("w");
    _mkdir("w\\sub");
    const char *files[] = {"w\\a.txt", "w\\b.TXT", "w\\c.dat", "w\\sub\\deep.txt"};
    for (int i = 0; i < 4; i++) {
        int fd = _open(files[i], _O_CREAT | _O_WRONLY | _O_BINARY, _S_IREAD | _S_IWRITE);
        _write(fd, "12345678", i + 1);
        _close(fd);
    }
    struct __finddata64_t fd;
    char names[512] = "/";
    int count = 0, subdir = 0, sizes_ok = 1;
    intptr_t h = _findfirst64("w\\*", &fd);
    CHECK(h != -1, "_findfirst64");
    if (h != -1) {
        do {
            strcat(names, fd.name);
            strcat(names, "/");
            count++;
            if (strcmp(fd.name, "sub") == 0) subdir = fd.attrib & _A_SUBDIR;
            if (strcmp(fd.name, "c.dat") == 0) sizes_ok &= fd.size == 3 && !(fd.attrib & _A_SUBDIR);
            if (strcmp(fd.name, "a.txt") == 0) sizes_ok &= fd.size == 1 && fd.time_write > 0;
        } while (_findnext64(h, &fd) == 0);
        CHECK(errno == ENOENT, "the walk ends with ENOENT: %d", errno);
        E(_findclose(h), 0, 0, -1);
    }
    CHECK(count == 6, "6 entries (with . and ..): %d %s", count, names);
    CHECK(seen(names, ".") && seen(names, "..") && seen(names, "a.txt") && seen(names, "b.TXT") && seen(names, "sub"),
          "names: %s", names);
    CHECK(subdir, "sub is a directory");
    CHECK(sizes_ok, "sizes and attributes");

    count = 0;
    h = _findfirst64("w\\*.txt", &fd);
    if (h != -1) {
        do count++;
        while (_findnext64(h, &fd) == 0);
        _findclose(h);
    }
    CHECK(count == 2, "*.txt matches case-insensitively: %d", count);
    E(_findfirst64("w\\*.none", &fd), -1, ENOENT, 2);
    E(_findfirst64("nodir\\*", &fd), -1, ENOENT, 3);
    h = _findfirst64("w\\c.dat", &fd);
    CHECK(h != -1 && strcmp(fd.name, "c.dat") == 0, "a single name");
    E(_findnext64(h, &fd), -1, ENOENT, -1);
    _findclose(h);

    struct _finddata_t fd32;
    h = _findfirst("w\\sub\\*.txt", &fd32);
    CHECK(h != -1 && strcmp(fd32.name, "deep.txt") == 0 && fd32.size == 4, "_findfirst: %s", fd32.name);
    if (h != -1) _findclose(h);
    struct _wfinddata64_t wfd;
    h = _wfindfirst64(L"w\\a.*", &wfd);
    CHECK(h != -1 && wcscmp(wfd.name, L"a.txt") == 0, "_wfindfirst64");
    if (h != -1) _findclose(h);

    for (int i = 0; i < 4; i++) _unlink(files[i]);
    _rmdir("w\\sub");
    _rmdir("w");
}

static void os_handles(void)
{
    int fd = _open("h.txt", _O_CREAT | _O_RDWR | _O_BINARY, _S_IREAD | _S_IWRITE);
    intptr_t h = _get_osfhandle(fd);
    CHECK(h != -1 && h != 0, "_get_osfhandle");
    DWORD n = 0;
    CHECK(WriteFile((HANDLE)h, "kernel32", 8, &n, NULL) && n == 8, "WriteFile on the fd's handle");
    E(_tell(fd), 8, 0, -1);
    HANDLE dup;
    DuplicateHandle(GetCurrentProcess(), (HANDLE)h, GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS);
    int fd2 = _open_osfhandle((intptr_t)dup, _O_TEXT);
    CHECK(fd2 > fd, "_open_osfhandle: %d", fd2);
    CHECK(_get_osfhandle(fd2) == (intptr_t)dup, "the same handle back");
    E(_write(fd2, "\n", 1), 1, 0, -1);
    E(_lseek(fd, 0, SEEK_SET), 0, 0, -1);
    char buf[16];
    E(_read(fd, buf, 16), 10, 0, -1);
    CHECK(memcmp(buf, "kernel32\r\n", 10) == 0, "text through the new fd");
    E(_close(fd2), 0, 0, -1);
    E(_get_osfhandle(fd2), -1, EBADF, -1);
    E(_close(fd), 0, 0, -1);
    E(_get_osfhandle(99), -1, EBADF, -1);
    E(_open_osfhandle(0x1234, 0), -1, EBADF, 6);
    HANDLE file = CreateFileA("h.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    fd = _open_osfhandle((intptr_t)file, _O_RDONLY);
    E(_read(fd, buf, 16), 10, 0, -1);
    CHECK(buf[8] == '\r', "binary by default");
    _close(fd);
    _unlink("h.txt");
    E(_isatty(99), 0, 0, -1);
}

/* Remove what an earlier, interrupted run may have left (read-only files included). */
static void cleanup(void)
{
    static const char *files[] = {"o1.txt", "o2.txt", "o3.txt", "o4.txt", "o5.txt", "o6.txt", "o7.txt",
                                  "s1.bin", "s2.bin", "st.txt", "prog.exe", "h.txt", "d1\\f", "d1\\g",
                                  "d1\\h", "d2\\g", "d2\\h", "d2\\k", "sub\\inside.txt", "w\\a.txt",
                                  "w\\b.TXT", "w\\c.dat", "w\\sub\\deep.txt"};
    static const char *dirs[] = {"d1", "d2", "d3", "sub", "w\\sub", "w"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        _chmod(files[i], _S_IREAD | _S_IWRITE);
        _unlink(files[i]);
    }
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) _rmdir(dirs[i]);
}

int main(void)
{
    iph_install();
    if (_chdir("lowio-scratch") == 0) {
        cleanup();
        _chdir("..");
    }
    _mkdir("lowio-scratch");
    if (_chdir("lowio-scratch") != 0) {
        printf("FAIL: cannot enter lowio-scratch\n");
        return 1;
    }
    open_flags();
    seek_size_dup();
    stat_fields();
    names_and_dirs();
    find_walk();
    os_handles();
    cleanup();
    _chdir("..");
    _rmdir("lowio-scratch");
    return check_report();
}
