/* The Scanner built from the spec accel.py writes, and checked as it is built. */
#include "speedups.h"

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

/* One list of pattern indices (the patterns a next token or a gate leads to). */
static int
build_list(Scanner *s, PatList *list, PyObject *items)
{
    if (!PyTuple_Check(items)) {
        PyErr_SetString(PyExc_TypeError, "a pattern list must be a tuple");
        return -1;
    }
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
    return build_need_masks(s, list);
}

/* One token's entry: its one-token pattern, its lists by next token, its gate. */
static int
build_entry(Scanner *s, Entry *e, PyObject *item)
{
    PyObject *gate_words;
    if (!PyTuple_Check(item)) {
        PyErr_SetString(PyExc_TypeError, "an entry must be a tuple");
        return -1;
    }
    if (!PyArg_ParseTuple(item, "nO!pOnn;entry", &e->single, &PyDict_Type, &e->by_second,
                          &e->has_gate, &gate_words, &e->gate_reach, &e->generic))
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
        if (build_list(s, &s->lists[j], PyTuple_GET_ITEM(lists, j)) < 0)
            return -1;
    }

    s->nentries = PyTuple_GET_SIZE(entries);
    s->entries = scanner_alloc(s, s->nentries * sizeof(Entry));
    if (s->entries == NULL)
        return -1;
    for (Py_ssize_t j = 0; j < s->nentries; j++) {
        if (build_entry(s, &s->entries[j], PyTuple_GET_ITEM(entries, j)) < 0)
            return -1;
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

int
cf_scanner_init(Scanner *s, PyObject *args, PyObject *Py_UNUSED(kwds))
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

void
cf_scanner_dealloc(Scanner *s)
{
    scanner_clear(s);
    Py_TYPE(s)->tp_free((PyObject *)s);
}

