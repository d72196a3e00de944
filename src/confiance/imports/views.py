"""The upload page with its progress bar, and the admins' page for a person's data."""

from __future__ import annotations

import json
import tempfile
from functools import wraps
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from confiance.accounts.permissions import visible_accounts
from confiance.env import env_int
from confiance.imports import runner
from confiance.imports.models import ErasureRecord, ImportRun, RunStatus
from confiance.imports.services.gdpr import erase_person, export_person, find_contacts
from confiance.imports.services.report import ImportReport, entity_label
from confiance.users.models import Membership, Role

# Bigger files go through the command line, which streams them.
UPLOAD_LIMIT = env_int("IMPORT_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)


def upload_limit() -> int:
    return getattr(settings, "IMPORT_UPLOAD_MAX_BYTES", UPLOAD_LIMIT)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "CRM export (.csv), e-mail (.eml, .mbox), transcript (.vtt, .srt) or calendar (.ics)."
        ),
    )
    account = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=gettext_lazy("Account"),
        empty_label=gettext_lazy("Find it from the people in the file"),
    )
    occurred_at = forms.DateTimeField(
        required=False,
        label=gettext_lazy("When the meeting took place (transcripts)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    create_contacts = forms.BooleanField(
        required=False, label=gettext_lazy("Create contacts for unknown e-mail addresses")
    )
    dry_run = forms.BooleanField(
        required=False, label=gettext_lazy("Dry run: show what would be imported, save nothing")
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = visible_accounts(user).order_by("name")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > upload_limit():
            raise forms.ValidationError(_too_big(upload.size))
        return upload


def _too_big(size: int) -> str:
    return _(
        "This file is %(size)s MB; uploads are limited to %(limit)s MB. "
        "Import bigger files with the command line: confiance import FILE"
    ) % {"size": f"{size / 1048576:.1f}", "limit": f"{upload_limit() / 1048576:.0f}"}


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    """Upload a file; the import starts at once and the page follows its progress."""
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if request.method == "POST" and length > upload_limit() + 64 * 1024:
        # Refuse before reading a body that size.
        form = UploadForm(user=request.user)
        context = {**_page(request, form), "refused": _too_big(length)}
        return render(request, "imports/upload.html", context, status=413)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        name = get_valid_filename(Path(upload_file.name).name) or "upload"
        directory = Path(tempfile.mkdtemp(prefix="confiance-import-"))
        path = directory / name
        with path.open("wb") as handle:
            for chunk in upload_file.chunks():
                handle.write(chunk)
        run = ImportRun.objects.create(
            created_by=request.user,
            account=form.cleaned_data["account"],
            filename=name,
            dry_run=form.cleaned_data["dry_run"],
        )
        runner.start(
            run,
            path,
            create_contacts=form.cleaned_data["create_contacts"],
            occurred_at=form.cleaned_data["occurred_at"],
            language=translation.get_language(),
        )
        return redirect("imports:run", pk=run.pk)
    return render(request, "imports/upload.html", _page(request, form))


def _page(request, form) -> dict:
    runs = ImportRun.objects.filter(created_by=request.user)[:10]
    return {
        "form": form,
        "runs": runs,
        "limit_mb": upload_limit() // 1048576,
        "is_admin": is_admin(request.user),
        "nav": "imports",
    }


def is_admin(user) -> bool:
    return user.is_superuser or Membership.objects.filter(user=user, role=Role.ADMIN).exists()


def _own_run(request, pk: int) -> ImportRun:
    runs = (
        ImportRun.objects.all()
        if request.user.is_superuser
        else ImportRun.objects.filter(created_by=request.user)
    )
    return get_object_or_404(runs, pk=pk)


@login_required
def run_detail(request, pk: int):
    run = _own_run(request, pk)
    return render(request, "imports/run.html", {**_progress_context(run), "nav": "imports"})


@login_required
def run_progress(request, pk: int):
    """The progress fragment HTMX polls every second while the run goes on."""
    return render(request, "imports/_progress.html", _progress_context(_own_run(request, pk)))


def _progress_context(run: ImportRun) -> dict:
    processed, total = runner.live_progress(run)
    finished = run.status in (RunStatus.DONE, RunStatus.FAILED)
    if run.status == RunStatus.DONE:
        percent = 100
    else:
        percent = min(99, int(100 * processed / total)) if total else 0
    return {
        "run": run,
        "processed": processed,
        "total": total,
        "percent": percent,
        "finished": finished,
        **(_report_context(run) if finished else {}),
    }


def _report_context(run: ImportRun) -> dict:
    """The stored report in words of the reader's language, whoever started the run."""
    report = ImportReport.from_record(run.report or {}, filename=run.filename)
    if not report.failure and not report.stored_error:
        report.stored_error = run.error  # a run that failed before reports were stored whole
    return {
        "error": report.error,
        "summary": report.summary() if run.report else "",
        "created": [(entity_label(k), v) for k, v in sorted(report.created.items())],
        "updated": [(entity_label(k), v) for k, v in sorted(report.updated.items())],
        "skipped": sorted(report.skipped.items()),
        "unknown": list(report.unknown)[:20],
        "notes": report.notes,
    }


def admin_required(view):
    """Administrators only (team role or superuser); everyone else gets 403."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_admin(request.user):
            raise PermissionDenied(_("Only administrators may export or erase a person's data."))
        return view(request, *args, **kwargs)

    return wrapped


class PersonForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address of the person"))
    confirm = forms.BooleanField(
        required=False, label=gettext_lazy("I understand that erasure cannot be undone")
    )


@admin_required
@require_http_methods(["GET", "POST"])
def people(request):
    """GDPR: export everything about a person, or erase it."""
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not find_contacts(email).exists():
            form.add_error("email", _("Nobody with the address %(email)s") % {"email": email})
        elif request.POST.get("action") == "export":
            data = json.dumps(export_person(email), indent=2, ensure_ascii=False, default=str)
            response = HttpResponse(data, content_type="application/json; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="person-export.json"'
            return response
        elif request.POST.get("action") == "erase":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Tick the box to confirm the erasure."))
            else:
                record = erase_person(email, by=request.user, via="web")
                messages.success(
                    request,
                    _("Erased %(c)d contact(s), %(s)d transcript turn(s) and %(m)d e-mail(s).")
                    % {"c": record.contacts, "s": record.segments, "m": record.messages},
                )
                return redirect("imports:people")
    records = ErasureRecord.objects.select_related("performed_by")[:20]
    return render(
        request, "imports/people.html", {"form": form, "records": records, "nav": "imports"}
    )
