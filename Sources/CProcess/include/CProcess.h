#ifndef TRAILHEAD_CPROCESS_H
#define TRAILHEAD_CPROCESS_H

/* pipe2(2) with O_CLOEXEC: both ends close on exec from the moment they exist, so a child that
 * another thread starts meanwhile never inherits one. Swift's Glibc module hides pipe2, a GNU
 * extension. Returns 0, or -1 with errno set. */
int th_pipe_cloexec(int descriptors[2]);

#include <spawn.h>

/* posix_spawn_file_actions_addclosefrom_np (glibc 2.34): the child closes every descriptor from
 * `lowest` on, so it gets only what the file actions gave it. Also a GNU extension. */
int th_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

/* How many CPUs sched_getaffinity(2) lets this process run on (CPU_COUNT is a macro), or 0 when it
 * cannot say. */
int th_available_cpus(void);

#endif
