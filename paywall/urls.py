from django.urls import path

from . import views

app_name = "paywall"
urlpatterns = [
    path("", views.AccountView.as_view(), name="account"),
    path("signup/", views.SignupView.as_view(), name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("verify/", views.ResendVerificationView.as_view(), name="verify_resend"),
    path("verify/<str:token>/", views.VerifyEmailView.as_view(), name="verify_email"),
    path("email/", views.EmailChangeView.as_view(), name="email_change"),
    path(
        "email/confirm/<str:token>/",
        views.EmailChangeConfirmView.as_view(),
        name="email_change_confirm",
    ),
    path("subscribe/<slug:slug>/", views.SubscribeView.as_view(), name="subscribe"),
    path("cancel/", views.CancelView.as_view(), name="cancel"),
    path("cancel/offer/", views.RetentionOfferView.as_view(), name="retention_offer"),
    path("resume/", views.ResumeView.as_view(), name="resume"),
    path("plan/<slug:slug>/", views.SwitchPlanView.as_view(), name="switch_plan"),
    path("billing/", views.PortalView.as_view(), name="portal"),
    path("checkout/test/<int:pk>/", views.TestCheckoutView.as_view(), name="test_checkout"),
    path("webhooks/stripe/", views.StripeWebhookView.as_view(), name="stripe_webhook"),
    path("gifts/", views.GiftLinkCreateView.as_view(), name="gift_create"),
    path("gifts/<int:pk>/revoke/", views.GiftLinkRevokeView.as_view(), name="gift_revoke"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
