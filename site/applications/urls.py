from django.urls import path

from applications.views import apply, arbitration, confirmation, satisfaction, tools, track, verify

app_name = "applications"

urlpatterns = [
    path("apply/", apply.landing, name="landing"),
    path("apply/not-a-labor-dispute/", apply.not_labor_dispute, name="not_labor_dispute"),
    path("apply/<slug:slug>/", apply.start, name="start"),
    path("apply/<slug:slug>/check/", apply.check, name="check"),
    path("apply/<slug:slug>/done/", confirmation.done, name="done"),
    path("apply/<slug:slug>/done/sms/", confirmation.send_reference, name="done_sms"),
    path("apply/<slug:slug>/done/receipt/", confirmation.receipt, name="done_receipt"),
    path("apply/<slug:slug>/<slug:step_name>/", apply.step, name="step"),
    path("track/", track.track, name="track"),
    path(
        "track/arbitration-application/",
        arbitration.arbitration_application,
        name="arbitration_application",
    ),
    path("tools/time-limit/", tools.time_limit, name="time_limit"),
    path("verify/", verify.verify, name="verify"),
    path("rate/<str:token>/", satisfaction.rate, name="rate"),
]
