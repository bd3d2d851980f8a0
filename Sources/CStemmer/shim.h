/* Snowball's English (Porter2) stemmer from Debian's libstemmer-dev, linked statically. Its own
 * functions are called rather than the sb_stemmer_* dispatcher, which would link the stemmers of
 * every language (and their pointer tables, relocated at every start). The environment's layout
 * is Snowball 2's (runtime/header.h); a test stems known words, so a different layout fails it. */
typedef unsigned char symbol;

struct SN_env {
    symbol * p;
    int c; int l; int lb; int bra; int ket;
    symbol * * S;
    int * I;
};

extern struct SN_env * english_UTF_8_create_env(void);
extern void english_UTF_8_close_env(struct SN_env * z);
extern int english_UTF_8_stem(struct SN_env * z);
extern int SN_set_current(struct SN_env * z, int size, const symbol * s);
