# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.fields import Domain


class RetailIncident(models.Model):
    _inherit = "retail.incident"

    retail_card_ids = fields.Many2many(
        comodel_name="loyalty.card",
        relation="retail_incident_loyalty_card_rel",
        column1="incident_id",
        column2="card_id",
        string="Cards",
        readonly=True,
        copy=False,
        help="Cards (gift cards or loyalty cards) the incident is about.",
    )

    @api.model
    def _retail_events(self):
        return {
            **super()._retail_events(),
            "card_shortfall": {
                "label": self.env._("Offline card shortfall"),
                "origin": "store",
            },
        }

    @api.model
    def _retail_raise_card_shortfalls(self, shortfalls):
        """One incident per POS order with offline shortfalls, once (an order
        may sync twice), linked to the order, its store and the cards, with
        the amounts in its description.

        :param shortfalls: see ``loyalty.card._retail_report_shortfalls``
        :return: the incidents created
        """
        by_order = {}
        for shortfall in shortfalls:
            order = shortfall["order"]
            if order and order._name == "pos.order":
                by_order.setdefault(order.id, []).append(shortfall)
        orders = self.env["pos.order"].sudo().browse(list(by_order))
        if not orders:
            return self.browse()
        done = (
            self.sudo()
            .search(
                Domain("event_code", "=", "card_shortfall")
                & Domain("pos_order_ids", "in", orders.ids)
            )
            .pos_order_ids
        )
        orders -= done
        if not orders:
            return self.browse()
        label = self._retail_events()["card_shortfall"]["label"]
        extra, after = {}, []
        for order in orders:
            rows = by_order[order.id]
            cards = self.env["loyalty.card"].browse([row["card"].id for row in rows])
            extra[("pos.order", order.id)] = {
                "retail_card_ids": [Command.set(cards.ids)],
                "description": "\n".join(
                    [self.env._("%(event)s: %(order)s", event=label, order=order.name)]
                    + [
                        self.env._(
                            "%(code)s: %(amount)s not covered. %(description)s",
                            code=row["card"].code,
                            amount=row["card"]._format_points(row["amount"]).strip(),
                            description=row.get("description") or "",
                        ).strip()
                        for row in rows
                    ]
                ),
            }
            after.append({row["card"].code: row["amount"] for row in rows})
        return self.with_context(
            retail_card_incident_values=extra
        )._retail_raise_incident(
            "card_shortfall", orders, [{} for _order in orders], after
        )
