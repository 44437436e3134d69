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
saleswoman in French); the modules' demo records in Spanish and French (their
translated fields get es_ES and fr_FR values; the few texts that are not
translated fields are written in Spanish); a store questionnaire asked at the
chain's tills; gift cards of the demo series sold, reloaded and spent at the
Madrid till and loaded by head office, through the suite's own methods (the
till's order sync, the load wizard, the sale order payment), so that their
ledger shows a real history.

Every record made here gets an external id `retail_demo.<name>`: a second run
finds them and creates nothing twice.
"""

import base64
import csv
import io
import os
import uuid

from stdnum.es import cif, dni

from odoo import Command

from odoo.addons.retail_surveys.hooks import _demo_questions

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


# ----------------------------------------------------------------------------------
# The modules' demo records in the demo's languages
# ----------------------------------------------------------------------------------
def translate(record, values):
    """The Spanish and French values of translated fields: {field: (es, fr)}
    (the English source stays)."""
    for field, (spanish, french) in values.items():
        record.update_field_translations(field, {"es_ES": spanish, "fr_FR": french})


# Translated fields of the modules' demo records: {external id: {field: (es, fr)}}.
DEMO_TRANSLATIONS = {
    "retail_customer.retail_segment_newsletter_demo": {
        "name": ("Suscritos al boletín", "Abonnés à la newsletter"),
    },
    "retail_loyalty.loyalty_program_retail_points_demo": {
        "name": ("Club de puntos", "Club de points"),
        "portal_point_name": ("Puntos", "Points"),
    },
    "retail_loyalty.retail_loyalty_tier_bronze_demo": {
        "name": ("Bronce", "Bronze"),
        "receipt_message": ("¡Bienvenido al club!", "Bienvenue au club !"),
    },
    "retail_loyalty.retail_loyalty_tier_silver_demo": {"name": ("Plata", "Argent")},
    "retail_loyalty.retail_loyalty_tier_gold_demo": {
        "name": ("Oro", "Or"),
        "receipt_message": ("¡Gracias, socio Oro!", "Merci, membre Or !"),
    },
    "retail_loyalty.retail_loyalty_tier_vip_demo": {
        "receipt_message": (
            "VIP: puntos dobles en cada compra.",
            "VIP : points doublés à chaque achat.",
        ),
    },
    "retail_promotions.product_product_socks_demo": {
        "name": ("Calcetines", "Chaussettes"),
    },
    "retail_promotions.product_product_tote_bag_demo": {
        "name": ("Bolsa de tela (regalo)", "Sac en toile (cadeau)"),
    },
    "retail_promotions.loyalty_program_socks_3x2_demo": {
        "name": ("Calcetines 3x2", "Chaussettes 3 pour 2"),
    },
    "retail_promotions.loyalty_program_weekend_tote_demo": {
        "name": (
            "Bolsa de regalo desde 50 € en calcetines, los fines de semana",
            "Sac offert dès 50 € de chaussettes, le week-end",
        ),
    },
    "retail_promotions.loyalty_program_socks_breaks_demo": {
        "name": ("Calcetines por docenas", "Chaussettes à la douzaine"),
    },
    "retail_promotions.loyalty_program_summer_sales_demo": {
        "name": (
            "Rebajas de verano: calcetines -30 %",
            "Soldes d'été : chaussettes -30 %",
        ),
    },
    "retail_promotions.loyalty_program_staff_demo": {
        "name": ("Descuento de empleado -20 %", "Remise du personnel -20 %"),
    },
    "retail_promotions_loyalty.loyalty_program_socks_double_points_demo": {
        "name": (
            "Puntos dobles en calcetines, mañanas entre semana",
            "Points doublés sur les chaussettes, en semaine le matin",
        ),
    },
}

# The rewards of the points club, by discount mode: their descriptions.
POINTS_REWARDS = {
    "per_order": ("10 € de descuento en su compra", "10 € de remise sur votre achat"),
    "percent": ("15 % de descuento en artículos", "15 % de remise sur les articles"),
}

# Texts of the modules' demo records that are not translated fields (a gift list's
# title, an incident's description): the Spanish chain's own, in Spanish.
DEMO_SPANISH = {
    "retail_gift_registry.retail_gift_registry_wedding_demo": {
        "title": "Boda de Ana y Luis",
        "welcome_message": "¡Gracias por compartir nuestro día!",
    },
    "retail_gift_registry.retail_gift_registry_birth_demo": {
        "title": "Bienvenida al bebé de Claire",
    },
    "retail_gift_registry.sale_order_wedding_1_demo": {
        "retail_gift_registry_guest": "Familia García",
        "retail_gift_registry_message": "¡Todo nuestro cariño a los novios!",
    },
    "retail_gift_registry.sale_order_wedding_2_demo": {
        "retail_gift_registry_guest": "Marta y Pablo",
        "retail_gift_registry_message": "Disfrutad de vuestro nuevo hogar.",
    },
    "retail_gift_registry.sale_order_birth_1_demo": {
        "retail_gift_registry_guest": "Tía Sofía",
        "retail_gift_registry_message": "¡Bienvenido al mundo, pequeño!",
    },
    "retail_incidents.retail_incident_damaged_demo": {
        "description": "La cafetera comprada la semana pasada pierde agua por el "
        "depósito.",
    },
    "retail_incidents.retail_incident_late_delivery_demo": {
        "description": "El sofá se entregó cuatro días después de la fecha prometida.",
        "resolution": "Se ofreció un vale del 10 % y el cliente lo aceptó.",
    },
    "retail_incidents.retail_incident_billing_demo": {
        "description": "Facturado dos veces por la misma instalación.",
    },
    "retail_promotions.loyalty_program_summer_sales_demo": {
        "retail_season": "Rebajas de verano",
    },
    "retail_giftcard.retail_giftcard_series_store_demo": {
        "name": "Tarjeta regalo Moda Ibérica",
    },
}

# The store questionnaires' texts (retail_surveys' demo questions): {English: (es, fr)}.
SURVEY_TEXTS = {
    "How was your visit today?": (
        "¿Qué tal su visita hoy?",
        "Comment s'est passée votre visite ?",
    ),
    "Did you find everything you were looking for?": (
        "¿Ha encontrado todo lo que buscaba?",
        "Avez-vous trouvé tout ce que vous cherchiez ?",
    ),
    "Yes": ("Sí", "Oui"),
    "No": ("No", "Non"),
    "How did you hear about us?": (
        "¿Cómo nos ha conocido?",
        "Comment nous avez-vous connus ?",
    ),
    "Friends": ("Amigos", "Des amis"),
    "Social media": ("Redes sociales", "Réseaux sociaux"),
    "Walking by": ("Pasaba por aquí", "En passant"),
    "Advertising": ("Publicidad", "Publicité"),
    "Other": ("Otro", "Autre"),
    "Who did you buy for?": ("¿Para quién ha comprado?", "Pour qui avez-vous acheté ?"),
    "Myself": ("Para mí", "Pour moi"),
    "A gift": ("Un regalo", "Un cadeau"),
    "My home": ("Mi casa", "Ma maison"),
}


def demo_records_in_spanish():
    for xmlid, values in DEMO_TRANSLATIONS.items():
        record = env.ref(xmlid, raise_if_not_found=False)  # noqa: F821
        if record:
            translate(record, values)
        if record._name == "loyalty.program" and xmlid.startswith("retail_promotions"):
            # a promotion's discount line at the till reads like the promotion
            for reward in record.reward_ids:
                translate(reward, {"description": values["name"]})
    for xmlid, values in DEMO_SPANISH.items():
        record = env.ref(xmlid, raise_if_not_found=False)  # noqa: F821
        if record:
            # written as the chain's own texts: no "changed from" line in the chatter
            record.with_context(tracking_disable=True).write(values)
    program = env.ref(  # noqa: F821
        "retail_loyalty.loyalty_program_retail_points_demo", raise_if_not_found=False
    )
    for reward in program.reward_ids if program else []:
        if reward.discount_mode in POINTS_REWARDS:
            translate(reward, {"description": POINTS_REWARDS[reward.discount_mode]})


def translate_questionnaire(survey):
    """Spanish and French texts of a store questionnaire's questions and answers."""
    survey = survey.with_context(lang="en_US")
    for question in survey.question_ids:
        if question.title in SURVEY_TEXTS:
            translate(question, {"title": SURVEY_TEXTS[question.title]})
        for answer in question.suggested_answer_ids:
            if answer.value in SURVEY_TEXTS:
                translate(answer, {"value": SURVEY_TEXTS[answer.value]})


def store_questionnaires(configs_by_company):
    """The checkout questionnaire asked at every order of the chain's tills (one
    rule per company), and every store questionnaire in Spanish and French (the
    one retail_surveys made for the till of its install is named after it)."""
    english = env(context=dict(env.context, lang="en_US"))  # noqa: F821
    survey = demo_ref("survey_checkout") or ensure(
        "survey_checkout",
        "survey.survey",
        {
            "title": "Checkout questionnaire",
            "retail_is_store": True,
            "question_and_page_ids": [
                Command.create(values) for values in _demo_questions(english)
            ],
        },
    )
    translate(survey, {"title": ("Cuestionario de caja", "Questionnaire de caisse")})
    for key, (company, configs) in configs_by_company.items():
        ensure(
            f"survey_rule_{key}",
            "retail.survey.rule",
            {
                "survey_id": survey.id,
                "company_id": company.id,
                "config_ids": [Command.set(configs.ids)],
            },
            company,
        )
    Rule = env["retail.survey.rule"].with_context(active_test=False)  # noqa: F821
    for store_survey in env["survey.survey"].search(  # noqa: F821
        [("retail_is_store", "=", True)]
    ):
        translate_questionnaire(store_survey)
        if store_survey == survey:
            continue
        store = Rule.search([("survey_id", "=", store_survey.id)], limit=1).config_ids
        if store:
            translate(
                store_survey,
                {
                    "title": (
                        f"Cuestionario de caja - {store[:1].name}",
                        f"Questionnaire de caisse - {store[:1].name}",
                    )
                },
            )


# ----------------------------------------------------------------------------------
# Gift cards: sold, reloaded and spent at the Madrid till, loaded by head office
# ----------------------------------------------------------------------------------
def giftcard_series(user_env):
    """The demo's gift card series (retail_giftcard's), its program and product
    in Spanish and French."""
    series = user_env.ref("retail_giftcard.retail_giftcard_series_store_demo")
    translate(
        series.program_id,
        {"name": ("Tarjeta regalo Moda Ibérica", "Carte cadeau Moda Ibérica")},
    )
    series.product_id.with_context(lang="en_US").name = "Gift card"
    translate(series.product_id, {"name": ("Tarjeta regalo", "Carte cadeau")})
    return series


def new_giftcards(series, quantity):
    """Cards generated by head office with PINs, as the print file gives them:
    [(card, pin)]."""
    wizard = series.env["retail.giftcard.generate"].create(
        {"series_id": series.id, "quantity": quantity, "with_pin": True}
    )
    wizard.action_generate()
    rows = csv.DictReader(io.StringIO(base64.b64decode(wizard.print_file).decode()))
    Card = series.env["loyalty.card"]
    return [(Card.search([("code", "=", row["number"])]), row["pin"]) for row in rows]


def till_order(session, cashier, lines, payments, partner=None):
    """One paid order of the till's `session`, synced as the till sends it:
    lines [(product, quantity, unit price, extra values)], payments [(method,
    amount or None for the rest, extra values)]. Returns (uuid, the till's data)."""
    config = session.config_id
    order_uuid = str(uuid.uuid4())
    order_lines, total, untaxed = [], 0.0, 0.0
    for product, quantity, price, extra in lines:
        taxes = config.default_fiscal_position_id.map_tax(
            product.taxes_id.filtered(lambda tax: tax.company_id == config.company_id)
        )
        amounts = taxes.compute_all(price, config.currency_id, quantity)
        total += amounts["total_included"]
        untaxed += amounts["total_excluded"]
        order_lines.append(
            Command.create(
                {
                    "uuid": str(uuid.uuid4()),
                    "product_id": product.id,
                    "qty": quantity,
                    "price_unit": price,
                    "price_subtotal": amounts["total_excluded"],
                    "price_subtotal_incl": amounts["total_included"],
                    "tax_ids": [Command.set(taxes.ids)],
                    **extra,
                }
            )
        )
    total = round(total, 2)
    # a payment of amount None pays what the others leave
    given = sum(amount for _method, amount, _extra in payments if amount is not None)
    payment_lines = [
        Command.create(
            {
                "uuid": str(uuid.uuid4()),
                "payment_method_id": method.id,
                "amount": round(total - given, 2) if amount is None else amount,
                **extra,
            }
        )
        for method, amount, extra in payments
    ]
    data = {
        "uuid": order_uuid,
        "name": "/",
        "session_id": session.id,
        "user_id": cashier.id,
        "partner_id": partner.id if partner else False,
        "pricelist_id": config.pricelist_id.id,
        "fiscal_position_id": config.default_fiscal_position_id.id,
        "amount_total": total,
        "amount_tax": total - untaxed,
        "amount_paid": sum(command[2]["amount"] for command in payment_lines),
        "amount_return": 0,
        "lines": order_lines,
        "payment_ids": payment_lines,
        "last_order_preparation_change": "{}",
        "to_invoice": False,
    }
    return order_uuid, data


def sync_till_order(session, cashier, lines, payments, partner=None, token_of=None):
    """Sync one till order; `token_of` (card, PIN): the card pays the order's
    gift card payment with the spend token the till gets from its PIN check."""
    order_uuid, data = till_order(session, cashier, lines, payments, partner)
    if token_of:
        card, pin = token_of
        check = (
            session.env["loyalty.card"]
            .with_user(cashier)
            .retail_giftcard_check(card.code, session.config_id.id, pin, order_uuid)
        )
        for command in data["payment_ids"]:
            if command[2].get("retail_giftcard_code") == card.code:
                command[2]["retail_giftcard_token"] = check["spend_token"]
    Order = session.env["pos.order"]
    Order.sync_from_ui([data])
    return Order.search([("uuid", "=", order_uuid)])


def giftcards(company, madrid):
    """Three gift cards of the demo series with a real ledger: one sold to a
    customer at the Madrid till, partly spent there and reloaded; one sold there
    and spent whole; one loaded by head office for the wholesale customer (a
    corporate order) that pays part of two sale orders. Once: the cards get the
    external ids retail_demo.giftcard_1..3."""
    if demo_ref("giftcard_1"):
        return
    admin = env.ref("base.user_admin")  # noqa: F821
    cashier = demo_ref("user_cashier")
    user_env = env(  # noqa: F821
        user=admin,
        context={
            "lang": "es_ES",
            "tz": "Europe/Madrid",
            "allowed_company_ids": company.ids,
        },
    )
    admin.group_ids = [Command.link(env.ref("retail_card.group_card_head_office").id)]  # noqa: F821
    series = giftcard_series(user_env)
    cards = new_giftcards(series, 3)
    for index, (card, _pin) in enumerate(cards, start=1):
        env["ir.model.data"]._update_xmlids(  # noqa: F821
            [{"xml_id": f"{DEMO}.giftcard_{index}", "record": card, "noupdate": True}]
        )
    (lucia, lucia_pin), (second, second_pin), (corporate, corporate_pin) = cards
    madrid = madrid.with_env(user_env)
    if not madrid.current_session_id:
        madrid.open_ui()
    session = madrid.current_session_id
    methods = madrid.payment_method_ids
    cash = methods.filtered("is_cash_count")[:1]
    gift = methods.filtered("retail_giftcard")[:1]
    socks = user_env.ref("retail_promotions.product_product_socks_demo")
    customer = user_env.ref("retail_customer.res_partner_customer_1_demo")
    card_line = series.product_id
    # a customer buys two cards: one for herself, one as a present
    sync_till_order(
        session,
        cashier,
        [
            (card_line, 1, 50.0, {"retail_giftcard_code": lucia.code}),
            (card_line, 1, 30.0, {"retail_giftcard_code": second.code}),
        ],
        [(cash, None, {})],
        customer,
    )
    lucia.partner_id = customer
    # she pays socks with her card, then reloads it
    sync_till_order(
        session,
        cashier,
        [(socks, 3, 6.0, {})],
        [(gift, None, {"retail_giftcard_code": lucia.code})],
        customer,
        token_of=(lucia, lucia_pin),
    )
    sync_till_order(
        session,
        cashier,
        [(card_line, 1, 25.0, {"retail_giftcard_code": lucia.code})],
        [(cash, None, {})],
        customer,
    )
    # the present pays part of an order, the rest in cash
    sync_till_order(
        session,
        cashier,
        [(socks, 6, 6.0, {})],
        [
            (gift, 30.0, {"retail_giftcard_code": second.code}),
            (cash, None, {}),
        ],
        token_of=(second, second_pin),
    )
    corporate_order(user_env, series, corporate, corporate_pin, socks)


def corporate_order(user_env, series, card, pin, product):
    """Head office loads a card for the wholesale customer (Dr its receivable);
    the card then pays part of two of its sale orders."""
    wholesale = demo_ref("customer_wholesale").with_env(user_env)
    card.partner_id = wholesale
    user_env["retail.giftcard.load"].create(
        {
            "series_id": series.id,
            "source": "cards",
            "card_ids": [Command.set(card.ids)],
            "amount": 100.0,
            "counterpart_account_id": wholesale.property_account_receivable_id.id,
        }
    ).action_load()
    for quantity, amount in ((10, 35.0), (5, 20.0)):
        order = user_env["sale.order"].create(
            {
                "partner_id": wholesale.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": quantity}
                    )
                ],
            }
        )
        order.action_confirm()
        user_env["retail.giftcard.sale.pay"].create(
            {"order_id": order.id, "number": card.code, "pin": pin, "amount": amount}
        ).action_pay()


# ----------------------------------------------------------------------------------
# A campaign: one mailing sent to the chain's customers, with its results, and the
# next one in draft
# ----------------------------------------------------------------------------------
CAMPAIGN_DOMAIN = "[('customer_number', '!=', False), ('is_company', '=', False)]"
CAMPAIGN_BODY = """<div>
<p>Hola <t t-out="object.name"/>:</p>
<p>en <b><t t-out="object.retail_preferred_store_id.name"/></b> le esperan las
rebajas de invierno: hasta un 30 % de descuento en calcetines y complementos.</p>
<p>¡Le esperamos!</p>
</div>"""


def campaign_mailing(user_env, campaign, subject):
    """A mailing by email to the chain's customers of the campaign."""
    return user_env["mailing.mailing"].create(
        {
            "subject": subject,
            "campaign_id": campaign.id,
            "mailing_type": "mail",
            "mailing_model_id": user_env.ref("base.model_res_partner").id,
            "mailing_domain": CAMPAIGN_DOMAIN,
            "body_arch": CAMPAIGN_BODY,
            "body_html": CAMPAIGN_BODY,
            "retail_holdout_percent": 25.0,
        }
    )


def campaign(company, madrid):
    """The winter sales campaign: its first mailing sent (its holdout drawn by
    the send), delivered, opened by two customers, one of whom buys at the
    Madrid till; its reminder in draft. Once: retail_demo.campaign_winter."""
    if demo_ref("campaign_winter"):
        return
    admin = env.ref("base.user_admin")  # noqa: F821
    user_env = env(  # noqa: F821
        user=admin,
        context={
            "lang": "es_ES",
            "tz": "Europe/Madrid",
            "allowed_company_ids": company.ids,
        },
    )
    winter = user_env["utm.campaign"].create({"name": "Rebajas de invierno"})
    env["ir.model.data"]._update_xmlids(  # noqa: F821
        [{"xml_id": f"{DEMO}.campaign_winter", "record": winter, "noupdate": True}]
    )
    sent = campaign_mailing(user_env, winter, "Las rebajas de invierno ya están aquí")
    sent.action_send_mail()
    # the demo has no mail server: the queued emails are taken as delivered
    mails = user_env["mail.mail"].search([("mailing_id", "=", sent.id)])
    mails._postprocess_sent_message(success_pids=mails.recipient_ids, success_emails=[])
    traces = sent.mailing_trace_ids.sorted("id")
    traces[:2].set_opened()
    traces[:1].set_clicked()
    madrid = madrid.with_env(user_env)
    if not madrid.current_session_id:
        madrid.open_ui()
    session = madrid.current_session_id
    buyer = user_env["res.partner"].browse(traces[:1].res_id)
    socks = user_env.ref("retail_promotions.product_product_socks_demo")
    cash = madrid.payment_method_ids.filtered("is_cash_count")[:1]
    sync_till_order(
        session,
        demo_ref("user_cashier"),
        [(socks, 4, 6.0, {})],
        [(cash, None, {})],
        buyer,
    )
    reminder = campaign_mailing(user_env, winter, "Últimos días de rebajas de invierno")
    env["ir.model.data"]._update_xmlids(  # noqa: F821
        [
            {
                "xml_id": f"{DEMO}.mailing_winter_reminder",
                "record": reminder,
                "noupdate": True,
            }
        ]
    )


# ----------------------------------------------------------------------------------
# After-sales: a jacket with a warranty bought at the Madrid till, the services
# the till offers on it
# ----------------------------------------------------------------------------------
# The service products: (key, English name, (es, fr), service type, price).
SERVICE_PRODUCTS = [
    ("service_hem", "Hem", ("Bajo", "Ourlet"), "alteration", 12.0),
    (
        "service_sleeves",
        "Sleeves",
        ("Acortar mangas", "Raccourcir les manches"),
        "alteration",
        15.0,
    ),
    (
        "service_zip",
        "Zip repair",
        ("Cambio de cremallera", "Changement de fermeture éclair"),
        "repair",
        18.0,
    ),
    (
        "service_warranty",
        "Warranty repair",
        ("Reparación en garantía", "Réparation sous garantie"),
        "warranty",
        0.0,
    ),
]


def demo_product(key, name, translations, values):
    """A product of the demo, named in English, Spanish and French."""
    product = ensure(
        key,
        "product.product",
        {"name": name, "available_in_pos": True, **values},
    )
    translate(product.product_tmpl_id, {"name": translations})
    return product


def aftersales(company, madrid):
    """The Madrid till takes services (its deposits on Odoo's down payment
    product); a customer bought a wool jacket with a two-year warranty there.
    Once: retail_demo.jacket_sale."""
    if demo_ref("jacket_sale"):
        return
    admin = env.ref("base.user_admin")  # noqa: F821
    admin.group_ids = [
        Command.link(env.ref("retail_aftersales.group_aftersales_store_manager").id)  # noqa: F821
    ]
    madrid.down_payment_product_id = env.ref("pos_sale.default_downpayment_product")  # noqa: F821
    jacket = demo_product(
        "product_wool_jacket",
        "Wool jacket",
        ("Chaqueta de lana", "Veste en laine"),
        {"list_price": 89.0, "type": "consu", "retail_warranty_months": 24},
    )
    for key, name, translations, service_type, price in SERVICE_PRODUCTS:
        demo_product(
            key,
            name,
            translations,
            {
                "type": "service",
                "list_price": price,
                "retail_service_type": service_type,
            },
        )
    session = madrid.current_session_id
    if not session:
        madrid.open_ui()
        session = madrid.current_session_id
    cash = madrid.payment_method_ids.filtered("is_cash_count")[:1]
    order = sync_till_order(
        session,
        demo_ref("user_cashier"),
        [(jacket, 1, 89.0, {})],
        [(cash, None, {})],
        env.ref("retail_customer.res_partner_customer_1_demo"),  # noqa: F821
    )
    env["ir.model.data"]._update_xmlids(  # noqa: F821
        [{"xml_id": f"{DEMO}.jacket_sale", "record": order, "noupdate": True}]
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
    demo_records_in_spanish()
    store_questionnaires(
        {
            "main": (company, configs),
            "franchise": (franchise, demo_ref("pos_config_bio")),
            "france": (france, demo_ref("pos_config_par")),
        }
    )
    giftcards(company, configs[:1])
    campaign(company, configs[:1])
    aftersales(company, configs[:1])


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
