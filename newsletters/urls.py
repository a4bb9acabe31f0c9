from django.urls import path

from . import feeds, views

app_name = "newsletters"
urlpatterns = [
    path("", views.newsletter_list, name="list"),
    path("signup/", views.signup, name="signup"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("join/<slug:slug>/", views.join, name="join"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("new-link/", views.new_preferences_link, name="new_preferences_link"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/archive/", views.archive, name="archive"),
    path("<slug:slug>/archive/<int:pk>/", views.edition, name="edition"),
    path("<slug:slug>/feed/", feeds.EditionsFeed(), name="feed"),
    path("<slug:slug>/feed/atom/", feeds.EditionsAtomFeed(), name="feed-atom"),
]
