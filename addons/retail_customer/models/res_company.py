# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import contextvars

from odoo import api, fields, models
from odoo.exceptions import UserError

# Set while companies are created (in this thread only): the partner Odoo creates
# for a new company is the company itself, never a customer of the creating
# user's file.
_CREATING_COMPANIES = contextvars.ContextVar("retail_creating_companies", default=False)


@contextlib.contextmanager
def _companies_being_created():
    token = _CREATING_COMPANIES.set(True)
    try:
        yield
    finally:
        _CREATING_COMPANIES.reset(token)


def creating_companies():
    """Whether companies are being created in this thread."""
    return _CREATING_COMPANIES.get()


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_customer_file = fields.Selection(
        [("shared", "Shared with the group"), ("own", "Kept apart")],
        string="Customer File",
        default="shared",
        required=True,
        help="Shared: customers created in this company are seen by every company "
        "of the group. Kept apart (typical for franchisees): customers created here "
        "belong to this company and are invisible to the others. Switching never moves "
        "existing customers: use 'Share existing customers' for that.",
    )
    retail_default_channel_id = fields.Many2one(
        "retail.channel",
        string="Default Channel",
        help="Channel given to customers created in the back office of this company.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        with _companies_being_created():
            companies = super().create(vals_list)
        companies.filtered(
            lambda company: company.retail_customer_file == "own"
        )._retail_ensure_customer_sequence()
        return companies

    def write(self, vals):
        res = super().write(vals)
        if vals.get("retail_customer_file") == "own":
            self._retail_ensure_customer_sequence()
        return res

    def _retail_ensure_customer_sequence(self):
        """A company that keeps its own file numbers its customers with its own
        sequence (prefixed with the company id, so numbers never look alike)."""
        Sequence = self.env["ir.sequence"].sudo()
        existing = Sequence.search(
            [("code", "=", "retail.customer.number"), ("company_id", "in", self.ids)]
        ).company_id
        Sequence.create(
            [
                {
                    "name": self.env._(
                        "Customer numbers of %(company)s", company=company.name
                    ),
                    "code": "retail.customer.number",
                    "company_id": company.id,
                    "prefix": f"C{company.id}-",
                    "padding": 7,
                    "implementation": "standard",
                }
                for company in self - existing
            ]
        )

    def action_retail_share_customers(self):
        """Move the customers kept apart by this company into the shared file."""
        self.check_access("write")
        if len(self) != 1:
            raise UserError(self.env._("Share the customers of one company at a time."))
        partners = self.env["res.partner"].search(
            [("company_id", "=", self.id), ("parent_id", "=", False)]
        )
        partners.write({"company_id": False})
        return True
