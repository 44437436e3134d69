# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from markupsafe import Markup

from odoo import api, models

# An attribute of a tag: its name, then its value, quoted or not.
ATTRIBUTE_NAME = r"""[^\s=/>"']+"""
ATTRIBUTE_VALUE = r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?"""
ATTRIBUTE = re.compile(rf"\s+({ATTRIBUTE_NAME}){ATTRIBUTE_VALUE}")
# An opening <t ...> tag and its attributes.
T_TAG = re.compile(rf"<t((?:\s+{ATTRIBUTE_NAME}{ATTRIBUTE_VALUE})*)(\s*/?)>")


def strip_placeholder_styles(body):
    """``body`` with only the ``t-`` attributes left on its ``<t>`` tags.

    The email editor writes the body again with every element's style
    inline, the placeholders' ``<t t-out="..."/>`` included. A ``<t>`` prints
    no tag, so its style is lost anyway; but Odoo refuses a placeholder with
    any other attribute to a marketer who is not a mail template editor."""

    def keep_directives(match):
        attributes = "".join(
            attribute.group(0)
            for attribute in ATTRIBUTE.finditer(match.group(1) or "")
            if attribute.group(1).startswith("t-")
        )
        return f"<t{attributes}{match.group(2).strip()}>"

    cleaned = T_TAG.sub(keep_directives, str(body))
    return Markup(cleaned) if isinstance(body, Markup) else cleaned


# pylint: disable=consider-merging-classes-inherited
# One file per concern.
class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._retail_strip_placeholder_styles(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._retail_strip_placeholder_styles(vals)
        return super().write(vals)

    @api.model
    def _retail_strip_placeholder_styles(self, vals):
        if vals.get("body_html"):
            vals["body_html"] = strip_placeholder_styles(vals["body_html"])
