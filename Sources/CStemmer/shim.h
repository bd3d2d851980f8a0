/* Snowball stemmers from Debian's libstemmer-dev (the English one is Porter2), linked statically. */
#include <libstemmer.h>
