# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import io

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

# Most cards one run may generate (a print run; larger batches in several runs).
MAX_QUANTITY = 1_000_000


class RetailGiftcardGenerate(models.TransientModel):
    _name = "retail.giftcard.generate"
    _description = "Generate Gift Cards"

    series_id = fields.Many2one(
        comodel_name="retail.giftcard.series", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="series_id.currency_id")
    quantity = fields.Integer(default=100, required=True)
    face_value = fields.Monetary(
        string="Initial Amount",
        currency_field="currency_id",
        help="Loaded when the card is sold; 0: the amount is chosen at the sale.",
    )
    expiration_date = fields.Date(
        help="Expiry of these cards; empty: the series' validity from the sale."
    )
    with_pin = fields.Boolean(
        string="PINs",
        default=True,
        help="Give each card a 6-digit PIN (stored only as a keyed hash) and "
        "download the print file: number, PIN and barcode. The PINs cannot be "
        "shown again.",
    )
    print_file = fields.Binary(readonly=True, attachment=False)
    print_filename = fields.Char(readonly=True)

    def action_generate(self):
        self.ensure_one()
        if not self.env.user.has_group("retail_card.group_card_head_office"):
            raise AccessError(self.env._("Only head office may generate gift cards."))
        if self.quantity > MAX_QUANTITY:
            raise UserError(
                self.env._("At most %(max)s cards per run.", max=f"{MAX_QUANTITY:,}")
            )
        self.series_id._check_company_user()
        # sudo: head office of the series' company, checked above
        series = self.series_id.sudo()
        cards = self.env["loyalty.card"].browse(
            series._generate_cards(
                self.quantity,
                face_value=self.face_value,
                expiration_date=self.expiration_date,
            )
        )
        if not self.with_pin:
            return self.series_id.action_view_cards()
        pins = cards.sudo()._retail_set_secret()
        self.write(
            {
                "print_file": base64.b64encode(self._print_file(cards, pins)),
                "print_filename": f"{series.name}-{cards[:1].code}.csv",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _print_file(self, cards, pins):
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow(["number", "pin", "barcode"])
        for card in cards:
            pin = pins[card.id]
            writer.writerow([card.code, pin, card._retail_giftcard_barcode(pin)])
        return output.getvalue().encode()
