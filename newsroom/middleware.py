from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy; the admin alone may use inline styles.

    Django's admin templates carry a few `style="…"` attributes, and the body editor
    (Tiptap, inside django-prose-editor) injects its own <style> element without a nonce.
    Allowing inline styles there (`style-src-attr`, `style-src-elem`) keeps every script
    as strict as on reader pages; reader pages allow no inline style at all.
    """

    admin_prefix = "/admin/"

    def process_response(self, request, response):
        if request.path.startswith(self.admin_prefix) and not hasattr(response, "_csp_update"):
            response._csp_update = {
                "style-src-attr": [UNSAFE_INLINE],
                "style-src-elem": [SELF, UNSAFE_INLINE],
            }
        return super().process_response(request, response)
