/* hello.c - the smallest possible smoke test.
 *
 * Not self-checking: the harness compares stdout, stderr and the exit code
 * with expected/hello.stdout, expected/hello.stderr and 3.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    printf("hello, world\n");
    printf("printf: %d %s %c %x %.2f\n", 42, "str", 'c', 0xbeef, 2.5);
    puts("puts: line from puts");
    fprintf(stderr, "stderr: hello from fprintf(stderr), argc=%d\n", argc);
    fflush(stdout);
    return 3;
}
