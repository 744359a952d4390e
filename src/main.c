/*
 * main.c: roleaudit's entry point.
 */
#include <stdio.h>

int
main(void)
{
	puts("roleaudit: not yet wired");
	return 3;
}
