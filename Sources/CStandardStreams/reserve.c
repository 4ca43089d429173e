// Standard input, output and error closed by the caller (`>&-`, `2>&-`) are reopened on "/"
// with O_PATH, which neither reads nor writes (nor reopens for writing through /dev/stdout: it is a
// folder), before anything else runs. This must
// happen before main: the Swift runtime and Dispatch open descriptors (an eventfd) at start-up,
// and the lowest free number would otherwise make one of them "standard output", or later a
// samples file or a socket receive what was meant for the terminal. Reads and writes then fail
// with EBADF, which the tools report (standard output) or drop (standard error).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "CStandardStreams.h"

static int reserved = 0;

__attribute__((constructor)) static void meshbench_reserve_standard_descriptors(void) {
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            int placeholder = open("/", O_PATH | O_CLOEXEC);
            if (placeholder < 0) continue;
            if (placeholder != fd) {
                dup2(placeholder, fd);
                close(placeholder);
            } else {
                fcntl(fd, F_SETFD, 0);
            }
            reserved++;
        }
    }
}

int meshbench_reserved_standard_descriptors(void) { return reserved; }
