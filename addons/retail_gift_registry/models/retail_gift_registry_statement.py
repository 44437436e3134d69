# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class RetailGiftRegistry(models.Model):
    _inherit = "retail.gift.registry"

    def _statement_purchases(self):
        """What was bought and given for the list, by guest then date (refunds
        included, as negative lines): the rows of the statement."""
        self.ensure_one()
        # the purchases view reads the order lines from the database: flush
        # them and search it afresh (not the list's cached one2many)
        self.env.flush_all()
        purchases = self.env["retail.gift.registry.purchase"].search(
            [("registry_id", "=", self.id)]
        )
        return purchases.sorted(
            lambda p: ((p.guest_name or p.partner_id.name or "").lower(), p.date, p.id)
        )

    def action_send_statement(self):
        """The mail composer with the statement template (PDF attached),
        addressed to the owners, as native documents send theirs.

        Not filtered by ``res.partner._retail_can_contact``: the statement is
        a transactional message, the account of the owners' own list, which a
        staff member sends at their request and reads before sending; marketing
        consent does not apply to it."""
        self.ensure_one()
        template = self.env.ref(
            "retail_gift_registry.mail_template_gift_registry_statement",
            raise_if_not_found=False,
        )
        return {
            "name": self.env._("Send the Statement"),
            "type": "ir.actions.act_window",
            "view_mode": "form",
            "res_model": "mail.compose.message",
            "views": [(False, "form")],
            "view_id": False,
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_template_id": template.id if template else False,
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "force_email": True,
            },
        }

    def action_export_thank_you(self):
        """Download the thank-you list (XLSX) of the list."""
        self.ensure_one()
        wizard = self.env["retail.gift.registry.thanks.export"].create(
            {"registry_id": self.id}
        )
        return wizard.action_export()
