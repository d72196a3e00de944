/* The C path of tone() (see accel.py): the types and functions its files share.
 *
 * build.c    the Scanner built from the spec accel.py writes;
 * text.c     normalisation and tokenizer (fast_token_re.findall, scan.normalise);
 * scan.c     matcher, scan and score (matcher.longest/_match, scan.scan, scan.score);
 * module.c   the Python type and module.
 *
 * A line-for-line translation of the Python reference, which stays the whole analysis;
 * tests/coach/test_speedups.py checks that both give the same tone on any text. Every Python
 * object used here (word sets, dictionaries, strings) belongs to the spec tuple the Scanner
 * keeps a reference to, or to Scanner.owned; the C structures only borrow them.
 */
#ifndef CONFIANCE_SPEEDUPS_H
#define CONFIANCE_SPEEDUPS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stddef.h>
#include <string.h>
#include <stdint.h>

#define MAX_ELEMENTS 64 /* flattened elements of one pattern; accel.py checks it too */
/* Elements of one pattern counting each optional sequence itself too: match() recurses at
 * most once per element, so this bounds its C stack whatever spec Scanner() is given (a
 * spec from accel.py has at most MAX_ELEMENTS words, each in at most one sequence). */
#define MAX_NODES (2 * MAX_ELEMENTS)
/* Windows and reaches are added to token indices: this bound keeps the sums from overflowing. */
#define MAX_SPAN (PY_SSIZE_T_MAX / 4)
#define STACK_HITS 128

/* sre's \w and \s on str, from a table below U+0100 (most of French and English). */
extern unsigned char cf_word_table[256], cf_space_table[256];
#define IS_WORD(ch) ((ch) < 256 ? cf_word_table[ch] : (Py_UNICODE_ISALNUM(ch) || (ch) == '_'))
#define IS_SPACE(ch) ((ch) < 256 ? cf_space_table[ch] : Py_UNICODE_ISSPACE(ch))
/* [^\W\d_]: a letter (a word character that is neither a decimal digit nor "_"). */
#define IS_LETTER(ch) (IS_WORD(ch) && (ch) != '_' && !Py_UNICODE_ISDECIMAL(ch))
#define RIGHT_QUOTE 0x2019
#define MODIFIER_APOSTROPHE 0x02BC

typedef struct Elem Elem;
struct Elem {
    PyObject *words; /* frozenset */
    PyObject *stems; /* tuple of str */
    Py_ssize_t nstems;
    int optional;
    Py_ssize_t gap;
    int any_word;
    Elem **seq; /* NULL unless an optional sequence */
    Py_ssize_t nseq;
};

typedef struct {
    Elem **els;
    Py_ssize_t nels;
    long kind;
    double weight;
    int needs_negative;
    int own_negation;
    long priority;
    int plain;
    PyObject **needs; /* frozensets */
    Py_ssize_t nneeds;
    Py_ssize_t reach;
} Pat;

typedef struct {
    Py_ssize_t *items;
    Py_ssize_t n;
    /* The quick reject of its patterns' ``needs`` as bits: token -> the (pattern, need)
     * bits it meets, and each pattern's bits; NULL when the list has more than 64 needs
     * (each pattern then scans its window as Python does). */
    PyObject *need_masks; /* dict, owned by Scanner.owned */
    uint64_t *need_bits;
    Py_ssize_t max_reach;
} PatList;

typedef struct {
    Py_ssize_t single;    /* pattern index or -1 */
    PyObject *by_second;  /* dict: next token -> list index */
    int has_gate;
    PyObject *gate_words; /* frozenset, or NULL: only the matcher can tell */
    Py_ssize_t gate_reach;
    Py_ssize_t generic;   /* list index or -1 */
} Entry;

typedef struct {
    double weight;
    double factor;
    int negated;
    int reported;
    int needs_negative;
    Py_ssize_t clause;
} Hit;

typedef struct {
    PyObject_HEAD
    PyObject *spec;     /* set once the Scanner is completely built, NULL until then */
    PyObject *owned;    /* a list of the objects the Scanner made itself (need masks) */
    int building;       /* cf_scanner_init is running (it may call Python code: __index__...) */
    PyObject *table; /* dict: token -> entry index */
    PyObject *stops; /* frozenset */
    Entry *entries;
    Py_ssize_t nentries;
    Pat *pats;
    Py_ssize_t npats;
    PatList *lists;
    Py_ssize_t nlists;
    PyObject *elisions; /* tuple of str */
    void **allocs;      /* every block to free */
    Py_ssize_t nallocs, capallocs;
    Py_ssize_t window, raiser_window, max_quote;
    long k_finding, k_sentence, k_clause, k_contrast, k_negator, k_raiser, k_reported,
        k_intensifier, k_quote;
    double negation_cap, negation_flip, reported_factor, tokens_per_unit, scale, clear_cue;
} Scanner;

/* build.c */
int cf_scanner_init(Scanner *s, PyObject *args, PyObject *kwds);
void cf_scanner_dealloc(Scanner *s);

/* text.c */
int cf_init_text(void);
PyObject *cf_tokenize(Scanner *s, PyObject *low, Py_ssize_t *spans);
PyObject *cf_join_spaced(PyObject *low, PyObject *toks, Py_ssize_t *spans);
int cf_has_spaced_letters(PyObject *low);
PyObject *cf_round4(double x);
PyObject *cf_normal_lower(PyObject *text);

/* scan.c */
int cf_tone_of_low(Scanner *s, PyObject *low, int spaced, double *out);

#endif
