# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# Key of the request's cursor cache that holds the numbers of the cards the
# refunds synced in this request credited, by payment id.
CREDITED_CODES = "retail_aftersales_giftcard.credited_codes"


class PosOrder(models.Model):
    _inherit = "pos.order"

    @api.model
    def sync_from_ui(self, orders):
        """The till prints the number of the card a refund credited: the answer
        of the sync that credited it carries it (once; it is never read back)."""
        result = super().sync_from_ui(orders)
        codes = self.env.cr.cache.pop(CREDITED_CODES, None) or {}
        for values in result.get("pos.payment", []) if codes else []:
            if values.get("id") in codes:
                values["retail_credit_card_code"] = codes[values["id"]]
        return result

    def _retail_giftcard_payment_card(self, payment):
        if not payment.retail_credit_new_card:
            return super()._retail_giftcard_payment_card(payment)
        return self._retail_credit_new_card(payment)

    def _retail_giftcard_credit(self, card, payment, source):
        credit = super()._retail_giftcard_credit(card, payment, source)
        self._retail_credited_codes()[payment.id] = card.code
        return credit

    def _retail_credited_codes(self):
        """{payment id: card number} of the refunds credited in this request,
        forgotten when its transaction is rolled back."""
        cr = self.env.cr
        if CREDITED_CODES not in cr.cache:
            cr.cache[CREDITED_CODES] = {}
            cr.postrollback.add(lambda: cr.cache.pop(CREDITED_CODES, None))
        return cr.cache[CREDITED_CODES]

    def _retail_giftcard_payment_movements(self):
        """Gift card movements, plus the credits of the refund's payments by an
        eWallet store credit method: credits of the customer's eWallet."""
        redemptions, credits, offline = super()._retail_giftcard_payment_movements()
        for payment in self.payment_ids.filtered(
            "payment_method_id.retail_credit_ewallet_program_id"
        ):
            card = self._retail_credit_ewallet(payment)
            self._retail_giftcard_check_currency(card)
            source = self._retail_giftcard_source("payment", payment)
            # sudo: the server's link of the payment to the eWallet it credits; a
            # till's order arrives paid, whose payments users cannot write
            payment.sudo().retail_giftcard_id = card
            credits.append(self._retail_giftcard_credit(card, payment, source))
        return redemptions, credits, offline

    def _retail_giftcard_check_credits(self, credits):
        """A card that has a holder takes a refund's credit only when the holder
        is the refund's customer, or when it paid the refunded order. eWallets
        are checked here; gift cards by retail_giftcard."""
        # sudo: the cards that paid the orders this one refunds (server fields)
        refunded = self.lines.refunded_orderline_id.order_id
        paid_by = refunded.sudo().payment_ids.retail_giftcard_id
        customer = self.partner_id.commercial_partner_id
        for move in credits:
            card = move["card"]
            # sudo: the holder of a card this refund credits, to compare it
            holder = card.sudo().partner_id.commercial_partner_id
            if holder and holder != customer and card not in paid_by:
                raise UserError(
                    self.env._(
                        "Gift card %(code)s belongs to another customer: a refund "
                        "credits a card of its own customer, a card without holder "
                        "or the card that paid the refunded order.",
                        code=card.code,
                    )
                )
        ewallets = [
            move
            for move in credits
            # sudo: the program type of a card this refund credits
            if move["card"].sudo().program_id.program_type == "ewallet"
        ]
        self._retail_credit_check_ewallets(ewallets)
        return super()._retail_giftcard_check_credits(
            [move for move in credits if move not in ewallets]
        )

    # ------------------------------------------------------------------
    # Store credit on an eWallet
    # ------------------------------------------------------------------

    def _retail_credited_card(self, payment):
        """The card a refund's store credit payment already credited (a
        replay), read back from the payment or its ledger row's key, so that
        a replay credits it, not a second card."""
        source = self._retail_giftcard_source("payment", payment)
        # sudo: server fields of the payment and the ledger, read by key
        return payment.sudo().retail_giftcard_id or (
            self.env["loyalty.history"]
            .sudo()
            .search([("retail_idempotency_key", "=", source["key"])], limit=1)
            .card_id
        )

    def _retail_credit_ewallet(self, payment):
        """The eWallet a refund's payment by an eWallet store credit method pays
        out on: the one it already credited (a replay), else the customer's
        eWallet of the method's program, else a new one for the customer."""
        program = payment.payment_method_id.retail_credit_ewallet_program_id
        self._retail_credit_check_ewallet_payment(payment, program)
        card = self._retail_credited_card(payment)
        if card:
            return card
        # sudo: the eWallet of the refund's customer in the program the store's
        # method names (cashiers may not read cards); the amount is the server's
        Card = self.env["loyalty.card"].sudo()
        card = Card.search(
            [("program_id", "=", program.id), ("partner_id", "=", self.partner_id.id)],
            order="id",
            limit=1,
        )
        return card or Card.create(
            {"program_id": program.id, "partner_id": self.partner_id.id, "points": 0}
        )

    def _retail_credit_check_ewallet_payment(self, payment, program):
        """Refuse an eWallet credit the payment may not ask for, before an
        eWallet is looked up or opened."""
        # sudo: the program the store's method names, read to check it
        program = program.sudo()
        if self.currency_id.compare_amounts(payment.amount, 0.0) >= 0:
            message = self.env._(
                "%(method)s pays only a refund out as store credit on an eWallet.",
                method=payment.payment_method_id.name,
            )
        elif not self.lines.refunded_orderline_id:
            message = self.env._(
                "Store credit is paid out only by a refund of sold goods."
            )
        elif not self.partner_id:
            message = self.env._(
                "Choose the customer: store credit goes on the customer's eWallet."
            )
        elif not program.active or program.company_id != self.company_id:
            message = self.env._(
                "Store %(store)s does not credit eWallets of %(program)s.",
                store=self.config_id.name,
                program=program.name,
            )
        else:
            return
        raise UserError(message)

    def _retail_credit_check_ewallets(self, credits):
        """An eWallet credited by a refund is the refund's customer's, of this
        company, and not expired."""
        today = fields.Date.context_today(self)
        customer = self.partner_id.commercial_partner_id
        for move in credits:
            # sudo: the eWallet's holder, company and expiry, to check them
            card = move["card"].sudo()
            if (
                card.program_id.program_type != "ewallet"
                or card.company_id != self.company_id
                or card.partner_id.commercial_partner_id != customer
            ):
                raise UserError(
                    self.env._(
                        "Store credit goes only on an eWallet of the refund's "
                        "customer in this company, not on card %(code)s.",
                        code=card.code,
                    )
                )
            if card.expiration_date and card.expiration_date < today:
                raise UserError(
                    self.env._(
                        "eWallet %(code)s expired on %(date)s: it takes no store "
                        "credit.",
                        code=card.code,
                        date=card.expiration_date,
                    )
                )

    # ------------------------------------------------------------------
    # Store credit on a new card
    # ------------------------------------------------------------------

    def _retail_credit_new_card(self, payment):
        """The new gift card a refund's payment pays out on: issued once from
        the store's store credit series, for the refund's customer. The same
        payment posted again (a replay) gets the card it already credited."""
        self._retail_credit_check_new_card(payment)
        card = self._retail_credited_card(payment)
        if card:
            return card
        # sudo: the store's own series, set by its POS administrator; the
        # cashier syncs a refund of this store, whose amount the server bounds
        series = self.config_id.sudo().retail_credit_series_id
        card = self.env["loyalty.card"].sudo().browse(series._generate_cards(1))
        if self.partner_id:
            card.partner_id = self.partner_id
        return card

    def _retail_credit_check_new_card(self, payment):
        """Refuse a new card the payment may not ask for, before one is issued."""
        # sudo: the store's own setting, read to check it (cashiers may not
        # read series of a company they are not in)
        series = self.config_id.sudo().retail_credit_series_id
        if (payment.retail_giftcard_code or "").strip():
            message = self.env._(
                "A store credit payment goes either on a new gift card or on the "
                "card whose number is given, not both."
            )
        elif self.currency_id.compare_amounts(payment.amount, 0.0) >= 0:
            message = self.env._(
                "A new gift card is issued only to pay a refund out as store credit."
            )
        elif not self.lines.refunded_orderline_id:
            message = self.env._(
                "Store credit is paid out only by a refund of sold goods."
            )
        elif not series:
            message = self.env._(
                "Store %(store)s has no store credit series: credit an existing "
                "gift card or pay the refund out another way.",
                store=self.config_id.name,
            )
        elif not series.active or not series._accepts(self.company_id, self.config_id):
            message = self.env._(
                "Store %(store)s does not issue cards of series %(series)s.",
                store=self.config_id.name,
                series=series.name,
            )
        else:
            return
        raise UserError(message)
