/* Built-in terminal descriptions for the static binary.

   ncurses asks `_nc_fallback2` for a description after its terminfo database has none; its
   own version (fallback.o in libtinfo.a) returns nothing unless ncurses was configured
   --with-fallbacks. Linking statically, this definition is found before the archive member, so
   the entries below are offered instead. Each is ncurses's own compiled form, parsed once by
   ncurses's own reader. */
#include "CTerminfo.h"

#include <stdlib.h>
#include <string.h>

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
/* The in-core description and its reader are ncurses's internal interface (term.h, ncurses 6.1
   and later); the fallback hook is one. */
#define NCURSES_INTERNALS 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

struct th_builtin_entry {
    const char *name;
    const unsigned char *bytes;
    int size;
};

#include "entries.h"

enum { th_entry_count = sizeof th_builtin_entries / sizeof th_builtin_entries[0] };

const TERMTYPE2 *_nc_fallback2(const char *name);

static int th_entry_index(const char *name) {
    if (name == NULL) return -1;
    for (int index = 0; index < th_entry_count; index++) {
        if (strcmp(th_builtin_entries[index].name, name) == 0) return index;
    }
    return -1;
}

const TERMTYPE2 *_nc_fallback2(const char *name) {
    static TERMTYPE2 parsed[th_entry_count];
    static signed char state[th_entry_count];
    int index = th_entry_index(name);
    if (index < 0) return NULL;
    if (state[index] == 0) {
        const struct th_builtin_entry *entry = &th_builtin_entries[index];
        /* The reader takes a writable buffer; it copies what it keeps. */
        char *copy = malloc((size_t)entry->size);
        state[index] = -1;
        if (copy != NULL) {
            memcpy(copy, entry->bytes, (size_t)entry->size);
            /* 1 is TGETENT_YES, defined only in ncurses's private headers. */
            if (_nc_read_termtype(&parsed[index], copy, entry->size) == 1) state[index] = 1;
            free(copy);
        }
    }
    return state[index] == 1 ? &parsed[index] : NULL;
}
