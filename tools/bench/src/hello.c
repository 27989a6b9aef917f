/* hello.c - start-up: the smallest program that uses the CRT. The runner measures the
 * whole process (exec to exit) with its wall clock. */
#include <stdio.h>

int main(void)
{
    printf("hello, world\n");
    return 0;
}
