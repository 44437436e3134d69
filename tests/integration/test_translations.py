# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Spanish and French catalogs load: with es_ES and fr_FR installed, the labels,
selection values, data and error messages of the modules whose catalogs are complete
come out in the user's language (the back office, the till's strings)."""

import importlib.util
from pathlib import Path

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.translate import code_translations


def _complete_modules():
    """The modules whose catalogs are complete: the check of make lint names them."""
    path = Path(__file__).resolve().parents[2] / "scripts" / "check-translations.py"
    spec = importlib.util.spec_from_file_location("check_translations", path)
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    return check.COMPLETE


MODULES = _complete_modules()


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("es_ES", "fr_FR"):
            cls.env["res.lang"]._activate_lang(code)
        modules = cls.env["ir.module.module"].search([("name", "in", MODULES)])
        modules._update_translations(["es_ES", "fr_FR"])
        cls.customer = cls.env["res.partner"].create({"name": "Lucía Martín"})

    def _fields(self, model, names, lang):
        return (
            self.env[model]
            .with_context(lang=lang)
            .fields_get(names, ["string", "selection"])
        )

    def test_incident_labels(self):
        for lang, problem, resolved, urgent in (
            ("es_ES", "Problema", "Resuelta", "Urgente"),
            ("fr_FR", "Problème", "Résolu", "Urgent"),
        ):
            fields = self._fields(
                "retail.incident", ["description", "state", "priority"], lang
            )
            self.assertEqual(fields["description"]["string"], problem)
            self.assertIn(("resolved", resolved), fields["state"]["selection"])
            self.assertIn(("2", urgent), fields["priority"]["selection"])

    def test_incident_error(self):
        incident = self.env["retail.incident"].create(
            {"partner_id": self.customer.id, "description": "Caja rota"}
        )
        with self.assertRaises(ValidationError) as caught:
            incident.with_context(lang="es_ES").action_resolve()
        self.assertIn("no se puede resolver sin una resolución", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            incident.with_context(lang="fr_FR").action_resolve()
        self.assertIn("ne peut pas être résolu sans résolution", str(caught.exception))

    def _till_strings(self, module, lang):
        return {
            message["id"]: message["string"]
            for message in code_translations.get_web_translations(module, lang)[
                "messages"
            ]
        }

    def test_incident_till_strings(self):
        messages = self._till_strings("retail_incidents", "es_ES")
        self.assertEqual(messages["Log an incident"], "Registrar una incidencia")
        self.assertEqual(
            messages["Select the customer first."], "Seleccione primero el cliente."
        )

    def test_card_incident_labels_and_data(self):
        category = self.env.ref(
            "retail_card_incidents.retail_incident_category_card_shortfall"
        )
        self.assertEqual(
            category.with_context(lang="es_ES").name, "Saldo de tarjeta insuficiente"
        )
        self.assertEqual(
            category.with_context(lang="fr_FR").name, "Solde de carte insuffisant"
        )
        fields = self._fields(
            "retail.incident", ["retail_card_ids", "event_code"], "es_ES"
        )
        self.assertEqual(fields["retail_card_ids"]["string"], "Tarjetas")
        self.assertIn(
            ("card_shortfall", "Saldo insuficiente de tarjeta en venta sin conexión"),
            fields["event_code"]["selection"],
        )

    def test_promotion_labels(self):
        fields = self._fields(
            "loyalty.program", ["retail_season", "retail_promotion_type"], "es_ES"
        )
        self.assertEqual(fields["retail_season"]["string"], "Temporada")
        self.assertIn(
            "N x M (las unidades más baratas de cada grupo de N, gratis)",
            dict(fields["retail_promotion_type"]["selection"]).values(),
        )
        fields = self._fields("res.partner", ["retail_is_employee"], "fr_FR")
        self.assertEqual(fields["retail_is_employee"]["string"], "Salarié")

    def test_promotion_error(self):
        salesman = new_test_user(
            self.env, login="vendedor", groups="sales_team.group_sale_salesman"
        )
        with self.assertRaises(AccessError) as caught:
            self.customer.with_user(salesman).with_context(lang="es_ES").write(
                {"retail_is_employee": True}
            )
        self.assertEqual(
            str(caught.exception),
            "Solo los responsables pueden marcar a un cliente como empleado.",
        )

    def test_survey_labels(self):
        fields = self._fields("retail.survey.rule", ["survey_id", "frequency"], "es_ES")
        self.assertEqual(fields["survey_id"]["string"], "Cuestionario")
        self.assertIn(
            ("one_in_n", "Un pedido de cada N"), fields["frequency"]["selection"]
        )
        fields = self._fields("retail.survey.rule", ["frequency"], "fr_FR")
        self.assertIn(
            ("one_in_n", "Une commande sur N"), fields["frequency"]["selection"]
        )

    def test_survey_error(self):
        survey = self.env["survey.survey"].create({"title": "Satisfacción"})
        with self.assertRaises(ValidationError) as caught:
            self.env["retail.survey.rule"].with_context(lang="es_ES").create(
                {"survey_id": survey.id}
            )
        self.assertEqual(
            str(caught.exception),
            "La encuesta «Satisfacción» no es un cuestionario de tienda: márquela "
            "como tal antes de activarla para las tiendas.",
        )

    def test_card_labels(self):
        fields = self._fields("retail.card.lookup.failure", ["pos_config_id"], "es_ES")
        self.assertEqual(fields["pos_config_id"]["string"], "Caja")
        fields = self._fields("loyalty.history", ["retail_kind"], "es_ES")
        self.assertIn(("transfer", "Traspaso"), fields["retail_kind"]["selection"])
        fields = self._fields("loyalty.history", ["retail_kind"], "fr_FR")
        self.assertIn(
            ("reverse", "Contre-passation"), fields["retail_kind"]["selection"]
        )
        model = self.env["ir.model"]._get("loyalty.card")
        self.assertEqual(model.with_context(lang="es_ES").name, "Cupón de fidelidad")
        self.assertEqual(model.with_context(lang="fr_FR").name, "Bon de fidélité")

    def test_card_error(self):
        for lang, message in (
            ("es_ES", "Introduzca un número de tarjeta."),
            ("fr_FR", "Saisissez un numéro de carte."),
        ):
            with self.assertRaises(ValidationError) as caught:
                self.env["loyalty.card"].with_context(lang=lang).retail_lookup("  ")
            self.assertEqual(str(caught.exception), message)

    def test_customer_labels(self):
        fields = self._fields("res.partner", ["retail_anonymized_date"], "es_ES")
        self.assertEqual(fields["retail_anonymized_date"]["string"], "Anonimizado el")
        fields = self._fields("retail.channel", ["company_id"], "es_ES")
        self.assertEqual(fields["company_id"]["string"], "Compañía")
        for lang, erasure in (("es_ES", "Supresión"), ("fr_FR", "Effacement")):
            fields = self._fields("retail.gdpr.request", ["request_type"], lang)
            self.assertIn(("anonymize", erasure), fields["request_type"]["selection"])

    def test_customer_error(self):
        for lang, message in (
            ("es_ES", "Seleccione los clientes que desea anonimizar."),
            ("fr_FR", "Sélectionnez les clients à anonymiser."),
        ):
            with self.assertRaises(UserError) as caught:
                self.env["res.partner"].with_context(
                    lang=lang
                ).action_retail_anonymize()
            self.assertEqual(str(caught.exception), message)

    def test_loyalty_labels(self):
        fields = self._fields("retail.loyalty.tier", ["threshold", "basis"], "es_ES")
        self.assertEqual(fields["threshold"]["string"], "Umbral")
        self.assertIn(("spend", "Importe gastado"), fields["basis"]["selection"])
        fields = self._fields("loyalty.card", ["retail_tier_id"], "fr_FR")
        self.assertEqual(fields["retail_tier_id"]["string"], "Niveau")

    def test_loyalty_error(self):
        for lang, message in (
            ("es_ES", "Indique por qué se asigna el nivel a mano."),
            ("fr_FR", "Indiquez pourquoi le niveau est défini à la main."),
        ):
            with self.assertRaises(ValidationError) as caught:
                self.env["loyalty.card"].with_context(lang=lang).action_retail_set_tier(
                    False, " "
                )
            self.assertEqual(str(caught.exception), message)

    def test_loyalty_till_strings(self):
        messages = self._till_strings("retail_loyalty", "es_ES")
        self.assertEqual(messages["Points balance:"], "Saldo de puntos:")
        messages = self._till_strings("retail_loyalty", "fr_FR")
        self.assertEqual(messages["Tier:"], "Niveau :")

    def test_giftcard_labels(self):
        for lang, label, single in (
            ("es_ES", "Tipo de bono", "Univalente"),
            ("fr_FR", "Type de bon", "À usage unique"),
        ):
            fields = self._fields("retail.giftcard.series", ["voucher_type"], lang)
            self.assertEqual(fields["voucher_type"]["string"], label)
            self.assertIn(("single", single), fields["voucher_type"]["selection"])
        fields = self._fields("loyalty.card", ["retail_state"], "es_ES")
        self.assertIn(("blocked", "Bloqueada"), fields["retail_state"]["selection"])

    def test_giftcard_error(self):
        cashier = new_test_user(
            self.env, login="cajera", groups="retail_card.group_card_cashier"
        )
        salesman = new_test_user(
            self.env, login="vendeur", groups="sales_team.group_sale_salesman"
        )
        Card = self.env["loyalty.card"]
        with self.assertRaises(UserError) as caught:
            Card.with_user(cashier).with_context(lang="es_ES").retail_giftcard_check("")
        self.assertEqual(
            str(caught.exception), "Teclee o escanee el número de la tarjeta regalo."
        )
        with self.assertRaises(AccessError) as caught:
            Card.with_user(salesman).with_context(lang="fr_FR").retail_giftcard_check(
                "4402"
            )
        self.assertEqual(
            str(caught.exception),
            "Seuls les caissiers peuvent rechercher des cartes cadeaux.",
        )

    def test_giftcard_till_strings(self):
        messages = self._till_strings("retail_giftcard", "es_ES")
        self.assertEqual(
            messages["Pay with a gift card"], "Pagar con una tarjeta regalo"
        )
        messages = self._till_strings("retail_giftcard", "fr_FR")
        self.assertEqual(
            messages["Card number or barcode"], "Numéro de carte ou code-barres"
        )

    def test_marketing_labels(self):
        for lang, holdout in (
            ("es_ES", "Grupo de control (%)"),
            ("fr_FR", "Groupe témoin (%)"),
        ):
            fields = self._fields("mailing.mailing", ["retail_holdout_percent"], lang)
            self.assertEqual(fields["retail_holdout_percent"]["string"], holdout)

    def test_marketing_error(self):
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Rebajas",
                "body_html": "<p>Rebajas</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            }
        )
        for lang, message in (
            (
                "es_ES",
                "El grupo de control de Rebajas debe estar entre el 0 % y el 50 %",
            ),
            (
                "fr_FR",
                "Le groupe témoin de Rebajas doit être compris entre 0 % et 50 %",
            ),
        ):
            with self.assertRaises(ValidationError) as caught:
                mailing.with_context(lang=lang).write({"retail_holdout_percent": 60})
            self.assertIn(message, str(caught.exception))

    def test_promotion_loyalty_labels_and_error(self):
        fields = self._fields("loyalty.program", ["retail_points_mode"], "es_ES")
        self.assertIn(
            ("multiplier", "Multiplicador de los puntos que gana el grupo"),
            fields["retail_points_mode"]["selection"],
        )
        socks = self.env["product.product"].create({"name": "Calcetines"})
        values = {
            "name": "Puntos dobles",
            "retail_promotion_type": "loyalty_points",
            "retail_product_ids": [Command.set(socks.ids)],
        }
        for lang, message in (
            (
                "es_ES",
                "Promoción Puntos dobles: elija el programa de fidelización que "
                "gana los puntos.",
            ),
            (
                "fr_FR",
                "Promotion Puntos dobles : choisissez le programme de fidélité qui "
                "gagne les points.",
            ),
        ):
            with self.assertRaises(ValidationError) as caught:
                self.env["loyalty.program"].with_context(lang=lang).create(dict(values))
            self.assertEqual(str(caught.exception), message)

    def test_gift_registry_giftcard_labels(self):
        for lang, series in (
            ("es_ES", "Serie de saldo de listas de regalos"),
            ("fr_FR", "Série d'avoir des listes de cadeaux"),
        ):
            labels = {
                field["string"]
                for field in self.env["res.company"]
                .with_context(lang=lang)
                .fields_get(attributes=["string"])
                .values()
            }
            self.assertIn(series, labels)

    def test_gift_registry_labels_and_data(self):
        wedding = self.env.ref("retail_gift_registry.retail_gift_registry_type_wedding")
        for lang, co_owner, delivered, wedding_name in (
            ("es_ES", "Segundo titular", "Entregada", "Boda"),
            ("fr_FR", "Second titulaire", "Livrée", "Mariage"),
        ):
            fields = self._fields(
                "retail.gift.registry", ["co_owner_id", "state"], lang
            )
            self.assertEqual(fields["co_owner_id"]["string"], co_owner)
            self.assertIn(("delivered", delivered), fields["state"]["selection"])
            self.assertEqual(wedding.with_context(lang=lang).name, wedding_name)

    def test_gift_registry_error(self):
        wedding = self.env.ref("retail_gift_registry.retail_gift_registry_type_wedding")
        values = {
            "title": "Boda de Lucía",
            "type_id": wedding.id,
            "owner_id": self.customer.id,
            "co_owner_id": self.customer.id,
            "event_date": "2026-06-20",
        }
        for lang, message in (
            ("es_ES", "El segundo titular de una lista es otra persona."),
            ("fr_FR", "Le second titulaire d'une liste est une autre personne."),
        ):
            with self.assertRaises(ValidationError) as caught:
                self.env["retail.gift.registry"].with_context(lang=lang).create(
                    dict(values)
                )
            self.assertEqual(str(caught.exception), message)

    def test_marketing_coupon_labels_and_error(self):
        for lang, label in (
            ("es_ES", "Validez del cupón (días)"),
            ("fr_FR", "Validité du bon (jours)"),
        ):
            fields = self._fields("mailing.mailing", ["retail_coupon_valid_days"], lang)
            self.assertEqual(fields["retail_coupon_valid_days"]["string"], label)
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Cupón de primavera",
                "body_html": "<p>Primavera</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            }
        )
        for lang, message in (
            (
                "es_ES",
                "Los cupones de Cupón de primavera son válidos de 0 a 3650 días, "
                "no 5000.",
            ),
            (
                "fr_FR",
                "Les bons de Cupón de primavera sont valables de 0 à 3650 jours, "
                "pas 5000.",
            ),
        ):
            with self.assertRaises(ValidationError) as caught:
                mailing.with_context(lang=lang).write(
                    {"retail_coupon_valid_days": 5000}
                )
            self.assertEqual(str(caught.exception), message)

    def test_marketing_expiry_labels_and_error(self):
        """The expiry criteria of the loyalty and gift card bridges: their labels,
        and the error of a wrong number of days, which names the field."""
        Partner = self.env["res.partner"]
        for lang, field, message in (
            (
                "es_ES",
                "retail_points_expiry_days",
                "Días hasta la caducidad de puntos: indique un número entero de "
                "días de 0 a 3660 (se indicó -1).",
            ),
            (
                "fr_FR",
                "retail_points_expiry_days",
                "Jours avant l'expiration des points : indiquez un nombre entier de "
                "jours de 0 à 3660 (-1 indiqué).",
            ),
            (
                "es_ES",
                "retail_giftcard_expiry_days",
                "Días restantes de la tarjeta regalo: indique un número entero de "
                "días de 0 a 3660 (se indicó -1).",
            ),
            (
                "fr_FR",
                "retail_giftcard_expiry_days",
                "Jours restants sur la carte cadeau : indiquez un nombre entier de "
                "jours de 0 à 3660 (-1 indiqué).",
            ),
        ):
            with self.assertRaises(UserError) as caught:
                Partner.with_context(lang=lang).search([(field, "<=", -1)])
            self.assertEqual(str(caught.exception), message)
        fields = self._fields("res.partner", ["retail_giftcard_balance"], "fr_FR")
        self.assertEqual(
            fields["retail_giftcard_balance"]["string"], "Solde de la carte cadeau"
        )
        fields = self._fields("res.partner", ["retail_points_expiring_soon"], "es_ES")
        self.assertEqual(
            fields["retail_points_expiring_soon"]["string"],
            "Puntos que caducan pronto",
        )
