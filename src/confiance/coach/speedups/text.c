/* Normalisation and tokenizer: scan.normalise, the fast_token_re.findall of tone_of, and
 * scan._join_spaced. */
#include "speedups.h"

unsigned char cf_word_table[256], cf_space_table[256];
/* str.lower of each Latin-1 character (each is one Latin-1 character; checked at import). */
static Py_UCS1 lower_table[256];
static int lower_table_ok;
static const unsigned char leet_char[128] = {
    ['0'] = 1, ['1'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['7'] = 1, ['@'] = 1, ['$'] = 1,
};
static PyObject *str_lower; /* "lower", interned */
static PyObject *str_empty; /* "" */

/* The tables and strings of this file, once per process (PyInit__speedups). */
int
cf_init_text(void)
{
    for (Py_UCS4 ch = 0; ch < 256; ch++) {
        cf_word_table[ch] = Py_UNICODE_ISALNUM(ch) || ch == '_';
        cf_space_table[ch] = Py_UNICODE_ISSPACE(ch) ? 1 : 0;
    }
    str_lower = PyUnicode_InternFromString("lower");
    str_empty = PyUnicode_FromStringAndSize("", 0);
    if (str_lower == NULL || str_empty == NULL)
        return -1;
    Py_UCS1 all[256];
    for (int ch = 0; ch < 256; ch++)
        all[ch] = (Py_UCS1)ch;
    PyObject *latin1 = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, all, 256);
    PyObject *lowered = latin1 ? PyObject_CallMethodNoArgs(latin1, str_lower) : NULL;
    Py_XDECREF(latin1);
    if (lowered == NULL)
        return -1;
    lower_table_ok = PyUnicode_GET_LENGTH(lowered) == 256 &&
                        PyUnicode_KIND(lowered) == PyUnicode_1BYTE_KIND;
    for (int ch = 0; lower_table_ok && ch < 256; ch++)
        lower_table[ch] = PyUnicode_1BYTE_DATA(lowered)[ch];
    Py_DECREF(lowered);
    return 0;
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

PyObject *
cf_tokenize(Scanner *s, PyObject *low, Py_ssize_t *spans)
{
    if (PyUnicode_KIND(low) == PyUnicode_1BYTE_KIND)
        return tokenize_kind(s, low, spans, PyUnicode_1BYTE_KIND);
    return tokenize_kind(s, low, spans, PyUnicode_KIND(low));
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
PyObject *
cf_join_spaced(PyObject *low, PyObject *toks, Py_ssize_t *spans)
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

int
cf_has_spaced_letters(PyObject *low)
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
PyObject *
cf_round4(double x)
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

/* scan.normalise(text).lower(), as tone_of takes it: a new reference; NULL without an error
 * when lowercasing changes the length (tone_of then cuts tokens from the original text,
 * which only Python does); NULL with an error on failure. */
PyObject *
cf_normal_lower(PyObject *text)
{
    PyObject *low = latin1_lower(text);
    if (low != NULL || PyErr_Occurred())
        return low;
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
        return NULL;
    }
    if (PyUnicode_IS_ASCII(low))
        return low;
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
    return low;
}
