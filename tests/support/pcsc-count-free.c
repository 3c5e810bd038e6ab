/*
 * An LD_PRELOAD shim for tests/pcsc/pcsc-close.e2e.test.ts: counts the SCardFreeMemory calls
 * and those pcsc-lite refused (a refused call frees nothing: the memory leaks), and prints both
 * to standard error when the process exits.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <winscard.h>

typedef LONG (*FreeMemory)(SCARDCONTEXT, LPCVOID);

static int calls, refused;

LONG SCardFreeMemory(SCARDCONTEXT context, LPCVOID memory) {
    static FreeMemory real;
    /* The binding loads libpcsclite privately, so RTLD_NEXT does not see it: open it by name. */
    if (!real) real = (FreeMemory)dlsym(dlopen("libpcsclite.so.1", RTLD_LAZY), "SCardFreeMemory");
    LONG result = real(context, memory);
    __atomic_fetch_add(&calls, 1, __ATOMIC_RELAXED);
    if (result != SCARD_S_SUCCESS) __atomic_fetch_add(&refused, 1, __ATOMIC_RELAXED);
    return result;
}

__attribute__((destructor)) static void report(void) {
    fprintf(stderr, "SCardFreeMemory: %d calls, %d refused\n", calls, refused);
}
