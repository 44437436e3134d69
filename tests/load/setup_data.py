# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Set-up of a load test database (an Odoo script, run by tests/load/run.sh).

Usage::

    .local/venv/bin/python tests/load/setup_data.py --conf .local/load-odoo.conf \\
        --db load_tpl_retail --variant retail --customers 2000 --out fixture.json

``--variant retail``: every retail module is installed (with ``LOAD_GENERATE=1``,
tests/benchmarks/generate.py already made the customers of the first company).
``--variant native``: only pos_loyalty is installed. Missing customers and every
card are made here: the first ones through the ORM, the rest copies of them
inserted in one statement (``clone_rows``).

Both variants get the same chain: two companies (the second, a franchisee, keeps
its own customer file in the retail variant), 10 stores (5 per company) of 5
tills each (a ``pos.config`` with an open session), one cashier per store, a
loyalty program per company (1 point per euro, 10 euros off for 100 points;
the retail ledger in the retail variant), one loyalty card per customer, 20
untaxed goods at whole euro prices, and gift cards: the retail variant's gift
card series of each company (cards sold and loaded through the series' bulk
load, with its journal entry, and cards in stock to sell at the tills), the
native variant's gift card program with cards holding the same amounts.

The driver's pool (customers with their card and starting points, gift cards
with their balance, products, tills, sessions, payment methods, cashiers) is
written to ``--out`` as JSON.
"""

import argparse
import json
import logging
import os
import sys
import time

sys.path.insert(
    0,
    os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks"
    ),
)
import benchlib  # noqa: E402

from odoo.tools import SQL  # noqa: E402

_logger = logging.getLogger("retail_load.setup")

COMPANIES = ["Moda Centro", "Franquicia Norte"]
STORES_PER_COMPANY = 5
TILLS_PER_STORE = 5
PASSWORD = "load-cashier"  # noqa: S105 - a throwaway database on localhost
ORM_CUSTOMERS = 1000
# Driver pool sizes, per company.
POOL_CUSTOMERS = 120
POOL_GIFTCARDS = 60
HOT_GIFTCARDS = 4
STOCK_GIFTCARDS = 300
START_POINTS = 1000
GIFTCARD_START = 400
HOT_START = 3000


class LoadSetup:
    def __init__(self, env, args):
        self.env = env
        self.args = args
        self.retail = args.variant == "retail"

    # -- companies, users, catalogue ------------------------------------------

    def companies(self):
        env = self.env
        eur = env.ref("base.EUR")
        eur.active = True
        main = env.ref("base.main_company")
        # no country is set here: a country installs its localisation modules
        main.write({"name": COMPANIES[0], "currency_id": eur.id})
        env["product.pricelist"].with_context(active_test=False).search([]).filtered(
            lambda p: p.currency_id != eur
        ).write({"currency_id": eur.id})
        vals = {
            "name": COMPANIES[1],
            "currency_id": eur.id,
        }
        if self.retail:
            vals["retail_customer_file"] = "own"
        # loading a chart commits: a set-up run again finds the company made
        second = env["res.company"].search([("name", "=", COMPANIES[1])])
        if not second:
            second = env["res.company"].create(vals)
        if not second.chart_template:
            env["account.chart.template"].try_loading("generic_coa", second, False)
        env.user.write({"company_ids": [(4, second.id)]})
        return main | second

    def cashier(self, company, store_index):
        groups = [
            self.env.ref("base.group_user").id,
            self.env.ref("point_of_sale.group_pos_user").id,
        ]
        if self.retail:
            groups.append(self.env.ref("retail_card.group_card_cashier").id)
        return (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": f"Cashier {store_index + 1}",
                    "login": f"load.cashier{store_index + 1}",
                    "password": PASSWORD,
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "group_ids": [(6, 0, groups)],
                }
            )
        )

    def products(self):
        return self.env["product.product"].create(
            [
                {
                    "name": f"Load Article {index + 1}",
                    "list_price": 5 + 3 * index,
                    "available_in_pos": True,
                    "sale_ok": True,
                    "taxes_id": [(5, 0, 0)],
                    "company_id": False,
                }
                for index in range(20)
            ]
        )

    # -- programs ----------------------------------------------------------------

    def loyalty_program(self, company):
        vals = {
            "name": f"Load Points {company.name}",
            "program_type": "loyalty",
            "applies_on": "both",
            "trigger": "auto",
            "pos_ok": True,
            "company_id": company.id,
            "rule_ids": [
                (
                    0,
                    0,
                    {
                        "reward_point_mode": "money",
                        "reward_point_amount": 1,
                        "minimum_amount": 0,
                    },
                )
            ],
            "reward_ids": [
                (
                    0,
                    0,
                    {
                        "reward_type": "discount",
                        "discount_mode": "per_order",
                        "discount": 10,
                        "required_points": 100,
                        "discount_applicability": "order",
                    },
                )
            ],
        }
        if self.retail:
            vals["retail_ledger"] = True
        return self.env["loyalty.program"].with_company(company).create(vals)

    # -- customers and their cards -----------------------------------------------

    def customers(self, company, count, own):
        Partner = (
            self.env["res.partner"]
            .with_company(company)
            .with_context(tracking_disable=True, mail_create_nolog=True)
        )
        domain = [("is_company", "=", False), ("type", "=", "contact")]
        domain.append(("company_id", "=", company.id if own else False))
        ids = Partner.search(domain, order="id", limit=count).ids
        missing = count - len(ids)
        # The first customers through the ORM (the driver's pool among them),
        # the rest copies of the last one made in one statement: 200,000 ORM
        # creates would take most of the set-up (about 2.5 ms each with the
        # retail modules' normalisation).
        made = min(missing, ORM_CUSTOMERS)
        if made:
            vals = [{"name": f"{company.name} Customer {i + 1}"} for i in range(made)]
            if own:
                for item in vals:
                    item["company_id"] = company.id
            ids += Partner.create(vals).ids
            self.env.cr.commit()
            self.env.invalidate_all()
        if made < missing:
            ids += self.clone_partners(company, ids[-1], made, missing - made)
        return ids

    def clone_rows(self, table, template_id, count, overrides):
        """Insert ``count`` copies of the row ``template_id`` of ``table`` in one
        statement. ``overrides``: {column: SQL of the copy's number ``n``
        (1..count) and the template row ``t``}. Returns the new ids in order."""
        columns = [
            name
            for (name,) in self.env.execute_query(
                SQL(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = %s "
                    "AND column_name != 'id' ORDER BY ordinal_position",
                    table,
                )
            )
        ]
        values = [
            overrides.get(name, SQL("t.%s", SQL.identifier(name))) for name in columns
        ]
        rows = self.env.execute_query(
            SQL(
                "INSERT INTO %s (%s) SELECT %s FROM %s AS t, "
                "generate_series(1, %s) AS n WHERE t.id = %s ORDER BY n RETURNING id",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(name) for name in columns),
                SQL(", ").join(values),
                SQL.identifier(table),
                count,
                template_id,
            )
        )
        self.env.invalidate_all()
        return [row[0] for row in rows]

    def clone_partners(self, company, template_id, offset, count):
        name = SQL("%s || (n + %s)", f"{company.name} Customer ", offset)
        overrides = {
            "name": name,
            "complete_name": name,
            # unique in the customer file (retail_customer)
            "customer_number": SQL("t.customer_number || '-' || n"),
        }
        ids = self.clone_rows("res_partner", template_id, count, overrides)
        # the copies point to the template as their commercial partner: to themselves
        self.env.cr.execute(
            SQL(
                "UPDATE res_partner SET commercial_partner_id = id "
                "WHERE commercial_partner_id = %s AND id != %s",
                template_id,
                template_id,
            )
        )
        self.env.cr.commit()
        return ids

    def cards(self, program, partner_ids):
        Card = self.env["loyalty.card"].with_context(
            tracking_disable=True, action_no_send_mail=True
        )
        have = {
            row["partner_id"]: row["id"]
            for row in Card.search_read(
                [("program_id", "=", program.id), ("partner_id", "in", partner_ids)],
                ["partner_id"],
                load=None,
            )
        }
        todo = [pid for pid in partner_ids if pid not in have]
        # The driver's pool through the ORM, the rest copies of its last card
        # in one statement (each with its partner and a fresh random code).
        first = todo[:POOL_CUSTOMERS]
        if first:
            created = Card.create(
                [
                    {"program_id": program.id, "partner_id": pid, "points": 0}
                    for pid in first
                ]
            )
            have.update(zip(first, created.ids, strict=True))
            self.env.cr.commit()
        rest = todo[len(first) :]
        if rest:
            code = SQL(
                "'044-' || regexp_replace("
                "substr(md5(random()::text || n::text), 1, 16), "
                "'(.{4})(?!$)', '\\1-', 'g')"
            )
            template = have[first[-1]] if first else have[partner_ids[0]]
            ids = self.clone_rows(
                "loyalty_card",
                template,
                len(rest),
                {"partner_id": SQL("(%s::int[])[n]", rest), "code": code},
            )
            have.update(zip(rest, ids, strict=True))
            self.env.cr.commit()
        return have

    def give_points(self, card_ids, points):
        Card = self.env["loyalty.card"]
        cards = Card.browse(card_ids)
        if self.retail:
            Card._retail_post_movements(
                [{"card": card, "amount": points, "kind": "earn"} for card in cards]
            )
        else:
            cards.with_context(tracking_disable=True).write({"points": points})

    # -- gift cards --------------------------------------------------------------

    def retail_giftcards(self, company, config_ids):
        env = self.env
        series = (
            env["retail.giftcard.series"]
            .with_company(company)
            .create(
                {
                    "name": f"Gift cards {company.name}",
                    "company_id": company.id,
                    "prefix": f"77{company.id:02d}",
                    "number_length": 14,
                    "min_load": 5,
                    "max_load": 5000,
                    "max_balance": 20000,
                    "validity_months": 24,
                }
            )
        )
        series.product_id.write({"available_in_pos": True, "taxes_id": [(5, 0, 0)]})
        pool = env["loyalty.card"].browse(series._generate_cards(POOL_GIFTCARDS))
        stock = env["loyalty.card"].browse(series._generate_cards(STOCK_GIFTCARDS))
        counterpart = env["account.account"].search(
            [("company_ids", "in", company.id), ("account_type", "=", "asset_cash")],
            limit=1,
        )
        for cards, amount in (
            (pool[:HOT_GIFTCARDS], HOT_START),
            (pool[HOT_GIFTCARDS:], GIFTCARD_START),
        ):
            env["retail.giftcard.load"].with_company(company).create(
                {
                    "series_id": series.id,
                    "source": "cards",
                    "card_ids": [(6, 0, cards.ids)],
                    "amount": amount,
                    "counterpart_account_id": counterpart.id,
                }
            ).action_load()
        method = company._retail_giftcard_payment_method()
        env["pos.config"].browse(config_ids).write(
            {"payment_method_ids": [(4, method.id)]}
        )
        return {
            "payment_method_id": method.id,
            "product_id": series.product_id.id,
            "pool": [
                {
                    "id": card.id,
                    "code": card.code,
                    "balance": HOT_START if index < HOT_GIFTCARDS else GIFTCARD_START,
                    "hot": index < HOT_GIFTCARDS,
                }
                for index, card in enumerate(pool)
            ],
            "stock": [{"id": card.id, "code": card.code} for card in stock],
        }

    def native_giftcard_program(self):
        Program = self.env["loyalty.program"]
        program = Program.create(
            {
                "name": "Load Gift Cards",
                "program_type": "gift_card",
                "company_id": False,
                "currency_id": self.env.ref("base.EUR").id,
                "pos_ok": True,
                **Program._program_type_default_values()["gift_card"],
            }
        )
        program.rule_ids.write({"minimum_amount": 0})
        program.reward_ids.discount_line_product_id.write({"taxes_id": [(5, 0, 0)]})
        return program

    def native_giftcards(self, program, company):
        Card = self.env["loyalty.card"].with_context(
            tracking_disable=True, action_no_send_mail=True
        )
        pool = Card.create(
            [
                {
                    "program_id": program.id,
                    "points": HOT_START if index < HOT_GIFTCARDS else GIFTCARD_START,
                }
                for index in range(POOL_GIFTCARDS)
            ]
        )
        product = program.rule_ids.product_ids[:1] or program.trigger_product_ids[:1]
        product.write({"available_in_pos": True, "taxes_id": [(5, 0, 0)]})
        reward = program.reward_ids[:1]
        return {
            "program_id": program.id,
            "reward_id": reward.id,
            "reward_product_id": reward.discount_line_product_id.id,
            "product_id": product.id,
            "pool": [
                {
                    "id": card.id,
                    "code": card.code,
                    "balance": card.points,
                    "hot": index < HOT_GIFTCARDS,
                }
                for index, card in enumerate(pool)
            ],
            "stock": [],
        }

    # -- tills -----------------------------------------------------------------

    def tills(self, company, store_offset, cashiers):
        PosConfig = self.env["pos.config"].with_company(company)
        tills = []
        for store in range(STORES_PER_COMPANY):
            store_index = store_offset + store
            cashier = cashiers[store_index]
            for till in range(TILLS_PER_STORE):
                journal, method_ids = PosConfig._create_journal_and_payment_methods(
                    cash_journal_vals={
                        "name": f"Caja S{store_index + 1} T{till + 1}",
                        "code": f"L{store_index + 1:02d}{till + 1}",
                        "company_id": company.id,
                    }
                )
                config = PosConfig.create(
                    {
                        "name": f"Store {store_index + 1} Till {till + 1}",
                        "company_id": company.id,
                        "journal_id": journal.id,
                        "payment_method_ids": [(6, 0, method_ids)],
                    }
                )
                tills.append(
                    {
                        "config_id": config.id,
                        "name": config.name,
                        "store": store_index + 1,
                        "company_id": company.id,
                        "login": cashier.login,
                        "user_id": cashier.id,
                        "pricelist_id": config.pricelist_id.id,
                    }
                )
        return tills

    def open_sessions(self, tills):
        for till in tills:
            config = self.env["pos.config"].browse(till["config_id"])
            session = self.env["pos.session"].create(
                {"user_id": till["user_id"], "config_id": config.id}
            )
            session.set_opening_control(0, "")
            till["session_id"] = session.id
            till["cash_method_id"] = config.payment_method_ids.filtered(
                lambda pm: pm.is_cash_count
            )[:1].id

    # -- all -------------------------------------------------------------------

    def run(self):
        started = time.perf_counter()
        args = self.args
        companies = self.companies()
        cashiers = [
            self.cashier(company, store)
            for company_index, company in enumerate(companies)
            for store in range(
                company_index * STORES_PER_COMPANY,
                (company_index + 1) * STORES_PER_COMPANY,
            )
        ]
        products = self.products()
        self.env["loyalty.program"].search([("pos_ok", "=", True)]).write(
            {"pos_ok": False}
        )
        tills = []
        for index, company in enumerate(companies):
            tills += self.tills(company, index * STORES_PER_COMPANY, cashiers)
        native_gc = None if self.retail else self.native_giftcard_program()
        fixture = {
            "variant": args.variant,
            "db": args.db,
            "password": PASSWORD,
            "reward_points": 100,
            "reward_amount": 10,
            "products": [{"id": p.id, "price": p.list_price} for p in products],
            "companies": {},
        }
        # the franchisee's customers are a tenth of the file
        sizes = [args.customers - args.customers // 10, args.customers // 10]
        for index, company in enumerate(companies):
            own = self.retail and index == 1
            program = self.loyalty_program(company)
            partner_ids = self.customers(company, sizes[index], own)
            cards = self.cards(program, partner_ids)
            pool = partner_ids[:POOL_CUSTOMERS]
            self.give_points([cards[pid] for pid in pool], START_POINTS)
            company_tills = [t for t in tills if t["company_id"] == company.id]
            if self.retail:
                giftcards = self.retail_giftcards(
                    company, [t["config_id"] for t in company_tills]
                )
            else:
                giftcards = self.native_giftcards(native_gc, company)
            fixture["companies"][str(company.id)] = {
                "name": company.name,
                "program_id": program.id,
                "reward_id": program.reward_ids.id,
                "reward_product_id": program.reward_ids.discount_line_product_id.id,
                "customers": [
                    {"partner_id": pid, "card_id": cards[pid], "points": START_POINTS}
                    for pid in pool
                ],
                "giftcards": giftcards,
            }
            self.env.cr.commit()
            _logger.info(
                "company %s ready (%s customers)", company.name, len(partner_ids)
            )
        self.open_sessions(tills)
        fixture["tills"] = tills
        self.env.cr.commit()
        # the planner must know the sizes of the tables filled in bulk
        self.env.cr.execute(SQL("ANALYZE"))
        self.env.cr.commit()
        with open(args.out, "w") as handle:
            json.dump(fixture, handle, indent=1)
        _logger.info("set-up done in %.0f s", time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--variant", choices=["retail", "native"], required=True)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--out", required=True)
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        LoadSetup(env, args).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
