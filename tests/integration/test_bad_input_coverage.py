# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every method that the retail modules make callable over RPC has its
malformed-input case: the list is read from the code of the installed registry,
so that a public method added later fails this test until its case is added to
``bad_input.BAD_INPUT_CASES`` (or the till payloads of ``test_bad_pos_sync``)."""

import inspect
import logging

from odoo.exceptions import AccessError
from odoo.service.model import get_public_method
from odoo.tests import TransactionCase, tagged

from .bad_input import BAD_INPUT_CASES, GIFTCARD_HTTP_CASES, TILL_PAYLOAD_METHODS
from .test_bad_input import HTTP_CASES

_logger = logging.getLogger(__name__)

# {(model, method): "reason, naming the test that covers it"}: public methods
# with no case of their own.
EXEMPT = {
    ("res.partner", "mail_allowed_qweb_expressions"): (
        "takes no input (Odoo's placeholder editor reads it): "
        "retail_marketing_coupon's test_each_recipient_gets_their_own_code_in_"
        "the_email sends the coupon placeholder as a marketer"
    ),
}


def rpc_methods(env):
    """{(model, method): module} of every method defined by a class of a
    retail module that the RPC layer lets a client call (public name, not
    ``@api.private``), on every model of the registry that has it."""
    found = {}
    for model_name in env.registry:
        model = env[model_name]
        if model._abstract:
            continue  # no records: called on the concrete models that inherit it
        for klass in type(model).mro():
            module = klass.__module__ or ""
            if not module.startswith("odoo.addons.retail_"):
                continue
            for name, member in vars(klass).items():
                if name.startswith("_") or not (
                    inspect.isfunction(member)
                    or isinstance(member, staticmethod | classmethod)
                ):
                    continue
                try:
                    get_public_method(model, name)
                except AccessError:
                    continue  # @api.private
                found.setdefault((model_name, name), module.split(".")[2])
    return found


@tagged("post_install", "-at_install", "retail_security")
class TestBadInputCoverage(TransactionCase):
    def test_every_public_method_has_a_bad_input_case(self):
        covered = {
            (case.model, case.method)
            for case in BAD_INPUT_CASES + GIFTCARD_HTTP_CASES + HTTP_CASES
        } | set(TILL_PAYLOAD_METHODS)
        public = rpc_methods(self.env)
        missing = sorted(
            f"{model}.{method} ({module})"
            for (model, method), module in public.items()
            if (model, method) not in covered and (model, method) not in EXEMPT
        )
        _logger.info(
            "Bad input: %s public methods of the retail modules, %s with a case",
            len(public),
            len(public) - len(missing),
        )
        self.assertFalse(
            missing,
            "public methods without a bad-input case in tests/integration/"
            "bad_input.py (add one, or make the method private):\n"
            + "\n".join(missing),
        )

    def test_exemptions_are_current(self):
        """An exemption names a public method that still exists and has no case."""
        public = rpc_methods(self.env)
        covered = {(case.model, case.method) for case in BAD_INPUT_CASES}
        for key, reason in EXEMPT.items():
            if key[0] not in self.env:
                continue  # module not installed
            with self.subTest(method=key):
                self.assertIn(key, public, "no such public method: drop it")
                self.assertNotIn(key, covered, "it has a case: drop the exemption")
                self.assertTrue(reason.strip())
