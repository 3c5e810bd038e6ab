/*
 * An LD_PRELOAD shim for tests/pcsc/pcsc-close.e2e.test.ts. It widens two windows in which a
 * status thread of the pcsclite binding can be descheduled on a busy machine, so that a race in
 * close() that is lost once in a while is lost every time:
 * - every blocking SCardGetStatusChange starts 200 ms late: a SCardCancel sent in that gap
 *   reaches no call;
 * - after a status wait returns, the thread's next write (the binding's uv_async_send, which
 *   wakes the main thread with the event) is followed by a 300 ms pause: a close() that the
 *   event prompts then runs before the thread tests its loop condition again.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <unistd.h>
#include <winscard.h>

typedef LONG (*GetStatusChange)(SCARDCONTEXT, DWORD, SCARD_READERSTATE *, DWORD);
typedef ssize_t (*Write)(int, const void *, size_t);

static __thread int status_returned;

LONG SCardGetStatusChange(SCARDCONTEXT context, DWORD timeout, SCARD_READERSTATE *states, DWORD count) {
    static GetStatusChange real;
    /* The binding loads libpcsclite privately, so RTLD_NEXT does not see it: open it by name. */
    if (!real) real = (GetStatusChange)dlsym(dlopen("libpcsclite.so.1", RTLD_LAZY), "SCardGetStatusChange");
    if (timeout == 0) return real(context, timeout, states, count);
    usleep(200 * 1000);
    LONG result = real(context, timeout, states, count);
    status_returned = 1;
    return result;
}

ssize_t write(int fd, const void *buffer, size_t length) {
    static Write real;
    if (!real) real = (Write)dlsym(RTLD_NEXT, "write");
    ssize_t written = real(fd, buffer, length);
    if (status_returned) {
        status_returned = 0;
        usleep(300 * 1000);
    }
    return written;
}
