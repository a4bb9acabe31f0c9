from django.apps import AppConfig


class PaywallConfig(AppConfig):
    name = "paywall"
