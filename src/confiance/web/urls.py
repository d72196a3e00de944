"""Routes of the web app (included at the root by ``confiance.urls``)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from confiance.web.forms import ChangePasswordForm, NewPasswordForm, ResetForm
from confiance.web.views import (
    accounts,
    auth,
    brief,
    coach,
    crud,
    deals,
    interactions,
    ledger,
    portfolio_radar,
    team,
)
from confiance.web.views.portfolio import home

T = "web/registration/"

urlpatterns = [
    path("", home, name="home"),
    path("radar/", portfolio_radar.radar, name="radar"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", auth.set_language, name="set_language"),
    path("profile/", auth.profile, name="profile"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name=T + "password_change.html", form_class=ChangePasswordForm
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name=T + "message.html"),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name=T + "password_reset.html",
            form_class=ResetForm,
            email_template_name=T + "password_reset_email.txt",
            subject_template_name=T + "password_reset_subject.txt",
            success_url=reverse_lazy("password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name=T + "message.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name=T + "password_reset_confirm.html",
            form_class=NewPasswordForm,
            success_url=reverse_lazy("password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name=T + "message.html"),
        name="password_reset_complete",
    ),
    path("coach/", coach.coach, name="coach"),
    path("team/", team.team, name="team"),
    path("meetings/<int:pk>/brief/", brief.meeting_brief_view, name="meeting_brief"),
    path("accounts/<int:account_id>/brief/", brief.account_brief, name="account_brief"),
    path("accounts/", accounts.account_list, name="account_list"),
    path("accounts/new/", accounts.account_create, name="account_create"),
    path("accounts/<int:account_id>/", accounts.account_detail, name="account_detail"),
    path("accounts/<int:account_id>/edit/", accounts.account_edit, name="account_edit"),
    path("accounts/<int:account_id>/contacts/new/", crud.contact_create, name="contact_create"),
    path("contacts/<int:pk>/edit/", crud.contact_edit, name="contact_edit"),
    path("accounts/<int:account_id>/topics/new/", crud.topic_create, name="topic_create"),
    path("topics/<int:pk>/edit/", crud.topic_edit, name="topic_edit"),
    path("accounts/<int:account_id>/positions/new/", crud.position_create, name="position_create"),
    path("positions/<int:pk>/edit/", crud.position_edit, name="position_edit"),
    path(
        "accounts/<int:account_id>/opportunities/new/",
        crud.opportunity_create,
        name="opportunity_create",
    ),
    path("opportunities/<int:pk>/edit/", crud.opportunity_edit, name="opportunity_edit"),
    path("opportunities/<int:pk>/outcome/", deals.opportunity_outcome, name="opportunity_outcome"),
    path("plan-steps/<int:pk>/done/", deals.plan_step_done, name="plan_step_done"),
    path("plans/<int:pk>/confirm/", deals.plan_confirm_no, name="plan_confirm_no"),
    path(
        "accounts/<int:account_id>/interactions/new/",
        crud.interaction_create,
        name="interaction_create",
    ),
    path("interactions/<int:pk>/", interactions.interaction_detail, name="interaction_detail"),
    path("interactions/<int:pk>/edit/", crud.interaction_edit, name="interaction_edit"),
    path(
        "interactions/<int:pk>/commitments/",
        ledger.commitment_from_interaction,
        name="commitment_from_interaction",
    ),
    path(
        "accounts/<int:account_id>/commitments/new/",
        ledger.commitment_create,
        name="commitment_create",
    ),
    path("commitments/<int:pk>/edit/", ledger.commitment_edit, name="commitment_edit"),
    path("commitments/<int:pk>/status/", ledger.commitment_status, name="commitment_status"),
]
