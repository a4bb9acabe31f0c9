from django.apps import AppConfig


class PaywallConfig(AppConfig):
    name = "paywall"
    verbose_name = "Paywall and subscriptions"

    def ready(self):
        from . import signals  # noqa: F401
        from .services import plans, policy  # noqa: F401  (cache invalidation receivers)
