# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _retail_add_promotion_refund_lines(self):
        """Credit notes of sale orders (returned or undelivered units) give back
        the price actually paid: for each promotion reward line of the order, the
        share of the credited units (sale.order.line._retail_promotion_shares) is
        added as a line of the reward's product. The lines are not linked to the
        reward line: its invoiced quantity, and so the next invoice, stay as they
        are."""
        for move in self:
            commands = [
                Command.create(
                    {
                        "product_id": reward_line.product_id.id,
                        "name": reward_line.name,
                        "quantity": 1,
                        "price_unit": amount,
                        "tax_ids": [Command.set(reward_line.tax_ids.ids)],
                    }
                )
                for reward_line, amount in move._retail_promotion_refunds().items()
                if not move.currency_id.is_zero(amount)
            ]
            if commands:
                move.write({"invoice_line_ids": commands})

    def _retail_promotion_refunds(self):
        """{reward sale line: amount} of this credit note. After r of q units of a
        line, round(share * r / q) has been given back, so successive partial
        credit notes add up to the whole share exactly."""
        self.ensure_one()
        credited = self.invoice_line_ids.filtered(
            lambda line: line.sale_line_ids and line.quantity > 0
        )
        earlier = credited.sale_line_ids.invoice_lines.filtered(
            lambda line: line.move_id != self
            and line.move_id.move_type == "out_refund"
            and line.parent_state != "cancel"
        )
        currency = self.currency_id
        amounts = {}
        for order in credited.sale_line_ids.order_id:
            shares = order.order_line._retail_promotion_shares()
            for invoice_line in credited.filtered(
                lambda line, o=order: line.sale_line_ids.order_id == o
            ):
                sale_line = invoice_line.sale_line_ids[:1]
                before = sum(
                    earlier.filtered(
                        lambda line, s=sale_line: s in line.sale_line_ids
                    ).mapped("quantity")
                )
                after = before + invoice_line.quantity
                quantity = sale_line.product_uom_qty
                for reward_line, line_shares in shares.items():
                    share = line_shares.get(sale_line)
                    if share is None:
                        continue
                    amounts[reward_line] = (
                        amounts.get(reward_line, 0.0)
                        + currency.round(share * after / quantity)
                        - currency.round(share * before / quantity)
                    )
        return amounts
