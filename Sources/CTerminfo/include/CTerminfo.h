#ifndef TRAILHEAD_CTERMINFO_H
#define TRAILHEAD_CTERMINFO_H

/* Nothing to call: fallback.c answers ncurses's own request for a terminal description the
   machine's terminfo database lacks (see there). Linking this target is what installs it. */

#endif
