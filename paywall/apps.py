from django.apps import AppConfig

from newsroom import caching


class PaywallConfig(AppConfig):
    name = "paywall"
    verbose_name = "Paywall and subscriptions"

    def ready(self) -> None:
        # Imported here: models exist only once the app registry is ready.
        from . import signals  # noqa: F401
        from .models import MeterPolicy, Plan
        from .services.plans import PLANS
        from .services.policy import POLICY

        caching.register_shared_value(
            POLICY, invalidated_by=[MeterPolicy, MeterPolicy.free_sections.through]
        )
        caching.register_shared_value(PLANS, invalidated_by=[Plan])
