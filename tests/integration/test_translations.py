# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Spanish and French catalogs load: with es_ES and fr_FR installed, the labels,
selection values, data and error messages of the modules whose catalogs are complete
come out in the user's language (the back office, the till's strings)."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.translate import code_translations

MODULES = (
    "retail_card_incidents",
    "retail_incidents",
    "retail_promotions",
    "retail_surveys",
)


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

    def test_incident_till_strings(self):
        messages = {
            message["id"]: message["string"]
            for message in code_translations.get_web_translations(
                "retail_incidents", "es_ES"
            )["messages"]
        }
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
