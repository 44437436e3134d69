# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo's Spanish chain, built by scripts/demo.sh through `odoo-bin shell`
(which gives `env`). Demo only: no module loads this file.

RETAIL_DEMO_STEP=company, on a database with only `base`: the main company
becomes a Spanish company in euros, before `account` is installed, so that Odoo
gives it the Spanish chart of accounts (`l10n_es`); RETAIL_DEMO_STEP=chart checks
it got it (and loads it if it got none).
RETAIL_DEMO_STEP=chain, once every module is installed: stores in several
Spanish cities, a franchisee keeping its own customer file, a French store as a
second company, customers with valid DNI/NIE and Spanish phones, a wholesale
customer, and the users (admin, a cashier, a store manager in Spanish; a French
saleswoman in French).

Every record made here gets an external id `retail_demo.<name>`: a second run
finds them and creates nothing twice.
"""

import os

from stdnum.es import cif, dni

DEMO = "retail_demo"
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def demo_ref(name):
    return env.ref(f"{DEMO}.{name}", raise_if_not_found=False)  # noqa: F821


def ensure(name, model, values, company=None):
    """The demo record `name`, created with `values` (in `company`) on the first run."""
    record = demo_ref(name)
    if record:
        return record
    Model = env[model]  # noqa: F821
    if company:
        Model = Model.with_company(company).with_context(
            allowed_company_ids=company.ids
        )
    record = Model.create(values)
    env["ir.model.data"]._update_xmlids(  # noqa: F821
        [{"xml_id": f"{DEMO}.{name}", "record": record, "noupdate": True}]
    )
    return record


def spanish_cif(digits, letter="B"):
    """A valid CIF (B: limited company, A: public limited company) from 7 digits."""
    return f"ES{letter}{digits}{cif.calc_check_digits(letter + digits)[0]}"


def spanish_dni(number):
    return f"{number}{dni.calc_check_digit(number)}"


def spanish_nie(letter, number):
    """A valid NIE: X, Y, Z count as 0, 1, 2 for the check letter."""
    value = int("XYZ".index(letter) * 10**7 + int(number))
    return f"{letter}{number}{DNI_LETTERS[value % 23]}"


def french_vat(siren):
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


def lang(code):
    Lang = env["res.lang"].with_context(active_test=False)  # noqa: F821
    record = Lang.search([("code", "=", code)])
    if not record.active:
        Lang._activate_lang(code)
    return code


# ----------------------------------------------------------------------------------
# Step 1: the main company, on a database with only base
# ----------------------------------------------------------------------------------
def main_company_values():
    return {
        "name": "Moda Ibérica S.L.",
        "street": "Calle de Preciados, 12",
        "zip": "28013",
        "city": "Madrid",
        "state_id": env.ref("base.state_es_m").id,  # noqa: F821
        "country_id": env.ref("base.es").id,  # noqa: F821
        "phone": "+34 910 123 456",
        "email": "info@modaiberica.example.com",
        "website": "https://modaiberica.example.com",
        "vat": spanish_cif("1234567"),
    }


def main_company():
    eur = env.ref("base.EUR")  # noqa: F821
    eur.active = True
    company = env.ref("base.main_company")  # noqa: F821
    company.write(dict(main_company_values(), currency_id=eur.id))
    company.partner_id.lang = lang("es_ES")
    lang("fr_FR")
    env.ref("base.user_admin").write(  # noqa: F821
        {"name": "Ana Molina", "lang": "es_ES", "tz": "Europe/Madrid"}
    )


# ----------------------------------------------------------------------------------
# Step 2: stores, companies, customers and users, once every module is installed
# ----------------------------------------------------------------------------------
SPANISH_STORES = [
    # name, warehouse code, street, zip, city, province
    ("Madrid Preciados", "MAD", "Calle de Preciados, 12", "28013", "Madrid", "m"),
    (
        "Barcelona Portal de l'Àngel",
        "BCN",
        "Avinguda del Portal de l'Àngel, 20",
        "08002",
        "Barcelona",
        "b",
    ),
    ("Valencia Colón", "VLC", "Carrer de Colón, 27", "46004", "Valencia", "v"),
    ("Sevilla Sierpes", "SVQ", "Calle Sierpes, 45", "41004", "Sevilla", "se"),
]


def store_address(key, company, street, zip_code, city, state=None, country="es"):
    return ensure(
        f"partner_store_{key}",
        "res.partner",
        {
            "name": f"{company.name} - {city}",
            "parent_id": company.partner_id.id,
            "type": "other",
            "street": street,
            "zip": zip_code,
            "city": city,
            "state_id": state and env.ref(state).id,  # noqa: F821
            "country_id": env.ref(f"base.{country}").id,  # noqa: F821
        },
        company,
    )


def warehouse(key, company, name, code, address):
    Warehouse = env["stock.warehouse"]  # noqa: F821
    record = demo_ref(f"warehouse_{key}")
    if not record:
        record = Warehouse.search(
            [("company_id", "=", company.id), ("code", "=", code)], limit=1
        ) or ensure(
            f"warehouse_{key}",
            "stock.warehouse",
            {"name": name, "code": code, "company_id": company.id},
            company,
        )
    record.write({"name": name, "partner_id": address.id})
    return record


def till(key, company, name, wh, cash_code):
    config = demo_ref(f"pos_config_{key}")
    if config:
        return config
    PosConfig = (
        env["pos.config"]  # noqa: F821
        .with_company(company)
        .with_context(allowed_company_ids=company.ids)
    )
    methods = env["pos.payment.method"].search(  # noqa: F821
        [("company_id", "=", company.id), ("is_cash_count", "=", False)]
    )
    cash = PosConfig._create_cash_payment_method(
        {"name": f"Efectivo {name}", "code": cash_code}
    )
    return ensure(
        f"pos_config_{key}",
        "pos.config",
        {
            "name": name,
            "company_id": company.id,
            "picking_type_id": wh.pos_type_id.id,
            "payment_method_ids": [(6, 0, (methods | cash).ids)],
        },
        company,
    )


def spanish_stores(company):
    configs = env["pos.config"]  # noqa: F821
    for name, code, street, zip_code, city, province in SPANISH_STORES:
        key = code.lower()
        address = store_address(
            key, company, street, zip_code, city, f"base.state_es_{province}"
        )
        wh = warehouse(key, company, f"Tienda {name}", code, address)
        configs |= till(key, company, f"Tienda {name}", wh, f"E{code}")
    return configs


def second_company(key, xmlid, values, template):
    """A company of the demo: Odoo's own demo company of that country when its
    localisation loaded one (its chart is already there), else a new one."""
    company = demo_ref(f"company_{key}") or env.ref(  # noqa: F821
        xmlid, raise_if_not_found=False
    )
    if not company:
        company = env["res.company"].create({"name": values["name"]})  # noqa: F821
    env["ir.model.data"]._update_xmlids(  # noqa: F821
        [{"xml_id": f"{DEMO}.company_{key}", "record": company, "noupdate": True}]
    )
    company.write(values)
    if not company.chart_template:
        env["account.chart.template"].try_loading(template, company)  # noqa: F821
    env.ref("base.user_admin").company_ids = [(4, company.id)]  # noqa: F821
    return company


def franchisee():
    company = second_company(
        "franchise",
        "base.demo_company_es",
        {
            "name": "Franquicia Bilbao Moda S.L.",
            "street": "Gran Vía de Don Diego López de Haro, 30",
            "zip": "48009",
            "city": "Bilbao",
            "state_id": env.ref("base.state_es_bi").id,  # noqa: F821
            "country_id": env.ref("base.es").id,  # noqa: F821
            "currency_id": env.ref("base.EUR").id,  # noqa: F821
            "phone": "+34 944 123 456",
            "email": "bilbao@franquicia.example.com",
            "vat": spanish_cif("4815162"),
            "retail_customer_file": "own",
            "retail_default_channel_id": env.ref(  # noqa: F821
                "retail_customer.retail_channel_franchise"
            ).id,
        },
        "es_pymes",
    )
    company.partner_id.lang = "es_ES"
    address = store_address(
        "bio", company, company.street, "48009", "Bilbao", "base.state_es_bi"
    )
    wh = warehouse("bio", company, "Tienda Bilbao Gran Vía", "BIO", address)
    till("bio", company, "Tienda Bilbao Gran Vía", wh, "EBIO")
    return company


def french_store():
    company = second_company(
        "france",
        "base.demo_company_fr",
        {
            "name": "Mode Ibérique France SAS",
            "street": "120 Rue de Rivoli",
            "zip": "75001",
            "city": "Paris",
            "state_id": False,
            "country_id": env.ref("base.fr").id,  # noqa: F821
            "currency_id": env.ref("base.EUR").id,  # noqa: F821
            "phone": "+33 1 42 60 00 00",
            "email": "paris@modeiberique.example.com",
            "vat": french_vat("732829320"),
        },
        "fr",
    )
    company.partner_id.lang = "fr_FR"
    address = store_address(
        "par", company, "120 Rue de Rivoli", "75001", "Paris", country="fr"
    )
    wh = warehouse("par", company, "Boutique Paris Rivoli", "PAR", address)
    till("par", company, "Boutique Paris Rivoli", wh, "EPAR")
    return company


# name, national ID, phone, street, zip, city, province, channel
SPANISH_CUSTOMERS = [
    (
        "María José Navarro Ortega",
        spanish_dni("50123456"),
        "+34 655 123 456",
        "Calle de Alcalá, 85",
        "28009",
        "Madrid",
        "m",
        "store",
    ),
    (
        "Jordi Puig Ferrer",
        spanish_dni("38765432"),
        "+34 666 234 567",
        "Carrer de Mallorca, 214",
        "08008",
        "Barcelona",
        "b",
        "store",
    ),
    (
        "Elena Vidal Soler",
        spanish_dni("20456789"),
        "+34 677 345 678",
        "Avinguda del Regne de València, 40",
        "46005",
        "Valencia",
        "v",
        "online",
    ),
    (
        "Manuel Jiménez Castro",
        spanish_dni("28654321"),
        "+34 688 456 789",
        "Calle Feria, 102",
        "41003",
        "Sevilla",
        "se",
        "store",
    ),
    (
        "Andrea Rossi",
        spanish_nie("X", "4567890"),
        "+34 699 567 890",
        "Calle de Fuencarral, 44",
        "28004",
        "Madrid",
        "m",
        "store",
    ),
    (
        "Oleksandr Kovalenko",
        spanish_nie("Y", "2345678"),
        "+34 611 678 901",
        "Carrer de Sants, 150",
        "08028",
        "Barcelona",
        "b",
        "store",
    ),
]
FRANCHISE_CUSTOMERS = [
    (
        "Itziar Etxeberria Goikoetxea",
        spanish_dni("16234567"),
        "+34 622 789 012",
        "Calle Ercilla, 18",
        "48011",
        "Bilbao",
        "bi",
        "store",
    ),
    (
        "Aitor Urrutia Zabala",
        spanish_dni("30987654"),
        "+34 633 890 123",
        "Calle Licenciado Poza, 55",
        "48013",
        "Bilbao",
        "bi",
        "store",
    ),
]
FRENCH_CUSTOMERS = [
    ("Camille Lefèvre", "+33 6 12 34 56 78", "8 Rue Montorgueil", "75002"),
    ("Julien Moreau", "+33 6 23 45 67 89", "45 Boulevard Voltaire", "75011"),
]


def customers(franchise, france):
    for index, row in enumerate(SPANISH_CUSTOMERS + FRANCHISE_CUSTOMERS, start=1):
        name, national_id, phone, street, zip_code, city, province, channel = row
        company = franchise if row in FRANCHISE_CUSTOMERS else None
        ensure(
            f"customer_es_{index}",
            "res.partner",
            {
                "name": name,
                "national_id": national_id,
                "phone": phone,
                "street": street,
                "zip": zip_code,
                "city": city,
                "state_id": env.ref(f"base.state_es_{province}").id,  # noqa: F821
                "country_id": env.ref("base.es").id,  # noqa: F821
                "email": f"cliente{index}@example.com",
                "lang": "es_ES",
                "retail_channel_id": env.ref(  # noqa: F821
                    f"retail_customer.retail_channel_{channel}"
                ).id,
                "retail_consent_email": index % 2 == 1,
            },
            company,
        )
    ensure(
        "customer_wholesale",
        "res.partner",
        {
            "name": "Textiles del Mediterráneo S.A.",
            "is_company": True,
            "vat": spanish_cif("7654321", "A"),
            "phone": "+34 963 456 789",
            "street": "Polígono Fuente del Jarro, Calle Ciudad de Sevilla, 8",
            "zip": "46988",
            "city": "Paterna",
            "state_id": env.ref("base.state_es_v").id,  # noqa: F821
            "country_id": env.ref("base.es").id,  # noqa: F821
            "email": "compras@textilesmediterraneo.example.com",
            "lang": "es_ES",
            "retail_channel_id": env.ref(  # noqa: F821
                "retail_customer.retail_channel_wholesale"
            ).id,
        },
    )
    for index, (name, phone, street, zip_code) in enumerate(FRENCH_CUSTOMERS, 1):
        ensure(
            f"customer_fr_{index}",
            "res.partner",
            {
                "name": name,
                "phone": phone,
                "street": street,
                "zip": zip_code,
                "city": "Paris",
                "country_id": env.ref("base.fr").id,  # noqa: F821
                "email": f"client{index}@example.fr",
                "lang": "fr_FR",
                "retail_channel_id": env.ref(  # noqa: F821
                    "retail_customer.retail_channel_store"
                ).id,
            },
            france,
        )


def user(key, name, login, company, lang_code, tz, groups):
    record = demo_ref(f"user_{key}") or ensure(
        f"user_{key}",
        "res.users",
        {
            "name": name,
            "login": login,
            "password": login,
            "company_id": company.id,
            "company_ids": [(6, 0, company.ids)],
        },
    )
    record.write(
        {
            "lang": lang_code,
            "tz": tz,
            "group_ids": [(4, env.ref(group).id) for group in groups],  # noqa: F821
        }
    )
    return record


def users(company, france):
    admin = env.ref("base.user_admin")  # noqa: F821
    admin.write({"lang": "es_ES", "tz": "Europe/Madrid"})
    admin.partner_id.write({"email": "ana.molina@modaiberica.example.com"})
    user(
        "cashier",
        "Marta Ruiz (cajera)",
        "cajera",
        company,
        "es_ES",
        "Europe/Madrid",
        ["retail_card.group_card_cashier"],
    )
    user(
        "store_manager",
        "Jorge Navarro (encargado)",
        "encargado",
        company,
        "es_ES",
        "Europe/Madrid",
        [
            "retail_card.group_card_store_manager",
            "point_of_sale.group_pos_manager",
            "sales_team.group_sale_salesman_all_leads",
            "stock.group_stock_user",
        ],
    )
    user(
        "france",
        "Claire Martin (vendeuse)",
        "vendeuse",
        france,
        "fr_FR",
        "Europe/Paris",
        ["retail_card.group_card_cashier"],
    )


def chart():
    """The Spanish chart on the main company, before any module's demo data."""
    company = env.ref("base.main_company")  # noqa: F821
    if not company.chart_template:
        env["account.chart.template"].try_loading("es_pymes", company)  # noqa: F821
    if not company.chart_template.startswith("es"):
        raise SystemExit(f"the main company got the chart {company.chart_template}")


def chain():
    company = env.ref("base.main_company")  # noqa: F821
    if not (company.chart_template or "").startswith("es"):
        raise SystemExit(
            f"the main company has the chart {company.chart_template!r}, not a Spanish "
            "one: the demo database was not built by scripts/demo.sh"
        )
    # other modules' demo data rename the main company (stock's: San Francisco)
    company.write(main_company_values())
    main_pos = env.ref("point_of_sale.pos_config_main", raise_if_not_found=False)  # noqa: F821
    configs = spanish_stores(company)
    if main_pos and not demo_ref("pos_config_main_renamed"):
        main_pos.name = "Tienda Madrid Preciados (mostrador 2)"
        main_pos.picking_type_id = configs[:1].picking_type_id
        env["ir.model.data"]._update_xmlids(  # noqa: F821
            [
                {
                    "xml_id": f"{DEMO}.pos_config_main_renamed",
                    "record": main_pos,
                    "noupdate": True,
                }
            ]
        )
    franchise = franchisee()
    france = french_store()
    customers(franchise, france)
    users(company, france)


step = os.environ.get("RETAIL_DEMO_STEP")
if step == "company":
    main_company()
elif step == "chart":
    chart()
elif step == "chain":
    chain()
else:
    raise SystemExit(f"RETAIL_DEMO_STEP is {step!r}: company, chart or chain")
env.cr.commit()  # noqa: F821
print(f"retail demo: step {step} done")
