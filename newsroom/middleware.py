from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy; the admin alone may use inline style attributes.

    Django's admin templates carry a few `style="…"` attributes. Allowing them there
    (`style-src-attr`) leaves <style> blocks and every script as strict as on reader pages.
    """

    admin_prefix = "/admin/"

    def process_response(self, request, response):
        if request.path.startswith(self.admin_prefix) and not hasattr(response, "_csp_update"):
            response._csp_update = {"style-src-attr": [UNSAFE_INLINE]}
        return super().process_response(request, response)
