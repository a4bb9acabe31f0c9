from django.apps import AppConfig

from newsroom import caching


class PaywallConfig(AppConfig):
    name = "paywall"
    verbose_name = "Paywall and subscriptions"

    def ready(self) -> None:
        # Imported here: models exist only once the app registry is ready.
        from django.contrib.auth.signals import user_logged_in

        from . import signals  # noqa: F401
        from .models import MeterPolicy, Plan
        from .readers import READER_ROWS, READER_ROWS_MODELS, forget_reader_rows
        from .services.plans import PLANS
        from .services.policy import POLICY

        caching.register_shared_value(
            POLICY, invalidated_by=[MeterPolicy, MeterPolicy.free_sections.through]
        )
        caching.register_shared_value(PLANS, invalidated_by=[Plan])
        caching.register_reader_value(READER_ROWS, invalidated_by=READER_ROWS_MODELS)
        # After signals' carry-over of the anonymous meter, which bulk-inserts its reads.
        user_logged_in.connect(forget_reader_rows, dispatch_uid="paywall.forget_reader_rows")
