# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount


class PosOrder(models.Model):
    _inherit = "pos.order"

    def _retail_giftcard_order_label(self):
        """The order as its card movements name it: the order's name once the
        till has named it (paid), its receipt number before (card movements of
        a till order are posted before Odoo names it)."""
        self.ensure_one()
        if self.name and self.name != "/":
            return self.name
        return self.pos_reference or self.name

    def _process_saved_order(self, draft):
        """Post the order's gift card movements in the order's own transaction,
        before it is marked paid: loads of the cards it sells, redemptions of the
        cards that pay it, refunds back onto cards. A refused movement (balance
        gone, blocked card) refuses the whole order, which the till shows."""
        if not draft and self.state != "cancel":
            self._retail_giftcard_post()
        return super()._process_saved_order(draft)

    def _retail_giftcard_post(self):
        self.ensure_one()
        loads, debits = self._retail_giftcard_line_movements()
        redemptions, credits, offline = self._retail_giftcard_payment_movements()
        if debits or credits:
            self._retail_giftcard_check_refund(debits, credits)
        self._retail_giftcard_check_spv(redemptions + offline)
        Card = self.env["loyalty.card"].sudo()
        # Refunds of card sales first: they debit what the card still holds.
        refunds = Card._retail_skip_posted(
            [{"kind": "refund", **move} for move in debits + credits]
        )
        if refunds:
            self._retail_giftcard_check_credits(
                [move for move in refunds if move["amount"] > 0]
            )
            Card._retail_post_movements(refunds)
            Card.browse(
                [move["card"].id for move in refunds if move["amount"] > 0]
            )._retail_activate()
        if redemptions:
            Card._retail_giftcard_redeem(redemptions)
        if offline:
            self._retail_giftcard_check_offline_caps(offline)
            shortfalls = Card._retail_giftcard_redeem_offline(offline)
            self._retail_giftcard_report_shortfalls(offline, shortfalls)
        if loads:
            Card._retail_giftcard_load(loads)

    # ------------------------------------------------------------------
    # Refunds: what a refund may give back onto gift cards
    # ------------------------------------------------------------------

    def _retail_giftcard_check_refund(self, debits, credits):
        """Refuse a refund that credits gift cards (or refunds card sales) beyond
        what it really refunds: every refund line must return a line sold in
        this company, no more units than are left to refund, at no more than the
        price paid (the server's amounts of the sold line, discounts included);
        the cards may be credited up to the value of those returns, less what
        the order sells (an unrelated negative line funds nothing)."""
        self.ensure_one()
        currency = self.currency_id
        # each refund line was bounded by the sale it returns when the order
        # synced (pos.order._retail_check_refund_lines of retail_customer)
        refunded = self._retail_refund_lines_value()
        credited = sum(move["amount"] for move in credits)
        if not credits:
            return
        total = self.lines._retail_amount()
        allowed = max(min(refunded, -total), 0.0)
        if currency.compare_amounts(credited, allowed) > 0:
            raise UserError(
                self.env._(
                    "This refund may give back %(allowed)s onto gift cards (what it "
                    "refunds of the orders it returns), not %(credited)s.",
                    allowed=format_amount(self.env, allowed, currency),
                    credited=format_amount(self.env, credited, currency),
                )
            )

    def _retail_giftcard_check_credits(self, credits):
        """Cards credited by a refund must be able to receive money: not blocked
        or expired, of this company (or the card that paid the refunded order),
        and within their series' maximum balance."""
        if not credits:
            return
        Card = self.env["loyalty.card"].sudo()
        cards = Card.browse({move["card"].id for move in credits})
        balances = cards._retail_lock_balances()
        refunded_orders = self.lines.refunded_orderline_id.order_id
        # sudo: the cards that paid the orders this one refunds (server fields)
        paid_by = refunded_orders.sudo().payment_ids.retail_giftcard_id
        today = fields.Date.context_today(self)
        for move in credits:
            card = move["card"]
            if card.retail_state in ("blocked", "expired") or (
                card.expiration_date and card.expiration_date < today
            ):
                card._retail_check_spendable(today)
            if card.company_id != self.company_id and card not in paid_by:
                raise UserError(
                    self.env._(
                        "Gift card %(code)s belongs to another company: a refund "
                        "may credit it only when it paid the refunded order.",
                        code=card.code,
                    )
                )
            card.retail_series_id._check_balance_limit(
                move["amount"], balances[card.id]
            )
            balances[card.id] += move["amount"]

    def _retail_giftcard_check_spv(self, redemptions):
        """Single-purpose vouchers pay only goods taxed at their VAT: what the
        vouchers of a series pay in this order is refused beyond those goods'
        total."""
        paid = {}
        for move in redemptions:
            series = move["card"].retail_series_id
            if series._is_spv():
                paid[series] = paid.get(series, 0.0) + move["amount"]
        goods = self.lines.filtered(
            lambda line: not line.product_id.retail_giftcard_product
        )
        for series, amount in paid.items():
            eligible = goods.filtered(
                lambda line, series=series: series._spv_accepts(
                    line.tax_ids_after_fiscal_position
                )
            )._retail_amount()
            if self.currency_id.compare_amounts(amount, eligible) > 0:
                raise UserError(
                    self.env._(
                        "%(series)s vouchers pay only goods with %(tax)s: this order "
                        "has %(eligible)s of them, not %(amount)s.",
                        series=series.name,
                        tax=series.tax_id.name,
                        eligible=format_amount(self.env, eligible, self.currency_id),
                        amount=format_amount(self.env, amount, self.currency_id),
                    )
                )

    def _retail_giftcard_report_shortfalls(self, offline, shortfalls):
        """Store each offline payment's shortfall on it and report them all
        through retail_card's hook (an incident for the store when
        retail_card_incidents is installed)."""
        reported = []
        for move in offline:
            amount = shortfalls.get(move["key"])
            if not amount:
                continue
            # sudo: the server's figure on a payment of an order that arrives paid
            move["payment"].sudo().retail_giftcard_shortfall = amount
            reported.append(
                {
                    "card": move["card"],
                    "amount": amount,
                    "order": self,
                    "store_id": self.config_id.id,
                    "description": self.env._(
                        "Gift card %(code)s paid %(paid)s offline in %(order)s: "
                        "%(amount)s was not on the card when the order synced.",
                        code=move["card"].code,
                        paid=format_amount(self.env, move["amount"], self.currency_id),
                        order=self._retail_giftcard_order_label(),
                        amount=format_amount(self.env, amount, self.currency_id),
                    ),
                }
            )
        if reported:
            self.env["loyalty.card"].sudo()._retail_report_shortfalls(reported)
        pin_cards = [move["card"] for move in offline if move.get("pin_card")]
        if pin_cards:
            self._retail_flag_till_issue(
                [
                    self.env._(
                        "Gift card %(code)s has a PIN and was taken offline without "
                        "it: the card was not debited.",
                        code=card.code,
                    )
                    for card in pin_cards
                ]
            )

    def _retail_giftcard_source(self, kind, record):
        """Source of a movement of this order caused by ``record`` (a line or a
        payment): the key is built from structured parts (the order's id, the
        record's uuid as the till sent it), never by joining client strings."""
        return {
            "order_model": "pos.order",
            "order_id": self.id,
            "store_id": self.config_id.id,
            "key": self.env["loyalty.card"]._retail_movement_key(
                "pos.order", self.id, kind, record.uuid or record.id
            ),
        }

    def _retail_giftcard_line_movements(self):
        """Loads (sold or reloaded cards) and debits (refunded card sales)."""
        series = (
            self.env["retail.giftcard.series"]
            .sudo()
            .search([("product_id", "in", self.lines.product_id.ids)])
        )
        lines = self.lines.filtered(lambda line: line.product_id in series.product_id)
        loads, debits = [], []
        for line in lines:
            card = self._retail_giftcard_line_card(line)
            self._retail_giftcard_check_currency(card)
            # sudo: the server's link of the line to its card; a till's order
            # arrives paid, whose lines users cannot write
            line.sudo().retail_giftcard_id = card
            amount = line._retail_amount()
            source = self._retail_giftcard_source("line", line)
            if self.currency_id.compare_amounts(amount, 0.0) > 0:
                loads.append(
                    {
                        "card": card,
                        "amount": amount,
                        "description": self.env._(
                            "Sold or reloaded in %(order)s",
                            order=self._retail_giftcard_order_label(),
                        ),
                        **source,
                    }
                )
            elif self.currency_id.compare_amounts(amount, 0.0) < 0:
                debits.append(
                    {
                        "card": card,
                        "amount": amount,
                        "description": self.env._(
                            "Card sale refunded in %(order)s",
                            order=self._retail_giftcard_order_label(),
                        ),
                        **source,
                    }
                )
        return loads, debits

    def _retail_giftcard_line_card(self, line):
        """The card a gift card product line loads or debits: the card sold by
        the line it refunds, else the card whose number the till sent, which
        must be of the line's product's series."""
        Card = self.env["loyalty.card"]
        code = (line.retail_giftcard_code or "").strip()
        sold_card = line.refunded_orderline_id.sudo().retail_giftcard_id
        if line.refunded_orderline_id:
            # a refund debits the card that line sold, whatever number is sent
            if not sold_card or (code and code != sold_card.code):
                raise UserError(
                    self.env._(
                        "Line %(line)s refunds a gift card sale: it debits the "
                        "card sold, %(code)s.",
                        line=line.full_product_name or line.product_id.display_name,
                        code=sold_card.code or "-",
                    )
                )
            card = sold_card
        elif self.currency_id.compare_amounts(line._retail_amount(), 0.0) < 0:
            # a negative card line that refunds no sale would pay a card out
            raise UserError(
                self.env._(
                    "A gift card is paid back only by refunding its sale "
                    "(line %(line)s).",
                    line=line.full_product_name or line.product_id.display_name,
                )
            )
        elif code:
            card = Card._retail_giftcard_find(code, config=self.config_id)
        else:
            raise UserError(
                self.env._(
                    "Give the number of the gift card sold on line %(line)s.",
                    line=line.full_product_name or line.product_id.display_name,
                )
            )
        if card.retail_series_id.product_id != line.product_id:
            raise UserError(
                self.env._(
                    "Gift card %(code)s belongs to series %(series)s: sell it "
                    "with the product %(product)s.",
                    code=card.code,
                    series=card.retail_series_id.name,
                    product=card.retail_series_id.product_id.display_name,
                )
            )
        return card

    def _retail_giftcard_payment_movements(self):
        """Redemptions (payments by card) and credits (refunds paid back onto a
        card)."""
        payments = self.payment_ids.filtered("payment_method_id.retail_giftcard")
        redemptions, credits, offline = [], [], []
        for payment in payments:
            card = self._retail_giftcard_payment_card(payment)
            self._retail_giftcard_check_currency(card)
            source = self._retail_giftcard_source("payment", payment)
            token = payment.retail_giftcard_token
            # sudo: the server's link of the payment to its card (the token is
            # spent); a till's order arrives paid, whose payments users cannot write
            payment.sudo().write(
                {"retail_giftcard_id": card.id, "retail_giftcard_token": False}
            )
            if self.currency_id.compare_amounts(payment.amount, 0.0) > 0:
                if payment.retail_giftcard_offline and not token:
                    # a card with a PIN is never spent without it: taken offline,
                    # it pays nothing and the whole amount is a shortfall
                    offline.append(
                        {
                            "card": card,
                            "amount": payment.amount,
                            "description": self.env._(
                                "Paid %(order)s (offline)",
                                order=self._retail_giftcard_order_label(),
                            ),
                            "payment": payment,
                            "pin_card": card.retail_has_secret,
                            **source,
                        }
                    )
                    continue
                card._retail_check_spend_token(token, self.config_id, self.uuid)
                redemptions.append(
                    {
                        "card": card,
                        "amount": payment.amount,
                        "description": self.env._(
                            "Paid %(order)s", order=self._retail_giftcard_order_label()
                        ),
                        **source,
                    }
                )
            elif self.currency_id.compare_amounts(payment.amount, 0.0) < 0:
                credits.append(self._retail_giftcard_credit(card, payment, source))
        return redemptions, credits, offline

    def _retail_giftcard_credit(self, card, payment, source):
        """The credit of ``card`` by a negative ``payment``: a refund paying
        money back onto the card (a sale may not)."""
        if not self.lines.refunded_orderline_id:
            # a sale paying a negative amount by card would load it
            # without a card sale (no limits, no PIN): refunds only
            raise UserError(
                self.env._(
                    "Gift card %(code)s can be credited only by a refund.",
                    code=card.code,
                )
            )
        return {
            "card": card,
            "amount": -payment.amount,
            "description": self.env._(
                "Refund of %(order)s", order=self._retail_giftcard_order_label()
            ),
            **source,
        }

    def _retail_giftcard_check_currency(self, card):
        """A card holds money of its company's currency: a till selling in
        another currency neither loads nor spends it."""
        if card.currency_id and card.currency_id != self.currency_id:
            raise UserError(
                self.env._(
                    "Gift card %(code)s holds %(card_currency)s: it cannot be used "
                    "in an order in %(currency)s.",
                    code=card.code,
                    card_currency=card.currency_id.name,
                    currency=self.currency_id.name,
                )
            )

    def _retail_giftcard_check_offline_caps(self, offline):
        """Offline gift card payments must stay within the store's caps, per card
        in the order and per till in the session (the till enforces them; a
        larger amount is refused here)."""
        config = self.config_id
        per_card = {}
        for move in offline:
            per_card[move["card"]] = per_card.get(move["card"], 0.0) + move["amount"]
        card_cap = config.retail_giftcard_offline_card_cap
        for card, amount in per_card.items():
            if self.currency_id.compare_amounts(amount, card_cap) > 0:
                raise UserError(
                    self.env._(
                        "Gift card %(code)s paid %(amount)s offline, above the store's "
                        "offline cap of %(cap)s per card.",
                        code=card.code,
                        amount=format_amount(self.env, amount, self.currency_id),
                        cap=format_amount(self.env, card_cap, self.currency_id),
                    )
                )
        taken = sum(
            self.session_id.order_ids.payment_ids.filtered(
                lambda payment: payment.retail_giftcard_offline
                and payment.payment_method_id.retail_giftcard
                and payment.amount > 0
            ).mapped("amount")
        )
        till_cap = config.retail_giftcard_offline_till_cap
        if self.currency_id.compare_amounts(taken, till_cap) > 0:
            raise UserError(
                self.env._(
                    "This till took %(amount)s in gift cards offline in this session, "
                    "above its offline cap of %(cap)s.",
                    amount=format_amount(self.env, taken, self.currency_id),
                    cap=format_amount(self.env, till_cap, self.currency_id),
                )
            )

    def _retail_giftcard_payment_card(self, payment):
        code = (payment.retail_giftcard_code or "").strip()
        if code:
            return self.env["loyalty.card"]._retail_giftcard_find(
                code, config=self.config_id
            )
        refunded = self.refunded_order_id.payment_ids.filtered(
            "payment_method_id.retail_giftcard"
        ).retail_giftcard_id
        if payment.amount < 0 and len(refunded) == 1:
            return refunded.sudo()
        raise UserError(
            self.env._(
                "Give the gift card number of the payment of %(amount)s.",
                amount=format_amount(self.env, payment.amount, self.currency_id),
            )
        )
