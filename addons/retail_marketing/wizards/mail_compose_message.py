# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SeenEmails(list):
    """The addresses a send has already reached, as the list Odoo's composer
    expects, answering ``in`` from a set.

    The composer checks each recipient of a batch against every address the
    mailing has reached (``email in done_emails``, then ``done_emails +=``
    the batch's): on a list that is a scan of up to every earlier recipient per
    recipient, most of the time of a send to 100,000 customers."""

    def __init__(self, emails=()):
        super().__init__(emails)
        self._emails = set(self)

    def __contains__(self, email):
        return email in self._emails

    def __iadd__(self, emails):
        emails = list(emails)
        self._emails.update(emails)
        return super().__iadd__(emails)

    def append(self, email):
        self._emails.add(email)
        return super().append(email)

    def extend(self, emails):
        self += emails


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _get_done_emails(self, mail_values_dict):
        return SeenEmails(super()._get_done_emails(mail_values_dict))
