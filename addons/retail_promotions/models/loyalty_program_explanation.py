# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a promotion does and when it applies, in words: shown to the cashier and on
sale orders, and used by the server re-check of POS orders. In a file of its own,
beside loyalty_program.py (the promotion types)."""

from odoo import api, fields, models
from odoo.tools import format_amount


# pylint: disable=consider-merging-classes-inherited
# Kept apart from loyalty_program.py while another branch edits that file; to merge.
class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    retail_rule_description = fields.Char(
        string="Rule in Words",
        compute="_compute_retail_rule_description",
        help="What the basket needs and what it gets, as the cashier sees it.",
    )

    @api.depends(
        "retail_promotion_type",
        "retail_product_ids",
        "retail_buy_qty",
        "retail_pay_qty",
        "retail_min_amount",
        "retail_gift_product_id",
        "retail_discount",
        "retail_fixed_price",
    )
    def _compute_retail_rule_description(self):
        for program in self:
            program.retail_rule_description = program._retail_rule_text()

    def _retail_rule_text(self):
        self.ensure_one()
        kind = self.retail_promotion_type
        if not kind:
            return self.name
        group = ", ".join(self.retail_product_ids[:5].mapped("display_name"))
        if len(self.retail_product_ids) > 5:
            group = self.env._("%(names)s…", names=group)
        amount = format_amount(self.env, self.retail_min_amount, self.currency_id)
        texts = {
            "n_for_m": self.env._(
                "Buy %(buy)s, pay %(pay)s: the cheapest unit free (%(group)s)",
                buy=self.retail_buy_qty,
                pay=self.retail_pay_qty,
                group=group,
            ),
            "spend_gift": self.env._(
                "Spend %(amount)s on %(group)s: %(gift)s free",
                amount=amount,
                group=group,
                gift=self.retail_gift_product_id.display_name,
            ),
            "spend_discount": self.env._(
                "Spend %(amount)s on %(group)s: %(discount)s %% off them",
                amount=amount,
                group=group,
                discount=self.retail_discount,
            ),
            "spend_voucher": self.env._(
                "Spend %(amount)s on %(group)s: a voucher of %(discount)s %% for "
                "the next visit",
                amount=amount,
                group=group,
                discount=self.retail_discount,
            ),
            "gift_article": self.env._(
                "%(gift)s free with any of %(group)s",
                gift=self.retail_gift_product_id.display_name,
                group=group,
            ),
            "n_fixed_price": self.env._(
                "%(buy)s items of %(group)s for %(price)s",
                buy=self.retail_buy_qty,
                group=group,
                price=format_amount(
                    self.env, self.retail_fixed_price, self.currency_id
                ),
            ),
        }
        return texts.get(kind) or dict(
            self._fields["retail_promotion_type"]._description_selection(self.env)
        ).get(kind)

    def _retail_not_applicable_reasons(self, moment, config, company, sale=False):
        """{program: reason} for the programs of `self` that do not apply at
        `moment` (a local datetime) in the store `config` of `company` (on sale
        orders when `sale`): dates, store, company, week days and hours. The
        program being archived since is not a reason (an offline order may be
        synchronised later)."""
        reasons = {}
        day = moment.date()
        for program in self:
            if program.company_id and program.company_id != company:
                reason = self.env._("promotion of another company")
            elif sale and not program.sale_ok:
                reason = self.env._("not valid on sale orders")
            elif not sale and (
                not program.pos_ok
                or (program.pos_config_ids and config not in program.pos_config_ids)
            ):
                reason = self.env._("not valid in store %(store)s", store=config.name)
            elif (program.date_from and day < program.date_from) or (
                program.date_to and day > program.date_to
            ):
                reason = self.env._(
                    "valid from %(start)s to %(end)s",
                    start=program.date_from or "…",
                    end=program.date_to or "…",
                )
            elif not program._retail_schedule_matches(moment):
                reason = self.env._(
                    "outside its days and hours (%(schedule)s)",
                    schedule=program._retail_schedule_text(),
                )
            else:
                continue
            reasons[program] = reason
        return reasons

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + ["retail_rule_description"]
