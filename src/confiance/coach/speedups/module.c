/* The Python side of the C path: the Scanner type, its methods and the module. */
#include "speedups.h"

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
    if (check_call(s, low) < 0 || cf_tone_of_low(s, low, 0, &value) < 0)
        return NULL;
    return PyFloat_FromDouble(value);
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
    PyObject *low = cf_normal_lower(text);
    if (low == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    double value;
    int failed = cf_tone_of_low(s, low, cf_has_spaced_letters(low), &value);
    Py_DECREF(low);
    return failed < 0 ? NULL : cf_round4(value);
}

static PyObject *
Scanner_tokens(Scanner *s, PyObject *low)
{
    if (check_call(s, low) < 0)
        return NULL;
    return cf_tokenize(s, low, NULL);
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
    .tp_init = (initproc)cf_scanner_init,
    .tp_dealloc = (destructor)cf_scanner_dealloc,
    .tp_methods = Scanner_methods,
};

static PyObject *
module_round4(PyObject *Py_UNUSED(module), PyObject *arg)
{
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return cf_round4(x);
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
    if (cf_init_text() < 0 || PyType_Ready(&ScannerType) < 0)
        return NULL;
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

