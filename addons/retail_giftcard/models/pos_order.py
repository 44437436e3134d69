# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import format_amount


class PosOrder(models.Model):
    _inherit = "pos.order"

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
        self._retail_giftcard_check_spv(redemptions + offline)
        Card = self.env["loyalty.card"].sudo()
        # Refunds of card sales first: they debit what the card still holds.
        if debits or credits:
            Card._retail_post_movements(
                [{"kind": "refund", **move} for move in debits + credits]
            )
        if redemptions:
            Card._retail_giftcard_redeem(redemptions)
        if offline:
            self._retail_giftcard_check_offline_caps(offline)
            shortfalls = Card._retail_giftcard_redeem_offline(offline)
            self._retail_giftcard_report_shortfalls(offline, shortfalls)
        if loads:
            Card._retail_giftcard_load(loads)

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
            eligible = sum(
                goods.filtered(
                    lambda line, series=series: series._spv_accepts(
                        line.tax_ids_after_fiscal_position
                    )
                ).mapped("price_subtotal_incl")
            )
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
            move["payment"].retail_giftcard_shortfall = amount
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
                        order=self.name,
                        amount=format_amount(self.env, amount, self.currency_id),
                    ),
                }
            )
        if reported:
            self.env["loyalty.card"].sudo()._retail_report_shortfalls(reported)

    def _retail_giftcard_source(self, key):
        return {
            "order_model": "pos.order",
            "order_id": self.id,
            "store_id": self.config_id.id,
            "key": f"pos.order:{self.uuid}:{key}",
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
        Card = self.env["loyalty.card"]
        for line in lines:
            code = (line.retail_giftcard_code or "").strip()
            if code:
                card = Card._retail_giftcard_find(code, config=self.config_id)
            elif line.refunded_orderline_id.retail_giftcard_id:
                card = line.refunded_orderline_id.retail_giftcard_id.sudo()
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
            line.retail_giftcard_id = card
            amount = line.price_subtotal_incl
            source = self._retail_giftcard_source(f"line:{line.uuid}")
            if self.currency_id.compare_amounts(amount, 0.0) > 0:
                loads.append(
                    {
                        "card": card,
                        "amount": amount,
                        "description": self.env._(
                            "Sold or reloaded in %(order)s", order=self.name
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
                            "Card sale refunded in %(order)s", order=self.name
                        ),
                        **source,
                    }
                )
        return loads, debits

    def _retail_giftcard_payment_movements(self):
        """Redemptions (payments by card) and credits (refunds paid back onto a
        card)."""
        payments = self.payment_ids.filtered("payment_method_id.retail_giftcard")
        redemptions, credits, offline = [], [], []
        for payment in payments:
            card = self._retail_giftcard_payment_card(payment)
            source = self._retail_giftcard_source(f"payment:{payment.uuid}")
            token = payment.retail_giftcard_token
            payment.write(
                {"retail_giftcard_id": card.id, "retail_giftcard_token": False}
            )
            if self.currency_id.compare_amounts(payment.amount, 0.0) > 0:
                if payment.retail_giftcard_offline and not token:
                    offline.append(
                        {
                            "card": card,
                            "amount": payment.amount,
                            "description": self.env._(
                                "Paid %(order)s (offline)", order=self.name
                            ),
                            "payment": payment,
                            **source,
                        }
                    )
                    continue
                card._retail_check_spend_token(token, self.config_id)
                redemptions.append(
                    {
                        "card": card,
                        "amount": payment.amount,
                        "description": self.env._("Paid %(order)s", order=self.name),
                        **source,
                    }
                )
            elif self.currency_id.compare_amounts(payment.amount, 0.0) < 0:
                if not self.lines.refunded_orderline_id:
                    # a sale paying a negative amount by card would load it
                    # without a card sale (no limits, no PIN): refunds only
                    raise UserError(
                        self.env._(
                            "Gift card %(code)s can be credited only by a refund.",
                            code=card.code,
                        )
                    )
                credits.append(
                    {
                        "card": card,
                        "amount": -payment.amount,
                        "description": self.env._(
                            "Refund of %(order)s", order=self.name
                        ),
                        **source,
                    }
                )
        return redemptions, credits, offline

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
                        amount=amount,
                        cap=card_cap,
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
                    amount=taken,
                    cap=till_cap,
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
                amount=payment.amount,
            )
        )
