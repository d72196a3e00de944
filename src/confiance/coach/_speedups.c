/* The hot path of tone() in C: tokenizer, pattern scan and score.
 *
 * A line-for-line translation of ``fast_token_re.findall``, ``scan.scan``, ``matcher.longest``,
 * ``matcher._match``, ``scan._drop_positive_absolutes`` and ``scan.score``; ``accel.py`` builds
 * the Scanner from a language's compiled data and ``tests/coach/test_speedups.py`` checks that
 * both give the same tone on any text. The Python code stays the reference: the full analysis
 * (findings, offsets, explanations) never comes here, and a machine without a C compiler runs
 * the pure-Python path with the same results.
 *
 * Every Python object used here (word sets, dictionaries, strings) belongs to the ``spec``
 * tuple the Scanner keeps a reference to; the C structures only borrow them.
 */
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
static unsigned char word_table[256], space_table[256];
/* str.lower of each Latin-1 character (each is one Latin-1 character; checked at import). */
static Py_UCS1 lower_table[256];
static const unsigned char leet_char[128] = {
    ['0'] = 1, ['1'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['7'] = 1, ['@'] = 1, ['$'] = 1,
};
static int lower_table_ok;
static PyObject *str_lower; /* "lower", interned */
static PyObject *str_empty; /* "" */
#define IS_WORD(ch) ((ch) < 256 ? word_table[ch] : (Py_UNICODE_ISALNUM(ch) || (ch) == '_'))
#define IS_SPACE(ch) ((ch) < 256 ? space_table[ch] : Py_UNICODE_ISSPACE(ch))
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
    int building;       /* Scanner_init is running (it may call Python code: __index__...) */
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

static void *
scanner_alloc(Scanner *s, size_t size)
{
    if (s->nallocs == s->capallocs) {
        Py_ssize_t cap = s->capallocs ? s->capallocs * 2 : 64;
        void **grown = PyMem_Realloc(s->allocs, cap * sizeof(void *));
        if (grown == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        s->allocs = grown;
        s->capallocs = cap;
    }
    void *block = PyMem_Calloc(1, size ? size : 1);
    if (block == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    s->allocs[s->nallocs++] = block;
    return block;
}

/* ---- building the Scanner from its spec ---------------------------------------------- */

static Elem *build_elem(Scanner *s, PyObject *spec, Py_ssize_t *budget);

/* ``budget``: how many more elements the pattern may have (MAX_NODES in all), checked
 * before each recursion so that a deeply nested spec raises instead of overflowing the stack. */
static Elem **
build_elems(Scanner *s, PyObject *tuple, Py_ssize_t *count, Py_ssize_t *budget)
{
    if (!PyTuple_Check(tuple)) {
        PyErr_SetString(PyExc_TypeError, "elements must be a tuple");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    Elem **els = scanner_alloc(s, n * sizeof(Elem *));
    if (els == NULL)
        return NULL;
    for (Py_ssize_t j = 0; j < n; j++) {
        els[j] = build_elem(s, PyTuple_GET_ITEM(tuple, j), budget);
        if (els[j] == NULL)
            return NULL;
    }
    *count = n;
    return els;
}

static Elem *
build_elem(Scanner *s, PyObject *spec, Py_ssize_t *budget)
{
    PyObject *words, *stems, *seq;
    int optional, any_word;
    Py_ssize_t gap;
    if (--*budget < 0) {
        PyErr_Format(PyExc_ValueError, "a pattern has more than %d elements", MAX_NODES);
        return NULL;
    }
    /* PyArg_ParseTuple on a non-tuple raises SystemError: say what is wrong instead. */
    if (!PyTuple_Check(spec)) {
        PyErr_SetString(PyExc_TypeError, "an element must be a tuple");
        return NULL;
    }
    if (!PyArg_ParseTuple(spec, "O!O!pnpO;element", &PyFrozenSet_Type, &words, &PyTuple_Type,
                          &stems, &optional, &gap, &any_word, &seq))
        return NULL;
    Elem *el = scanner_alloc(s, sizeof(Elem));
    if (el == NULL)
        return NULL;
    el->words = words;
    el->stems = stems;
    el->nstems = PyTuple_GET_SIZE(stems);
    for (Py_ssize_t j = 0; j < el->nstems; j++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(stems, j))) {
            PyErr_SetString(PyExc_TypeError, "stems must be strings");
            return NULL;
        }
    }
    el->optional = optional;
    el->gap = gap;
    el->any_word = any_word;
    if (seq != Py_None) {
        el->seq = build_elems(s, seq, &el->nseq, budget);
        if (el->seq == NULL)
            return NULL;
    }
    return el;
}

/* A window or reach: 0..MAX_SPAN, so that index + value cannot overflow. */
static int
check_span(Py_ssize_t value, const char *what)
{
    if (value < 0 || value > MAX_SPAN) {
        PyErr_Format(PyExc_ValueError, "%s %zd out of range", what, value);
        return -1;
    }
    return 0;
}

static int
build_pattern(Scanner *s, Pat *pat, PyObject *spec)
{
    PyObject *els, *needs;
    Py_ssize_t budget = MAX_NODES;
    if (!PyTuple_Check(spec)) {
        PyErr_SetString(PyExc_TypeError, "a pattern must be a tuple");
        return -1;
    }
    if (!PyArg_ParseTuple(spec, "O!ldpplpO!n;pattern", &PyTuple_Type, &els, &pat->kind,
                          &pat->weight, &pat->needs_negative, &pat->own_negation,
                          &pat->priority, &pat->plain, &PyTuple_Type, &needs, &pat->reach))
        return -1;
    pat->els = build_elems(s, els, &pat->nels, &budget);
    if (pat->els == NULL)
        return -1;
    if (pat->nels < 1) {
        PyErr_SetString(PyExc_ValueError, "a pattern needs an element");
        return -1;
    }
    if (check_span(pat->reach, "reach") < 0)
        return -1;
    pat->nneeds = PyTuple_GET_SIZE(needs);
    pat->needs = scanner_alloc(s, pat->nneeds * sizeof(PyObject *));
    if (pat->needs == NULL)
        return -1;
    for (Py_ssize_t j = 0; j < pat->nneeds; j++) {
        PyObject *need = PyTuple_GET_ITEM(needs, j);
        if (!PyFrozenSet_Check(need)) {
            PyErr_SetString(PyExc_TypeError, "needs must be frozensets");
            return -1;
        }
        pat->needs[j] = need;
    }
    return 0;
}

/* PatList.need_masks: one dictionary look-up per token of the window instead of one set
 * look-up per token, pattern and need. Looser than Python's per-pattern window (the window
 * is the longest reach of the list), which only lets the exact matcher run more often. */
static int
build_need_masks(Scanner *s, PatList *list)
{
    int bits = 0;
    for (Py_ssize_t c = 0; c < list->n; c++) {
        Pat *pat = &s->pats[list->items[c]];
        if (!pat->plain)
            bits += (int)pat->nneeds;
    }
    if (bits == 0 || bits > 64)
        return 0;
    PyObject *masks = PyDict_New();
    if (masks == NULL)
        return -1;
    if (s->owned == NULL && (s->owned = PyList_New(0)) == NULL) {
        Py_DECREF(masks);
        return -1;
    }
    int appended = PyList_Append(s->owned, masks);
    Py_DECREF(masks); /* the list keeps it */
    if (appended < 0)
        return -1;
    list->need_bits = scanner_alloc(s, list->n * sizeof(uint64_t));
    if (list->need_bits == NULL)
        return -1;
    int bit = 0;
    for (Py_ssize_t c = 0; c < list->n; c++) {
        Pat *pat = &s->pats[list->items[c]];
        if (pat->plain)
            continue;
        if (pat->reach > list->max_reach)
            list->max_reach = pat->reach;
        for (Py_ssize_t j = 0; j < pat->nneeds; j++) {
            uint64_t b = (uint64_t)1 << bit++;
            list->need_bits[c] |= b;
            PyObject *words = PyObject_GetIter(pat->needs[j]);
            if (words == NULL)
                return -1;
            PyObject *word;
            while ((word = PyIter_Next(words)) != NULL) {
                PyObject *old = PyDict_GetItemWithError(masks, word);
                uint64_t value = old != NULL ? PyLong_AsUnsignedLongLong(old) : 0;
                PyObject *now = PyErr_Occurred() ? NULL : PyLong_FromUnsignedLongLong(value | b);
                int failed = now == NULL || PyDict_SetItem(masks, word, now) < 0;
                Py_XDECREF(now);
                Py_DECREF(word);
                if (failed) {
                    Py_DECREF(words);
                    return -1;
                }
            }
            Py_DECREF(words);
            if (PyErr_Occurred())
                return -1;
        }
    }
    list->need_masks = masks;
    return 0;
}

static int
check_index(Py_ssize_t value, Py_ssize_t limit, const char *what)
{
    if (value < -1 || value >= limit) {
        PyErr_Format(PyExc_ValueError, "%s index %zd out of range", what, value);
        return -1;
    }
    return 0;
}

static int
check_dict_values(PyObject *dict, Py_ssize_t limit, const char *what)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || !PyLong_Check(value)) {
            PyErr_Format(PyExc_TypeError, "%s maps str to int", what);
            return -1;
        }
        Py_ssize_t index = PyLong_AsSsize_t(value);
        if (index == -1 && PyErr_Occurred())
            return -1;
        if (index < 0 || index >= limit) {
            PyErr_Format(PyExc_ValueError, "%s index %zd out of range", what, index);
            return -1;
        }
    }
    return 0;
}

/* Fills ``s`` from ``spec`` (borrowed: the caller keeps it alive and stores it on success). */
static int
scanner_build(Scanner *s, PyObject *spec)
{
    PyObject *table, *entries, *lists, *pats, *stops, *elisions, *ints, *floats;
    if (!PyArg_ParseTuple(spec, "O!O!O!O!O!O!O!O!;spec", &PyDict_Type, &table, &PyTuple_Type,
                          &entries, &PyTuple_Type, &lists, &PyTuple_Type, &pats,
                          &PyFrozenSet_Type, &stops, &PyTuple_Type, &elisions, &PyTuple_Type,
                          &ints, &PyTuple_Type, &floats))
        return -1;
    s->table = table;
    s->stops = stops;
    s->elisions = elisions;
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(elisions); j++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(elisions, j))) {
            PyErr_SetString(PyExc_TypeError, "elisions must be strings");
            return -1;
        }
    }
    if (!PyArg_ParseTuple(ints, "nnnlllllllll;ints", &s->window, &s->raiser_window,
                          &s->max_quote, &s->k_finding, &s->k_sentence, &s->k_clause,
                          &s->k_contrast, &s->k_negator, &s->k_raiser, &s->k_reported,
                          &s->k_intensifier, &s->k_quote))
        return -1;
    if (check_span(s->window, "window") < 0 || check_span(s->raiser_window, "window") < 0 ||
        check_span(s->max_quote, "quote length") < 0)
        return -1;
    if (!PyArg_ParseTuple(floats, "dddddd;floats", &s->negation_cap, &s->negation_flip,
                          &s->reported_factor, &s->tokens_per_unit, &s->scale, &s->clear_cue))
        return -1;

    s->npats = PyTuple_GET_SIZE(pats);
    s->pats = scanner_alloc(s, s->npats * sizeof(Pat));
    if (s->pats == NULL)
        return -1;
    for (Py_ssize_t j = 0; j < s->npats; j++) {
        if (build_pattern(s, &s->pats[j], PyTuple_GET_ITEM(pats, j)) < 0)
            return -1;
    }

    s->nlists = PyTuple_GET_SIZE(lists);
    s->lists = scanner_alloc(s, s->nlists * sizeof(PatList));
    if (s->lists == NULL)
        return -1;
    for (Py_ssize_t j = 0; j < s->nlists; j++) {
        PyObject *items = PyTuple_GET_ITEM(lists, j);
        if (!PyTuple_Check(items)) {
            PyErr_SetString(PyExc_TypeError, "a pattern list must be a tuple");
            return -1;
        }
        PatList *list = &s->lists[j];
        list->n = PyTuple_GET_SIZE(items);
        list->items = scanner_alloc(s, list->n * sizeof(Py_ssize_t));
        if (list->items == NULL)
            return -1;
        for (Py_ssize_t m = 0; m < list->n; m++) {
            Py_ssize_t index = PyLong_AsSsize_t(PyTuple_GET_ITEM(items, m));
            if (index == -1 && PyErr_Occurred())
                return -1;
            if (index < 0 || index >= s->npats) {
                PyErr_SetString(PyExc_ValueError, "pattern index out of range");
                return -1;
            }
            list->items[m] = index;
        }
        if (build_need_masks(s, list) < 0)
            return -1;
    }

    s->nentries = PyTuple_GET_SIZE(entries);
    s->entries = scanner_alloc(s, s->nentries * sizeof(Entry));
    if (s->entries == NULL)
        return -1;
    for (Py_ssize_t j = 0; j < s->nentries; j++) {
        Entry *e = &s->entries[j];
        PyObject *gate_words, *item = PyTuple_GET_ITEM(entries, j);
        if (!PyTuple_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "an entry must be a tuple");
            return -1;
        }
        if (!PyArg_ParseTuple(item, "nO!pOnn;entry", &e->single,
                              &PyDict_Type, &e->by_second, &e->has_gate, &gate_words,
                              &e->gate_reach, &e->generic))
            return -1;
        if (gate_words != Py_None && !PyFrozenSet_Check(gate_words)) {
            PyErr_SetString(PyExc_TypeError, "gate words must be a frozenset or None");
            return -1;
        }
        e->gate_words = gate_words == Py_None ? NULL : gate_words;
        if (check_index(e->single, s->npats, "pattern") < 0 ||
            check_span(e->gate_reach, "reach") < 0 ||
            check_index(e->generic, s->nlists, "list") < 0 ||
            check_dict_values(e->by_second, s->nlists, "by_second") < 0)
            return -1;
        if (e->has_gate && e->generic < 0) {
            PyErr_SetString(PyExc_ValueError, "a gate needs its patterns");
            return -1;
        }
    }
    return check_dict_values(table, s->nentries, "table");
}

/* Back to the state of a new Scanner: every block freed, every borrowed pointer forgotten. */
static void
scanner_clear(Scanner *s)
{
    for (Py_ssize_t j = 0; j < s->nallocs; j++)
        PyMem_Free(s->allocs[j]);
    PyMem_Free(s->allocs);
    Py_CLEAR(s->spec);
    Py_CLEAR(s->owned);
    memset((char *)s + offsetof(Scanner, building), 0,
           sizeof(Scanner) - offsetof(Scanner, building));
}

static int
Scanner_init(Scanner *s, PyObject *args, PyObject *Py_UNUSED(kwds))
{
    PyObject *spec;
    /* ``building``: parsing the spec may run Python code (__index__, __bool__) that calls
     * __init__ again on this same Scanner. */
    if (s->spec != NULL || s->building) {
        PyErr_SetString(PyExc_RuntimeError, "Scanner is already built");
        return -1;
    }
    if (!PyArg_ParseTuple(args, "O!:Scanner", &PyTuple_Type, &spec))
        return -1;
    s->building = 1;
    int failed = scanner_build(s, spec) < 0;
    s->building = 0;
    if (failed) {
        /* A half-built Scanner must not be usable: tone() on it read unset tables. */
        scanner_clear(s);
        return -1;
    }
    /* Only now: check_call() takes a Scanner with a spec as complete. */
    Py_INCREF(spec);
    s->spec = spec;
    return 0;
}

static void
Scanner_dealloc(Scanner *s)
{
    scanner_clear(s);
    Py_TYPE(s)->tp_free((PyObject *)s);
}

/* ---- tokenizer: fast_token_re.findall(low) ------------------------------------------- */

/* Whether low[p:q] is one of the language's elided words ("qu", "l"...). */
static int
is_elision(Scanner *s, int kind, const void *data, Py_ssize_t p, Py_ssize_t q)
{
    Py_ssize_t count = PyTuple_GET_SIZE(s->elisions);
    for (Py_ssize_t j = 0; j < count; j++) {
        PyObject *prefix = PyTuple_GET_ITEM(s->elisions, j);
        if (PyUnicode_GET_LENGTH(prefix) != q - p)
            continue;
        int pkind = PyUnicode_KIND(prefix);
        const void *pdata = PyUnicode_DATA(prefix);
        Py_ssize_t m = 0;
        while (p + m < q && PyUnicode_READ(kind, data, p + m) == PyUnicode_READ(pkind, pdata, m))
            m++;
        if (p + m == q)
            return 1;
    }
    return 0;
}

/* The tokens of ``low``; with ``spans`` (room for 2 * len(low)), their [start, end).
 * Inlined once for Latin-1 text, where ``kind`` is a constant, and once for any text. */
static inline __attribute__((always_inline)) PyObject *
tokenize_kind(Scanner *s, PyObject *low, Py_ssize_t *spans, int kind)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(low);
    const void *data = PyUnicode_DATA(low);
    PyObject *toks = PyList_New(0);
    if (toks == NULL)
        return NULL;
    Py_ssize_t p = 0;
    while (p < n) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, p);
        if (ch != '\n' && IS_SPACE(ch)) {
            p++;
            continue;
        }
        Py_ssize_t stop = p + 1;
        if (IS_WORD(ch)) {
            while (stop < n && IS_WORD(PyUnicode_READ(kind, data, stop)))
                stop++;
            /* An elided word ends its run of letters right before "'" + a letter: the regex's
             * first alternative, (?:qu|[cdjlmnst])'(?=\w), takes it with its apostrophe. */
            if (stop + 1 < n && PyUnicode_READ(kind, data, stop) == '\'' &&
                IS_WORD(PyUnicode_READ(kind, data, stop + 1)) &&
                is_elision(s, kind, data, p, stop))
                stop++;
            else {
                while (stop + 1 < n && PyUnicode_READ(kind, data, stop) == '\'' &&
                       IS_WORD(PyUnicode_READ(kind, data, stop + 1))) {
                    stop += 2;
                    while (stop < n && IS_WORD(PyUnicode_READ(kind, data, stop)))
                        stop++;
                }
            }
        }
        if (spans != NULL) {
            Py_ssize_t at = 2 * PyList_GET_SIZE(toks);
            spans[at] = p;
            spans[at + 1] = stop;
        }
        PyObject *tok = PyUnicode_Substring(low, p, stop);
        if (tok == NULL || PyList_Append(toks, tok) < 0) {
            Py_XDECREF(tok);
            Py_DECREF(toks);
            return NULL;
        }
        Py_DECREF(tok);
        p = stop;
    }
    return toks;
}

static PyObject *
tokenize(Scanner *s, PyObject *low, Py_ssize_t *spans)
{
    if (PyUnicode_KIND(low) == PyUnicode_1BYTE_KIND)
        return tokenize_kind(s, low, spans, PyUnicode_1BYTE_KIND);
    return tokenize_kind(s, low, spans, PyUnicode_KIND(low));
}

/* ---- matcher: matcher._match and matcher.longest ------------------------------------- */

static int
accepts(Elem *el, PyObject *tok)
{
    int found = PySet_Contains(el->words, tok);
    if (found != 0)
        return found;
    for (Py_ssize_t j = 0; j < el->nstems; j++) {
        Py_ssize_t r = PyUnicode_Tailmatch(tok, PyTuple_GET_ITEM(el->stems, j), 0,
                                           PY_SSIZE_T_MAX, -1);
        if (r != 0)
            return (int)r;
    }
    if (el->any_word && PyUnicode_GET_LENGTH(tok) > 0)
        return Py_UNICODE_ISALNUM(PyUnicode_READ_CHAR(tok, 0)) ? 1 : 0;
    return 0;
}

/* The end (exclusive) of the longest match of els[k:] at token i, -1 for none, -2 on error. */
static Py_ssize_t
match(Scanner *s, Elem **els, Py_ssize_t nels, Py_ssize_t k, PyObject *toks, Py_ssize_t i)
{
    Py_ssize_t n = PyList_GET_SIZE(toks);
    while (k < nels) {
        Elem *el = els[k];
        if (el->seq != NULL) {
            Elem *joined[MAX_ELEMENTS];
            Py_ssize_t m = 0;
            if (el->nseq + nels - k - 1 > MAX_ELEMENTS) {
                PyErr_SetString(PyExc_ValueError, "pattern too long");
                return -2;
            }
            for (Py_ssize_t j = 0; j < el->nseq; j++)
                joined[m++] = el->seq[j];
            for (Py_ssize_t j = k + 1; j < nels; j++)
                joined[m++] = els[j];
            Py_ssize_t end = match(s, joined, m, 0, toks, i);
            if (end != -1)
                return end;
            return match(s, els, nels, k + 1, toks, i);
        }
        if (el->gap) {
            for (Py_ssize_t skip = 0; skip <= el->gap; skip++) {
                if (skip) {
                    if (i + skip - 1 >= n)
                        break;
                    int stop = PySet_Contains(s->stops, PyList_GET_ITEM(toks, i + skip - 1));
                    if (stop < 0)
                        return -2;
                    if (stop)
                        break;
                }
                Py_ssize_t end = match(s, els, nels, k + 1, toks, i + skip);
                if (end != -1)
                    return end;
            }
            return -1;
        }
        int ok = 0;
        if (i < n) {
            ok = accepts(el, PyList_GET_ITEM(toks, i));
            if (ok < 0)
                return -2;
        }
        if (ok) {
            if (el->optional) {
                Py_ssize_t end = match(s, els, nels, k + 1, toks, i + 1);
                if (end != -1)
                    return end;
                k++;
                continue;
            }
            i++;
            k++;
            continue;
        }
        if (el->optional) {
            k++;
            continue;
        }
        return -1;
    }
    return i;
}

/* 1 when none of toks[lo:hi] is in ``words``, 0 when one is, -1 on error. */
static int
disjoint(PyObject *words, PyObject *toks, Py_ssize_t lo, Py_ssize_t hi)
{
    Py_ssize_t n = PyList_GET_SIZE(toks);
    if (hi > n)
        hi = n;
    for (Py_ssize_t j = lo; j < hi; j++) {
        int found = PySet_Contains(words, PyList_GET_ITEM(toks, j));
        if (found != 0)
            return found < 0 ? -1 : 0;
    }
    return 1;
}

static int
longest(Scanner *s, PatList *list, PyObject *toks, Py_ssize_t i, Py_ssize_t *best,
        Py_ssize_t *best_end)
{
    Py_ssize_t n = PyList_GET_SIZE(toks);
    uint64_t window = 0; /* the need bits met within the list's reach, once computed */
    int have_window = 0;
    for (Py_ssize_t c = 0; c < list->n; c++) {
        Py_ssize_t index = list->items[c];
        Pat *pat = &s->pats[index];
        if (pat->plain) {
            Py_ssize_t end = i + pat->nels;
            if (end > n || end < *best_end)
                continue;
            int all = 1;
            for (Py_ssize_t j = 1; j < pat->nels; j++) {
                int found = PySet_Contains(pat->els[j]->words, PyList_GET_ITEM(toks, i + j));
                if (found < 0)
                    return -1;
                if (!found) {
                    all = 0;
                    break;
                }
            }
            if (all && (end > *best_end ||
                        (*best >= 0 && pat->priority > s->pats[*best].priority))) {
                *best = index;
                *best_end = end;
            }
            continue;
        }
        int skip = 0;
        if (list->need_masks != NULL) {
            if (!have_window) {
                Py_ssize_t hi = i + list->max_reach < n ? i + list->max_reach : n;
                for (Py_ssize_t j = i + 1; j < hi; j++) {
                    PyObject *bits = PyDict_GetItemWithError(list->need_masks,
                                                             PyList_GET_ITEM(toks, j));
                    if (bits != NULL)
                        window |= PyLong_AsUnsignedLongLong(bits);
                    else if (PyErr_Occurred())
                        return -1;
                }
                have_window = 1;
            }
            skip = (window & list->need_bits[c]) != list->need_bits[c];
        }
        else {
            for (Py_ssize_t j = 0; j < pat->nneeds; j++) {
                int none = disjoint(pat->needs[j], toks, i + 1, i + pat->reach);
                if (none < 0)
                    return -1;
                if (none) {
                    skip = 1;
                    break;
                }
            }
        }
        if (skip)
            continue;
        Py_ssize_t end = match(s, pat->els, pat->nels, 0, toks, i);
        if (end == -2)
            return -1;
        if (end > *best_end || (end == *best_end && *best >= 0 &&
                                pat->priority > s->pats[*best].priority)) {
            *best = index;
            *best_end = end;
        }
    }
    return 0;
}

/* ---- scan and score: scan.scan, scan._drop_positive_absolutes, scan.score ------------- */

static double
score(Scanner *s, Hit *hits, Py_ssize_t nhits, Py_ssize_t ntoks)
{
    double cap = s->negation_cap;
    double total = 0.0;
    for (Py_ssize_t j = 0; j < nhits; j++) {
        double value = hits[j].weight * hits[j].factor;
        if (hits[j].negated) {
            double flipped = value * s->negation_flip;
            double low = flipped < cap ? flipped : cap; /* min(cap, flipped) */
            value = low > -cap ? low : -cap;            /* max(-cap, low) */
        }
        if (hits[j].reported)
            value *= s->reported_factor;
        total += value;
    }
    if (total == 0.0)
        return 0.0;
    double units = (double)ntoks / s->tokens_per_unit;
    if (!(units > 1.0))
        units = 1.0;
    return tanh(total / (s->scale * sqrt(units)));
}

/* Keeps the hits that _drop_positive_absolutes keeps; returns their number, -1 on error. */
static Py_ssize_t
drop_positive_absolutes(Scanner *s, Hit *hits, Py_ssize_t nhits, Py_ssize_t nclauses)
{
    char *marks = PyMem_Calloc(2 * nclauses, 1);
    if (marks == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    char *positive = marks, *negative = marks + nclauses;
    for (Py_ssize_t j = 0; j < nhits; j++) {
        if (hits[j].needs_negative)
            continue;
        double value = hits[j].weight * (hits[j].negated ? -1 : 1);
        if (value >= s->clear_cue)
            positive[hits[j].clause] = 1;
        else if (value <= -s->clear_cue)
            negative[hits[j].clause] = 1;
    }
    Py_ssize_t kept = 0;
    for (Py_ssize_t j = 0; j < nhits; j++) {
        Py_ssize_t c = hits[j].clause;
        if (hits[j].needs_negative && positive[c] && !negative[c])
            continue;
        hits[kept++] = hits[j];
    }
    PyMem_Free(marks);
    return kept;
}

/* The next match of scan._SPACED_RE, (?<!\w)[^\W\d_](?: [^\W\d_]){3,}(?!\w), in ``low``
 * from ``from``: 1 with its [*start, *end), or 0. */
static int
next_spaced(PyObject *low, Py_ssize_t from, Py_ssize_t *start, Py_ssize_t *end)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(low);
    int kind = PyUnicode_KIND(low);
    const void *data = PyUnicode_DATA(low);
    for (Py_ssize_t p = from; p < n; p++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, p);
        if (!IS_LETTER(ch) || (p > 0 && IS_WORD(PyUnicode_READ(kind, data, p - 1))))
            continue;
        Py_ssize_t q = p + 1, count = 0;
        while (q + 1 < n && PyUnicode_READ(kind, data, q) == ' ' &&
               IS_LETTER(PyUnicode_READ(kind, data, q + 1))) {
            q += 2;
            count++;
        }
        /* Greedy, then give back repetitions until no word character follows. */
        while (count >= 3 && q < n && IS_WORD(PyUnicode_READ(kind, data, q))) {
            q -= 2;
            count--;
        }
        if (count >= 3) {
            *start = p;
            *end = q;
            return 1;
        }
    }
    return 0;
}

/* Replaces the last token of ``out`` by toks[from:to] joined, when that is several tokens. */
static int
join_group(PyObject *out, PyObject *toks, Py_ssize_t from, Py_ssize_t to)
{
    if (to - from < 2)
        return 0;
    PyObject *group = PyList_GetSlice(toks, from, to);
    if (group == NULL)
        return -1;
    PyObject *joined = PyUnicode_Join(str_empty, group);
    Py_DECREF(group);
    if (joined == NULL)
        return -1;
    return PyList_SetItem(out, PyList_GET_SIZE(out) - 1, joined); /* steals ``joined`` */
}

/* scan._join_spaced: the tokens inside one run of spaced letters become one token. Each
 * group is joined once, when it ends: adding its tokens one at a time (as ``+=`` does in
 * Python) copied the growing token each time, quadratic on a long run ("a b c d ..."). */
static PyObject *
join_spaced(PyObject *low, PyObject *toks, Py_ssize_t *spans)
{
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t sp_start = 0, sp_end = 0, last_start = -1;
    Py_ssize_t first = 0; /* toks[first:j] make the last token of ``out`` */
    Py_ssize_t ntoks = PyList_GET_SIZE(toks);
    int have = next_spaced(low, 0, &sp_start, &sp_end);
    for (Py_ssize_t j = 0; j < ntoks; j++) {
        Py_ssize_t a = spans[2 * j], b = spans[2 * j + 1];
        while (have && sp_end <= a)
            have = next_spaced(low, sp_end, &sp_start, &sp_end);
        int inside = have && sp_start <= a && b <= sp_end;
        if (inside && PyList_GET_SIZE(out) > 0 && last_start >= sp_start)
            continue; /* joins the last token */
        if (join_group(out, toks, first, j) < 0 ||
            PyList_Append(out, PyList_GET_ITEM(toks, j)) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        first = j;
        last_start = a;
    }
    if (join_group(out, toks, first, ntoks) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* A value of the table or of a by_second dictionary as an index below ``limit``, or -1 with
 * an exception. __init__ checked them, but these dictionaries belong to the spec and stay
 * mutable: a value changed since must raise, not index outside the C arrays. */
static inline Py_ssize_t
index_of(PyObject *value, Py_ssize_t limit)
{
    Py_ssize_t index = PyLong_AsSsize_t(value); /* -1 with TypeError when not an int */
    if ((size_t)index >= (size_t)limit) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "the Scanner's spec changed after it was built");
        return -1;
    }
    return index;
}

/* score(scan(tokens(low))) into *out; -1 on error. ``spaced``: join spelled-out letters. */
static int
tone_of_low(Scanner *s, PyObject *low, int spaced, double *out)
{
    PyObject *toks;
    if (spaced) {
        /* PyMem_New refuses a size that overflows (PyMem_Malloc(n * size) wrapped around). */
        Py_ssize_t *spans = PyMem_New(Py_ssize_t, 2 * (size_t)PyUnicode_GET_LENGTH(low) + 2);
        if (spans == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        PyObject *plain = tokenize(s, low, spans);
        toks = plain == NULL ? NULL : join_spaced(low, plain, spans);
        Py_XDECREF(plain);
        PyMem_Free(spans);
    }
    else
        toks = tokenize(s, low, NULL);
    if (toks == NULL)
        return -1;
    Py_ssize_t n = PyList_GET_SIZE(toks);
    Hit stack_hits[STACK_HITS];
    Hit *hits = stack_hits;
    if (n > STACK_HITS) {
        hits = PyMem_New(Hit, n); /* at most one hit per token (one per loop turn) */
        if (hits == NULL) {
            Py_DECREF(toks);
            PyErr_NoMemory();
            return -1;
        }
    }
    Py_ssize_t nhits = 0, pos = 0, neg_until = -1, boost_until = -1, quote_from = -1;
    Py_ssize_t clause = 0, last = n - 1;
    int neg_strong = 0, reported = 0, contextual = 0, failed = 0;
    double boost = 1.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i < pos)
            continue;
        PyObject *found = PyDict_GetItemWithError(s->table, PyList_GET_ITEM(toks, i));
        if (found == NULL) {
            if (PyErr_Occurred()) {
                failed = 1;
                break;
            }
            continue;
        }
        Py_ssize_t at = index_of(found, s->nentries);
        if (at < 0) {
            failed = 1;
            break;
        }
        Entry *e = &s->entries[at];
        Py_ssize_t best = e->single;
        Py_ssize_t end = best >= 0 ? i + 1 : -1;
        if (i < last) {
            PyObject *more = PyDict_GetItemWithError(e->by_second, PyList_GET_ITEM(toks, i + 1));
            Py_ssize_t list = more != NULL ? index_of(more, s->nlists) : -1;
            if (more != NULL) {
                if (list < 0 || longest(s, &s->lists[list], toks, i, &best, &end) < 0) {
                    failed = 1;
                    break;
                }
            }
            else if (PyErr_Occurred()) {
                failed = 1;
                break;
            }
        }
        if (e->has_gate) {
            int open = 1;
            if (e->gate_words != NULL) {
                open = disjoint(e->gate_words, toks, i + 1, i + e->gate_reach);
                if (open < 0) {
                    failed = 1;
                    break;
                }
                open = !open;
            }
            if (open && longest(s, &s->lists[e->generic], toks, i, &best, &end) < 0) {
                failed = 1;
                break;
            }
        }
        if (best < 0)
            continue;
        pos = end;
        Pat *pat = &s->pats[best];
        long kind = pat->kind;
        if (kind <= s->k_finding) {
            if (quote_from >= 0 && i - quote_from > s->max_quote)
                quote_from = -1;
            Hit *hit = &hits[nhits++];
            hit->weight = pat->weight;
            hit->factor = i < boost_until ? boost : 1.0;
            hit->negated = i < neg_until && (neg_strong || !pat->own_negation);
            hit->reported = reported || quote_from >= 0;
            hit->needs_negative = pat->needs_negative;
            hit->clause = clause;
            contextual = contextual || pat->needs_negative;
        }
        else if (kind == s->k_sentence) {
            neg_until = -1;
            reported = 0;
            boost_until = -1;
            clause++;
        }
        else if (kind == s->k_clause || kind == s->k_contrast) {
            if (kind == s->k_contrast)
                clause++;
            if (!neg_strong)
                neg_until = -1;
        }
        else if (kind == s->k_negator) {
            if (i >= neg_until) {
                Hit *hit = &hits[nhits++];
                hit->weight = pat->weight;
                hit->factor = 1.0;
                hit->negated = 0;
                hit->reported = reported || quote_from >= 0;
                hit->needs_negative = pat->needs_negative;
                hit->clause = clause;
            }
            neg_until = end + s->window;
            neg_strong = 0;
        }
        else if (kind == s->k_raiser) {
            neg_until = end + s->raiser_window;
            neg_strong = 1;
        }
        else if (kind == s->k_reported) {
            reported = 1;
        }
        else if (kind == s->k_intensifier) {
            boost_until = end + 2;
            boost = pat->weight;
        }
        else if (kind == s->k_quote) {
            quote_from = quote_from >= 0 ? -1 : i;
        }
    }
    if (!failed && contextual)
        nhits = drop_positive_absolutes(s, hits, nhits, clause + 1);
    if (!failed && nhits >= 0)
        *out = score(s, hits, nhits, n);
    if (hits != stack_hits)
        PyMem_Free(hits);
    Py_DECREF(toks);
    return failed || nhits < 0 ? -1 : 0;
}

static int
check_call(Scanner *s, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "expected a str");
        return -1;
    }
    if (s->spec == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Scanner is not built");
        return -1;
    }
    return 0;
}

static PyObject *
Scanner_tone(Scanner *s, PyObject *low)
{
    double value;
    if (check_call(s, low) < 0 || tone_of_low(s, low, 0, &value) < 0)
        return NULL;
    return PyFloat_FromDouble(value);
}

/* The apostrophes normalise() turns into "'", read as "'"; any other character as it is. */
static inline Py_UCS4
read_normal(int kind, const void *data, Py_ssize_t p)
{
    Py_UCS4 ch = PyUnicode_READ(kind, data, p);
    return ch == RIGHT_QUOTE || ch == MODIFIER_APOSTROPHE ? '\'' : ch;
}

/* Whether scan._LEET_RE matches at ``p`` (a digit or symbol written for a letter):
 * [013457@$](?:(?<=[^\W\d_].)(?=[^\W\d_]|\b)|(?<![\w@$].)(?=[^\W\d_][^\W_])) */
static int
leet_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t p)
{
    Py_UCS4 ch = PyUnicode_READ(kind, data, p);
    if (ch >= 128 || !leet_char[ch])
        return 0;
    Py_UCS4 prev = p > 0 ? read_normal(kind, data, p - 1) : 0;
    Py_UCS4 next = p + 1 < n ? read_normal(kind, data, p + 1) : 0;
    int next_word = p + 1 < n && IS_WORD(next);
    int next_letter = p + 1 < n && IS_LETTER(next);
    if (p > 0 && IS_LETTER(prev) && (next_letter || IS_WORD(ch) != next_word))
        return 1;
    int prev_blocks = p > 0 && (IS_WORD(prev) || prev == '@' || prev == '$');
    if (!prev_blocks && next_letter && p + 2 < n) {
        Py_UCS4 after = read_normal(kind, data, p + 2);
        return IS_WORD(after) && after != '_';
    }
    return 0;
}

/* scan.normalise's _LEET_RE.sub(_unleet, text): a new reference, ``text`` itself when
 * nothing matches. Every match is decided on the original text, as re.sub does. */
static PyObject *
unleet(PyObject *text)
{
    static const char from[] = "013457@$", to[] = "oieastas";
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = NULL;
    for (Py_ssize_t p = 0; p < n; p++) {
        if (!leet_at(kind, data, n, p))
            continue;
        if (out == NULL) {
            out = PyUnicode_New(n, PyUnicode_MAX_CHAR_VALUE(text));
            if (out == NULL || PyUnicode_CopyCharacters(out, 0, text, 0, n) < 0) {
                Py_XDECREF(out);
                return NULL;
            }
        }
        Py_UCS4 ch = PyUnicode_READ(kind, data, p);
        PyUnicode_WRITE(PyUnicode_KIND(out), PyUnicode_DATA(out), p,
                        (Py_UCS4)to[strchr(from, (int)ch) - from]);
    }
    if (out != NULL)
        return out;
    Py_INCREF(text);
    return text;
}

/* True when scan._SPACED_GATE matches ``low``: " [^\W\d_] [^\W\d_] [^\W\d_](?!\w)". */
static inline __attribute__((always_inline)) int
has_spaced_letters_kind(PyObject *low, int kind)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(low);
    const void *data = PyUnicode_DATA(low);
    for (Py_ssize_t p = 0; p + 6 <= n; p++) {
        if (PyUnicode_READ(kind, data, p) != ' ')
            continue;
        int found = 1;
        for (Py_ssize_t j = 1; j < 6 && found; j++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, p + j);
            found = j % 2 ? IS_LETTER(ch) : ch == ' ';
        }
        if (found && (p + 6 == n || !IS_WORD(PyUnicode_READ(kind, data, p + 6))))
            return 1;
    }
    return 0;
}

static int
has_spaced_letters(PyObject *low)
{
    if (PyUnicode_KIND(low) == PyUnicode_1BYTE_KIND)
        return has_spaced_letters_kind(low, PyUnicode_1BYTE_KIND);
    return has_spaced_letters_kind(low, PyUnicode_KIND(low));
}

static PyObject *
replace_char(PyObject *text, Py_UCS4 ch)
{
    PyObject *from = PyUnicode_FromOrdinal(ch);
    if (from == NULL)
        return NULL;
    PyObject *to = PyUnicode_FromOrdinal('\'');
    if (to == NULL) {
        Py_DECREF(from);
        return NULL;
    }
    PyObject *out = PyUnicode_Replace(text, from, to, -1);
    Py_DECREF(from);
    Py_DECREF(to);
    return out;
}

/* round(x, 4) exactly as Python does it: shortest correctly rounded decimal, read back. */
static PyObject *
round4(double x)
{
    if (x == 0.0)
        return PyFloat_FromDouble(x);
    /* x * 1e4 is within 1e-12 of its exact value (|x| <= 1): unless that lies next to a
     * half, it rounds the same way, and r / 1e4 is the double nearest the decimal r / 10^4,
     * as strtod gives it. Only near a half do we ask dtoa, as round() does. */
    double scaled = x * 10000.0;
    double whole = floor(scaled);
    double frac = scaled - whole;
    if (fabs(x) <= 1.0 && fabs(frac - 0.5) > 1e-6)
        /* copysign: round(-0.00001, 4) is -0.0 in Python */
        return PyFloat_FromDouble(copysign((frac < 0.5 ? whole : whole + 1.0) / 10000.0, x));
    char *digits = PyOS_double_to_string(x, 'f', 4, 0, NULL);
    if (digits == NULL)
        return NULL;
    double value = PyOS_string_to_double(digits, NULL, NULL);
    PyMem_Free(digits);
    if (value == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(value);
}

/* The common case in one pass: Latin-1 text (no "’", whose lowercase keeps its length)
 * where no digit stands for a letter, lowercased from a table. NULL without an error when
 * the text is not such a text. */
static PyObject *
latin1_lower(PyObject *text)
{
    if (!lower_table_ok || PyUnicode_KIND(text) != PyUnicode_1BYTE_KIND)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const Py_UCS1 *src = PyUnicode_1BYTE_DATA(text);
    int high = 0;
    for (Py_ssize_t p = 0; p < n; p++) {
        Py_UCS1 ch = src[p];
        if (ch < 128 && leet_char[ch] && leet_at(PyUnicode_1BYTE_KIND, src, n, p))
            return NULL;
        high |= lower_table[ch] & 0x80;
    }
    PyObject *low = PyUnicode_New(n, high ? 255 : 127);
    if (low == NULL)
        return NULL;
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(low);
    for (Py_ssize_t p = 0; p < n; p++)
        out[p] = lower_table[src[p]];
    return low;
}

/* scan.tone_of(text) in C, or None when lowercasing changes the text's length (the rare
 * case where Python's tone_of cuts tokens from the original text instead). */
static PyObject *
Scanner_tone_text(Scanner *s, PyObject *text)
{
    if (check_call(s, text) < 0)
        return NULL;
    /* A str subclass may override lower(), which Python's tone_of calls (and which may
     * return anything): only the Python path gives its result. */
    if (!PyUnicode_CheckExact(text))
        Py_RETURN_NONE;
    PyObject *low = latin1_lower(text);
    if (low == NULL && PyErr_Occurred())
        return NULL;
    if (low != NULL) {
        double value;
        int failed = tone_of_low(s, low, has_spaced_letters(low), &value);
        Py_DECREF(low);
        return failed < 0 ? NULL : round4(value);
    }
    PyObject *plain = unleet(text);
    if (plain == NULL)
        return NULL;
    low = PyObject_CallMethodNoArgs(plain, str_lower);
    Py_ssize_t length = PyUnicode_GET_LENGTH(plain);
    Py_DECREF(plain);
    if (low == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(low) != length) {
        Py_DECREF(low);
        Py_RETURN_NONE;
    }
    if (!PyUnicode_IS_ASCII(low)) {
        Py_UCS4 marks[2] = {RIGHT_QUOTE, MODIFIER_APOSTROPHE};
        for (int j = 0; j < 2; j++) {
            Py_ssize_t at = PyUnicode_FindChar(low, marks[j], 0, PyUnicode_GET_LENGTH(low), 1);
            if (at == -2) {
                Py_DECREF(low);
                return NULL;
            }
            if (at >= 0) {
                Py_SETREF(low, replace_char(low, marks[j]));
                if (low == NULL)
                    return NULL;
            }
        }
    }
    double value;
    int failed = tone_of_low(s, low, has_spaced_letters(low), &value);
    Py_DECREF(low);
    return failed < 0 ? NULL : round4(value);
}

static PyObject *
Scanner_tokens(Scanner *s, PyObject *low)
{
    if (check_call(s, low) < 0)
        return NULL;
    return tokenize(s, low, NULL);
}

static PyMethodDef Scanner_methods[] = {
    {"tone", (PyCFunction)Scanner_tone, METH_O,
     "tone(low) -> float: the unrounded tone of an already normalised, lowercased text."},
    {"tone_text", (PyCFunction)Scanner_tone_text, METH_O,
     "tone_text(text) -> float | None: scan.tone_of(text), or None where Python must run."},
    {"tokens", (PyCFunction)Scanner_tokens, METH_O,
     "tokens(low) -> list[str]: the same tokens as the language's fast_token_re.findall."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "confiance.coach._speedups.Scanner",
    .tp_basicsize = sizeof(Scanner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One language's tone scanner, built from the spec accel.py writes.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Scanner_init,
    .tp_dealloc = (destructor)Scanner_dealloc,
    .tp_methods = Scanner_methods,
};

static PyObject *
module_round4(PyObject *Py_UNUSED(module), PyObject *arg)
{
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return round4(x);
}

static PyMethodDef module_methods[] = {
    {"round4", module_round4, METH_O, "round4(x) -> float: round(x, 4), as tone_text rounds."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "confiance.coach._speedups",
    .m_doc = "C version of the tone() hot path (see accel.py).",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    for (Py_UCS4 ch = 0; ch < 256; ch++) {
        word_table[ch] = Py_UNICODE_ISALNUM(ch) || ch == '_';
        space_table[ch] = Py_UNICODE_ISSPACE(ch) ? 1 : 0;
    }
    str_lower = PyUnicode_InternFromString("lower");
    str_empty = PyUnicode_FromStringAndSize("", 0);
    if (str_lower == NULL || str_empty == NULL || PyType_Ready(&ScannerType) < 0)
        return NULL;
    Py_UCS1 all[256];
    for (int ch = 0; ch < 256; ch++)
        all[ch] = (Py_UCS1)ch;
    PyObject *latin1 = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, all, 256);
    PyObject *lowered = latin1 ? PyObject_CallMethodNoArgs(latin1, str_lower) : NULL;
    Py_XDECREF(latin1);
    if (lowered == NULL)
        return NULL;
    lower_table_ok = PyUnicode_GET_LENGTH(lowered) == 256 &&
                     PyUnicode_KIND(lowered) == PyUnicode_1BYTE_KIND;
    for (int ch = 0; lower_table_ok && ch < 256; ch++)
        lower_table[ch] = PyUnicode_1BYTE_DATA(lowered)[ch];
    Py_DECREF(lowered);
    PyObject *module = PyModule_Create(&speedups_module);
    if (module == NULL)
        return NULL;
    Py_INCREF(&ScannerType);
    if (PyModule_AddObject(module, "Scanner", (PyObject *)&ScannerType) < 0) {
        Py_DECREF(&ScannerType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
