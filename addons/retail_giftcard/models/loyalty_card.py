# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import math
from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, consteq, float_compare, hmac

from .retail_giftcard_series import luhn_valid

SPEND_TOKEN_SCOPE = "retail_giftcard.spend"
# Seconds a PIN check lets the till spend the card on the order it was made for.
SPEND_TOKEN_VALIDITY = 4 * 3600


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_series_id = fields.Many2one(
        comodel_name="retail.giftcard.series",
        string="Gift Card Series",
        readonly=True,
        ondelete="restrict",
        index="btree_not_null",
    )
    retail_state = fields.Selection(
        selection=[
            ("inactive", "Inactive"),
            ("active", "Active"),
            ("blocked", "Blocked"),
            ("expired", "Expired"),
        ],
        string="Gift Card State",
        readonly=True,
        index="btree_not_null",
        help="Inactive until sold; blocked when lost or stolen (its balance may be "
        "moved to a new card); expired after its expiry date.",
    )
    retail_face_value = fields.Monetary(
        string="Initial Amount",
        readonly=True,
        currency_field="currency_id",
        help="Amount the card is loaded with when it is sold (0: any amount).",
    )
    retail_block_reason = fields.Text(string="Block Reason", readonly=True)
    retail_giftcard_shortfall = fields.Monetary(
        string="Offline Shortfall",
        compute="_compute_retail_giftcard_shortfall",
        currency_field="currency_id",
        help="What offline payments took from this card beyond its balance: the "
        "card owes it to the store.",
    )
    # Native cards have no index on their expiry: the expiry job searches by it.
    _retail_expiration_idx = models.Index(
        "(expiration_date) WHERE retail_state = 'active'"
    )

    def write(self, vals):
        guarded = {
            "retail_series_id",
            "retail_state",
            "retail_face_value",
            "retail_block_reason",
        } & set(vals)
        if guarded and not self.env.su:
            # POS users may write cards (pos_loyalty): the gift card state moves
            # only through sales, blocks and the expiry job.
            raise AccessError(
                self.env._(
                    "The state of a gift card changes only by selling, blocking or "
                    "expiring it."
                )
            )
        if "code" in vals and any(self.mapped("retail_series_id")):
            raise UserError(self.env._("The number of a gift card never changes."))
        return super().write(vals)

    def _compute_retail_giftcard_shortfall(self):
        shortfalls = dict(
            self.env["pos.payment"]
            .sudo()
            ._read_group(
                [
                    ("retail_giftcard_id", "in", self.ids),
                    ("retail_giftcard_shortfall", "!=", 0),
                ],
                ["retail_giftcard_id"],
                ["retail_giftcard_shortfall:sum"],
            )
        )
        for card in self:
            card.retail_giftcard_shortfall = shortfalls.get(card, 0.0)

    # ------------------------------------------------------------------
    # Actions (back office)
    # ------------------------------------------------------------------

    def action_retail_open_block(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Block Gift Card"),
            "res_model": "retail.giftcard.block",
            "view_mode": "form",
            "target": "new",
            "context": {"default_card_id": self[:1].id},
        }

    def action_retail_block(self, reason):
        """Block lost or stolen cards (store managers), with the reason."""
        self._retail_check_manager()
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the gift card is blocked."))
        # sudo: store manager of the cards' companies, checked above
        cards = self.sudo()
        wrong = cards.filtered(
            lambda card: not card.retail_series_id or card.retail_state == "blocked"
        )
        if wrong:
            raise UserError(
                self.env._(
                    "Only unblocked cards of a gift card series can be blocked: "
                    "%(codes)s",
                    codes=", ".join(wrong.mapped("code")),
                )
            )
        cards._retail_lock_balances()
        cards.write({"retail_state": "blocked", "retail_block_reason": reason.strip()})
        for card in cards:
            card.message_post(
                body=self.env._(
                    "Gift card blocked by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason.strip(),
                )
            )
        return True

    def action_retail_transfer(self, target, reason, store_id=None):
        """Move the whole balance of a blocked card to another card of the same
        series (store managers, with the reason): two ``transfer`` rows."""
        if len(self) != 1:
            raise UserError(self.env._("Move the balance of one card at a time."))
        self._retail_check_manager()
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the balance is transferred."))
        # the store is checked before the target card is activated
        self._retail_check_stores({self._retail_record_id(store_id)} - {False})
        target = self.browse(self._retail_record_id(target))
        if not target.exists():
            raise UserError(self.env._("The card to transfer to does not exist."))
        target._retail_check_companies()
        # sudo: store manager of both cards' companies, checked above
        source, target = self.sudo(), target.sudo()
        if source.retail_state != "blocked":
            raise UserError(
                self.env._(
                    "Block card %(code)s before moving its balance.", code=source.code
                )
            )
        if target == source or target.retail_series_id != source.retail_series_id:
            raise UserError(
                self.env._(
                    "The balance of %(code)s can only go to another card of series "
                    "%(series)s.",
                    code=source.code,
                    series=source.retail_series_id.name,
                )
            )
        if target.retail_state not in ("inactive", "active"):
            raise UserError(
                self.env._(
                    "Card %(code)s is %(state)s: it cannot receive a balance.",
                    code=target.code,
                    state=target._retail_state_label(),
                )
            )
        balances = (source | target)._retail_lock_balances()
        amount = balances[source.id]
        if source.currency_id.is_zero(amount):
            raise UserError(
                self.env._("Card %(code)s has no balance to move.", code=source.code)
            )
        source.retail_series_id._check_balance_limit(amount, balances[target.id])
        target._retail_activate()
        self._retail_post_movements(
            [
                {
                    "card": source,
                    "amount": -amount,
                    "kind": "transfer",
                    "reason": reason,
                    "description": self.env._(
                        "Transferred to %(code)s", code=target.code
                    ),
                    "store_id": store_id,
                },
                {
                    "card": target,
                    "amount": amount,
                    "kind": "transfer",
                    "reason": reason,
                    "description": self.env._(
                        "Transferred from %(code)s", code=source.code
                    ),
                    "store_id": store_id,
                },
            ]
        )
        return True

    def action_retail_adjust(self, amount, reason, store_id=None):
        """A manual adjustment of gift cards moves money: besides the ledger
        rows, one entry per company and series kind books it between the gift
        card liability (or, for single-purpose vouchers, deferred income and
        VAT) and the breakage account, so that the liability keeps equal to
        the cards' balances."""
        result = super().action_retail_adjust(amount, reason, store_id=store_id)
        # sudo: the adjustment was allowed above; its entry is the system's
        money = self.sudo().filtered("retail_series_id")
        if money:
            money._retail_giftcard_adjust_moves(amount, reason)
        return result

    def _retail_giftcard_adjust_moves(self, amount, reason):
        today = fields.Date.context_today(self)
        groups = self.grouped(
            lambda card: (
                card.company_id,
                card.retail_series_id if card.retail_series_id._is_spv() else False,
            )
        )
        for (company, spv_series), cards in groups.items():
            total = amount * len(cards)
            label = self.env._(
                "Gift card adjustment (%(count)s cards): %(reason)s",
                count=len(cards),
                reason=reason,
            )
            breakage = company._retail_giftcard_breakage_account()
            if spv_series:
                company._retail_giftcard_spv_move(
                    spv_series,
                    total,
                    label,
                    [{"name": label, "account_id": breakage.id, "balance": total}],
                    today,
                )
                continue
            liability = company._retail_giftcard_liability_account()
            debit, credit = (
                (breakage, liability) if total > 0 else (liability, breakage)
            )
            company._retail_giftcard_move(label, abs(total), debit, credit, today)

    # ------------------------------------------------------------------
    # Till services (RPC)
    # ------------------------------------------------------------------

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

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

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

    def _retail_state_label(self):
        self.ensure_one()
        return dict(self._fields["retail_state"]._description_selection(self.env)).get(
            self.retail_state, ""
        )

    def _retail_check_manager(self):
        """Store managers and head office, of the cards' companies."""
        if self.env.su:
            return
        if not self.env.user.has_group("retail_card.group_card_store_manager"):
            raise AccessError(
                self.env._("Only store managers and head office may block gift cards.")
            )
        self._retail_check_companies()

    def _retail_check_companies(self):
        """Refuse cards of companies the user does not work for (checked before
        any superuser action on them)."""
        if self.env.su:
            return
        foreign = self.sudo().filtered(
            lambda card: card.company_id
            and card.company_id not in self.env.user.company_ids
        )
        if foreign:
            raise AccessError(
                self.env._(
                    "Gift cards %(codes)s belong to a company you do not work for.",
                    codes=", ".join(foreign.mapped("code")),
                )
            )

    def _retail_check_spendable(self, today=None):
        """Refuse blocked, inactive or expired cards, naming the card."""
        today = today or fields.Date.context_today(self)
        for card in self:
            if card.retail_state == "active" and (
                not card.expiration_date or card.expiration_date >= today
            ):
                continue
            if card.retail_state == "blocked":
                message = self.env._(
                    "Gift card %(code)s is blocked (lost or stolen): it cannot be "
                    "used.",
                    code=card.code,
                )
            elif card.retail_state == "inactive":
                message = self.env._(
                    "Gift card %(code)s was never sold: it has no balance yet.",
                    code=card.code,
                )
            else:
                message = self.env._(
                    "Gift card %(code)s expired on %(date)s.",
                    code=card.code,
                    date=card.expiration_date,
                )
            raise UserError(message)

    def _retail_activate(self):
        """Activate inactive cards: state active, expiry from their series."""
        today = fields.Date.context_today(self)
        for card in self.filtered(lambda card: card.retail_state == "inactive"):
            card.write(
                {
                    "retail_state": "active",
                    "expiration_date": card.expiration_date
                    or card.retail_series_id._expiration_from(today),
                }
            )

    @api.model
    def _retail_giftcard_load(self, loads):
        """Sell or reload gift cards: ``loads`` is a list of dicts with ``card``,
        ``amount`` and the movement's source (``order_model``, ``order_id``,
        ``store_id``, ``key``). Inactive cards are activated; blocked and expired
        cards and amounts outside the series' limits are refused. All or nothing.
        """
        loads = self._retail_skip_posted(loads)
        if not loads:
            return {}
        cards = self.browse(
            {self._retail_record_id(load["card"]) for load in loads}
        ).sudo()
        balances = cards._retail_lock_balances()
        today = fields.Date.context_today(self)
        for load in loads:
            card = cards.browse(self._retail_record_id(load["card"]))
            if not card.retail_series_id:
                raise UserError(
                    self.env._(
                        "Card %(code)s is not a gift card of a series.", code=card.code
                    )
                )
            if card.retail_state == "blocked" or (
                card.retail_state == "expired"
                or (
                    card.retail_state == "active"
                    and card.expiration_date
                    and card.expiration_date < today
                )
            ):
                card._retail_check_spendable(today)
            card.retail_series_id._check_load_amount(load["amount"], balances[card.id])
            balances[card.id] += load["amount"]
        cards._retail_activate()
        return self._retail_post_movements([{"kind": "load", **load} for load in loads])

    @api.model
    def _retail_giftcard_redeem(self, redemptions):
        """Spend gift cards: ``redemptions`` is a list of dicts with ``card``, the
        positive ``amount`` and the source. Cards are locked; an amount above the
        balance is refused with the available balance named. All or nothing."""
        redemptions = self._retail_skip_posted(redemptions, sign=-1)
        if not redemptions:
            return {}
        cards = self.browse(
            {self._retail_record_id(move["card"]) for move in redemptions}
        ).sudo()
        cards._retail_lock_balances()
        cards._retail_check_spendable()
        for move in redemptions:
            if move["amount"] <= 0:
                raise UserError(
                    self.env._("A gift card payment must be a positive amount.")
                )
        return self._retail_post_movements(
            [
                {"kind": "redeem", **move, "amount": -move["amount"]}
                for move in redemptions
            ]
        )

    @api.model
    def _cron_expire_giftcards(self, batch_size=5000):
        """Expire the gift cards past their expiry date, in chunks committed one
        by one; balances left are written off as breakage (see _retail_expire)."""
        today = fields.Date.context_today(self)
        domain = [
            ("retail_state", "=", "active"),
            ("expiration_date", "<", today),
        ]
        Card = self.sudo()
        while True:
            found = Card.search(domain, limit=batch_size, order="id")
            cards = found.try_lock_for_update()
            if not cards:
                break
            cards._retail_expire(today)
            left = self.env["ir.cron"]._commit_progress(
                len(cards),
                remaining=Card.search_count(domain) if len(found) == batch_size else 0,
            )
            if len(found) < batch_size or not left:
                break

    def _retail_expire(self, today=None):
        """Expire these active gift cards: state expired and, per company, one
        journal entry (Dr gift card liability, Cr breakage income) for the
        balances left, with one "breakage" ledger row per card pointing at it."""
        today = today or fields.Date.context_today(self)
        cards = self.sudo().filtered(
            lambda card: card.retail_state == "active"
            and card.expiration_date
            and card.expiration_date < today
        )
        if not cards:
            return {}
        balances = cards._retail_lock_balances()
        movements = []
        for company, company_cards in cards.grouped("company_id").items():
            currency = company.currency_id
            with_balance = company_cards.filtered(
                lambda card, currency=currency: currency.compare_amounts(
                    balances[card.id], 0
                )
                > 0
            )
            # multi-purpose cards together; single-purpose vouchers per series
            groups = with_balance.grouped(
                lambda card: card.retail_series_id
                if card.retail_series_id._is_spv()
                else False
            )
            for spv_series, group in groups.items():
                amount = sum(balances[card.id] for card in group)
                move = (
                    company._retail_giftcard_spv_breakage_move(
                        spv_series, amount, today
                    )
                    if spv_series
                    else company._retail_giftcard_breakage_move(amount, today)
                )
                movements += [
                    {
                        "card": card,
                        "amount": -balances[card.id],
                        "kind": "breakage",
                        "description": self.env._(
                            "Expired on %(date)s", date=card.expiration_date
                        ),
                        "order_model": "account.move",
                        "order_id": move.id,
                        "key": self._retail_movement_key("breakage", card.id),
                    }
                    for card in group
                ]
        cards.write({"retail_state": "expired"})
        return self._retail_post_movements(movements) if movements else {}

    @api.model
    def _retail_giftcard_bulk_load(
        self, series, lines, counterpart, allow_partial=False
    ):
        """Load gift cards of ``series`` from ``lines`` [(line, number, amount)].

        Every line is checked (number, check digit, card of the series, state,
        amount, the series' limits with the loads of the file added up). With a
        refused line nothing is loaded, unless ``allow_partial``. The loads are
        one journal entry (Dr ``counterpart``, Cr gift card liability) and one
        "load" ledger row per line pointing at it.

        :return: (loaded [(line, card, amount)], refused [(line, number, reason)])
        """
        series.ensure_one()
        numbers = {"".join(str(number).split()) for _line, number, _amount in lines}
        cards = {
            card.code: card
            for card in self.sudo().search(
                [("code", "in", list(numbers)), ("retail_series_id", "=", series.id)]
            )
        }
        balances = {card.id: card.points for card in cards.values()}
        today = fields.Date.context_today(self)
        loaded, refused = [], []
        for line, number, raw_amount in lines:
            try:
                amount = self._retail_giftcard_check_line(
                    number, raw_amount, cards, balances, series, today
                )
            except UserError as error:
                refused.append((line, number, error.args[0]))
                continue
            card = cards[number]
            balances[card.id] += amount
            loaded.append((line, card, amount))
        if refused and not allow_partial:
            raise UserError(
                "\n".join(
                    [self.env._("Nothing was loaded; refused lines:")]
                    + [
                        self.env._(
                            "Line %(line)s (%(number)s): %(reason)s",
                            line=line,
                            number=number,
                            reason=reason,
                        )
                        for line, number, reason in refused
                    ]
                )
            )
        if not loaded:
            return loaded, refused
        move = series.company_id._retail_giftcard_load_move(
            sum(amount for _line, _card, amount in loaded),
            counterpart,
            today,
            series=series,
        )
        self._retail_giftcard_load(
            [
                {
                    "card": card,
                    "amount": amount,
                    "description": self.env._("Bulk load (line %(line)s)", line=line),
                    "order_model": "account.move",
                    "order_id": move.id,
                    "key": self._retail_movement_key(
                        "account.move", move.id, "load", line
                    ),
                }
                for line, card, amount in loaded
            ]
        )
        return loaded, refused

    @api.model
    def _retail_giftcard_check_line(
        self, number, raw_amount, cards, balances, series, today
    ):
        """The amount of one load line, or a UserError saying why it is refused."""
        number = self._retail_giftcard_clean_number(number)
        card = cards.get(number)
        if not card:
            raise UserError(
                self.env._(
                    "no gift card of series %(series)s has this number.",
                    series=series.name,
                )
            )
        try:
            amount = float(str(raw_amount).replace(",", "."))
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._("the amount %(amount)r is not a number.", amount=raw_amount)
            ) from error
        if not math.isfinite(amount):
            raise UserError(
                self.env._("the amount %(amount)r is not a number.", amount=raw_amount)
            )
        if card.retail_state in ("blocked", "expired") or (
            card.expiration_date and card.expiration_date < today
        ):
            raise UserError(
                self.env._(
                    "the card is %(state)s.",
                    state=card._retail_state_label() or self.env._("expired"),
                )
            )
        series._check_load_amount(amount, balances[card.id])
        return amount

    @api.model
    def _retail_giftcard_outstanding(self, date, companies=None):
        """Outstanding gift card money at the end of ``date``, from the ledger:
        [{company_id, store_id, amount}] by company and by the store where the
        money moved (store False: back office). Its total per company equals the
        gift card liability account's balance at that date (sessions closed)."""
        companies = companies or self.env.companies
        # the end of the day (date + 1 day overflows on 9999-12-31)
        end = datetime.combine(fields.Date.to_date(date), time.max)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT card.company_id, row.retail_store_id,
                       SUM(row.issued - row.used)
                  FROM loyalty_history AS row
                  JOIN loyalty_card AS card ON card.id = row.card_id
                  JOIN retail_giftcard_series AS series
                    ON series.id = card.retail_series_id
                 WHERE series.voucher_type = 'multi'
                   AND row.retail_kind IS NOT NULL
                   AND row.create_date <= %s
                   AND card.company_id = ANY(%s)
              GROUP BY card.company_id, row.retail_store_id
              ORDER BY card.company_id, row.retail_store_id NULLS FIRST
                """,
                end,
                companies.ids,
            )
        )
        totals = {
            (company_id, store_id): amount for company_id, store_id, amount in rows
        }
        # offline shortfalls: paid by cards that could not cover them, so they are
        # debited from the liability at session closing but not from the cards
        shortfalls = self.env.execute_query(
            SQL(
                """
                SELECT payment.company_id, pos_order.config_id,
                       SUM(payment.retail_giftcard_shortfall)
                  FROM pos_payment AS payment
                  JOIN pos_order ON pos_order.id = payment.pos_order_id
                  JOIN loyalty_card AS card ON card.id = payment.retail_giftcard_id
                  JOIN retail_giftcard_series AS series
                    ON series.id = card.retail_series_id
                 WHERE payment.retail_giftcard_shortfall != 0
                   AND series.voucher_type = 'multi'
                   AND payment.payment_date <= %s
                   AND payment.company_id = ANY(%s)
              GROUP BY payment.company_id, pos_order.config_id
                """,
                end,
                companies.ids,
            )
        )
        for company_id, store_id, amount in shortfalls:
            key = (company_id, store_id)
            totals[key] = totals.get(key, 0.0) - amount
        return [
            {"company_id": company_id, "store_id": store_id, "amount": amount}
            for (company_id, store_id), amount in totals.items()
        ]

    @api.model
    def _retail_giftcard_redeem_offline(self, redemptions):
        """Redemptions taken while the till was offline: the order has landed
        already, so each card pays what it can (nothing when blocked, expired or
        unsold) and the rest is the shortfall, returned by movement key.

        :return: {key: shortfall} for the redemptions not fully covered
        """
        redemptions = self._retail_skip_posted(redemptions, sign=-1, partial=True)
        if not redemptions:
            return {}
        cards = self.browse(
            {self._retail_record_id(move["card"]) for move in redemptions}
        ).sudo()
        balances = cards._retail_lock_balances()
        today = fields.Date.context_today(self)
        movements, shortfalls = [], {}
        for move in redemptions:
            card = cards.browse(self._retail_record_id(move["card"]))
            # a card with a PIN is never spent without it (see pos.order)
            spendable = (
                not move.get("pin_card")
                and card.retail_state == "active"
                and (not card.expiration_date or card.expiration_date >= today)
            )
            taken = min(move["amount"], max(balances[card.id], 0.0)) if spendable else 0
            if card.currency_id.compare_amounts(taken, 0.0) > 0:
                balances[card.id] -= taken
                movements.append(
                    {
                        "kind": "redeem",
                        **{
                            k: v
                            for k, v in move.items()
                            if k not in ("payment", "pin_card")
                        },
                        "amount": -taken,
                    }
                )
            if card.currency_id.compare_amounts(move["amount"], taken) > 0:
                shortfalls[move["key"]] = move["amount"] - taken
        if movements:
            self._retail_post_movements(movements)
        return shortfalls

    @api.model
    def _retail_skip_posted(self, movements, sign=1, partial=False):
        """Movements whose idempotency key was not posted yet (a replay of the
        same order is not checked again against limits or states).

        A key already posted with another card or another amount is refused,
        not skipped: it is another movement that would otherwise be lost.

        :param sign: 1 when a movement's ``amount`` is posted as is, -1 when it is
            posted negated (redemptions)
        :param partial: the posted amount may be less than the movement's
            (offline redemptions: the card paid what it could)
        """
        keys = [move["key"] for move in movements if move.get("key")]
        if not keys:
            return movements
        posted = {
            row.retail_idempotency_key: row
            for row in self.env["loyalty.history"]
            .sudo()
            .search_fetch(
                [("retail_idempotency_key", "in", keys)],
                ["retail_idempotency_key", "card_id", "issued", "used"],
            )
        }
        if not posted:
            return movements
        for move in movements:
            row = posted.get(move.get("key"))
            if not row:
                continue
            amount = sign * move["amount"]
            moved = row.issued - row.used
            if partial:
                same_amount = (
                    float_compare(abs(moved), abs(amount), precision_digits=6) <= 0
                    and (moved * amount) > 0
                )
            else:
                same_amount = not float_compare(moved, amount, precision_digits=6)
            if (
                row.card_id.id != self._retail_record_id(move["card"])
                or not same_amount
            ):
                raise UserError(
                    self.env._(
                        "This movement was already posted on card %(code)s for "
                        "%(amount)s: it cannot be posted again on another card or "
                        "for another amount.",
                        code=row.card_id.code,
                        amount=row.card_id._format_points(moved),
                    )
                )
        return [move for move in movements if move.get("key") not in posted]
