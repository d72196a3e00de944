/* Matcher, scan and score: matcher.longest and _match, scan.scan, scan._drop_positive_absolutes
 * and scan.score. */
#include "speedups.h"

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

/* 1 when the words after the first of a plain pattern follow token i, 0 when not, -1 on
 * error. */
static int
plain_match(Pat *pat, PyObject *toks, Py_ssize_t i)
{
    for (Py_ssize_t j = 1; j < pat->nels; j++) {
        int found = PySet_Contains(pat->els[j]->words, PyList_GET_ITEM(toks, i + j));
        if (found <= 0)
            return found;
    }
    return 1;
}

/* Into *window, the need bits that the tokens within the list's longest reach after i
 * meet; -1 on error. */
static int
window_bits(PatList *list, PyObject *toks, Py_ssize_t i, uint64_t *window)
{
    Py_ssize_t n = PyList_GET_SIZE(toks);
    Py_ssize_t hi = i + list->max_reach < n ? i + list->max_reach : n;
    *window = 0;
    for (Py_ssize_t j = i + 1; j < hi; j++) {
        PyObject *bits = PyDict_GetItemWithError(list->need_masks, PyList_GET_ITEM(toks, j));
        if (bits != NULL)
            *window |= PyLong_AsUnsignedLongLong(bits);
        else if (PyErr_Occurred())
            return -1;
    }
    return 0;
}

/* 1 when every need of a pattern is met within its reach (matcher.longest's quick reject),
 * 0 when one is not, -1 on error. */
static int
needs_met(Pat *pat, PyObject *toks, Py_ssize_t i)
{
    for (Py_ssize_t j = 0; j < pat->nneeds; j++) {
        int none = disjoint(pat->needs[j], toks, i + 1, i + pat->reach);
        if (none != 0)
            return none < 0 ? -1 : 0;
    }
    return 1;
}

/* matcher.longest: fold the list's patterns (in order) into the best match so far. */
static int
longest(Scanner *s, PatList *list, PyObject *toks, Py_ssize_t i, Py_ssize_t *best,
        Py_ssize_t *best_end)
{
    Py_ssize_t n = PyList_GET_SIZE(toks);
    uint64_t window = 0;
    int have_window = 0;
    for (Py_ssize_t c = 0; c < list->n; c++) {
        Py_ssize_t index = list->items[c];
        Pat *pat = &s->pats[index];
        int better_priority = *best >= 0 && pat->priority > s->pats[*best].priority;
        if (pat->plain) {
            Py_ssize_t end = i + pat->nels;
            if (end > n || end < *best_end)
                continue; /* a shorter match could not win */
            int found = plain_match(pat, toks, i);
            if (found < 0)
                return -1;
            if (found && (end > *best_end || better_priority)) {
                *best = index;
                *best_end = end;
            }
            continue;
        }
        int met;
        if (list->need_masks != NULL) {
            if (!have_window && window_bits(list, toks, i, &window) < 0)
                return -1;
            have_window = 1;
            met = (window & list->need_bits[c]) == list->need_bits[c];
        }
        else if ((met = needs_met(pat, toks, i)) < 0)
            return -1;
        if (!met)
            continue;
        Py_ssize_t end = match(s, pat->els, pat->nels, 0, toks, i);
        if (end == -2)
            return -1;
        if (end > *best_end || (end == *best_end && better_priority)) {
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

/* The scan's state, as scan.scan keeps it: negation scope, intensifier, quotes, reported
 * speech and the clause (unit) number. */
typedef struct {
    Py_ssize_t neg_until, boost_until, quote_from, clause;
    int neg_strong, reported, contextual;
    double boost;
} State;

/* The best pattern starting at token i (matcher.best_at through the entry's table):
 * *best its index or -1, *end where it ends. -1 on error. */
static int
best_at(Scanner *s, PyObject *toks, Py_ssize_t i, Py_ssize_t *best, Py_ssize_t *end)
{
    *best = -1;
    PyObject *found = PyDict_GetItemWithError(s->table, PyList_GET_ITEM(toks, i));
    if (found == NULL)
        return PyErr_Occurred() ? -1 : 0;
    Py_ssize_t at = index_of(found, s->nentries);
    if (at < 0)
        return -1;
    Entry *e = &s->entries[at];
    *best = e->single;
    *end = *best >= 0 ? i + 1 : -1;
    if (i < PyList_GET_SIZE(toks) - 1) {
        PyObject *more = PyDict_GetItemWithError(e->by_second, PyList_GET_ITEM(toks, i + 1));
        if (more == NULL && PyErr_Occurred())
            return -1;
        if (more != NULL) {
            Py_ssize_t list = index_of(more, s->nlists);
            if (list < 0 || longest(s, &s->lists[list], toks, i, best, end) < 0)
                return -1;
        }
    }
    if (e->has_gate) {
        int open = 1;
        if (e->gate_words != NULL) {
            int none = disjoint(e->gate_words, toks, i + 1, i + e->gate_reach);
            if (none < 0)
                return -1;
            open = !none;
        }
        if (open && longest(s, &s->lists[e->generic], toks, i, best, end) < 0)
            return -1;
    }
    return 0;
}

static void
add_hit(Hit *hit, Pat *pat, double factor, int negated, const State *st)
{
    hit->weight = pat->weight;
    hit->factor = factor;
    hit->negated = negated;
    hit->reported = st->reported || st->quote_from >= 0;
    hit->needs_negative = pat->needs_negative;
    hit->clause = st->clause;
}

/* One matched pattern: a hit, or a change of state (the body of scan.scan's loop). */
static void
step(Scanner *s, State *st, Pat *pat, Py_ssize_t i, Py_ssize_t end, Hit *hits,
     Py_ssize_t *nhits)
{
    long kind = pat->kind;
    if (kind <= s->k_finding) {
        if (st->quote_from >= 0 && i - st->quote_from > s->max_quote)
            st->quote_from = -1;
        add_hit(&hits[(*nhits)++], pat, i < st->boost_until ? st->boost : 1.0,
                i < st->neg_until && (st->neg_strong || !pat->own_negation), st);
        st->contextual = st->contextual || pat->needs_negative;
    }
    else if (kind == s->k_sentence) {
        st->neg_until = -1;
        st->reported = 0;
        st->boost_until = -1;
        st->clause++;
    }
    else if (kind == s->k_clause || kind == s->k_contrast) {
        if (kind == s->k_contrast)
            st->clause++;
        if (!st->neg_strong)
            st->neg_until = -1;
    }
    else if (kind == s->k_negator) {
        if (i >= st->neg_until) /* "ne … pas" is one negation, not two */
            add_hit(&hits[(*nhits)++], pat, 1.0, 0, st);
        st->neg_until = end + s->window;
        st->neg_strong = 0;
    }
    else if (kind == s->k_raiser) {
        st->neg_until = end + s->raiser_window;
        st->neg_strong = 1;
    }
    else if (kind == s->k_reported)
        st->reported = 1;
    else if (kind == s->k_intensifier) {
        st->boost_until = end + 2;
        st->boost = pat->weight;
    }
    else if (kind == s->k_quote)
        st->quote_from = st->quote_from >= 0 ? -1 : i;
}

/* scan.scan: the hits of ``toks`` into ``hits`` (room for one per token); their number, or
 * -1 on error. */
static Py_ssize_t
scan_hits(Scanner *s, PyObject *toks, Hit *hits, State *st)
{
    Py_ssize_t nhits = 0, pos = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(toks); i++) {
        if (i < pos)
            continue;
        Py_ssize_t best, end;
        if (best_at(s, toks, i, &best, &end) < 0)
            return -1;
        if (best < 0)
            continue;
        pos = end;
        step(s, st, &s->pats[best], i, end, hits, &nhits);
    }
    return nhits;
}

/* The tokens of ``low``, with the letters spelled out with spaces joined when ``spaced``. */
static PyObject *
tokens_of(Scanner *s, PyObject *low, int spaced)
{
    if (!spaced)
        return cf_tokenize(s, low, NULL);
    /* PyMem_New refuses a size that overflows (PyMem_Malloc(n * size) wrapped around). */
    Py_ssize_t *spans = PyMem_New(Py_ssize_t, 2 * (size_t)PyUnicode_GET_LENGTH(low) + 2);
    if (spans == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *plain = cf_tokenize(s, low, spans);
    PyObject *toks = plain == NULL ? NULL : cf_join_spaced(low, plain, spans);
    Py_XDECREF(plain);
    PyMem_Free(spans);
    return toks;
}

/* score(scan(tokens(low))) into *out; -1 on error. ``spaced``: join spelled-out letters. */
int
cf_tone_of_low(Scanner *s, PyObject *low, int spaced, double *out)
{
    PyObject *toks = tokens_of(s, low, spaced);
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
    State st = {.neg_until = -1, .boost_until = -1, .quote_from = -1, .boost = 1.0};
    Py_ssize_t nhits = scan_hits(s, toks, hits, &st);
    if (nhits >= 0 && st.contextual)
        nhits = drop_positive_absolutes(s, hits, nhits, st.clause + 1);
    if (nhits >= 0)
        *out = score(s, hits, nhits, n);
    if (hits != stack_hits)
        PyMem_Free(hits);
    Py_DECREF(toks);
    return nhits < 0 ? -1 : 0;
}
