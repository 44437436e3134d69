# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

# The placeholders of this module (its USAGE table): usable in a mailing by
# marketers who are not mail template editors.
PLACEHOLDERS = (
    "object.retail_giftcard_balance_text",
    "object.retail_giftcard_expiry_date_text",
    "object.retail_giftcard_expiry_days",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_giftcard_expiry_date = fields.Date(
        string="Gift Card Expiry",
        compute="_compute_retail_giftcard_expiry",
        search="_search_retail_giftcard_expiry_date",
        help="Day the customer's first gift card, voucher or eWallet with a "
        "balance expires (cards of the customer, neither blocked nor expired).",
    )
    retail_giftcard_expiry_days = fields.Integer(
        string="Days Left on Gift Card",
        compute="_compute_retail_giftcard_expiry",
        search="_search_retail_giftcard_expiry_days",
        help="Days from today to the Gift Card Expiry (0: its last day is today). "
        "In a filter, 'at most 10' selects the customers holding a card with a "
        "balance that expires within 10 days of the day the filter runs; "
        "customers without such a card never match.",
    )
    retail_giftcard_balance = fields.Float(
        string="Gift Card Balance",
        compute="_compute_retail_giftcard_expiry",
        help="Balance of the card that expires first (see Gift Card Expiry), in "
        "its currency.",
    )
    retail_giftcard_balance_text = fields.Char(
        string="Gift Card Balance (text)",
        compute="_compute_retail_giftcard_expiry",
        help="Gift Card Balance as messages print it: amount and currency, in the "
        "customer's language.",
    )
    retail_giftcard_expiry_date_text = fields.Char(
        string="Gift Card Expiry (text)",
        compute="_compute_retail_giftcard_expiry",
        help="Gift Card Expiry as messages print it, in the customer's language "
        "and date format.",
    )

    @api.depends_context("allowed_company_ids")
    def _compute_retail_giftcard_expiry(self):
        today = fields.Date.today()
        first = {}
        partner_ids = [partner_id for partner_id in self._origin.ids if partner_id]
        if partner_ids:
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT DISTINCT ON (partner_id) partner_id, expiry, balance,
                           program_id
                      FROM (%s) AS cards
                     ORDER BY partner_id, expiry, balance DESC, card_id
                    """,
                    self._retail_giftcard_query(partner_ids),
                )
            )
            first = {row[0]: row[1:] for row in rows}
        Program = self.env["loyalty.program"]
        envs = {}
        formatter = self._retail_text_formatter()
        for partner in self:
            expiry, balance, program_id = first.get(
                partner._origin.id, (False, 0.0, False)
            )
            lang = partner._retail_text_lang()
            env = envs.setdefault(lang, self.with_context(lang=lang).env)
            partner.retail_giftcard_expiry_date = expiry
            partner.retail_giftcard_expiry_days = (
                max(0, (expiry - today).days) if expiry else 0
            )
            partner.retail_giftcard_balance = balance
            # sudo: the card's currency and its format, for a card counted above
            partner.retail_giftcard_balance_text = (
                Program.with_env(env)
                .sudo()
                .browse(program_id)
                ._retail_format_money(balance)
                if program_id
                else False
            )
            partner.retail_giftcard_expiry_date_text = (
                formatter.date(lang, expiry) if expiry else False
            )

    @api.model
    def _retail_giftcard_programs(self):
        """The programs whose points are money (gift cards, eWallets, and any
        program whose point name is its currency's symbol: retail_card's
        rule), of the companies the user acts in."""
        # sudo: which programs are money decides which cards count; the cards
        # themselves are read for the companies the user acts in only
        programs = (
            self.env["loyalty.program"]
            .sudo()
            .search([("company_id", "in", [*self.env.companies.ids, False])])
        )
        return programs.filtered("retail_is_money")

    @api.model
    def _retail_giftcard_query(self, partner_ids=None):
        """Rows ``(partner id, card id, expiry, balance, program id)``: the
        customers' money cards with a balance and an expiry date, neither
        blocked, expired (by state or date) nor unsold, of the companies the
        user acts in.

        :param partner_ids: the customers to read (all of them if None)
        """
        self.env["loyalty.card"].flush_model(
            [
                "partner_id",
                "points",
                "program_id",
                "company_id",
                "expiration_date",
                "retail_state",
            ]
        )
        partner_filter = SQL()
        if partner_ids is not None:
            partner_filter = SQL("AND c.partner_id = ANY(%s)", list(partner_ids))
        return SQL(
            """
            SELECT c.partner_id, c.id AS card_id, c.expiration_date AS expiry,
                   c.points AS balance, c.program_id
              FROM loyalty_card c
             WHERE c.program_id = ANY(%(programs)s)
               AND c.partner_id IS NOT NULL
               AND c.points > 0
               AND c.expiration_date >= %(today)s
               AND COALESCE(c.retail_state, 'active') = 'active'
               AND (c.company_id IS NULL OR c.company_id = ANY(%(companies)s))
               %(partner_filter)s
            """,
            programs=self._retail_giftcard_programs().ids,
            today=fields.Date.today(),
            companies=self.env.companies.ids,
            partner_filter=partner_filter,
        )

    @api.model
    def _retail_giftcard_domain(self, having, *values):
        """The customers whose cards with a balance to expire, grouped, meet
        ``having`` (SQL over ``MIN(expiry)``)."""
        return Domain(
            "id",
            "in",
            SQL(
                "SELECT partner_id FROM (%s) AS cards GROUP BY partner_id HAVING %s",
                self._retail_giftcard_query(),
                SQL(having, *values),
            ),
        )

    @api.model
    def _search_retail_giftcard_expiry_days(self, operator, value):
        return self._retail_search_expiry_days(
            "retail_giftcard_expiry_days",
            operator,
            value,
            self._retail_giftcard_domain,
            SQL("MIN(expiry) - %s::date", fields.Date.today()),
        )

    @api.model
    def _search_retail_giftcard_expiry_date(self, operator, value):
        return self._retail_search_expiry_date(
            operator, value, self._retail_giftcard_domain
        )

    @api.model
    def mail_allowed_qweb_expressions(self):
        return (*super().mail_allowed_qweb_expressions(), *PLACEHOLDERS)
