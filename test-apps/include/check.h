/* check.h - minimal self-checking test support for the wine-rs test apps.
 *
 *   CHECK(cond, fmt, ...)  counts a pass, or counts a failure and prints
 *                          "FAIL file:line: <message>" to stdout.
 *   check_report()         prints the final line "N passed, N failed" and
 *                          returns the process exit code (0 = all passed).
 *
 * Output goes through the C runtime's printf on purpose: these apps exist to
 * exercise our msvcrt/ucrtbase reimplementation.
 */
#ifndef WINE_RS_CHECK_H
#define WINE_RS_CHECK_H

#include <stdio.h>

static int check_passed;
static int check_failed;

#define CHECK(cond, ...)                                                  \
    do {                                                                  \
        if (cond) {                                                       \
            check_passed++;                                               \
        } else {                                                          \
            check_failed++;                                               \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                   \
            printf(__VA_ARGS__);                                          \
            printf("\n");                                                 \
            fflush(stdout);                                               \
        }                                                                 \
    } while (0)

static int check_report(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    fflush(stdout);
    return check_failed ? 1 : 0;
}

#endif
