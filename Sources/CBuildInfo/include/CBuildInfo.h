#ifndef TRAILHEAD_CBUILDINFO_H
#define TRAILHEAD_CBUILDINFO_H

/* The commit a release binary was built from (`make dist` links a definition that returns it);
   the empty string in any other build. */
const char *th_build_commit(void);

#endif
