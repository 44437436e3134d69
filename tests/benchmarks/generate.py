# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Realistic synthetic data for the benchmarks of the retail suite.

Usage (an Odoo script, run with the project's venv on a database where
retail_customer and retail_customer_kpi are installed)::

    .local/venv/bin/python tests/benchmarks/generate.py \\
        --db retail_bench_200k --customers 200000 --seed 42

Everything is drawn from ``random.Random(seed)``: the same seed and sizes give
the same customers, orders and amounts (ids depend on the database).

What is generated
-----------------
* The company becomes Spanish (country ES, currency EUR, pricelists in EUR): the
  till reads typed phone numbers with the company's country.
* Stores: 7 own stores (channel Store) and 2 franchised stores (channel
  Franchise), each a ``pos.config`` with its cash journal and payment methods
  created by Odoo's own ``_create_journal_and_payment_methods``; sales teams
  Online and Wholesale carrying the Online and Wholesale channels.
* Catalogue: 10 product categories under "Tienda" and about 200 products (the
  same catalogue whatever the number of customers, so that what the till loads
  at start only differs by customers).
* Customers: Spanish first names and two surnames (frequency-weighted), the 52
  provinces (``res.country.state`` of base.es) weighted by population, real
  towns with postal codes starting with the province's INE code, streets;
  channels spread 70 % Store, 15 % Online, 8 % Wholesale (companies with a CIF,
  VAT and, for half of them, a contact person), 7 % Franchise; 88 % of people
  with a valid DNI (8 digits + "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]), 4 % with a
  NIE; unique mobile phones +34 6xx/7xx written the ways people type them
  (+34 612 34 56 78, 612345678, 612 34 56 78...), some landlines with the mobile
  in ``mobile``; loyalty cards (EAN-13) for a third of store customers; email and
  SMS consents with their dates; three segments (two rule-based, refreshed with
  the module's own set-based refresh, one manual).
  Partners are created through the ORM, ``create(list_of_vals)`` in batches of
  ``--batch-size`` (5,000), so that the module's normalisation, phone
  sanitisation, constraints and set-based customer numbering all run; one
  commit per batch. Mail tracking is disabled as in any import. The ORM costs
  about 2.5 ms of Python per partner, so the batches are spread over ``--jobs``
  worker processes (default: one per CPU; each its own Odoo and cursor, started
  by this script on itself with ``--worker``). Each batch draws from its own
  ``random.Random`` (seed, batch), and identifiers are bijections of the
  customer's global index (DNI, NIE, CIF, phones, cards), unique by
  construction: the data do not depend on the number of workers; database ids
  and customer numbers do (they follow the order in which batches commit).
* Orders over the last two years (``--years``): per customer a number of
  purchases drawn from an exponential law (22 % never bought), seasonality
  (December, sales in January, Black Friday, weekends), a favourite category per
  customer. Store customers buy at their home store (sometimes elsewhere, 10 %
  online), franchise customers at a franchised store, online and wholesale
  customers through sale orders (bigger baskets for wholesale), 1.5 % of till
  tickets are refunds; and ``--anonymous-share`` of the till tickets have no
  customer (most tickets in real stores), which matters for the queries that
  aggregate ``pos_order`` (the partners the till loads at start).
  Creating 100k+ orders through the POS or sale flow would take hours, so the
  history is inserted set-based in SQL (``INSERT ... SELECT FROM unnest(...)``
  with ids taken from the tables' sequences): one closed ``pos.session`` per
  store and day, ``pos.order``/``pos.order.line`` in state done, ``sale.order``/
  ``sale.order.line`` in state sale. Left out because no benchmark reads them:
  payments, taxes (prices include VAT, amount_tax is 0), journal entries, stock
  pickings.
* KPIs: every customer order is marked ``retail_kpi_done`` and the KPIs the
  module keeps incrementally are filled set-based with the same rules as
  ``res.partner._retail_kpi_apply`` (first/last purchase over all counted orders,
  count without refunds, total and average basket, running totals per store,
  channel and category in ``retail_customer_stat``, favourite category and
  preferred store = highest amount, then order count, then lowest id). Calling
  ``_retail_kpi_apply`` per batch would give the same figures, but its
  favourites query is meant for a few partners at a time (see the benchmark).
  The result is then checked: for a sample of customers the KPIs are wiped and
  rebuilt by the module itself (``_retail_kpi_facts`` of the real orders then
  ``_retail_kpi_apply``) and must be equal (rolled back afterwards).
* Finally ``VACUUM ANALYZE`` of the tables (the KPI fill rewrote every
  customer row), so that the planner knows their sizes.

The database is marked (ir.config_parameter ``retail_bench.generated``); the
script refuses to generate twice in the same database.
"""

import argparse
import datetime
import json
import logging
import math
import os
import random
import subprocess
import sys
import time
import unicodedata

from odoo.tools import SQL

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

_logger = logging.getLogger("retail_bench.generate")

DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"

# Province code of base.es -> (INE postal prefix, population in thousands, towns;
# the first town is the capital, which gets several postal codes).
PROVINCES = {
    "C": ("15", 1120, ["A Coruña", "Santiago de Compostela", "Ferrol", "Oleiros"]),
    "VI": ("01", 335, ["Vitoria-Gasteiz", "Llodio", "Amurrio"]),
    "AB": ("02", 385, ["Albacete", "Hellín", "Villarrobledo", "Almansa"]),
    "A": ("03", 1950, ["Alicante", "Elche", "Torrevieja", "Orihuela", "Benidorm"]),
    "AL": ("04", 740, ["Almería", "Roquetas de Mar", "El Ejido", "Níjar"]),
    "O": ("33", 1010, ["Oviedo", "Gijón", "Avilés", "Siero", "Langreo"]),
    "AV": ("05", 158, ["Ávila", "Arévalo"]),
    "BA": ("06", 665, ["Badajoz", "Mérida", "Don Benito", "Almendralejo"]),
    "PM": ("07", 1200, ["Palma", "Calvià", "Eivissa", "Manacor", "Llucmajor"]),
    "B": (
        "08",
        5800,
        [
            "Barcelona",
            "L'Hospitalet de Llobregat",
            "Badalona",
            "Terrassa",
            "Sabadell",
            "Mataró",
            "Santa Coloma de Gramenet",
        ],
    ),
    "BU": ("09", 357, ["Burgos", "Miranda de Ebro", "Aranda de Duero"]),
    "CC": ("10", 388, ["Cáceres", "Plasencia", "Navalmoral de la Mata"]),
    "CA": (
        "11",
        1250,
        ["Cádiz", "Jerez de la Frontera", "Algeciras", "San Fernando", "Chiclana"],
    ),
    "S": ("39", 588, ["Santander", "Torrelavega", "Castro-Urdiales"]),
    "CS": ("12", 590, ["Castellón de la Plana", "Vila-real", "Burriana", "Vinaròs"]),
    "CE": ("51", 83, ["Ceuta"]),
    "CR": ("13", 490, ["Ciudad Real", "Puertollano", "Tomelloso", "Valdepeñas"]),
    "CO": ("14", 775, ["Córdoba", "Lucena", "Puente Genil", "Montilla"]),
    "CU": ("16", 196, ["Cuenca", "Tarancón"]),
    "GI": ("17", 790, ["Girona", "Figueres", "Blanes", "Lloret de Mar"]),
    "GR": ("18", 925, ["Granada", "Motril", "Armilla", "Baza"]),
    "GU": ("19", 270, ["Guadalajara", "Azuqueca de Henares"]),
    "SS": ("20", 727, ["Donostia-San Sebastián", "Irun", "Errenteria", "Eibar"]),
    "H": ("21", 525, ["Huelva", "Lepe", "Almonte", "Moguer"]),
    "HU": ("22", 225, ["Huesca", "Monzón", "Barbastro", "Jaca"]),
    "J": ("23", 620, ["Jaén", "Linares", "Andújar", "Úbeda"]),
    "LO": ("26", 320, ["Logroño", "Calahorra", "Arnedo"]),
    "GC": (
        "35",
        1130,
        ["Las Palmas de Gran Canaria", "Telde", "Santa Lucía de Tirajana", "Arrecife"],
    ),
    "LE": ("24", 450, ["León", "Ponferrada", "San Andrés del Rabanedo"]),
    "L": ("25", 445, ["Lleida", "Balaguer", "Tàrrega"]),
    "LU": ("27", 325, ["Lugo", "Monforte de Lemos", "Viveiro"]),
    "M": (
        "28",
        6900,
        [
            "Madrid",
            "Móstoles",
            "Alcalá de Henares",
            "Fuenlabrada",
            "Leganés",
            "Getafe",
            "Alcorcón",
            "Torrejón de Ardoz",
        ],
    ),
    "MA": ("29", 1740, ["Málaga", "Marbella", "Mijas", "Fuengirola", "Vélez-Málaga"]),
    "ME": ("52", 85, ["Melilla"]),
    "MU": ("30", 1550, ["Murcia", "Cartagena", "Lorca", "Molina de Segura"]),
    "NA": ("31", 670, ["Pamplona", "Tudela", "Barañáin"]),
    "OR": ("32", 305, ["Ourense", "Verín", "O Carballiño"]),
    "P": ("34", 159, ["Palencia", "Guardo"]),
    "PO": ("36", 945, ["Pontevedra", "Vigo", "Vilagarcía de Arousa", "Redondela"]),
    "SA": ("37", 327, ["Salamanca", "Béjar", "Ciudad Rodrigo"]),
    "TF": (
        "38",
        1050,
        ["Santa Cruz de Tenerife", "San Cristóbal de La Laguna", "Arona", "Adeje"],
    ),
    "SG": ("40", 155, ["Segovia", "Cuéllar"]),
    "SE": (
        "41",
        1950,
        ["Sevilla", "Dos Hermanas", "Alcalá de Guadaíra", "Utrera", "Mairena"],
    ),
    "SO": ("42", 89, ["Soria", "Almazán"]),
    "T": ("43", 830, ["Tarragona", "Reus", "Tortosa", "Cambrils"]),
    "TE": ("44", 134, ["Teruel", "Alcañiz"]),
    "TO": ("45", 710, ["Toledo", "Talavera de la Reina", "Illescas", "Seseña"]),
    "V": ("46", 2650, ["Valencia", "Torrent", "Gandia", "Paterna", "Sagunto"]),
    "VA": ("47", 520, ["Valladolid", "Laguna de Duero", "Medina del Campo"]),
    "BI": ("48", 1150, ["Bilbao", "Barakaldo", "Getxo", "Portugalete"]),
    "ZA": ("49", 168, ["Zamora", "Benavente"]),
    "Z": ("50", 970, ["Zaragoza", "Calatayud", "Utebo", "Ejea de los Caballeros"]),
}
# Area code of the landlines of each province (all valid for any subscriber
# number, checked with phonenumbers).
LANDLINE_PREFIX = {
    "M": "91", "B": "93", "C": "981", "VI": "945", "AB": "967", "A": "965",
    "AL": "950", "O": "985", "AV": "920", "BA": "924", "PM": "971", "BU": "947",
    "CC": "927", "CA": "956", "S": "942", "CS": "964", "CE": "956", "CR": "926",
    "CO": "957", "CU": "969", "GI": "972", "GR": "958", "GU": "949", "SS": "943",
    "H": "959", "HU": "974", "J": "953", "LO": "941", "GC": "928", "LE": "987",
    "L": "973", "LU": "982", "MA": "952", "ME": "952", "MU": "968", "NA": "948",
    "OR": "988", "P": "979", "PO": "986", "SA": "923", "TF": "922", "SG": "921",
    "SE": "954", "SO": "975", "T": "977", "TE": "978", "TO": "925", "V": "963",
    "VA": "983", "BI": "944", "ZA": "980", "Z": "976",
}  # fmt: skip

# (store name, province code, channel code, relative size)
STORES = [
    ("Madrid Gran Vía", "M", "store", 5),
    ("Madrid Castellana", "M", "store", 3),
    ("Barcelona Diagonal", "B", "store", 5),
    ("València Colón", "V", "store", 3),
    ("Sevilla Nervión", "SE", "store", 3),
    ("Bilbao Abando", "BI", "store", 2),
    ("Zaragoza Independencia", "Z", "store", 2),
    ("Murcia Franquicia", "MU", "franchise", 2),
    ("Palma Franquicia", "PM", "franchise", 1),
]
CHANNEL_WEIGHTS = {"store": 70, "online": 15, "wholesale": 8, "franchise": 7}
TEAMS = {"online": "Tienda online", "wholesale": "Mayorista"}
SEGMENTS = ["Clientes VIP", "Sin compras en un año", "Boletín"]
ROOT_CATEGORY = "Tienda"
WORKER_REPORT = "RETAIL_BENCH_WORKER "
ANALYZED_TABLES = [
    "res_partner",
    "pos_order",
    "pos_order_line",
    "pos_session",
    "sale_order",
    "sale_order_line",
    "retail_customer_stat",
    "retail_segment_partner_rel",
]

# Category -> (purchase weight, price range, product stems)
CATALOGUE = {
    "Alimentación": (
        30,
        (1.5, 25.0),
        [
            "Aceite de oliva virgen extra 1 L",
            "Arroz bomba 1 kg",
            "Jamón serrano loncheado",
            "Queso manchego curado",
            "Turrón de Jijona",
            "Galletas María",
            "Atún en aceite pack 3",
            "Chocolate negro 70 %",
            "Café molido natural",
            "Lentejas pardinas",
        ],
    ),
    "Bebidas": (
        15,
        (0.9, 18.0),
        [
            "Vino tinto Rioja crianza",
            "Cava brut nature",
            "Agua mineral 6 x 1,5 L",
            "Zumo de naranja 1 L",
            "Cerveza pack 6",
            "Horchata 1 L",
            "Vermut rojo",
        ],
    ),
    "Droguería": (
        12,
        (1.2, 14.0),
        [
            "Detergente líquido",
            "Suavizante",
            "Lavavajillas",
            "Papel higiénico 12 rollos",
            "Lejía",
            "Limpiador multiusos",
        ],
    ),
    "Perfumería": (
        10,
        (1.5, 35.0),
        [
            "Gel de ducha",
            "Champú",
            "Crema hidratante",
            "Colonia fresca",
            "Desodorante",
            "Pasta de dientes",
        ],
    ),
    "Hogar": (
        8,
        (6.0, 90.0),
        [
            "Juego de sartenes",
            "Toalla de baño",
            "Set de vasos",
            "Olla exprés",
            "Cojín decorativo",
            "Lámpara de mesa",
        ],
    ),
    "Textil": (
        8,
        (5.0, 70.0),
        [
            "Camiseta básica",
            "Pantalón vaquero",
            "Calcetines pack 3",
            "Sudadera",
            "Pijama",
            "Chaqueta",
        ],
    ),
    "Electrónica": (
        5,
        (3.0, 120.0),
        [
            "Auriculares inalámbricos",
            "Cargador USB-C",
            "Altavoz bluetooth",
            "Bombilla LED",
            "Pilas alcalinas AA",
            "Ratón inalámbrico",
        ],
    ),
    "Juguetería": (
        4,
        (8.0, 60.0),
        [
            "Puzle 1000 piezas",
            "Juego de mesa familiar",
            "Muñeca",
            "Coche teledirigido",
            "Bloques de construcción",
            "Peluche",
        ],
    ),
    "Deportes": (
        4,
        (6.0, 80.0),
        [
            "Balón de fútbol",
            "Esterilla de yoga",
            "Botella térmica",
            "Raqueta de pádel",
            "Mochila deportiva",
        ],
    ),
    "Papelería": (
        4,
        (1.0, 20.0),
        ["Cuaderno A4", "Bolígrafos pack 10", "Agenda", "Rotuladores", "Archivador"],
    ),
}
VARIANTS = [("", 1.0), (" Marca Tienda", 0.7), (" Premium", 1.6)]

MALE_NAMES = (
    "Antonio José Manuel Francisco David Juan Javier Daniel Carlos Jesús "
    "Alejandro Miguel Rafael Pablo Pedro Ángel Sergio Fernando Jorge Luis "
    "Alberto Álvaro Adrián Diego Raúl Enrique Ramón Vicente Iván Rubén Óscar "
    "Andrés Joaquín Santiago Eduardo Víctor Roberto Jaime Mario Ignacio Hugo "
    "Marcos Gonzalo Marc Jordi Xavier Iker Aitor Unai Nicolás"
).split() + ["José Luis", "Juan Carlos", "José Antonio", "Francisco Javier"]
FEMALE_NAMES = (
    "María Carmen Ana Isabel Laura Cristina Marta Lucía Pilar Elena Sara Paula "
    "Raquel Rosa Manuela Mercedes Beatriz Nuria Silvia Julia Irene Patricia "
    "Rocío Andrea Teresa Alba Sonia Montserrat Encarnación Alicia Marina "
    "Sandra Claudia Inmaculada Eva Noelia Natalia Verónica Carla Ainhoa Leire "
    "Núria Laia Sofía Daniela Martina Lorena Esther Ángela"
).split() + ["María José", "María Carmen", "Ana María", "María Dolores"]
SURNAMES = (
    "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez "
    "Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso "
    "Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano "
    "Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz "
    "Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano "
    "Prieto Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores "
    "Cabrera Campos Vega Fuentes Carrasco Díez Caballero Reyes Nieto Aguilar "
    "Pascual Santana Herrero Lorenzo Montero Hidalgo Giménez Ibáñez Ferrer "
    "Durán Santiago Benítez Mora Vicente Vargas Arias Carmona Crespo Román "
    "Pastor Soto Sáez Velasco Moya Soler Parra Esteban Bravo Gallardo Rojas "
    "Etxeberria Garai Puig Pujol Vilaseca Castells Otero Fraga Rey"
).split()
SURNAME_WEIGHTS = [1.0 / (rank + 1) ** 0.7 for rank in range(len(SURNAMES))]
STREET_TYPES = [("Calle", 60), ("Avenida", 15), ("Plaza", 8), ("Paseo", 6)]
STREET_TYPES += [("Camino", 3), ("Ronda", 3), ("Travesía", 3), ("Carretera", 2)]
STREET_NAMES = [
    "Mayor",
    "Real",
    "de la Constitución",
    "de España",
    "del Sol",
    "San Juan",
    "de Alcalá",
    "Gran Vía",
    "de Andalucía",
    "de Cervantes",
    "Nueva",
    "de la Paz",
    "del Carmen",
    "de la Iglesia",
    "de Goya",
    "de Colón",
    "de Castilla",
    "Santa María",
    "del Mar",
    "de los Reyes Católicos",
    "del Doctor Fleming",
    "de Blasco Ibáñez",
    "de Valencia",
    "de Aragón",
    "del Pilar",
    "de la Estación",
    "de las Flores",
    "de Miguel Hernández",
    "de Antonio Machado",
    "de Federico García Lorca",
]
EMAIL_DOMAINS = [
    ("gmail.com", 45),
    ("hotmail.com", 18),
    ("outlook.es", 10),
    ("yahoo.es", 8),
    ("icloud.com", 6),
    ("telefonica.net", 4),
    ("hotmail.es", 6),
    ("live.com", 3),
]
COMPANY_PREFIXES = [
    "Distribuciones",
    "Comercial",
    "Suministros",
    "Hostelería",
    "Supermercados",
    "Cafetería",
    "Restaurante",
    "Ferretería",
    "Papelería",
    "Autoservicio",
]
COMPANY_WORDS = ["Levante", "del Norte", "Ibérica", "Mediterráneo", "Atlántico"]
COMPANY_WORDS += ["Central", "del Sur", "Hermanos", "y Cía", "Peninsular"]
COMPANY_SUFFIXES = [("S.L.", 70), ("S.A.", 12), ("S.L.U.", 12), ("S. Coop.", 6)]


def weighted(rng, pairs):
    """One item of [(item, weight), ...]."""
    items, weights = zip(*pairs, strict=True)
    return rng.choices(items, weights=weights)[0]


def ascii_slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in text.lower() if c.isalnum() or c == ".")


def ean13(body):
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


class Scatter:
    """A bijection of [0, size) that looks random: the identifiers of the
    customer of global index i are scatter(i), unique by construction whatever
    the batch or the worker that creates it."""

    def __init__(self, size, seed, name):
        rng = random.Random(f"{seed}-{name}")
        self.size = size
        self.offset = rng.randrange(size)
        factor = rng.randrange(size // 3, size) | 1
        while math.gcd(factor, size) != 1:
            factor += 2
        self.factor = factor

    def __call__(self, index):
        return (index * self.factor + self.offset) % self.size


class Generator:
    def __init__(self, env, args):
        self.env = env
        self.args = args
        self.rng = random.Random(args.seed)
        seed = args.seed
        self.scatter_dni = Scatter(78_000_000, seed, "dni")
        self.scatter_nie = Scatter(30_000_000, seed, "nie")
        self.scatter_cif = Scatter(10_000_000, seed, "cif")
        self.scatter_mobile = Scatter(140_000_000, seed, "mobile")
        self.scatter_landline = Scatter(1_000_000, seed, "landline")
        self.scatter_card = Scatter(100_000_000, seed, "card")
        self.stats = {}
        self.pos_count = self.sale_count = self.line_count = 0

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def query(self, sql):
        return self.env.execute_query(sql)

    def next_ids(self, table, count):
        rows = self.query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"{table}_id_seq",
                count,
            )
        )
        return [row[0] for row in rows]

    # ------------------------------------------------------------------
    # reference data: created once by the main process
    # ------------------------------------------------------------------
    def setup_company(self):
        env = self.env
        company = env.company
        eur = env.ref("base.EUR")
        eur.active = True
        vals = {"country_id": env.ref("base.es").id, "city": "Madrid", "zip": "28013"}
        if company.currency_id != eur:
            vals["currency_id"] = eur.id
        company.write(vals)
        pricelists = env["product.pricelist"].with_context(active_test=False).search([])
        pricelists.filtered(lambda p: p.currency_id != eur).write(
            {"currency_id": eur.id}
        )

    def setup_stores(self):
        env = self.env
        PosConfig = env["pos.config"].with_company(env.company)
        for index, (name, _province, channel, _size) in enumerate(STORES):
            journal, payment_method_ids = PosConfig._create_journal_and_payment_methods(
                cash_journal_vals={"name": f"Caja {name}", "code": f"CJ{index + 1:02d}"}
            )
            PosConfig.create(
                {
                    "name": name,
                    "journal_id": journal.id,
                    "payment_method_ids": [(6, 0, payment_method_ids)],
                    "retail_channel_id": env.ref(
                        f"retail_customer.retail_channel_{channel}"
                    ).id,
                }
            )
        for code, label in TEAMS.items():
            env["crm.team"].create(
                {
                    "name": label,
                    "retail_channel_id": env.ref(
                        f"retail_customer.retail_channel_{code}"
                    ).id,
                }
            )

    def setup_catalogue(self):
        env = self.env
        root = env["product.category"].create({"name": ROOT_CATEGORY})
        vals_list = []
        for name, (_weight, (low, high), stems) in CATALOGUE.items():
            category = env["product.category"].create(
                {"name": name, "parent_id": root.id}
            )
            for stem in stems:
                base = round(self.rng.uniform(low, high), 2)
                for suffix, factor in VARIANTS:
                    price = max(0.5, round(base * factor, 2) - 0.01)
                    vals_list.append(
                        {
                            "name": stem + suffix,
                            "categ_id": category.id,
                            "list_price": price,
                            "standard_price": round(price * 0.6, 2),
                            "sale_ok": True,
                            "available_in_pos": True,
                            "taxes_id": [(6, 0, [])],
                            "default_code": f"R{len(vals_list) + 1:04d}",
                        }
                    )
        env["product.product"].create(vals_list)

    def setup_segments(self):
        last_year = self.today - datetime.timedelta(days=365)
        self.env["retail.segment"].create(
            [
                {
                    "name": SEGMENTS[0],
                    "kind": "rule",
                    "domain": "[('retail_total_spent', '>=', 500)]",
                },
                {
                    "name": SEGMENTS[1],
                    "kind": "rule",
                    "domain": "[('retail_purchase_count', '>', 0), "
                    f"('retail_last_purchase_date', '<', '{last_year:%Y-%m-%d}')]",
                },
                {"name": SEGMENTS[2], "kind": "manual"},
            ]
        )

    def create_sessions(self):
        """One closed session per store and day of the history."""
        configs = self.env["pos.config"].search(
            [("name", "in", [s[0] for s in STORES])]
        )
        ndays = len(self.days)
        ids = self.next_ids("pos_session", ndays * len(configs))
        config_ids, names, starts, stops = [], [], [], []
        for config in configs:
            for day_index, day in enumerate(self.days):
                config_ids.append(config.id)
                names.append(f"{config.name}/{day_index + 1:05d}")
                starts.append(datetime.datetime.combine(day, datetime.time(8, 30)))
                stops.append(datetime.datetime.combine(day, datetime.time(21, 45)))
        self.query(
            SQL(
                """
                INSERT INTO pos_session (id, config_id, name, user_id, state,
                       start_at, stop_at, cash_register_balance_start,
                       cash_register_balance_end_real, rescue,
                       update_stock_at_closing, create_uid, write_uid,
                       create_date, write_date)
                SELECT v.id, v.config_id, v.name, %(uid)s, 'closed', v.start_at,
                       v.stop_at, 0, 0, FALSE, FALSE, %(uid)s, %(uid)s,
                       v.start_at, v.stop_at
                  FROM unnest(%(ids)s::int[], %(configs)s::int[],
                              %(names)s::varchar[], %(starts)s::timestamp[],
                              %(stops)s::timestamp[])
                       AS v(id, config_id, name, start_at, stop_at)
                """,
                uid=self.env.ref("base.user_admin").id,
                ids=ids,
                configs=config_ids,
                names=names,
                starts=starts,
                stops=stops,
            )
        )

    # ------------------------------------------------------------------
    # context: read back by every process (main and workers)
    # ------------------------------------------------------------------
    def setup_calendar(self):
        """Days of the history with their weights: seasonality, weekdays, a
        slow growth."""
        self.today = datetime.date.fromisoformat(self.args.today)
        days = self.args.years * 365
        first_day = self.today - datetime.timedelta(days=days)
        month_factor = {12: 1.6, 11: 1.2, 1: 1.25, 7: 1.15, 8: 0.8}
        weekday_factor = {4: 1.25, 5: 1.6, 6: 0.5}
        self.days, self.cum_weights, total = [], [], 0.0
        for offset in range(days):
            day = first_day + datetime.timedelta(days=offset)
            weight = month_factor.get(day.month, 1.0) * weekday_factor.get(
                day.weekday(), 1.0
            )
            weight *= 1.0 + 0.15 * offset / days
            if day.month == 11 and 22 <= day.day <= 29 and day.weekday() == 4:
                weight *= 2.5  # Black Friday
            total += weight
            self.days.append(day)
            self.cum_weights.append(total)
        self.hours = list(range(9, 22))
        self.hour_weights = [3, 5, 7, 9, 9, 6, 5, 5, 6, 8, 9, 7, 4]

    def load_context(self):
        env = self.env
        self.company = env.company
        self.spain = env.ref("base.es")
        self.currency = self.company.currency_id
        self.admin = env.ref("base.user_admin")
        self.states = {
            state.code: state
            for state in env["res.country.state"].search(
                [("country_id", "=", self.spain.id)]
            )
        }
        missing = set(PROVINCES) - set(self.states)
        if missing:
            raise SystemExit(f"provinces missing in base.es: {sorted(missing)}")
        self.channels = {
            code: env.ref(f"retail_customer.retail_channel_{code}")
            for code in CHANNEL_WEIGHTS
        }
        # Towns: postal codes fixed per town (seeded), several for a capital.
        zip_rng = random.Random(f"{self.args.seed}-zips")
        self.towns = {}
        for code, (prefix, _pop, towns) in PROVINCES.items():
            entries = []
            for index, town in enumerate(towns):
                if index == 0:
                    zips = [f"{prefix}0{n:02d}" for n in range(1, 16)]
                else:
                    zips = [f"{prefix}{zip_rng.randrange(100, 999):03d}"]
                entries.append((town, zips, 6 if index == 0 else 2))
            self.towns[code] = entries
        self.province_pairs = [(code, pop) for code, (_p, pop, _t) in PROVINCES.items()]
        # Stores, in the order of STORES
        configs = {
            c.name: c
            for c in env["pos.config"].search([("name", "in", [s[0] for s in STORES])])
        }
        self.stores = [
            {
                "config": configs[name],
                "province": province,
                "channel": channel,
                "size": size,
            }
            for name, province, channel, size in STORES
        ]
        self.own_stores = [s for s in self.stores if s["channel"] == "store"]
        self.franchise_stores = [s for s in self.stores if s["channel"] == "franchise"]
        self.store_by_province = {}
        for store in self.own_stores:
            self.store_by_province.setdefault(store["province"], []).append(store)
        self.store_province_pairs = [
            (code, PROVINCES[code][1]) for code in self.store_by_province
        ]
        self.teams = {
            code: env["crm.team"].search([("name", "=", label)], limit=1)
            for code, label in TEAMS.items()
        }
        self.pricelist = self.stores[0]["config"].pricelist_id or env[
            "product.pricelist"
        ].search([], limit=1)
        self.warehouse = env["stock.warehouse"].search(
            [("company_id", "=", self.company.id)], limit=1
        )
        # Catalogue
        categories = {
            c.name: c
            for c in env["product.category"].search(
                [("parent_id.name", "=", ROOT_CATEGORY)]
            )
        }
        self.categories = [
            (categories[name].id, weight)
            for name, (weight, _prices, _stems) in CATALOGUE.items()
        ]
        self.category_ids = [c for c, _w in self.categories]
        self.category_weights = [w for _c, w in self.categories]
        self.products_by_categ = {}
        products = env["product.product"].search(
            [("categ_id", "in", self.category_ids)], order="default_code"
        )
        for product in products:
            self.products_by_categ.setdefault(product.categ_id.id, []).append(
                (product.id, product.name, product.list_price, product.uom_id.id)
            )
        self.segments = {
            s.name: s for s in env["retail.segment"].search([("name", "in", SEGMENTS)])
        }
        # Sessions: (store index, day index) -> id
        index_of = {store["config"].id: i for i, store in enumerate(self.stores)}
        rows = self.query(
            SQL(
                "SELECT id, config_id, name FROM pos_session WHERE config_id = ANY(%s)",
                list(index_of),
            )
        )
        self.sessions = {
            (index_of[config_id], int(name.rsplit("/", 1)[1]) - 1): session_id
            for session_id, config_id, name in rows
        }

    # ------------------------------------------------------------------
    # customers
    # ------------------------------------------------------------------
    def pick_province(self, channel):
        rng = self.rng
        if channel == "store" and rng.random() < 0.75:
            return weighted(rng, self.store_province_pairs)
        if channel == "franchise" and rng.random() < 0.8:
            return weighted(
                rng, [(s["province"], s["size"]) for s in self.franchise_stores]
            )
        return weighted(rng, self.province_pairs)

    def dni(self, index):
        number = 1_000_000 + self.scatter_dni(index)
        return f"{number:08d}{DNI_LETTERS[number % 23]}"

    def nie(self, index):
        number = self.scatter_nie(index)
        return (
            f"{'XYZ'[number // 10_000_000]}{number % 10_000_000:07d}"
            + (DNI_LETTERS[number % 23])
        )

    def cif(self, index):
        from stdnum.es import cif  # noqa: PLC0415

        letter = self.rng.choice("BBBBBAF")
        body = f"{letter}{self.scatter_cif(index):07d}"
        digits = cif.calc_check_digits(body)
        return body + (digits[0] if letter in "AB" else digits[1])

    def mobile(self, index):
        number = self.scatter_mobile(index)
        if number < 100_000_000:
            return f"6{number:08d}"
        number -= 100_000_000
        return f"7{1 + number // 10_000_000}{number % 10_000_000:07d}"

    def landline(self, index, province):
        prefix = LANDLINE_PREFIX[province]
        width = 9 - len(prefix)
        return f"{prefix}{self.scatter_landline(index) % 10**width:0{width}d}"

    def written(self, number):
        """The way a person types a 9-digit Spanish number in a form."""
        style = self.rng.random()
        if style < 0.35:
            return f"+34 {number[:3]} {number[3:5]} {number[5:7]} {number[7:]}"
        if style < 0.6:
            return number
        if style < 0.8:
            return f"{number[:3]} {number[3:5]} {number[5:7]} {number[7:]}"
        if style < 0.92:
            return "+34" + number
        return f"{number[:3]} {number[3:6]} {number[6:]}"

    def address(self, province):
        rng = self.rng
        town, zips, _weight = rng.choices(
            self.towns[province], weights=[t[2] for t in self.towns[province]]
        )[0]
        street_type = weighted(rng, STREET_TYPES)
        street = f"{street_type} {rng.choice(STREET_NAMES)}, {rng.randrange(1, 180)}"
        if rng.random() < 0.6:
            street += f", {rng.randrange(1, 12)}º {rng.choice('ABCDI')}"
        return {
            "street": street,
            "city": town,
            "zip": rng.choice(zips),
            "state_id": self.states[province].id,
            "country_id": self.spain.id,
        }

    def consent_vals(self, vals):
        rng = self.rng
        for channel, share in (("email", 0.45), ("sms", 0.3)):
            if rng.random() < share:
                vals[f"retail_consent_{channel}"] = True
                vals[f"retail_consent_{channel}_date"] = self.random_datetimes(1)[0][1]
                vals[f"retail_consent_{channel}_source"] = weighted(
                    rng, [("store", 60), ("online", 30), ("form", 10)]
                )

    def person_vals(self, index, channel, province):
        rng = self.rng
        female = rng.random() < 0.52
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        surname1, surname2 = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS, k=2)
        vals = {
            "name": f"{first} {surname1} {surname2}",
            "is_company": False,
            "retail_channel_id": self.channels[channel].id,
            **self.address(province),
        }
        draw = rng.random()
        if draw < 0.88:
            vals["national_id"] = self.dni(index)
        elif draw < 0.92:
            vals["national_id"] = self.nie(index)
        draw = rng.random()
        if draw < 0.8:
            vals["phone"] = self.written(self.mobile(index))
        elif draw < 0.93:
            vals["phone"] = self.written(self.landline(index, province))
            if rng.random() < 0.7:
                vals["mobile"] = self.written(self.mobile(index))
        elif draw < 0.96:
            vals["mobile"] = self.written(self.mobile(index))
        if rng.random() < (0.95 if channel == "online" else 0.72):
            vals["email"] = "{}.{}{}@{}".format(
                ascii_slug(first.split()[0]),
                ascii_slug(surname1),
                rng.randrange(1, 999) if rng.random() < 0.6 else "",
                weighted(rng, EMAIL_DOMAINS),
            )
        if channel == "store" and rng.random() < 0.35:
            vals["card_number"] = ean13(f"2900{self.scatter_card(index):08d}")
        self.consent_vals(vals)
        return vals

    def company_vals(self, index, province):
        rng = self.rng
        word = (
            rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
            if rng.random() < 0.5
            else rng.choice(COMPANY_WORDS)
        )
        name = (
            f"{rng.choice(COMPANY_PREFIXES)} {word} {weighted(rng, COMPANY_SUFFIXES)}"
        )
        cif = self.cif(index)
        vals = {
            "name": name,
            "is_company": True,
            "retail_channel_id": self.channels["wholesale"].id,
            "national_id": cif,
            "vat": "ES" + cif,
            "phone": self.written(self.landline(index, province)),
            "email": "{}@{}{}.es".format(
                rng.choice(["pedidos", "info", "compras"]),
                ascii_slug(word) or "empresa",
                cif[-4:],
            ),
            **self.address(province),
        }
        if rng.random() < 0.6:
            vals["mobile"] = self.written(self.mobile(index))
        self.consent_vals(vals)
        return vals

    def contact_vals(self, company):
        rng = self.rng
        first = rng.choice(FEMALE_NAMES + MALE_NAMES)
        surname = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
        return {
            "name": f"{first} {surname}",
            "parent_id": company.id,
            "type": "contact",
            "function": rng.choice(["Compras", "Gerencia", "Administración"]),
            "email": f"{ascii_slug(first.split()[0])}.{ascii_slug(surname)}@"
            + company.email.split("@")[1],
        }

    def customer_plan(self, channel, province):
        """Home store, favourite category and number of orders of a customer."""
        rng = self.rng
        if channel == "franchise":
            stores = [s for s in self.franchise_stores if s["province"] == province]
            home = stores[0] if stores else rng.choice(self.franchise_stores)
        elif channel == "store":
            stores = self.store_by_province.get(province) or self.own_stores
            home = rng.choices(stores, weights=[s["size"] for s in stores])[0]
        else:
            home = None
        favourite = rng.choices(self.category_ids, weights=self.category_weights)[0]
        mean = self.args.orders_per_customer / 0.78
        if channel == "wholesale":
            mean *= 2.0
        count = (
            0
            if rng.random() < 0.22
            else 1 + int(rng.expovariate(1.0 / max(mean - 1.0, 0.1)))
        )
        return {"home": home, "favourite": favourite, "orders": min(count, 400)}

    def run_batch(self, batch_index):
        """Create one batch of customers with their history, in one transaction."""
        env = self.env
        args = self.args
        # Each batch has its own generator: same data whatever the worker.
        self.rng = random.Random(args.seed * 1_000_003 + batch_index)
        Partner = env["res.partner"].with_context(
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
            mail_notrack=True,
        )
        first = batch_index * args.batch_size
        size = min(args.batch_size, args.customers - first)
        channel_pairs = list(CHANNEL_WEIGHTS.items())
        vals_list, plans = [], []
        for index in range(first, first + size):
            channel = weighted(self.rng, channel_pairs)
            province = self.pick_province(channel)
            if channel == "wholesale":
                vals = self.company_vals(index, province)
            else:
                vals = self.person_vals(index, channel, province)
            vals_list.append(vals)
            plans.append((channel, province))
        partners = Partner.create(vals_list)
        companies = partners.filtered("is_company")
        with_contact = companies.filtered(lambda _p: self.rng.random() < 0.5)
        if with_contact:
            Partner.create([self.contact_vals(c) for c in with_contact])
        newsletter = [
            p.id for p in partners if p.retail_consent_email and self.rng.random() < 0.8
        ]
        if newsletter:
            self.query(
                SQL(
                    "INSERT INTO retail_segment_partner_rel (segment_id, partner_id) "
                    "SELECT %s, unnest(%s::int[])",
                    self.segments[SEGMENTS[2]].id,
                    newsletter,
                )
            )
        customers = [
            (partner.id, channel, self.customer_plan(channel, province))
            for partner, (channel, province) in zip(partners, plans, strict=True)
        ]
        self.insert_history(customers)
        env.cr.commit()
        env.invalidate_all()
        return size, len(with_contact)

    # ------------------------------------------------------------------
    # order history (set-based SQL)
    # ------------------------------------------------------------------
    def random_datetimes(self, count):
        """[(day index, datetime)] drawn with the calendar's weights."""
        rng = self.rng
        days = rng.choices(range(len(self.days)), cum_weights=self.cum_weights, k=count)
        hours = rng.choices(self.hours, weights=self.hour_weights, k=count)
        return [
            (
                day_index,
                datetime.datetime.combine(
                    self.days[day_index],
                    datetime.time(hour, rng.randrange(60), rng.randrange(60)),
                ),
            )
            for day_index, hour in zip(days, hours, strict=True)
        ]

    def basket(self, favourite, wholesale=False):
        """Lines of one order: [(product, qty, price_unit, subtotal)]."""
        rng = self.rng
        nlines = rng.choices(range(1, 9), weights=[22, 26, 20, 12, 8, 6, 4, 2])[0]
        if wholesale:
            nlines += rng.randrange(2, 8)
        lines = []
        for _i in range(nlines):
            if rng.random() < 0.4:
                categ = favourite
            else:
                categ = rng.choices(self.category_ids, weights=self.category_weights)[0]
            product = rng.choice(self.products_by_categ[categ])
            qty = (
                rng.randrange(6, 60)
                if wholesale
                else rng.choices([1, 2, 3, 4, 6], weights=[70, 18, 6, 3, 3])[0]
            )
            lines.append((product, qty, product[2], round(product[2] * qty, 2)))
        return lines

    def insert_history(self, customers):
        """Orders of these customers (and the anonymous tickets that go with
        them), inserted set-based."""
        rng = self.rng
        pos_orders, sale_orders = [], []
        share = self.args.anonymous_share
        for partner_id, channel, plan in customers:
            if not plan["orders"]:
                continue
            for day_index, when in self.random_datetimes(plan["orders"]):
                lines = self.basket(plan["favourite"], channel == "wholesale")
                if channel in ("online", "wholesale") or (
                    channel == "store" and rng.random() < 0.1
                ):
                    team = self.teams[
                        "wholesale" if channel == "wholesale" else "online"
                    ]
                    sale_orders.append((partner_id, team, when, lines))
                    continue
                store = plan["home"]
                if channel == "store" and rng.random() < 0.1:
                    store = rng.choice(self.own_stores)
                refund = rng.random() < 0.015
                if refund:
                    lines = [
                        (p, -q, price, -sub)
                        for p, q, price, sub in lines[: rng.randrange(1, 3)]
                    ]
                pos_orders.append((partner_id, store, day_index, when, lines, refund))
        # Anonymous tickets: as many as the share asks, at the same stores.
        anonymous = round(len(pos_orders) * share / (1.0 - share))
        store_weights = [s["size"] for s in self.stores]
        for day_index, when in self.random_datetimes(anonymous):
            store = rng.choices(self.stores, weights=store_weights)[0]
            favourite = rng.choices(self.category_ids, weights=self.category_weights)[0]
            pos_orders.append(
                (None, store, day_index, when, self.basket(favourite), False)
            )
        if pos_orders:
            self.insert_pos_orders(pos_orders)
        if sale_orders:
            self.insert_sale_orders(sale_orders)

    def insert_pos_orders(self, orders):
        store_index = {id(s): i for i, s in enumerate(self.stores)}
        ids = self.next_ids("pos_order", len(orders))
        cols = {
            k: []
            for k in (
                "id name ref session config partner date amount refund channel seq"
            ).split()
        }
        lcols = {k: [] for k in "order product name qty price subtotal".split()}
        for order_id, (partner_id, store, day_index, when, lines, refund) in zip(
            ids, orders, strict=True
        ):
            sindex = store_index[id(store)]
            session_id = self.sessions[(sindex, day_index)]
            seq = order_id % 10000
            cols["id"].append(order_id)
            cols["name"].append(f"{store['config'].name}/{session_id:05d}-{seq:04d}")
            cols["ref"].append(f"{sindex + 1:05d}-{session_id % 1000:03d}-{seq:04d}")
            cols["session"].append(session_id)
            cols["config"].append(store["config"].id)
            cols["partner"].append(partner_id)
            cols["date"].append(when)
            cols["amount"].append(round(sum(line[3] for line in lines), 2))
            cols["refund"].append(refund)
            cols["channel"].append(self.channels[store["channel"]].id)
            cols["seq"].append(seq)
            # Odoo stores a refund order's line totals with the order's sign:
            # a returned unit's total positive (its quantity negative)
            sign = -1 if refund else 1
            for product, qty, price, subtotal in lines:
                lcols["order"].append(order_id)
                lcols["product"].append(product[0])
                lcols["name"].append(product[1])
                lcols["qty"].append(qty)
                lcols["price"].append(price)
                lcols["subtotal"].append(subtotal * sign)
        self.pos_count += len(ids)
        self.line_count += len(lcols["order"])
        self.query(
            SQL(
                """
                INSERT INTO pos_order (id, name, pos_reference, session_id,
                       config_id, partner_id, date_order, amount_total,
                       amount_paid, amount_tax, amount_return, is_refund,
                       retail_channel_id, retail_kpi_done, sequence_number,
                       company_id, pricelist_id, user_id, state, currency_rate,
                       uuid, source, nb_print, to_invoice, is_tipped, tip_amount,
                       has_deleted_line, create_uid, write_uid, create_date,
                       write_date)
                SELECT v.id, v.name, v.ref, v.session_id, v.config_id,
                       v.partner_id, v.date_order, v.amount, v.amount, 0, 0,
                       v.refund, v.channel_id, v.partner_id IS NOT NULL, v.seq,
                       %(company)s, %(pricelist)s, %(uid)s, 'done', 1.0,
                       gen_random_uuid()::varchar, 'pos', 0, FALSE, FALSE, 0,
                       FALSE, %(uid)s, %(uid)s, v.date_order, v.date_order
                  FROM unnest(%(id)s::int[], %(name)s::varchar[],
                              %(ref)s::varchar[], %(session)s::int[],
                              %(config)s::int[], %(partner)s::int[],
                              %(date)s::timestamp[], %(amount)s::numeric[],
                              %(refund)s::bool[], %(channel)s::int[],
                              %(seq)s::int[])
                       AS v(id, name, ref, session_id, config_id, partner_id,
                            date_order, amount, refund, channel_id, seq)
                """,
                company=self.company.id,
                pricelist=self.pricelist.id,
                uid=self.admin.id,
                **cols,
            )
        )
        self.query(
            SQL(
                """
                INSERT INTO pos_order_line (order_id, product_id, name,
                       full_product_name, qty, price_unit, price_subtotal,
                       price_subtotal_incl, discount, company_id, price_type,
                       is_total_cost_computed, uuid, create_uid, write_uid,
                       create_date, write_date)
                SELECT v.order_id, v.product_id, v.name, v.name, v.qty, v.price,
                       v.subtotal, v.subtotal, 0, %(company)s, 'original', FALSE,
                       gen_random_uuid()::varchar, %(uid)s, %(uid)s, now(), now()
                  FROM unnest(%(order)s::int[], %(product)s::int[],
                              %(name)s::varchar[], %(qty)s::numeric[],
                              %(price)s::numeric[], %(subtotal)s::numeric[])
                       AS v(order_id, product_id, name, qty, price, subtotal)
                """,
                company=self.company.id,
                uid=self.admin.id,
                **lcols,
            )
        )

    def insert_sale_orders(self, orders):
        ids = self.next_ids("sale_order", len(orders))
        cols = {k: [] for k in "id name partner date amount team channel".split()}
        lcols = {
            k: []
            for k in "order seq product name uom qty price subtotal partner".split()
        }
        for order_id, (partner_id, team, when, lines) in zip(ids, orders, strict=True):
            cols["id"].append(order_id)
            cols["name"].append(f"SH{order_id:07d}")
            cols["partner"].append(partner_id)
            cols["date"].append(when)
            cols["amount"].append(round(sum(line[3] for line in lines), 2))
            cols["team"].append(team.id)
            cols["channel"].append(team.retail_channel_id.id)
            for seq, (product, qty, price, subtotal) in enumerate(lines, start=1):
                lcols["order"].append(order_id)
                lcols["seq"].append(seq * 10)
                lcols["product"].append(product[0])
                lcols["name"].append(product[1])
                lcols["uom"].append(product[3])
                lcols["qty"].append(qty)
                lcols["price"].append(price)
                lcols["subtotal"].append(subtotal)
                lcols["partner"].append(partner_id)
        self.sale_count += len(ids)
        self.line_count += len(lcols["order"])
        self.query(
            SQL(
                """
                INSERT INTO sale_order (id, name, partner_id, partner_invoice_id,
                       partner_shipping_id, date_order, amount_untaxed,
                       amount_tax, amount_total, team_id, retail_channel_id,
                       retail_kpi_done, state, company_id, currency_id,
                       pricelist_id, user_id, warehouse_id, picking_policy,
                       invoice_status, locked, require_signature,
                       require_payment, prepayment_percent, currency_rate,
                       create_uid, write_uid, create_date, write_date)
                SELECT v.id, v.name, v.partner_id, v.partner_id, v.partner_id,
                       v.date_order, v.amount, 0, v.amount, v.team_id,
                       v.channel_id, TRUE, 'sale', %(company)s, %(currency)s,
                       %(pricelist)s, %(uid)s, %(warehouse)s, 'direct', 'no',
                       FALSE, FALSE, FALSE, 1.0, 1.0, %(uid)s, %(uid)s,
                       v.date_order, v.date_order
                  FROM unnest(%(id)s::int[], %(name)s::varchar[],
                              %(partner)s::int[], %(date)s::timestamp[],
                              %(amount)s::numeric[], %(team)s::int[],
                              %(channel)s::int[])
                       AS v(id, name, partner_id, date_order, amount, team_id,
                            channel_id)
                """,
                company=self.company.id,
                currency=self.currency.id,
                pricelist=self.pricelist.id,
                uid=self.admin.id,
                warehouse=self.warehouse.id or None,
                **cols,
            )
        )
        self.query(
            SQL(
                """
                INSERT INTO sale_order_line (order_id, sequence, product_id, name,
                       product_uom_id, product_uom_qty, price_unit,
                       technical_price_unit, discount, price_subtotal,
                       price_total, price_tax, price_reduce_taxexcl,
                       price_reduce_taxinc, qty_delivered, qty_invoiced,
                       qty_to_invoice, customer_lead, state, invoice_status,
                       qty_delivered_method, is_downpayment, is_expense,
                       company_id, currency_id, order_partner_id, salesman_id,
                       create_uid, write_uid, create_date, write_date)
                SELECT v.order_id, v.seq, v.product_id, v.name, v.uom, v.qty,
                       v.price, v.price, 0, v.subtotal, v.subtotal, 0, v.price,
                       v.price, 0, 0, 0, 0, 'sale', 'no', 'manual', FALSE, FALSE,
                       %(company)s, %(currency)s, v.partner_id, %(uid)s, %(uid)s,
                       %(uid)s, now(), now()
                  FROM unnest(%(order)s::int[], %(seq)s::int[],
                              %(product)s::int[], %(name)s::text[],
                              %(uom)s::int[], %(qty)s::numeric[],
                              %(price)s::numeric[], %(subtotal)s::numeric[],
                              %(partner)s::int[])
                       AS v(order_id, seq, product_id, name, uom, qty, price,
                            subtotal, partner_id)
                """,
                company=self.company.id,
                currency=self.currency.id,
                uid=self.admin.id,
                **lcols,
            )
        )

    # ------------------------------------------------------------------
    # KPIs
    # ------------------------------------------------------------------
    def fill_kpis(self):
        """The KPIs of every customer from the orders marked retail_kpi_done,
        with the rules of res.partner._retail_kpi_apply (see module)."""
        counted = SQL(
            """
            SELECT o.id, 'pos' AS model, o.partner_id, o.date_order,
                   o.amount_total AS amount,
                   CASE WHEN o.is_refund OR o.amount_total < 0 THEN 0 ELSE 1 END
                       AS cnt,
                   o.retail_channel_id AS channel_id, o.config_id AS store_id
              FROM pos_order o WHERE o.retail_kpi_done AND o.partner_id IS NOT NULL
            UNION ALL
            SELECT s.id, 'sale', s.partner_id, s.date_order, s.amount_total, 1,
                   s.retail_channel_id, NULL
              FROM sale_order s WHERE s.retail_kpi_done
            """
        )
        self.query(
            SQL(
                """
                WITH o AS (%(counted)s), t AS (
                    SELECT partner_id, MIN(date_order) AS first,
                           MAX(date_order) AS last, SUM(cnt) AS cnt,
                           SUM(amount) AS amount
                      FROM o GROUP BY partner_id
                )
                UPDATE res_partner p
                   SET retail_first_purchase_date = t.first,
                       retail_last_purchase_date = t.last,
                       retail_purchase_count = t.cnt,
                       retail_total_spent = t.amount,
                       retail_average_basket = CASE WHEN t.cnt > 0
                           THEN t.amount / t.cnt ELSE 0 END
                  FROM t WHERE p.id = t.partner_id
                """,
                counted=counted,
            )
        )
        self.query(
            SQL(
                """
                WITH o AS (%(counted)s),
                categ AS (
                    SELECT l.order_id, 'pos' AS model, t.categ_id,
                           SUM(CASE WHEN po.is_refund THEN -1 ELSE 1 END
                               * l.price_subtotal_incl) AS amount
                      FROM pos_order_line l
                      JOIN pos_order po ON po.id = l.order_id
                      JOIN product_product pp ON pp.id = l.product_id
                      JOIN product_template t ON t.id = pp.product_tmpl_id
                     WHERE po.retail_kpi_done AND po.partner_id IS NOT NULL
                       AND t.categ_id IS NOT NULL
                     GROUP BY l.order_id, t.categ_id
                    UNION ALL
                    SELECT l.order_id, 'sale', t.categ_id, SUM(l.price_total)
                      FROM sale_order_line l
                      JOIN sale_order so ON so.id = l.order_id
                      JOIN product_product pp ON pp.id = l.product_id
                      JOIN product_template t ON t.id = pp.product_tmpl_id
                     WHERE so.retail_kpi_done AND l.display_type IS NULL
                       AND t.categ_id IS NOT NULL
                     GROUP BY l.order_id, t.categ_id
                )
                INSERT INTO retail_customer_stat
                       (partner_id, kind, res_id, amount, order_count)
                SELECT partner_id, 'store', store_id, SUM(amount), SUM(cnt)
                  FROM o WHERE store_id IS NOT NULL GROUP BY partner_id, store_id
                UNION ALL
                SELECT partner_id, 'channel', channel_id, SUM(amount), SUM(cnt)
                  FROM o WHERE channel_id IS NOT NULL
                 GROUP BY partner_id, channel_id
                UNION ALL
                SELECT o.partner_id, 'category', c.categ_id, SUM(c.amount),
                       SUM(o.cnt)
                  FROM categ c JOIN o ON o.id = c.order_id AND o.model = c.model
                 GROUP BY o.partner_id, c.categ_id
                """,
                counted=counted,
            )
        )
        self.query(
            SQL(
                """
                WITH best AS (
                    SELECT DISTINCT ON (partner_id, kind) partner_id, kind, res_id
                      FROM retail_customer_stat
                     WHERE kind IN ('category', 'store') AND amount > 0
                     ORDER BY partner_id, kind, amount DESC, order_count DESC,
                              res_id
                ), b AS (
                    SELECT partner_id,
                           MAX(res_id) FILTER (WHERE kind = 'category') AS categ,
                           MAX(res_id) FILTER (WHERE kind = 'store') AS store
                      FROM best GROUP BY partner_id
                )
                UPDATE res_partner p
                   SET retail_favorite_category_id = b.categ,
                       retail_preferred_store_id = b.store
                  FROM b WHERE p.id = b.partner_id
                """
            )
        )
        self.env.invalidate_all()

    def kpi_snapshot(self, ids):
        self.env.invalidate_all()
        partners = self.env["res.partner"].browse(ids)
        values = {
            p.id: (
                p.retail_first_purchase_date,
                p.retail_last_purchase_date,
                p.retail_purchase_count,
                p.retail_total_spent,
                p.retail_average_basket,
                p.retail_favorite_category_id.id,
                p.retail_preferred_store_id.id,
            )
            for p in partners
        }
        stats = self.query(
            SQL(
                "SELECT partner_id, kind, res_id, amount::float, order_count "
                "FROM retail_customer_stat WHERE partner_id = ANY(%s) "
                "ORDER BY 1, 2, 3",
                ids,
            )
        )
        return values, stats

    @staticmethod
    def same_kpis(left, right):
        """Equal, amounts to the cent (the module sums floats in Python)."""
        if len(left) != len(right):
            return False
        for a, b in zip(left, right, strict=True):
            if isinstance(a, float) or isinstance(b, float):
                if abs((a or 0.0) - (b or 0.0)) > 0.011:
                    return False
            elif a != b:
                return False
        return True

    def check_kpis(self, sample=40):
        """Rebuild the KPIs of a few customers with the module's own code and
        compare (rolled back: only a check)."""
        env = self.env
        rows = self.query(
            SQL(
                "SELECT id FROM res_partner WHERE retail_purchase_count > 0 ORDER BY id"
            )
        )
        if not rows:
            return 0
        rng = random.Random(self.args.seed)
        ids = sorted(rng.sample([r[0] for r in rows], min(sample, len(rows))))
        expected = self.kpi_snapshot(ids)
        env.cr.commit()
        try:
            self.query(
                SQL(
                    "UPDATE res_partner SET retail_first_purchase_date = NULL, "
                    "retail_last_purchase_date = NULL, retail_purchase_count = 0, "
                    "retail_total_spent = 0, retail_average_basket = 0, "
                    "retail_favorite_category_id = NULL, "
                    "retail_preferred_store_id = NULL WHERE id = ANY(%s)",
                    ids,
                )
            )
            self.query(
                SQL("DELETE FROM retail_customer_stat WHERE partner_id = ANY(%s)", ids)
            )
            env.invalidate_all()
            pos = env["pos.order"].search(
                [("partner_id", "in", ids), ("retail_kpi_done", "=", True)]
            )
            sales = env["sale.order"].search(
                [("partner_id", "in", ids), ("retail_kpi_done", "=", True)]
            )
            facts = pos._retail_kpi_facts() + sales._retail_kpi_facts()
            env["res.partner"]._retail_kpi_apply(facts, 1)
            env.flush_all()
            rebuilt = self.kpi_snapshot(ids)
        finally:
            env.cr.rollback()
            env.invalidate_all()
        errors = [
            (pid, expected[0][pid], rebuilt[0][pid])
            for pid in ids
            if not self.same_kpis(expected[0][pid], rebuilt[0][pid])
        ]
        if len(expected[1]) != len(rebuilt[1]):
            errors.append(("retail_customer_stat", len(expected[1]), len(rebuilt[1])))
        else:
            errors += [
                ("retail_customer_stat", a, b)
                for a, b in zip(expected[1], rebuilt[1], strict=True)
                if not self.same_kpis(a, b)
            ]
        for error in errors:
            _logger.error("KPI mismatch %s: generated %s, module %s", *error)
        if errors:
            raise SystemExit("the generated KPIs differ from the module's")
        return len(ids)

    # ------------------------------------------------------------------
    # main process and workers
    # ------------------------------------------------------------------
    def run_worker(self):
        self.setup_calendar()
        self.load_context()
        nbatches = math.ceil(self.args.customers / self.args.batch_size)
        created = contacts = 0
        for batch_index in range(self.args.worker, nbatches, self.args.jobs):
            started = time.perf_counter()
            size, with_contact = self.run_batch(batch_index)
            created += size
            contacts += with_contact
            _logger.info(
                "worker %d: batch %d/%d, %d customers in %.1f s",
                self.args.worker,
                batch_index + 1,
                nbatches,
                size,
                time.perf_counter() - started,
            )
        # The main process adds up what its workers report on their last line.
        counts = {
            "customers": created,
            "contacts": contacts,
            "pos_orders": self.pos_count,
            "sale_orders": self.sale_count,
            "order_lines": self.line_count,
        }
        print(WORKER_REPORT + json.dumps(counts), flush=True)

    def spawn_workers(self):
        """Run the batches in --jobs processes (each its own Odoo and cursor)."""
        args = self.args
        jobs = max(1, min(args.jobs, math.ceil(args.customers / args.batch_size)))
        base = [
            sys.executable,
            os.path.abspath(__file__),
            *("--db", args.db, "--conf", args.conf, "--log-level", args.log_level),
            *("--customers", str(args.customers), "--seed", str(args.seed)),
            *("--batch-size", str(args.batch_size), "--years", str(args.years)),
            *("--orders-per-customer", str(args.orders_per_customer)),
            *("--anonymous-share", str(args.anonymous_share), "--today", args.today),
            *("--jobs", str(jobs)),
        ]
        procs = [
            subprocess.Popen(  # noqa: S603 - our own script, no shell
                [*base, "--worker", str(k)], stdout=subprocess.PIPE, text=True
            )
            for k in range(jobs)
        ]
        totals = {}
        failed = False
        for proc in procs:
            out, _err = proc.communicate()
            failed |= proc.returncode != 0
            for line in out.splitlines():
                if line.startswith(WORKER_REPORT):
                    for key, value in json.loads(line[len(WORKER_REPORT) :]).items():
                        totals[key] = totals.get(key, 0) + value
                else:
                    print(line)
        if failed:
            raise SystemExit("a worker failed (see above)")
        return totals

    def run(self):
        env = self.env
        Param = env["ir.config_parameter"].sudo()
        if Param.get_param(benchlib.GENERATED_PARAM):
            raise SystemExit(
                f"{env.cr.dbname} already holds generated data "
                f"({Param.get_param(benchlib.GENERATED_PARAM)}); use a fresh database"
            )
        timings = {}
        all_started = started = time.perf_counter()

        def step(name):
            nonlocal started
            timings[name] = round(time.perf_counter() - started, 1)
            _logger.info("%-26s %7.1f s", name, timings[name])
            started = time.perf_counter()

        self.setup_calendar()
        self.setup_company()
        self.setup_stores()
        self.setup_catalogue()
        self.setup_segments()
        self.create_sessions()
        env.cr.commit()
        step("reference data")

        counts = self.spawn_workers()
        step("customers and orders")

        self.load_context()
        self.fill_kpis()
        self.env["retail.segment"].search(
            [("name", "in", SEGMENTS), ("kind", "=", "rule")]
        )._refresh_partners()
        env.cr.commit()
        step("KPIs and segments")

        checked = self.check_kpis()
        step("KPI check")

        env.cr.commit()
        vacuum_analyze(env.cr.dbname, ANALYZED_TABLES)
        step("vacuum analyze")

        stats = {
            "db": env.cr.dbname,
            "seed": self.args.seed,
            "jobs": self.args.jobs,
            **counts,
            "products": sum(len(p) for p in self.products_by_categ.values()),
            "stores": len(self.stores),
            "pos_sessions": len(self.sessions),
            "kpi_checked_customers": checked,
            "timings_s": timings,
            "seconds": round(time.perf_counter() - all_started, 1),
        }
        Param.set_param(benchlib.GENERATED_PARAM, json.dumps(stats))
        env.cr.commit()
        return stats


def vacuum_analyze(db, tables):
    """VACUUM ANALYZE (outside a transaction, on a connection of its own): the
    KPI fill rewrote every customer row; the planner must know the sizes."""
    import psycopg2  # noqa: PLC0415

    from odoo.sql_db import connection_info_for  # noqa: PLC0415

    _name, params = connection_info_for(db)
    connection = psycopg2.connect(**params)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            for table in tables:
                query = SQL("VACUUM ANALYZE %s", SQL.identifier(table))
                cursor.execute(query.code, query.params)
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True, help="database (retail_customer_kpi in)")
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument(
        "--orders-per-customer",
        type=float,
        default=2.5,
        help="mean number of orders per customer over the history (default 2.5)",
    )
    parser.add_argument(
        "--anonymous-share",
        type=float,
        default=0.4,
        help="share of till tickets without a customer (default 0.4)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="processes creating the customers (default: the number of CPUs)",
    )
    parser.add_argument(
        "--today",
        default=datetime.date.today().isoformat(),
        help="last day of the history (default: today)",
    )
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    if not 0 <= args.anonymous_share < 1:
        parser.error("--anonymous-share must be in [0, 1)")
    if args.customers < 1 or args.batch_size < 1 or args.jobs < 1:
        parser.error("--customers, --batch-size and --jobs must be positive")
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        generator = Generator(env, args)
        if args.worker is not None:
            generator.run_worker()
            return 0
        stats = generator.run()
    print(json.dumps(stats, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
