# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


def _many2one_id(value):
    """The id a till sends for a many2one (an id, or a record's dict)."""
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return value


class PosOrder(models.Model):
    _inherit = "pos.order"

    @api.model
    def _process_order(self, order, existing_order):
        # Deposits and settlements of after-sales services are checked against
        # the service before anything of the order is written.
        if isinstance(order, dict):
            self._retail_check_service_lines(order)
        return super()._process_order(order, existing_order)

    @api.model
    def _retail_service_line_values(self, order):
        """The till's line values that name a sale order of a service."""
        rows = []
        for command in order.get("lines") or []:
            if not isinstance(command, (list, tuple)) or len(command) < 3:
                continue
            vals = command[2]
            if isinstance(vals, dict) and _many2one_id(
                vals.get("sale_order_origin_id")
            ):
                rows.append(vals)
        if not rows:
            return []
        # sudo: only reads which sale orders belong to services, to check the
        # till's lines against them.
        orders = (
            self.env["sale.order"]
            .sudo()
            .browse({_many2one_id(vals["sale_order_origin_id"]) for vals in rows})
            .exists()
        )
        services = orders.repair_order_ids.filtered("retail_service_type")
        by_order = {service.sale_order_id.id: service for service in services}
        return [
            (vals, by_order[_many2one_id(vals["sale_order_origin_id"])])
            for vals in rows
            if _many2one_id(vals["sale_order_origin_id"]) in by_order
        ]

    @api.model
    def _retail_check_service_lines(self, order):
        for vals, service in self._retail_service_line_values(order):
            if service.retail_stage in ("collected", "cancelled"):
                service._retail_check_collectable()
            line_id = _many2one_id(vals.get("sale_order_line_id"))
            if line_id:
                self._retail_check_settlement(vals, service, line_id)
            else:
                self._retail_check_deposit(vals, service)

    @api.model
    def _retail_check_deposit(self, vals, service):
        currency = service.company_id.currency_id
        qty, price = vals.get("qty"), vals.get("price_unit")
        if not all(isinstance(v, (int, float)) and v == v for v in (qty, price)):
            raise ValidationError(self.env._("A deposit must be an amount."))
        amount = qty * price
        if currency.compare_amounts(amount, 0) <= 0:
            raise ValidationError(
                self.env._(
                    "A deposit on service %(name)s must be a positive amount.",
                    name=service.name,
                )
            )
        if currency.compare_amounts(amount, service.sale_order_id.amount_unpaid) > 0:
            raise ValidationError(
                self.env._(
                    "The deposit on service %(name)s is more than is left to pay.",
                    name=service.name,
                )
            )

    @api.model
    def _retail_check_settlement(self, vals, service, line_id):
        so_line = service.sale_order_id.order_line.filtered(
            lambda line: line.id == line_id
        )
        if not so_line:
            raise ValidationError(
                self.env._("This line is not part of the service's order.")
            )
        if so_line == service.sale_order_line_id:
            service._retail_check_collectable()
        price = vals.get("price_unit")
        digits = self.env["decimal.precision"].precision_get("Product Price")
        if not isinstance(price, (int, float)) or float_compare(
            price, so_line.price_unit, precision_digits=digits
        ):
            raise ValidationError(
                self.env._(
                    "The price of service %(name)s is the one of its order.",
                    name=service.name,
                )
            )

    @api.model
    def sync_from_ui(self, orders):
        data = super().sync_from_ui(orders)
        pos_orders = self.browse([row["id"] for row in data.get("pos.order", [])])
        for pos_order in pos_orders.filtered(
            lambda o: o.state in ("paid", "done", "invoiced")
        ):
            pos_order._retail_collect_services()
        return data

    def _retail_collect_services(self):
        """A paid till order that settles a service's line hands it over."""
        self.ensure_one()
        so_lines = self.lines.sale_order_line_id
        if not so_lines:
            return
        # sudo: the paid order was checked line by line before it was written.
        services = (
            self.env["repair.order"]
            .sudo()
            .search(
                [
                    ("sale_order_line_id", "in", so_lines.ids),
                    ("retail_service_type", "!=", False),
                    ("retail_collected_date", "=", False),
                ]
            )
        )
        if services:
            services.with_env(self.env)._retail_collect(self)
