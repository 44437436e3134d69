# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.retail_customer.tests.common import company_user

from .common import RetailMarketingCommon

MARKETER_GROUPS = (
    "base.group_user,mass_mailing.group_mass_mailing_user,"
    "sales_team.group_sale_salesman"
)


class CampaignLogCommon(RetailMarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.marketer = company_user(
            cls.env, "log_marketer", MARKETER_GROUPS, cls.company_a, "Marta Marketer"
        )
        cls.campaign = cls.env["utm.campaign"].create({"title": "Winter"})
        cls.Action = cls.env["retail.marketing.action"]

    def _actions(self, campaign=None):
        return self.Action.search(
            [("campaign_id", "=", (campaign or self.campaign).id)]
        )

    def _export(self, partners, **vals):
        """Export ``partners`` as the marketer does from the customer list."""
        form = Form(
            self.env["retail.customer.export"]
            .with_user(self.marketer)
            .with_context(active_model="res.partner", active_ids=partners.ids)
        )
        for name, value in vals.items():
            setattr(form, name, value)
        wizard = form.save()
        wizard.action_export()
        return wizard


@tagged("post_install", "-at_install", "retail_marketing")
class TestCampaignLog(CampaignLogCommon):
    def test_mailing_send_logs_one_action_with_its_audience(self):
        mailing = self._mailing(
            self.customers, campaign_id=self.campaign.id, user_id=self.marketer.id
        ).with_user(self.marketer)
        mailing.action_send_mail()
        # the queue reading the recipients again (next batch, retry) logs nothing
        mailing._get_recipients()
        action = self._actions()
        self.assertRecordValues(
            action,
            [
                {
                    "kind": "mailing",
                    "user_id": self.marketer.id,
                    "audience_count": 1,
                    "mailing_id": mailing.id,
                    "company_id": self.company_a.id,
                }
            ],
        )
        self.assertIn("selected by hand", action.criteria)
        self.assertIn(str(self.ana.id), action.domain)
        self.assertEqual(self.campaign.retail_action_ids, action)

    def test_sms_send_logs_an_sms_action(self):
        mailing = self._mailing(
            self.customers, mailing_type="sms", campaign_id=self.campaign.id
        )
        mailing.action_send_sms()
        self.assertRecordValues(self._actions(), [{"kind": "sms", "audience_count": 1}])

    def test_mailing_criteria_in_words(self):
        vip = self.env["retail.segment"].create({"name": "VIP"})
        mailing = self._mailing(self.customers, campaign_id=self.campaign.id)
        mailing.mailing_domain = repr(
            ["|", ("retail_segment_ids", "in", vip.ids), ("city", "=", "Lyon")]
        )
        mailing._get_recipients()  # the send starts
        criteria = self._actions().criteria
        self.assertIn("VIP", criteria)
        self.assertIn("Lyon", criteria)
        self.assertIn(" or ", criteria)

    def test_export_with_a_campaign_is_logged(self):
        wizard = self._export(self.ana | self.bruno, retail_campaign_id=self.campaign)
        self.assertTrue(wizard.file)
        self.assertRecordValues(
            self._actions(),
            [
                {
                    "kind": "export",
                    "user_id": self.marketer.id,
                    "audience_count": 2,
                    "criteria": "2 selected by hand",
                    "mailing_id": False,
                }
            ],
        )

    def test_export_without_a_campaign_logs_nothing(self):
        before = self.Action.search_count([])
        self._export(self.ana | self.bruno)
        self.assertEqual(self.Action.search_count([]), before)

    def test_actions_sheet_of_the_results_export(self):
        self._export(self.ana | self.bruno, retail_campaign_id=self.campaign)
        action = self.campaign.with_user(self.marketer).action_retail_export_results()
        self.assertIn("/retail.marketing.results.export/", action["url"])
        wizard = self.env["retail.marketing.results.export"].search(
            [("campaign_id", "=", self.campaign.id)], limit=1
        )
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file)))
        self.assertEqual(book.sheetnames, ["Actions"])
        rows = list(book["Actions"].iter_rows(values_only=True))
        line = dict(zip(rows[0], rows[1], strict=True))
        self.assertEqual(line["Action"], "Customer Export (XLSX)")
        self.assertEqual(line["By"], "Marta Marketer")
        self.assertEqual(line["Audience"], 2)
        self.assertEqual(line["Criteria"], "2 selected by hand")

    def test_context_campaign_that_does_not_exist_is_refused(self):
        for value in ("abc", 2_000_000_000, -1):
            with self.subTest(value=value), self.assertRaises(UserError):
                self.Action.with_context(
                    retail_campaign_id=value
                )._retail_context_campaign()


@tagged("post_install", "-at_install", "retail_marketing", "retail_security")
class TestCampaignLogAccess(CampaignLogCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls._create_company(name="Franchise B")
        cls.franchise_marketer = company_user(
            cls.env, "log_marketer_b", MARKETER_GROUPS, cls.company_b
        )
        cls.action = cls.Action._retail_log(
            cls.campaign, "export", 3, domain=[("id", "in", cls.customers.ids)]
        )

    def test_marketer_cannot_write_the_log(self):
        Action = self.Action.with_user(self.marketer)
        self.assertEqual(Action.search([]), self.action)
        with self.assertRaises(AccessError):
            Action.create(
                {"campaign_id": self.campaign.id, "kind": "export", "audience_count": 1}
            )
        with self.assertRaises(AccessError):
            self.action.with_user(self.marketer).write({"audience_count": 0})
        with self.assertRaises(AccessError):
            self.action.with_user(self.marketer).unlink()

    def test_user_of_another_company_does_not_see_the_log(self):
        Action = self.Action.with_user(self.franchise_marketer)
        self.assertFalse(Action.search([("campaign_id", "=", self.campaign.id)]))
        self.assertFalse(
            self.campaign.with_user(self.franchise_marketer).retail_action_ids
        )
        with self.assertRaises(AccessError):
            Action.browse(self.action.id).read(["criteria"])


@tagged("post_install", "-at_install", "retail_marketing")
class TestRecurringCampaignLog(RetailMarketingCommon):
    """Each day's run of a recurring mailing is an action of its own."""

    def test_one_action_per_run(self):
        bea = self._customer(
            "Bea Birthday",
            email="bea@example.com",
            retail_birth_date="1990-12-07",
            retail_consent_email=True,
        )
        mailing = self._mailing(
            self.customers | bea, retail_occasion="birthday", retail_occasion_days=0
        )
        mailing.action_retail_start()
        self._run_recurring("2026-12-07 08:00:00")
        self._run_recurring("2026-12-07 15:00:00")  # the same day: the same run
        self._run_recurring("2027-12-07 08:00:00")
        actions = self.env["retail.marketing.action"].search(
            [("campaign_id", "=", mailing.campaign_id.id)], order="id"
        )
        self.assertEqual(len(actions), 2)
        self.assertEqual(actions.mailing_id, mailing.retail_run_ids)
        self.assertEqual(actions.mapped("audience_count"), [1, 1])
        self.assertIn("Birthday", actions[0].criteria)
        self.assertIn("2026-12-07", actions[0].criteria)
