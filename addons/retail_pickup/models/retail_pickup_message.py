# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

KINDS = [
    ("ready", "Ready for pick-up"),
    ("manual", "Sent by hand"),
    ("reminder", "Reminder"),
    ("call", "Customer called"),
]
CHANNELS = [("sms", "SMS"), ("email", "Email"), ("phone", "Phone call")]
SOURCES = [
    ("system", "Automatic"),
    ("back_office", "Back office"),
    ("till", "Till"),
]


class RetailPickupMessage(models.Model):
    """One message given to a customer about what waits for them at a store (a
    reservation; a finished service with retail_aftersales_pickup): who sent
    it, from where, on which channel, and its text. Written by the system
    only."""

    _name = "retail.pickup.message"
    _description = "Pick-up Message"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    order_id = fields.Many2one(
        "sale.order",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    warehouse_id = fields.Many2one(
        "stock.warehouse", string="Pick-up Store", readonly=True, check_company=True
    )
    pos_config_id = fields.Many2one(
        "pos.config", string="Till", readonly=True, check_company=True
    )
    user_id = fields.Many2one("res.users", string="Sent By", readonly=True)
    source = fields.Selection(SOURCES, string="Sent From", readonly=True)
    kind = fields.Selection(KINDS, readonly=True, required=True)
    channel = fields.Selection(CHANNELS, readonly=True, required=True)
    recipient = fields.Char(readonly=True, help="The number or address used.")
    body = fields.Text(string="Text", readonly=True)
    mail_message_id = fields.Many2one(
        "mail.message", string="Chatter Message", readonly=True, ondelete="set null"
    )

    @api.depends("order_id.company_id")
    def _compute_company_id(self):
        for message in self:
            message.company_id = message.order_id.company_id
