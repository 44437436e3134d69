# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models

from .res_partner_consent import CONSENT_CHANNELS


def _name_of(record):
    return record.display_name if record else None


class ResPartner(models.Model):
    """The two hooks of personal data that every retail module extends: what a
    customer's personal data export holds and what an erasure writes. The
    requests themselves (erasure, export, their audit trail) are in
    retail_customer_gdpr."""

    _inherit = "res.partner"

    retail_anonymized_date = fields.Datetime(
        string="Anonymised On",
        readonly=True,
        copy=False,
        help="Set when the customer's personal data was erased on request; the "
        "customer is archived but still counts in the statistics.",
    )

    @api.model
    def _retail_anonymized_values(self):
        """Values written on anonymised partners; meant to be extended."""
        values = {
            "active": False,
            "retail_anonymized_date": fields.Datetime.now(),
            "email": False,
            "phone": False,
            "mobile": False,
            "street": False,
            "street2": False,
            "website": False,
            "function": False,
            "title": False,
            "vat": False,
            "ref": False,
            "comment": False,
            "image_1920": False,
            "card_number": False,
            "national_id": False,
            "category_id": [Command.clear()],
            "retail_consent_email": False,
            "retail_consent_sms": False,
        }
        return {name: value for name, value in values.items() if name in self._fields}

    def _retail_personal_data(self):
        """The customer's personal data, as a dict of sections (JSON-ready).

        Meant to be extended: each module adds its own sections with
        ``super()`` (retail_card adds the loyalty cards and their movements).
        """
        self.ensure_one()
        # sudo after the access checks of the caller: the export must hold
        # everything about the customer, national ID and all orders included.
        partner = self.sudo().with_context(active_test=False)
        return {
            "customer": partner._retail_personal_customer(),
            "consents": partner._retail_personal_consents(),
            "segments": partner.retail_segment_ids.mapped("name"),
            "contacts": partner._retail_personal_contacts(),
            "sale_orders": partner._retail_personal_orders("sale.order"),
            "pos_orders": partner._retail_personal_orders("pos.order"),
        }

    def _retail_personal_customer(self):
        """The customer's own fields, for ``_retail_personal_data``."""
        self.ensure_one()
        return {
            "customer_number": self.customer_number or None,
            "name": self.name,
            "email": self.email or None,
            "phone": self.phone or None,
            "mobile": self.mobile or None,
            "street": self.street or None,
            "street2": self.street2 or None,
            "zip": self.zip or None,
            "city": self.city or None,
            "state": _name_of(self.state_id),
            "country": _name_of(self.country_id),
            "lang": self.lang or None,
            "national_id": self.national_id or None,
            "vat": self.vat or None,
            "card_number": self.card_number or None,
            "customer_file": _name_of(self.company_id),
            "channel": _name_of(self.retail_channel_id),
            "created": self.create_date,
            "anonymised": self.retail_anonymized_date or None,
        }

    def _retail_personal_consents(self):
        """Each marketing consent with its date and source."""
        self.ensure_one()
        return {
            channel: {
                "given": self[f"retail_consent_{channel}"],
                "date": self[f"retail_consent_{channel}_date"] or None,
                "source": self[f"retail_consent_{channel}_source"] or None,
            }
            for channel in CONSENT_CHANNELS
        }

    def _retail_personal_contacts(self):
        """The customer's contacts and addresses."""
        self.ensure_one()
        return [
            {
                "name": child.name,
                "type": child.type,
                "email": child.email or None,
                "phone": child.phone or None,
                "street": child.street or None,
                "zip": child.zip or None,
                "city": child.city or None,
            }
            for child in self.child_ids
        ]

    def _retail_personal_orders(self, model):
        """The orders of ``model`` (sale.order or pos.order) of the customer and
        its contacts, oldest first."""
        self.ensure_one()
        # sudo: the export holds every order of the customer (see the caller)
        orders = (
            self.env[model]
            .sudo()
            .search([("partner_id", "child_of", self.id)], order="date_order")
        )
        return [
            {
                "name": order.name,
                "date": order.date_order,
                "amount_total": order.amount_total,
                "currency": order.currency_id.name,
                "state": order.state,
            }
            for order in orders
        ]
