#include "CBuildInfo.h"

/* Weak, so the object `make dist` writes with the commit replaces it at link time without
   recompiling anything. */
__attribute__((weak)) const char *th_build_commit(void) {
    return "";
}
