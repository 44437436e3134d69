# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Card numbers and PINs: the generated number, the PIN given once and kept as
a keyed hash, and its throttled check."""

import hashlib
import hmac
import secrets

from odoo import api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

SECRET_MAX_LENGTH = 64


def _keyed_hash(key, card_id, secret):
    """HMAC-SHA256 of a card id and its secret (hexadecimal)."""
    return hmac.new(key, f"{card_id}:{secret}".encode(), hashlib.sha256).hexdigest()


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    @api.model
    def _generate_code(self):
        """Card codes with 64 random bits (``secrets``), barcode friendly.

        Format: ``044-xxxx-xxxx-xxxx-xxxx`` (23 characters): the native "044"
        prefix, which POS barcode nomenclatures read as a coupon or gift card, then
        16 lowercase hexadecimal digits in groups of four. The native code has 32
        random bits, so that a chain's millions of cards collide (birthday bound
        near 77,000 codes); 64 bits keep the odds of one collision among ten
        million cards below three in a million, and the unique constraint catches
        it.
        """
        return "044-" + secrets.token_bytes(8).hex("-", 2)

    def _retail_set_secret(self):
        """Give each card a fresh 6-digit PIN and store only its keyed hash.

        :return: {card id: PIN in clear}, the only time the PIN exists in clear
            (to print it on the card or the receipt)
        """
        if not self:
            return {}
        self.check_access("read")
        key = self._retail_secret_key()
        pins = {card_id: f"{secrets.randbelow(10**6):06d}" for card_id in self.ids}
        hashes = {
            card_id: _keyed_hash(key, card_id, pin) for card_id, pin in pins.items()
        }
        self.flush_recordset(["retail_secret_hash", "retail_has_secret"])
        # One statement for both columns (the stored flag is set here rather than
        # recomputed card by card: generation gives PINs to 100,000 cards at once).
        self.env.cr.execute(
            SQL(
                """
                UPDATE loyalty_card AS card
                   SET retail_secret_hash = new.hash, retail_has_secret = TRUE,
                       write_uid = %s, write_date = %s
                  FROM unnest(%s::int[], %s::varchar[]) AS new(id, hash)
                 WHERE card.id = new.id
                """,
                self.env.uid,
                self.env.cr.now(),
                list(hashes),
                list(hashes.values()),
            )
        )
        self.invalidate_recordset(
            ["retail_secret_hash", "retail_has_secret", "write_uid", "write_date"]
        )
        return pins

    def _retail_check_secret(self, secret, config_id=False):
        """Check the PIN of one card; raise a UserError when it does not match.

        A card without a PIN passes. A wrong PIN is a failed lookup: it is logged
        and counts toward the throttle of the user, the till and the card (wrong
        PINs on one card from several users or tills lock its PIN checks for
        the window).
        """
        self.ensure_one()
        self.check_access("read")
        # sudo: the hash is readable by the superuser only; the user may read
        # the card (checked above) and gets only whether the PIN matches
        stored = self.sudo().retail_secret_hash
        if not stored:
            return True
        if not isinstance(secret, str) or len(secret) > SECRET_MAX_LENGTH:
            raise ValidationError(
                self.env._(
                    "The PIN must be text of at most %(max)s characters.",
                    max=SECRET_MAX_LENGTH,
                )
            )
        config_id = self._retail_lookup_config_id(config_id)
        self._retail_check_throttle("pin", config_id, card_id=self.id)
        if not hmac.compare_digest(
            self._retail_hash_secret("".join(secret.split())), stored
        ):
            self._retail_log_failed_lookup("pin", self.code, config_id, card_id=self.id)
            raise UserError(self.env._("Wrong PIN for this card."))
        return True

    def _retail_hash_secret(self, secret):
        """HMAC-SHA256 of the card id and the secret, keyed by the database
        secret: a copy of the table alone does not give the PINs away."""
        self.ensure_one()
        return _keyed_hash(self._retail_secret_key(), self.id, secret)

    @api.model
    def _retail_secret_key(self):
        # sudo: the database secret keys the PIN hashes; it is never returned
        key = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        if not key:
            raise UserError(self.env._("This database has no secret to key PINs."))
        return key.encode()
