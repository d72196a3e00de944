"""Bad input never crashes the engine, and spans always point at the text they quote."""

from __future__ import annotations

from confiance.coach import analyze, tone

NASTY = [
    "",
    "   \n\t  ",
    "🙂🙂🔥💀 they are 🤡🤡",
    "\x00\x01\x02 ils ne comprennent rien \x7f\x1b[31m",
    "<html><body><p>They just <b>don't</b> get it&nbsp;!</p><br/></body></html>",
    "« « « unbalanced quote they are idiots",
    '"' * 500,
    "Ils ne comprennent rien. They don't get it. C'est à prendre ou à laisser, take it or leave it.",
    "İSTANBUL ﬁnal offer ǅ",
    "a" * 10000,
    ("they never " * 2000),
    "\ud800 lone surrogate",
]


def _check_spans(text: str, result: dict) -> None:
    for item in result["findings"] + result["moves"] + result["commitments"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_nasty_inputs_give_valid_results():
    for text in NASTY:
        for lang in (None, "fr", "en"):
            result = analyze(text, lang=lang)
            assert -1.0 <= result["tone"] <= 1.0
            assert result["tone"] == tone(text, lang)
            _check_spans(text, result)


def test_none_and_bytes_are_accepted():
    assert analyze(None)["findings"] == []
    assert analyze(b"They don't get it.")["findings"]


def test_a_megabyte_of_text_is_analysed():
    chunk = "They just don't get it, but I understand their concern. Merci ! "
    text = chunk * (1_000_000 // len(chunk))
    result = analyze(text, lang="en")
    assert len(result["findings"]) == text.count("don't get it")
    _check_spans(text, result)


def test_html_tags_do_not_hide_findings():
    result = analyze("<p>Honestly they are <i>complete</i> idiots.</p>", lang="en")
    assert [f["category"] for f in result["findings"]] == ["contempt"]
