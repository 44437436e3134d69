# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sale orders: which promotions applied and why, and credit notes that give back
the price actually paid. In a file of its own, beside sale_order.py (the engine of
the promotion types)."""

from odoo import models
from odoo.fields import Domain


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_retail_explain_promotions(self):
        """The promotions of the order explained, computed now (not on each
        read of the order)."""
        self.ensure_one()
        self.check_access("read")
        explanation = self.env["retail.promotion.explanation"].create(
            {"order_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Promotions Explained"),
            "res_model": explanation._name,
            "res_id": explanation.id,
            "view_mode": "form",
            "target": "new",
        }

    def _retail_promotion_report(self):
        """([(program, rule, lines, discount)], [(program, rule, reason)]): the
        retail promotions applied to the order, and those left out with the
        reason, checked as sale_loyalty does (dates, days and hours, rules,
        combination of exclusive promotions)."""
        self.ensure_one()
        Program = self.env["loyalty.program"]
        programs = Program.search(
            Domain.AND(
                [
                    [("retail_promotion_type", "!=", False), ("sale_ok", "=", True)],
                    Program._check_company_domain(self.company_id),
                ]
            )
        )
        reward_lines = self.order_line.filtered("reward_id")
        product_lines = self.order_line.filtered(
            lambda line: not line.reward_id and not line.display_type
        )
        applied_programs = reward_lines.reward_id.program_id & programs
        applied = []
        for program in applied_programs:
            lines = reward_lines.filtered(
                lambda line, p=program: line.reward_id.program_id == p
            )
            taken = product_lines.filtered(
                lambda line, p=program: line.product_id
                in p.retail_product_ids | p.retail_gift_product_id
            )
            applied.append(
                (
                    program,
                    program.retail_rule_description,
                    taken,
                    sum(lines.mapped("price_total")),
                )
            )
        available = programs.filtered_domain(self._get_program_domain())
        moment = self._retail_promotion_moment()
        left_out = []
        others = programs - applied_programs
        unavailable = others - available
        reasons = unavailable._retail_not_applicable_reasons(
            moment, self.env["pos.config"], self.company_id, sale=True
        )
        for program in unavailable:
            reason = reasons.get(program) or self.env._(
                "not available for this order (pricelist or usage limit)"
            )
            left_out.append((program, program.retail_rule_description, reason))
        checked = self._program_check_compute_points(available) if available else {}
        for program in others & available:
            status = checked.get(program, {})
            reason = status.get("error") or (
                self.env._("Satisfied: claim it with the Promotions button.")
                if any(status.get("points", []))
                else self.env._("The order does not reach its minimum.")
            )
            left_out.append((program, program.retail_rule_description, reason))
        return applied, left_out

    def _retail_render_promotion_explanation(self):
        """The promotions of the order explained in HTML (the
        sale_order_promotion_explanation template)."""
        self.ensure_one()
        applied, left_out = (
            self._retail_promotion_report() if self.order_line else ([], [])
        )
        values = {
            "order": self,
            "applied": [
                {
                    "program": program,
                    "rule": rule,
                    "discount": discount,
                    "lines": ", ".join(
                        f"{line.product_uom_qty:g} x {line.product_id.display_name}"
                        for line in lines
                    ),
                }
                for program, rule, lines, discount in applied
            ],
            "left_out": [
                {"program": program, "rule": rule, "reason": reason}
                for program, rule, reason in left_out
            ],
        }
        return self.env["ir.qweb"]._render(
            "retail_promotions.sale_order_promotion_explanation", values
        )

    def _create_invoices(self, grouped=False, final=False, date=None):
        moves = super()._create_invoices(grouped=grouped, final=final, date=date)
        moves.filtered(
            lambda move: move.move_type == "out_refund"
        )._retail_add_promotion_refund_lines()
        return moves
