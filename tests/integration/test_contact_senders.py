# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every method of the retail modules that sends an email or an SMS to a
customer filters its recipients with ``res.partner._retail_can_contact``
(consent, an address or number, not blacklisted, neither archived nor
anonymised), or is listed in ``EXEMPT`` with the reason.

The source of every module under ``addons/`` (tests left out) is read, and a
method sends when it calls a mail template's ``send_mail`` /
``send_mail_batch``, ``_message_sms``, ``message_notify``, Odoo's loyalty
communications, creates ``mail.mail`` / ``sms.sms`` records, opens the mail or
SMS composer, or posts a message to partners (``message_post`` with
``partner_ids``, a comment or ``mail.mt_comment``)."""

import ast
import unittest
from pathlib import Path

from odoo.tests import tagged

ADDONS = Path(__file__).resolve().parents[2] / "addons"

SENDING_CALLS = {
    "send_mail",
    "send_mail_batch",
    "_message_sms",
    "_message_sms_schedule_mass",
    "_message_sms_with_template",
    "message_notify",
    "_send_points_reach_communication",
    "_send_creation_communication",
}
SENDING_MODELS = {"mail.mail", "sms.sms", "mail.compose.message", "sms.composer"}
RULE = {"_retail_can_contact", "_retail_contact_domain"}

# (file under addons/, method): why it does not go through the rule
EXEMPT = {
    (
        "retail_gift_registry/models/retail_gift_registry_statement.py",
        "action_send_statement",
    ): "transactional: the statement of the owners' own list, sent by staff at "
    "their request through the mail composer, which they read before sending",
    (
        "retail_card/models/loyalty_card_ledger_write.py",
        "_retail_send_reach_communications",
    ): "the ledger engine's step that calls Odoo's 'when reaching' emails as a "
    "write of points does; retail_loyalty's override of "
    "_send_points_reach_communication filters the cards of retail ledger programs "
    "with _retail_can_contact, the other programs keep Odoo's behaviour",
    (
        "retail_pickup/models/retail_pickup_notify_mixin.py",
        "_retail_pickup_post",
    ): "service message about what the customer left to collect: their own "
    "reservation (ready, reminder) or, through retail_aftersales_pickup, their "
    "finished service (ready); it needs no marketing consent; its only caller, "
    "_retail_pickup_send, skips anonymised customers before any channel "
    "(retail_pickup's test_anonymised_customer_gets_nothing, "
    "retail_aftersales_pickup's test_anonymised_customer_gets_nothing)",
}


def _is_sending(node):
    """Whether the AST ``node`` sends (see the module's docstring)."""
    if isinstance(node, ast.Attribute) and node.attr in SENDING_CALLS:
        return True
    if isinstance(node, ast.Constant) and node.value in SENDING_MODELS:
        return True
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "message_post"
    ):
        for keyword in node.keywords:
            if keyword.arg == "partner_ids":
                return True
            value = getattr(keyword.value, "value", None)
            if keyword.arg == "message_type" and value == "comment":
                return True
            if keyword.arg == "subtype_xmlid" and value == "mail.mt_comment":
                return True
    return False


def sending_methods():
    """{(file, method): calls the rule} of the methods that send."""
    found = {}
    for path in sorted(ADDONS.glob("*/**/*.py")):
        relative = path.relative_to(ADDONS)
        if "tests" in relative.parts or "migrations" in relative.parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            nodes = list(ast.walk(function))
            if any(_is_sending(node) for node in nodes):
                found[(relative.as_posix(), function.name)] = any(
                    isinstance(node, ast.Attribute) and node.attr in RULE
                    for node in nodes
                )
    return found


@tagged("post_install", "-at_install", "retail_security")
class TestContactSenders(unittest.TestCase):
    def test_every_sender_applies_the_contact_rule(self):
        found = sending_methods()
        # the scan sees the senders it must see
        self.assertIn(
            ("retail_loyalty/models/loyalty_card.py", "_retail_send_notices"), found
        )
        missing = sorted(
            sender
            for sender, applies in found.items()
            if not applies and sender not in EXEMPT
        )
        self.assertFalse(
            missing,
            "these methods send emails or SMS without res.partner."
            "_retail_can_contact; filter the recipients with it, or list the "
            f"method in EXEMPT with the reason: {missing}",
        )

    def test_exemptions_are_current(self):
        found = sending_methods()
        stale = sorted(sender for sender in EXEMPT if sender not in found)
        self.assertFalse(stale, f"exempt methods that no longer send: {stale}")
        for sender, reason in EXEMPT.items():
            self.assertTrue(reason.strip(), f"{sender} needs a reason")

    def test_the_scan_finds_a_new_sender(self):
        source = (
            "class X:\n"
            "    def notify(self):\n"
            "        self.env['sms.sms'].create({})\n"
            "    def post(self, partner):\n"
            "        self.message_post(body='x', partner_ids=partner.ids)\n"
            "    def note(self):\n"
            "        self.message_post(body='internal note')\n"
            "    def mail(self, template):\n"
            "        template.send_mail(self.id)\n"
            "    def allowed(self, template):\n"
            "        partners = self.partner_id._retail_can_contact('email')\n"
            "        template.send_mail_batch(partners.ids)\n"
        )
        functions = {
            node.name: any(_is_sending(n) for n in ast.walk(node))
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef)
        }
        self.assertEqual(
            functions,
            {
                "notify": True,
                "post": True,
                "note": False,
                "mail": True,
                "allowed": True,
            },
        )
