/*
 * An LD_PRELOAD shim for tests/pcsc/pcsc-close.e2e.test.ts: every blocking SCardGetStatusChange
 * starts 200 ms late, as a status thread descheduled between two calls does on a busy machine.
 * A SCardCancel sent in that gap reaches no call and is lost.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <unistd.h>
#include <winscard.h>

typedef LONG (*GetStatusChange)(SCARDCONTEXT, DWORD, SCARD_READERSTATE *, DWORD);

LONG SCardGetStatusChange(SCARDCONTEXT context, DWORD timeout, SCARD_READERSTATE *states, DWORD count) {
    static GetStatusChange real;
    /* The binding loads libpcsclite privately, so RTLD_NEXT does not see it: open it by name. */
    if (!real) real = (GetStatusChange)dlsym(dlopen("libpcsclite.so.1", RTLD_LAZY), "SCardGetStatusChange");
    if (timeout != 0) usleep(200 * 1000);
    return real(context, timeout, states, count);
}
