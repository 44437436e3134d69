# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import consteq, hmac

from .retail_giftcard_series import luhn_valid

SPEND_TOKEN_SCOPE = "retail_giftcard.spend"
# Seconds a PIN check lets the till spend the card on the order it was made for.
SPEND_TOKEN_VALIDITY = 4 * 3600


class LoyaltyCard(models.Model):
    """Finding a gift card from the till: the number and its check digit, the
    barcode with the PIN, the store's acceptance and the spend token of a PIN check."""

    _inherit = "loyalty.card"

    @api.model
    def retail_giftcard_check(
        self, number, config_id=False, secret=None, order_uuid=None
    ):
        """Gift card lookup from the till or the back office, through the
        throttled and logged ``retail_lookup`` of retail_card: the card's state
        and balance, never its owner's personal data.

        ``secret=None`` is a balance check. With the card's PIN (or for a card
        without PIN) the answer also carries a ``spend_token``, bound to the card
        the till and the order ``order_uuid`` (a short while), that the till
        sends back with that order's payment by this card. Without an order,
        no token.
        """
        if not self.env.user.has_group("retail_card.group_card_cashier"):
            raise AccessError(self.env._("Only cashiers may look gift cards up."))
        if secret is None:
            number, secret = self._retail_giftcard_split_barcode(number)
        number = self._retail_giftcard_clean_number(number)
        config = self.env["pos.config"].browse(self._retail_record_id(config_id))
        # Cards of another company of the group are found too (sudo keeps the
        # user for the throttle); the series says whether this store accepts them.
        values = self.sudo().retail_lookup(
            number, config_id=config.id, secret=secret, program_types=["gift_card"]
        )
        card = self.sudo().browse(values["id"])
        if not card.retail_series_id:
            raise UserError(
                self.env._("%(number)s is not a gift card of a series.", number=number)
            )
        card._retail_giftcard_check_accepted(config)
        values = dict(card._retail_lookup_values(), spend_token=False)
        if (
            isinstance(order_uuid, str)
            and order_uuid
            and (secret is not None or not card.retail_has_secret)
        ):
            values["spend_token"] = card._retail_spend_token(config, order_uuid)
        return values

    def _retail_lookup_values(self):
        values = super()._retail_lookup_values()
        if self.retail_series_id:
            series = self.retail_series_id
            values.update(
                state=self.retail_state,
                state_label=self._retail_state_label(),
                series=series.name,
                product_id=series.product_id.id,
                product_tmpl_id=series.product_id.product_tmpl_id.id,
                face_value=self.retail_face_value,
                shortfall=self.retail_giftcard_shortfall,
                min_load=series.min_load,
                max_load=series.max_load,
                max_balance=series.max_balance,
                voucher_single=series._is_spv(),
                voucher_tax=series.tax_id.name or "",
                voucher_tax_rate=series.tax_id.amount if series._is_spv() else 0.0,
            )
        return values

    @api.model
    def _retail_giftcard_split_barcode(self, scanned):
        """A card's barcode holds its number followed by its 6-digit PIN: split
        it; anything else is a number typed without PIN."""
        if not isinstance(scanned, str):
            return scanned, None
        scanned = "".join(scanned.split())
        number, pin = scanned[:-6], scanned[-6:]
        if (
            len(scanned) > 14
            and scanned.isdigit()
            and luhn_valid(number)
            and self.env["retail.giftcard.series"]
            .sudo()
            .search_count(
                [("number_length", "=", len(number)), ("use_barcode", "=", True)],
                limit=1,
            )
            and not self.sudo().search_count([("code", "=", scanned)], limit=1)
        ):
            return number, pin
        return scanned, None

    def _retail_giftcard_barcode(self, pin):
        """What the card's barcode holds: number and PIN (the PIN spends)."""
        self.ensure_one()
        return f"{self.code}{pin}" if self.retail_series_id.use_barcode else ""

    @api.model
    def _retail_giftcard_clean_number(self, number):
        """The number without spaces, its Luhn check digit verified."""
        number = "".join(number.split()) if isinstance(number, str) else ""
        if not number:
            raise UserError(self.env._("Type or scan the gift card number."))
        if not luhn_valid(number):
            raise UserError(
                self.env._(
                    "%(number)s is not a gift card number: its check digit is wrong. "
                    "Check the number.",
                    number=number,
                )
            )
        return number

    @api.model
    def _retail_giftcard_find(self, number, config=None, company=None):
        """The gift card of a series with this number, accepted by the store
        (server side: order sync). Bad numbers get the cashier's reason."""
        number = self._retail_giftcard_clean_number(number)
        card = (
            self.sudo()
            .with_context(active_test=False)
            .search([("code", "=", number), ("retail_series_id", "!=", False)], limit=1)
        )
        if not card:
            raise UserError(
                self.env._("No gift card has the number %(number)s.", number=number)
            )
        card._retail_giftcard_check_accepted(config, company)
        return card

    def _retail_giftcard_check_accepted(self, config=None, company=None):
        self.ensure_one()
        config = config or self.env["pos.config"]
        company = company or config.company_id or self.env.company
        if not self.retail_series_id._accepts(company, config or None):
            raise UserError(
                self.env._(
                    "Gift card %(number)s is not accepted in this store.",
                    number=self.code,
                )
            )

    def _retail_spend_token(self, config=None, order_uuid=None, expiry=None):
        """Proof that the card was checked with its PIN at ``config`` for the
        order ``order_uuid``, valid until ``expiry`` (a POSIX time; default: in
        SPEND_TOKEN_VALIDITY seconds): ``<expiry>.<signature>``."""
        self.ensure_one()
        if expiry is None:
            expiry = int(fields.Datetime.now().timestamp()) + SPEND_TOKEN_VALIDITY
        message = json.dumps(
            [self.id, config.id if config else 0, order_uuid or "", int(expiry)]
        )
        signature = hmac(self.env(su=True), SPEND_TOKEN_SCOPE, message)
        return f"{int(expiry)}.{signature}"

    def _retail_check_spend_token(self, token, config=None, order_uuid=None):
        self.ensure_one()
        expiry, _dot, _signature = (token if isinstance(token, str) else "").partition(
            "."
        )
        valid = expiry.isascii() and expiry.isdigit() and len(expiry) < 12
        if valid:
            expected = self._retail_spend_token(config, order_uuid, int(expiry))
            valid = consteq(token, expected)
        if not valid:
            raise UserError(
                self.env._(
                    "Gift card %(code)s was not checked with its PIN at this till "
                    "for this order: scan or type it again.",
                    code=self.code,
                )
            )
        if int(expiry) < fields.Datetime.now().timestamp():
            raise UserError(
                self.env._(
                    "The PIN check of gift card %(code)s is too old: scan or type "
                    "the card again.",
                    code=self.code,
                )
            )
