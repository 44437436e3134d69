# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A till's payload is untrusted input: fields only the server sets are
dropped, line totals are the server's, and a paid order's figures stay as the
server posted them. Each attack beside the honest case, driven as the till
drives it (``pos.order.sync_from_ui`` as a cashier) or over RPC."""

from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class TillPayloadCommon(TestPoSCommon):
    """A till's session, a cashier and a manager; orders synced as the till
    syncs them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        cls.goods = cls.create_product("Scarf", cls.categ_basic, 10.0)
        cls.customer = cls.env["res.partner"].create({"name": "Till customer"})
        cls.cashier = new_test_user(
            cls.env,
            login="till_payload_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
            company_id=cls.company.id,
        )
        cls.manager = new_test_user(
            cls.env,
            login="till_payload_manager",
            groups="base.group_user,point_of_sale.group_pos_manager",
            company_id=cls.company.id,
        )

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _sync(self, data, user=None):
        Order = self.env["pos.order"].with_user(user or self.cashier)
        Order.sync_from_ui([data])
        # (a refund's answer also carries the order it refunds)
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def _forged_total(self, lines, amount):
        """The till's payload of ``lines`` whose order total and payment say
        ``amount``, as a forged till sends it."""
        data = self.create_ui_order_data(lines, customer=self.customer)
        data["amount_total"] = amount
        data["payment_ids"][0][2]["amount"] = amount
        data["amount_paid"] = amount
        return data

    def _refund_data(self, sold_line, qty=1, price=None):
        price = sold_line.price_unit if price is None else price
        return self.create_ui_order_data(
            [
                {
                    "product": self.goods,
                    "quantity": -qty,
                    "price_unit": price,
                    "price_subtotal": -qty * price,
                    "price_subtotal_incl": -qty * price,
                    "refunded_orderline_id": sold_line.id,
                }
            ],
            payments=[(self.cash_pm1, -qty * price)],
            pos_order_ui_args={"is_refund": True},
        )


@tagged("post_install", "-at_install", "retail_security")
class TestTillPayload(TillPayloadCommon):
    def test_honest_order_is_not_flagged(self):
        order = self._sync(self.create_ui_order_data([(self.goods, 3)]))
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.retail_sync_flagged)
        self.assertAlmostEqual(order.lines.price_subtotal_incl, 30.0)

    def test_forged_line_total_is_replaced_and_flagged(self):
        data = self.create_ui_order_data([(self.goods, 1)], customer=self.customer)
        line = data["lines"][0][2]
        line.update(price_subtotal=500.0, price_subtotal_incl=500.0)
        order = self._sync(data)
        self.assertEqual(order.state, "paid", "a paid order still lands")
        self.assertAlmostEqual(order.lines.price_subtotal_incl, 10.0)
        self.assertAlmostEqual(order.lines.price_subtotal, 10.0)
        self.assertTrue(order.retail_sync_flagged)
        self.assertIn("500", order.retail_sync_issue)

    def test_sign_and_rounding_of_the_till_are_not_flagged(self):
        """A line signed against Odoo's convention and a cent of global tax
        rounding are corrected without a flag."""
        data = self.create_ui_order_data([(self.goods, 1), (self.goods, 2)])
        data["lines"][0][2].update(price_subtotal=-10.0, price_subtotal_incl=-10.0)
        data["lines"][1][2].update(price_subtotal=20.01, price_subtotal_incl=20.01)
        order = self._sync(data)
        self.assertFalse(order.retail_sync_flagged)
        self.assertEqual(
            order.lines.mapped("price_subtotal_incl"), [10.0, 20.0], "server's kept"
        )

    def test_forged_order_total_is_flagged(self):
        order = self._sync(self._forged_total([(self.goods, 2)], 2000.0))
        self.assertTrue(order.retail_sync_flagged)
        self.assertAlmostEqual(order._retail_server_total(), 20.0)

    def test_server_only_fields_are_dropped(self):
        data = self.create_ui_order_data([(self.goods, 1)], customer=self.customer)
        data.update(retail_sync_flagged=True, retail_sync_issue="nothing to see")
        order = self._sync(data)
        self.assertFalse(order.retail_sync_flagged)
        self.assertFalse(order.retail_sync_issue)

    def test_allow_list_keeps_only_listed_retail_fields(self):
        Order = self.env["pos.order"]
        vals = {"retail_sync_flagged": True, "note": "kept", "unknown": 1}
        dropped = Order._retail_drop_server_fields(vals)
        self.assertEqual(dropped, {"retail_sync_flagged": True})
        self.assertEqual(vals, {"note": "kept", "unknown": 1})

    def test_paid_order_figures_frozen_for_users(self):
        order = self._sync(self.create_ui_order_data([(self.goods, 1)]))
        line, payment = order.lines, order.payment_ids
        for model, record, vals in (
            ("pos.order.line", line, {"price_subtotal_incl": 900.0}),
            ("pos.order.line", line, {"qty": 90}),
            ("pos.payment", payment, {"amount": 900.0}),
            ("pos.order", order, {"amount_total": 900.0}),
        ):
            with self.subTest(model=model, vals=vals), self.assertRaises(UserError):
                call_kw(
                    self.env[model].with_user(self.manager),
                    "write",
                    [record.ids, vals],
                    {},
                )
        self.assertAlmostEqual(line.price_subtotal_incl, 10.0)
        self.assertAlmostEqual(payment.amount, 10.0)
        # a harmless field stays editable
        order.with_user(self.manager).write({"general_customer_note": "gift"})

    def test_flag_cleared_by_manager_with_reason_only(self):
        data = self.create_ui_order_data([(self.goods, 1)])
        data["lines"][0][2]["price_subtotal_incl"] = 99.0
        order = self._sync(data)
        self.assertTrue(order.retail_sync_flagged)
        with self.assertRaises(AccessError):
            order.with_user(self.cashier).write({"retail_sync_flagged": False})
        with self.assertRaises(AccessError):
            order.with_user(self.cashier).action_retail_clear_till_flag("fine")
        with self.assertRaises(UserError):
            order.with_user(self.manager).action_retail_clear_till_flag("  ")
        order.with_user(self.manager).action_retail_clear_till_flag("Checked")
        self.assertFalse(order.retail_sync_flagged)
        self.assertIn("Checked", order.message_ids[:1].body)

    def test_refund_as_the_till_sends_it(self):
        """Odoo's till stores a refund order's line totals with the order's
        sign (two returned units of 10: +20 on the line, -20 on the order), and
        its reports read them so. The server keeps that convention, flags
        nothing, and every retail figure reads the units returned as negative."""
        sale = self._sync(
            self.create_ui_order_data([(self.goods, 3)], customer=self.customer)
        )
        # a refund signed like its units (as Odoo's test helpers send it) is
        # stored in Odoo's convention without a flag
        first_data = self._refund_data(sale.lines, qty=1)
        first_data["partner_id"] = self.customer.id
        first = self._sync(first_data)
        self.assertFalse(first.retail_sync_flagged)
        self.assertAlmostEqual(first.lines.price_subtotal_incl, 10.0)
        data = self._refund_data(sale.lines, qty=2)
        data["partner_id"] = self.customer.id
        data["lines"][0][2].update(price_subtotal=20.0, price_subtotal_incl=20.0)
        refund = self._sync(data)
        self.assertEqual(refund.state, "paid")
        self.assertFalse(refund.retail_sync_flagged, refund.retail_sync_issue)
        self.assertAlmostEqual(refund.amount_total, -20.0)
        self.assertAlmostEqual(refund.lines.price_subtotal, 20.0, "Odoo's convention")
        self.assertAlmostEqual(refund.lines._retail_amount(), -20.0)
        self.assertAlmostEqual(refund._retail_refund_lines_value(), 20.0)
        # Odoo's own sales analysis: the refund's margin is negative
        refund.session_id.action_pos_session_closing_control()
        report = (
            self.env["report.pos.order"]
            .sudo()
            .search([("order_id", "in", (sale | refund).ids)])
        )
        margins = {row.order_id: row.margin for row in report}
        self.assertAlmostEqual(margins[sale], 30.0)
        self.assertAlmostEqual(margins[refund], -20.0)

    def test_cash_refund_bounded_by_the_sale(self):
        sale = self._sync(self.create_ui_order_data([(self.goods, 2)]))
        line = sale.lines
        # at 400 instead of the 10 paid: refused, nothing written
        with (
            self.assertRaisesRegex(UserError, "10.00 was paid"),
            self.env.cr.savepoint(),
        ):
            self._sync(self._refund_data(line, price=400.0))
        # more units than sold: refused
        with (
            self.assertRaisesRegex(UserError, "left to refund"),
            self.env.cr.savepoint(),
        ):
            self._sync(self._refund_data(line, qty=3))
        # the honest refund of one unit, then of the other, then none left
        first = self._sync(self._refund_data(line))
        self.assertEqual(first.state, "paid")
        self.assertAlmostEqual(first.amount_total, -10.0)
        self._sync(self._refund_data(line))
        with (
            self.assertRaisesRegex(UserError, "left to refund"),
            self.env.cr.savepoint(),
        ):
            self._sync(self._refund_data(line))
        self.assertEqual(
            self.env["pos.order"].search_count(
                [("lines.refunded_orderline_id", "=", line.id)]
            ),
            2,
        )
