# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime
from unittest.mock import patch

from odoo.fields import Domain
from odoo.tests import Form, freeze_time

from odoo.addons.retail_customer.tests.common import RetailCustomerCommon, no_commit
from odoo.addons.sms.tests.common import MockSMS

READY_DAY = datetime(2026, 3, 2, 10, 0)


class RetailPickupCommon(RetailCustomerCommon, MockSMS):
    """A pick-up store (hold 7 days, reminder 2 days before, release at the
    end), a storable product and customers with and without contact details.
    SMS are checked as sms.sms rows (Odoo's SMS gateway mocked: no provider is
    called), emails as mail.mail rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.store = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.store_address = cls.Partner.create(
            {
                "name": "Store Gran Via",
                "street": "Gran Via 12",
                "zip": "28013",
                "city": "Madrid",
                "country_id": cls.spain.id,
            }
        )
        cls.store.write(
            {
                "name": "Gran Via",
                "partner_id": cls.store_address.id,
                "retail_pickup_store": True,
                "retail_pickup_opening_hours": "Mon-Sat 10:00-21:00",
                "retail_pickup_hold_days": 7,
                "retail_pickup_reminder_days": 2,
                "retail_pickup_expiry_action": "release",
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Wool jacket", "is_storable": True, "list_price": 120.0}
        )
        cls.customer = cls._customer(
            "Lucia Recoge", mobile="+34 612 345 678", email="lucia@example.com"
        )

    def _reservation(self, partner=None, store=None, user=None):
        """A confirmed order to collect at ``store``, entered in the form."""
        Order = (
            self.env["sale.order"].with_user(user) if user else self.env["sale.order"]
        )
        with Form(Order) as form:
            form.partner_id = partner or self.customer
            form.retail_pickup_warehouse_id = store or self.store
            with form.order_line.new() as line:
                line.product_id = self.product
                line.product_uom_qty = 1
        order = form.save()
        order.action_confirm()
        return order

    def _make_ready(self, order, store=None):
        """Goods arrive at the store and its delivery is reserved: Ready."""
        store = store or self.store
        self.env["stock.quant"]._update_available_quantity(
            self.product, store.lot_stock_id, 1
        )
        order.picking_ids.action_assign()

    def _sms_of(self, order):
        return (
            self.env["sms.sms"]
            .sudo()
            .search(
                Domain("mail_message_id.res_id", "=", order.id)
                & Domain("mail_message_id.model", "=", "sale.order")
            )
        )

    def _mails_of(self, order):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                Domain("model", "=", "sale.order")
                & Domain("res_id", "=", order.id)
                & Domain("recipient_ids", "in", order.partner_id.ids)
            )
        )

    def _run_job(self, when):
        with (
            freeze_time(when),
            patch.object(type(self.env["ir.cron"]), "_commit_progress", no_commit),
        ):
            self.env["sale.order"]._cron_retail_pickup()
