"""The coach page: paste or type, and the analysis updates as you type (no account needed)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from confiance.web.decorators import is_htmx
from confiance.web.highlight import pieces

MAX_CHARS = 20_000


def ui_language() -> str:
    from django.utils.translation import get_language

    return "fr" if (get_language() or "").startswith("fr") else "en"


def category_labels() -> dict[str, str]:
    """Display labels of the coach's categories in the interface language."""
    from confiance.coach import labels

    return labels(ui_language())


def analyse_text(text: str, lang: str | None) -> dict:
    """Context for the analysis fragment: the result, highlighted pieces, or an error."""
    from confiance.coach import UnknownLanguageError, analyze

    if not text.strip():
        return {"empty": True}
    if len(text) > MAX_CHARS:
        return {
            "error": _("The text is too long: %(count)s characters, at most %(max)s.")
            % {"count": len(text), "max": MAX_CHARS}
        }
    try:
        result = analyze(text, lang=lang or None)
    except UnknownLanguageError as exc:
        return {"error": str(exc)}
    return {
        "result": result,
        "pieces": pieces(text, result["findings"], moves=result["moves"]),
        "labels": category_labels(),
    }


@login_required
def coach(request: HttpRequest) -> HttpResponse:
    """GET shows the page; POST analyses (a fragment for htmx, the whole page otherwise)."""
    text = request.POST.get("text", "")
    lang = request.POST.get("lang", "")
    if lang not in {"", "fr", "en"}:
        lang = ""
    context = {"text": text, "lang": lang, "nav": "coach"}
    if request.method == "POST":
        context.update(analyse_text(text, lang))
        if is_htmx(request):
            return render(request, "web/partials/coach_result.html", context)
    return render(request, "web/coach.html", context)
