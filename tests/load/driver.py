# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load driver: tills syncing orders to Odoo over JSON-RPC, with asyncio only.

Usage (run by tests/load/run.sh against the load test's Odoo)::

    .local/venv/bin/python tests/load/driver.py --fixture fixture-retail.json \\
        --url http://127.0.0.1:8369 --tills 10 --seconds 60 --out phase.json

Each till logs in as its store's cashier and plays orders as the real till
sends them after payment: ``pos.order.sync_from_ui`` of the paid order, then,
when it has a customer, ``pos.order.confirm_coupon_programs`` with the points
the till computed. The mix: identified customers earning points and spending
them on the program's reward, gift card sales, reloads and payments (a few
"hot" cards shared by every till of a company are paid concurrently; a retail
till asks the server for the card's spend token first, as the till does),
refunds of the till's earlier orders (in cash, or onto the gift card that paid
them), offline batches (several orders kept by the till and synced late in one
call), the same order sent again after its answer, and requests cut by the till
right after sending them (the till's timeout), then sent again.

Warm-up (``--warm-tills``, not counted): after logging in, the first tills play
one order of each kind (a refund last) before the phase's clock starts, so that
every Odoo worker has loaded the database's registry and filled its caches
(ormcache, compiled templates and queries) for the code paths the phase plays:
a phase measures warm workers whichever database it plays and whichever side
played first. Their orders are checked like the others and flagged
``warmup`` in ``--out``; the figures leave them out.

A request that fails for a technical reason (timeout, connection cut, server
error, database unavailable) is sent again, with a growing pause, up to
``--attempts`` times; a refusal in the user's terms (UserError, ValidationError,
AccessError) is kept as such. Everything sent and answered is written to
``--out`` for tests/load/check.py: per order its uuid, kind, till, what it
moves (points, gift card money, cash) and the answers of every attempt.

Faults (``--kill-worker-at``, ``--restart-pg-at``: seconds into the phase): a
worker of the Odoo server holding a database transaction is killed with
SIGKILL; the load cluster is restarted with ``--restart-pg-cmd``. Their times
are written with the orders, to measure how long the tills took to recover.
"""

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid as uuidlib
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

REFUSALS = (
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
)
WEIGHTS = {
    "earn": 30,
    "spend": 12,
    "gc_sale": 8,
    "gc_reload": 8,
    "gc_pay": 16,
    "refund": 8,
    "offline": 6,
}
# the warm-up plays each kind once, a refund last (it refunds an earlier order)
WARM_KINDS = ("earn", "spend", "gc_sale", "gc_reload", "gc_pay", "offline", "refund")


class RpcError(Exception):
    """A failed call: ``kind`` is timeout, connection, http, server or refused."""

    def __init__(self, kind, message, name=""):
        super().__init__(message)
        self.kind = kind
        self.name = name

    @property
    def retry(self):
        if self.kind != "refused":
            return True
        # two attempts of the same order landing at once: the second one meets
        # the first one's uuid and is answered when sent again
        return "uuid already exists" in str(self)


class Http:
    """JSON-RPC over one short HTTP/1.1 connection per request."""

    def __init__(self, url):
        parts = urlsplit(url)
        self.host = parts.hostname
        self.port = parts.port or 80
        self.cookie = None

    async def post(self, path, params, timeout, cut_after=None):
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        ).encode()
        head = [
            f"POST {path} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            "Content-Type: application/json",
            f"Content-Length: {len(body)}",
            "Connection: close",
        ]
        if self.cookie:
            head.append(f"Cookie: session_id={self.cookie}")
        request = ("\r\n".join(head) + "\r\n\r\n").encode() + body
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(self.host, self.port), timeout
            )
        except (OSError, TimeoutError) as exc:
            raise RpcError("connection", f"connect: {exc!r}") from None
        try:
            writer.write(request)
            await writer.drain()
            wait = cut_after if cut_after is not None else timeout
            try:
                raw = await asyncio.wait_for(reader.read(), wait)
            except TimeoutError:
                kind = "cut" if cut_after is not None else "timeout"
                raise RpcError(kind, f"no answer within {wait} s") from None
            except OSError as exc:
                raise RpcError("connection", repr(exc)) from None
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
        return self._parse(raw)

    def _parse(self, raw):
        if not raw:
            raise RpcError("connection", "connection closed without an answer")
        head, _sep, body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        try:
            status = int(lines[0].split()[1])
        except (IndexError, ValueError):
            raise RpcError("http", f"bad status line {lines[0]!r}") from None
        headers = {}
        for line in lines[1:]:
            key, _sep, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        cookie = headers.get("set-cookie", "")
        if cookie.startswith("session_id="):
            self.cookie = cookie.split(";")[0].split("=", 1)[1]
        if headers.get("transfer-encoding") == "chunked":
            body = _unchunk(body)
        if status != 200:
            raise RpcError("http", f"HTTP {status}")
        try:
            payload = json.loads(body)
        except ValueError:
            raise RpcError("http", "answer is not JSON (cut?)") from None
        if "error" in payload:
            data = payload["error"].get("data") or {}
            name = data.get("name", "")
            message = data.get("message") or payload["error"].get("message", "")
            kind = "refused" if name in REFUSALS else "server"
            raise RpcError(kind, message, name)
        return payload.get("result")


def _unchunk(body):
    out = b""
    while body:
        size, _sep, rest = body.partition(b"\r\n")
        length = int(size.split(b";")[0] or b"0", 16)
        if not length:
            break
        out += rest[:length]
        body = rest[length + 2 :]
    return out


def now_iso(shift=0):
    moment = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=shift)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


class Shared:
    """What the tills of one company share: its customers (their expected points,
    reserved before a spend) and its gift cards (expected balances)."""

    def __init__(self, company, rng):
        self.customers = [dict(c) for c in company["customers"]]
        gc = company["giftcards"]
        self.gc = gc
        self.pool = [dict(card) for card in gc["pool"]]
        self.hot = [card for card in self.pool if card["hot"]]
        self.cold = [card for card in self.pool if not card["hot"]]
        self.stock = list(gc["stock"])
        rng.shuffle(self.stock)
        self.new_card = 0


class Till:
    def __init__(self, driver, till, index):
        self.driver = driver
        self.fx = driver.fixture
        self.till = till
        self.index = index
        self.rng = random.Random(f"{driver.args.seed}-{index}")
        self.http = Http(driver.args.url)
        self.shared = driver.shared[str(till["company_id"])]
        self.company = self.fx["companies"][str(till["company_id"])]
        self.context = {
            "allowed_company_ids": [till["company_id"]],
            "lang": "en_US",
        }
        self.done = []  # orders of this till that may be refunded
        self.offline = []
        self.seq = 0

    # -- calls ---------------------------------------------------------------

    async def login(self):
        await self.http.post(
            "/web/session/authenticate",
            {
                "db": self.fx["db"],
                "login": self.till["login"],
                "password": self.fx["password"],
            },
            timeout=self.driver.args.timeout,
        )

    async def call(self, model, method, args, cut_after=None):
        return await self.http.post(
            f"/web/dataset/call_kw/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": self.context},
            },
            timeout=self.driver.args.timeout,
            cut_after=cut_after,
        )

    async def attempt_loop(self, record, model, method, args, cut_first=False):
        """Send until answered (or refused, or out of attempts); every attempt
        is logged on ``record``. Returns (answer, ms of the answered attempt)."""
        pause = 0.5
        for attempt in range(self.driver.args.attempts):
            cut = self.driver.args.cut_after if cut_first and attempt == 0 else None
            start = time.time()
            try:
                answer = await self.call(model, method, args, cut_after=cut)
            except RpcError as exc:
                record["attempts"].append(
                    {
                        "method": method,
                        "start": start,
                        "end": time.time(),
                        "error": exc.kind,
                        "name": exc.name,
                        "message": str(exc)[:300],
                    }
                )
                if not exc.retry:
                    return None, None
                await asyncio.sleep(pause * (0.5 + self.rng.random()))
                pause = min(pause * 2, 5.0)
                continue
            end = time.time()
            record["attempts"].append(
                {"method": method, "start": start, "end": end, "ok": True}
            )
            return answer, (end - start) * 1000.0
        return None, None

    # -- payloads ------------------------------------------------------------

    def new_uuid(self):
        return str(uuidlib.UUID(int=self.rng.getrandbits(128), version=4))

    def goods(self, count=None, minimum=0):
        products = self.fx["products"]
        while True:
            chosen = self.rng.sample(products, count or self.rng.randint(1, 3))
            lines = [(p, self.rng.randint(1, 2)) for p in chosen]
            if sum(p["price"] * q for p, q in lines) >= minimum:
                return lines

    def line(self, product_id, qty, price, **extra):
        total = round(price * qty, 2)
        return [
            0,
            0,
            {
                "uuid": self.new_uuid(),
                "product_id": product_id,
                "qty": qty,
                "price_unit": price,
                "price_subtotal": total,
                "price_subtotal_incl": total,
                "discount": 0,
                "tax_ids": [[6, 0, []]],
                "pack_lot_ids": [],
                **extra,
            },
        ]

    def payment(self, method_id, amount, **extra):
        return [
            0,
            0,
            {
                "uuid": self.new_uuid(),
                "amount": round(amount, 2),
                "payment_method_id": method_id,
                "name": now_iso(),
                **extra,
            },
        ]

    def order(self, lines, payments, partner_id=False, shift=0, **extra):
        self.seq += 1
        total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
        uuid = self.new_uuid()
        till = self.till
        return {
            "uuid": uuid,
            "name": f"Order {till['config_id']:03d}-{self.seq:05d}-{uuid[:6]}",
            "amount_paid": round(sum(p[2]["amount"] for p in payments), 2),
            "amount_return": 0,
            "amount_tax": 0,
            "amount_total": total,
            "date_order": now_iso(shift),
            "fiscal_position_id": False,
            "pricelist_id": till["pricelist_id"],
            "last_order_preparation_change": "{}",
            "lines": lines,
            "partner_id": partner_id,
            "session_id": till["session_id"],
            "payment_ids": payments,
            "user_id": till["user_id"],
            "to_invoice": False,
            "state": "paid",
            **extra,
        }

    def record(self, kind, order, **moves):
        return {
            "kind": kind,
            "till": self.till["config_id"],
            "company_id": self.till["company_id"],
            "uuid": order["uuid"],
            "total": order["amount_total"],
            "cash": round(
                sum(
                    p[2]["amount"]
                    for p in order["payment_ids"]
                    if p[2]["payment_method_id"] == self.till["cash_method_id"]
                ),
                2,
            ),
            "attempts": [],
            "answers": [],
            **moves,
        }

    # -- the mix -------------------------------------------------------------

    def pick_customer(self, points=0):
        candidates = [c for c in self.shared.customers if c["points"] >= points]
        return self.rng.choice(candidates) if candidates else None

    async def play(self, kind):
        native = self.fx["variant"] == "native"
        if kind == "offline":
            return await self.offline_batch()
        if kind == "refund":
            if not self.done:
                kind = "earn"
            else:
                return await self.refund()
        if kind == "spend":
            return await self.spend()
        if kind == "earn":
            return await self.earn()
        if kind == "gc_sale" or (kind == "gc_reload" and native):
            return await self.gc_load(new=True)
        if kind == "gc_reload":
            return await self.gc_load(new=False)
        if kind == "gc_pay":
            return await self.gc_pay()
        raise ValueError(kind)

    def coupon_data(self, customer, points):
        program = self.company["program_id"]
        card = customer["card_id"]
        return {
            str(card): {
                "points": points,
                "program_id": program,
                "coupon_id": card,
                "partner_id": customer["partner_id"],
            }
        }

    def earn_order(self, shift=0):
        customer = self.pick_customer()
        lines = [self.line(p["id"], q, p["price"]) for p, q in self.goods()]
        total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
        order = self.order(
            lines,
            [self.payment(self.till["cash_method_id"], total)],
            customer["partner_id"],
            shift=shift,
        )
        rec = self.record(
            "earn",
            order,
            partner_id=customer["partner_id"],
            card_id=customer["card_id"],
            earned=total,
            spent=0,
        )
        return order, rec, customer

    async def earn(self):
        order, rec, customer = self.earn_order()
        if await self.sync([order], [rec]):
            customer["points"] += rec["earned"]
            await self.confirm(rec, customer, rec["earned"])
            self.done.append((order, rec))

    async def spend(self):
        customer = self.pick_customer(points=self.fx["reward_points"] + 50)
        if not customer:
            return await self.earn()
        cost = self.fx["reward_points"]
        customer["points"] -= cost  # reserved before sending
        goods = [self.line(p["id"], q, p["price"]) for p, q in self.goods(minimum=20)]
        basis = round(sum(line[2]["price_subtotal_incl"] for line in goods), 2)
        reward = self.line(
            self.company["reward_product_id"],
            1,
            -float(self.fx["reward_amount"]),
            is_reward_line=True,
            reward_id=self.company["reward_id"],
            coupon_id=customer["card_id"],
            points_cost=cost,
            reward_identifier_code=self.new_uuid()[:8],
        )
        total = round(basis - self.fx["reward_amount"], 2)
        order = self.order(
            [*goods, reward],
            [self.payment(self.till["cash_method_id"], total)],
            customer["partner_id"],
        )
        rec = self.record(
            "spend",
            order,
            partner_id=customer["partner_id"],
            card_id=customer["card_id"],
            earned=basis,
            spent=cost,
        )
        if await self.sync([order], [rec]):
            customer["points"] += basis
            await self.confirm(rec, customer, basis - cost)
            self.done.append((order, rec))
        else:
            customer["points"] += cost

    async def gc_load(self, new):
        shared = self.shared
        gc = shared.gc
        amount = float(self.rng.choice([20, 25, 50, 100]))
        native = self.fx["variant"] == "native"
        extra, card = {}, None
        if native:
            shared.new_card += 1
            key = -(self.index * 100000 + shared.new_card)
        elif new:
            if not shared.stock:
                return await self.earn()
            card = shared.stock.pop()
            extra = {"retail_giftcard_code": card["code"]}
        else:
            card = self.rng.choice(shared.cold)
            extra = {"retail_giftcard_code": card["code"]}
        order = self.order(
            [self.line(gc["product_id"], 1, amount, **extra)],
            [self.payment(self.till["cash_method_id"], amount)],
        )
        rec = self.record(
            "gc_sale" if new else "gc_reload",
            order,
            giftcard_id=card and card["id"],
            giftcard_amount=amount,
        )
        if not await self.sync([order], [rec]):
            return
        if card:
            card["balance"] = card.get("balance", 0) + amount
        if native:
            # pos_loyalty creates the sold card when the till confirms the order
            data = {
                str(key): {
                    "points": amount,
                    "program_id": gc["program_id"],
                    "coupon_id": key,
                    "code": f"load-{self.till['config_id']}-{-key}",
                    "partner_id": False,
                }
            }
            await self.confirm_raw(rec, data)

    async def gc_pay(self):
        shared = self.shared
        gc = shared.gc
        native = self.fx["variant"] == "native"
        cards = shared.hot if self.rng.random() < 0.5 else shared.cold
        card = self.rng.choice(cards)
        goods = [self.line(p["id"], q, p["price"]) for p, q in self.goods(minimum=20)]
        basis = round(sum(line[2]["price_subtotal_incl"] for line in goods), 2)
        amount = float(min(basis, self.rng.choice([10, 15, 20])))
        if card["balance"] < amount + 1:
            return await self.earn()
        card["balance"] -= amount  # reserved
        uuid = self.new_uuid()
        rec_extra = {"giftcard_id": card["id"], "giftcard_amount": -amount}
        if native:
            reward = self.line(
                gc["reward_product_id"],
                1,
                -amount,
                is_reward_line=True,
                reward_id=gc["reward_id"],
                coupon_id=card["id"],
                points_cost=amount,
                reward_identifier_code=uuid[:8],
            )
            order = self.order(
                [*goods, reward],
                [self.payment(self.till["cash_method_id"], basis - amount)],
            )
        else:
            check = {"attempts": []}
            answer, _ms = await self.attempt_loop(
                check,
                "loyalty.card",
                "retail_giftcard_check",
                [card["code"], self.till["config_id"], None, uuid],
            )
            if not answer or not answer.get("spend_token"):
                card["balance"] += amount
                self.driver.refused.append(
                    {"kind": "gc_check", "card": card["code"], "log": check}
                )
                return
            order = self.order(
                goods,
                [
                    self.payment(
                        gc["payment_method_id"],
                        amount,
                        retail_giftcard_code=card["code"],
                        retail_giftcard_token=answer["spend_token"],
                    ),
                    self.payment(self.till["cash_method_id"], basis - amount),
                ],
            )
            order["uuid"] = uuid
        rec = self.record("gc_pay", order, **rec_extra)
        if await self.sync([order], [rec]):
            if native:
                data = {
                    str(card["id"]): {
                        "points": -amount,
                        "program_id": gc["program_id"],
                        "coupon_id": card["id"],
                    }
                }
                await self.confirm_raw(rec, data)
            self.done.append((order, rec))
        else:
            card["balance"] += amount

    async def refund(self):
        native = self.fx["variant"] == "native"
        original, orec = self.done.pop(self.rng.randrange(len(self.done)))
        lines_by_uuid = orec.get("line_ids", {})
        lines = []
        for line in original["lines"]:
            values = line[2]
            if values.get("is_reward_line"):
                continue
            line_id = lines_by_uuid.get(values["uuid"])
            if not line_id:
                return
            lines.append(
                self.line(
                    values["product_id"],
                    -values["qty"],
                    values["price_unit"],
                    refunded_orderline_id=line_id,
                )
            )
        total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
        payments = []
        card_amount = 0.0
        if orec["kind"] == "gc_pay" and not native:
            card_amount = -orec["giftcard_amount"]  # back onto the card
            card_amount = min(card_amount, -total)
            payments.append(
                self.payment(
                    self.shared.gc["payment_method_id"],
                    -card_amount,
                    retail_giftcard_code=self.card_code(orec["giftcard_id"]),
                )
            )
        payments.append(self.payment(self.till["cash_method_id"], total + card_amount))
        order = self.order(lines, payments, original["partner_id"], is_refund=True)
        rec = self.record(
            "refund",
            order,
            refunds=orec["uuid"],
            partner_id=original["partner_id"],
            card_id=orec.get("card_id"),
            returned=-total,
            giftcard_id=orec.get("giftcard_id") if card_amount else None,
            giftcard_amount=card_amount,
        )
        if await self.sync([order], [rec]):
            if card_amount:
                card = self.card_by_id(orec["giftcard_id"])
                card["balance"] += card_amount
            if orec.get("card_id") and not native:
                customer = self.customer_by_card(orec["card_id"])
                customer["points"] += orec["spent"] - orec["earned"]

    def card_code(self, card_id):
        return self.card_by_id(card_id)["code"]

    def card_by_id(self, card_id):
        return next(card for card in self.shared.pool if card["id"] == card_id)

    def customer_by_card(self, card_id):
        return next(c for c in self.shared.customers if c["card_id"] == card_id)

    async def offline_batch(self):
        """Orders taken while the till was offline (dated minutes ago), synced
        together in one call when it is back."""
        size = self.rng.randint(2, 4)
        batch = [self.earn_order(shift=60 * (size - i)) for i in range(size)]
        for _order, rec, _customer in batch:
            rec["kind"] = "offline"
        if await self.sync([o for o, _r, _c in batch], [r for _o, r, _c in batch]):
            for order, rec, customer in batch:
                customer["points"] += rec["earned"]
                await self.confirm(rec, customer, rec["earned"])
                self.done.append((order, rec))

    # -- sync ----------------------------------------------------------------

    async def sync(self, orders, recs):
        """sync_from_ui of ``orders`` as the till does; True when answered.
        Sometimes the first attempt is cut right after sending (the till's
        timeout), and sometimes the answered order is sent again."""
        args = self.driver.args
        cut = self.rng.random() < args.cut_share
        first = recs[0]
        for rec in recs[1:]:
            rec["batch_of"] = first["uuid"]
        answer, ms = await self.attempt_loop(
            first, "pos.order", "sync_from_ui", [orders], cut_first=cut
        )
        self.driver.sent += len(orders)
        if answer is None:
            for rec in recs:
                rec["lost_or_refused"] = True
            self.mark(recs)
            self.driver.records.extend(recs)
            return False
        first["sync_ms"] = ms
        summary = summarize(answer, [o["uuid"] for o in orders])
        for rec in recs:
            rec["answers"].append(summary.get(rec["uuid"]))
            rec["line_ids"] = summary.get(rec["uuid"], {}).get("line_ids", {})
            rec["synced_at"] = time.time()
        if self.rng.random() < args.resend_share:
            again = {"attempts": []}
            answer2, _ms = await self.attempt_loop(
                again, "pos.order", "sync_from_ui", [orders]
            )
            first["resent"] = True
            if answer2 is not None:
                summary2 = summarize(answer2, [o["uuid"] for o in orders])
                for rec in recs:
                    rec["answers"].append(summary2.get(rec["uuid"]))
            first["attempts"] += [dict(a, resend=True) for a in again["attempts"]]
        self.mark(recs)
        self.driver.records.extend(recs)
        return True

    def mark(self, recs):
        if self.driver.warming_up:
            for rec in recs:
                rec["warmup"] = True

    async def confirm(self, rec, customer, points):
        await self.confirm_raw(rec, self.coupon_data(customer, points))

    async def confirm_raw(self, rec, data):
        order_id = (rec["answers"][0] or {}).get("id")
        if not order_id:
            return
        log = {"attempts": []}
        answer, ms = await self.attempt_loop(
            log, "pos.order", "confirm_coupon_programs", [[order_id], data]
        )
        rec["confirm_ms"] = ms
        rec["confirm_attempts"] = log["attempts"]
        if answer is None:
            rec["confirm_failed"] = True

    async def warm_up(self, tries=5):
        """Log in and make one call, so that the phase measures a warm server
        (each worker loads the database's registry on its first request, which
        a cold server on a busy machine may answer after the till's timeout).
        A few tills at a time: 50 logins at once (each hashes the password)
        queue on the workers past any timeout."""
        async with self.driver.warming:
            for attempt in range(tries):
                try:
                    await self.login()
                    await self.call(
                        "pos.session", "read", [[self.till["session_id"]], ["state"]]
                    )
                    return
                except RpcError:
                    if attempt == tries - 1:
                        raise
                await asyncio.sleep(2)

    async def warm_orders(self):
        """One order of each kind, before the phase's clock starts."""
        for kind in WARM_KINDS:
            await self.play(kind)

    async def run(self, deadline, max_orders):
        kinds = list(WEIGHTS)
        weights = [WEIGHTS[k] for k in kinds]
        played = 0
        while time.time() < deadline and played < max_orders:
            kind = self.rng.choices(kinds, weights)[0]
            await self.play(kind)
            played += 1
            await asyncio.sleep(self.rng.uniform(*self.driver.args.think))


def summarize(answer, uuids):
    """{uuid: {id, name, amount_total, state, line_ids: {line uuid: id}}} of the
    orders of ``uuids`` in a sync_from_ui answer."""
    out = {}
    if not isinstance(answer, dict):
        return out
    lines = answer.get("pos.order.line") or []
    for order in answer.get("pos.order") or []:
        if order.get("uuid") in uuids:
            out[order["uuid"]] = {
                "id": order["id"],
                "name": order.get("name"),
                "amount_total": order.get("amount_total"),
                "amount_paid": order.get("amount_paid"),
                "state": order.get("state"),
                "line_ids": {
                    line["uuid"]: line["id"]
                    for line in lines
                    if line.get("order_id") == order["id"]
                    or line.get("id") in (order.get("lines") or [])
                },
            }
    return out


class Driver:
    def __init__(self, args):
        self.args = args
        with open(args.fixture) as handle:
            self.fixture = json.load(handle)
        if args.db:
            self.fixture["db"] = args.db
        rng = random.Random(args.seed)
        self.shared = {
            key: Shared(company, rng)
            for key, company in self.fixture["companies"].items()
        }
        self.records = []
        self.refused = []
        self.faults = []
        self.sent = 0
        self.warming_up = False

    def pick_tills(self):
        """``--tills`` tills spread over the stores and both companies."""
        tills = sorted(self.fixture["tills"], key=lambda t: (t["name"][-1], t["store"]))
        return tills[: self.args.tills]

    async def kill_worker(self, at):
        await asyncio.sleep(at)
        started = time.time()
        while time.time() - started < 20:
            pid = busy_worker(self.args, self.fixture["db"])
            if pid:
                os.kill(pid, signal.SIGKILL)
                self.faults.append(
                    {"fault": "worker_kill", "at": time.time(), "pid": pid}
                )
                return
            await asyncio.sleep(0.05)
        self.faults.append(
            {"fault": "worker_kill", "at": None, "error": "no busy worker"}
        )

    async def restart_pg(self, at):
        await asyncio.sleep(at)
        start = time.time()
        proc = await asyncio.create_subprocess_shell(self.args.restart_pg_cmd)
        code = await proc.wait()
        self.faults.append(
            {"fault": "pg_restart", "at": start, "done": time.time(), "rc": code}
        )

    async def run(self):
        args = self.args
        tills = [Till(self, till, i) for i, till in enumerate(self.pick_tills())]
        self.warming = asyncio.Semaphore(5)
        await asyncio.gather(*(till.warm_up() for till in tills))
        warm_started = time.time()
        self.warming_up = True
        await asyncio.gather(*(till.warm_orders() for till in tills[: args.warm_tills]))
        self.warming_up = False
        load = os.getloadavg()
        started = time.time()
        deadline = started + args.seconds
        tasks = [asyncio.create_task(t.run(deadline, args.max_orders)) for t in tills]
        faults = []
        if args.kill_worker_at is not None:
            faults.append(asyncio.create_task(self.kill_worker(args.kill_worker_at)))
        if args.restart_pg_at is not None:
            faults.append(asyncio.create_task(self.restart_pg(args.restart_pg_at)))
        results = await asyncio.gather(*tasks, *faults, return_exceptions=True)
        ended = time.time()
        crashes = [repr(r) for r in results if isinstance(r, BaseException)]
        return {
            "variant": self.fixture["variant"],
            "db": self.fixture["db"],
            "fixture": os.path.abspath(args.fixture),
            "tills": len(tills),
            "load": load,
            "warmup": {
                "tills": min(args.warm_tills, len(tills)),
                "seconds": started - warm_started,
            },
            "started": started,
            "ended": ended,
            "orders": self.records,
            "refused_checks": self.refused,
            "faults": self.faults,
            "crashes": crashes,
        }


def busy_worker(args, db):
    """Pid of an Odoo worker with an open transaction on ``db`` (Odoo names its
    connections odoo-<pid>), or None."""
    query = (
        "SELECT application_name FROM pg_stat_activity WHERE datname = "
        f"'{db}' AND application_name LIKE 'odoo-%' AND state IN ('active', "
        "'idle in transaction') AND query NOT LIKE '%pg_stat_activity%'"
    )
    try:
        out = subprocess.run(
            [
                "psql",
                "-h",
                args.pg_host,
                "-p",
                str(args.pg_port),
                "-U",
                "odoo",
                "-d",
                "postgres",
                "-XAtqc",
                query,
            ],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.split()
    except subprocess.TimeoutExpired:
        return None
    master = int(open(args.odoo_pidfile).read().strip())
    for name in out:
        pid = int(name.split("-", 1)[1])
        if pid != master and _parent(pid) == master:
            return pid
    return None


def _parent(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--fixture", required=True)
    parser.add_argument("--db", help="database (default: the fixture's)")
    parser.add_argument("--url", default="http://127.0.0.1:8369")
    parser.add_argument("--tills", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-orders", type=int, default=400, help="per till")
    parser.add_argument("--think", type=float, nargs=2, default=(0.2, 1.0))
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--cut-after", type=float, default=0.05)
    parser.add_argument("--cut-share", type=float, default=0.03)
    parser.add_argument("--resend-share", type=float, default=0.05)
    parser.add_argument("--attempts", type=int, default=20)
    parser.add_argument("--seed", default="load")
    parser.add_argument(
        "--warm-tills",
        type=int,
        default=10,
        help="tills playing one order of each kind before the clock starts "
        "(not counted; 0: none)",
    )
    parser.add_argument("--kill-worker-at", type=float)
    parser.add_argument("--restart-pg-at", type=float)
    parser.add_argument("--restart-pg-cmd", default="")
    parser.add_argument("--pg-host", default="")
    parser.add_argument("--pg-port", type=int, default=54339)
    parser.add_argument("--odoo-pidfile", default="")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    result = asyncio.run(Driver(args).run())
    with open(args.out, "w") as handle:
        json.dump(result, handle)
    synced = sum(1 for r in result["orders"] if not r.get("lost_or_refused"))
    print(
        f"{result['variant']}: {result['tills']} tills, {synced} orders synced in "
        f"{result['ended'] - result['started']:.0f} s, faults {result['faults']}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
