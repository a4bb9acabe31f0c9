"""An email backend that builds every message as the SMTP backend would, then only counts it."""

from django.core.mail.backends.base import BaseEmailBackend


class CountingBackend(BaseEmailBackend):
    messages = 0
    bytes = 0

    def send_messages(self, email_messages):
        for message in email_messages:
            # Serialising is the real per-message work of an SMTP send, minus the network.
            CountingBackend.bytes += len(message.message().as_bytes())
            CountingBackend.messages += 1
        return len(email_messages)
