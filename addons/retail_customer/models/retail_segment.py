# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

_logger = logging.getLogger(__name__)


class RetailSegment(models.Model):
    _name = "retail.segment"
    _description = "Customer Segment"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to use the segment in every company of the group.",
    )
    kind = fields.Selection(
        [("manual", "Manual"), ("rule", "Rule-based")],
        required=True,
        default="manual",
        help="Manual: customers are added by hand. Rule-based: customers matching the "
        "rule, refreshed by a scheduled action.",
    )
    domain = fields.Char(string="Rule", default="[]")
    partner_ids = fields.Many2many(
        "res.partner",
        "retail_segment_partner_rel",
        "segment_id",
        "partner_id",
        string="Customers",
    )
    partner_count = fields.Integer(
        compute="_compute_partner_count", string="Number of Customers"
    )
    last_refresh = fields.Datetime(readonly=True)

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("retail_segment_ids", "in", self.ids)],
                ["retail_segment_ids"],
                ["__count"],
            )
        )
        for segment in self:
            segment.partner_count = counts.get(segment, 0)

    @api.constrains("kind", "domain")
    def _check_domain(self):
        for segment in self.filtered(lambda s: s.kind == "rule"):
            try:
                self.env["res.partner"].search_count(
                    segment._get_rule_domain(), limit=1
                )
            except Exception as exc:
                raise ValidationError(
                    self.env._(
                        "The rule of the segment %(name)s is not valid: %(error)s",
                        name=segment.name,
                        error=exc,
                    )
                ) from exc

    def _get_rule_domain(self):
        self.ensure_one()
        return safe_eval(self.domain or "[]", {"uid": self.env.uid})

    def _refresh_partners(self):
        """Make the members of rule-based segments exactly the partners matching
        their rule, in the database: two statements per segment, whatever its
        size."""
        Partner = self.env["res.partner"].with_context(active_test=True)
        self.env.flush_all()
        for segment in self.filtered(lambda s: s.kind == "rule"):
            query = Partner._search(segment._get_rule_domain())
            matching = query.select("res_partner.id")
            self.env.execute_query(
                SQL(
                    "DELETE FROM retail_segment_partner_rel WHERE segment_id = %s "
                    "AND partner_id NOT IN (%s)",
                    segment.id,
                    matching,
                )
            )
            self.env.execute_query(
                SQL(
                    "INSERT INTO retail_segment_partner_rel (segment_id, partner_id) "
                    "SELECT %s, id FROM (%s) AS m(id) ON CONFLICT DO NOTHING",
                    segment.id,
                    matching,
                )
            )
        self.filtered(lambda s: s.kind == "rule").last_refresh = fields.Datetime.now()
        self.env["res.partner"].invalidate_model(["retail_segment_ids"])
        self.invalidate_model(["partner_ids"])

    def action_refresh(self):
        # the refresh writes the members in SQL: only who may edit segments
        self.check_access("write")
        self._refresh_partners()
        return True

    @api.model
    def _cron_refresh_segments(self):
        segments = self.search([("kind", "=", "rule")])
        for done, segment in enumerate(segments, start=1):
            segment._refresh_partners()
            if not self.env["ir.cron"]._commit_progress(
                1, remaining=len(segments) - done
            ):
                break

    def action_view_customers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "retail_customer.res_partner_action_retail_customers"
        )
        action["domain"] = [("retail_segment_ids", "in", self.id)]
        return action
