# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "retail.incident.linked.mixin"]

    retail_incident_ids = fields.Many2many(
        "retail.incident",
        relation="retail_incident_account_move_rel",
        column1="move_id",
        column2="incident_id",
        string="Incidents",
        copy=False,
    )

    def _reverse_moves(self, default_values_list=None, cancel=False):
        reverses = super()._reverse_moves(
            default_values_list=default_values_list, cancel=cancel
        )
        credit_notes = reverses.filtered(
            lambda m: m.move_type == "out_refund"
            and m.reversed_entry_id.move_type == "out_invoice"
        )
        self.env["retail.incident"]._retail_raise_incident(
            "invoice_refund",
            credit_notes,
            [
                {
                    "invoice": note.reversed_entry_id.name,
                    "amount_total": note.reversed_entry_id.amount_total,
                }
                for note in credit_notes
            ],
            [
                {
                    "invoice": note.reversed_entry_id.name,
                    "amount_total": note.reversed_entry_id.amount_total
                    - note.amount_total,
                }
                for note in credit_notes
            ],
            related=[
                (
                    note.reversed_entry_id,
                    note.reversed_entry_id.line_ids.sale_line_ids.order_id,
                )
                for note in credit_notes
            ],
        )
        return reverses

    def _retail_posted_invoices(self):
        return self.filtered(
            lambda m: m.state == "posted" and m.move_type == "out_invoice"
        )

    def _retail_raise_invoice_cancel(self, invoices, new_state):
        self.env["retail.incident"]._retail_raise_incident(
            "invoice_cancel",
            invoices,
            [{"state": "posted", "amount_total": m.amount_total} for m in invoices],
            [{"state": new_state} for _m in invoices],
            related=[m.line_ids.sale_line_ids.order_id for m in invoices],
        )

    def button_draft(self):
        posted = self.browse()
        if not self.env.context.get("retail_incident_cancelling"):
            posted = self._retail_posted_invoices()
        result = super().button_draft()
        self._retail_raise_invoice_cancel(posted, "draft")
        return result

    def button_cancel(self):
        posted = self._retail_posted_invoices()
        result = super(
            AccountMove, self.with_context(retail_incident_cancelling=True)
        ).button_cancel()
        self._retail_raise_invoice_cancel(posted, "cancel")
        return result
