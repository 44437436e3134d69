# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl
from PyPDF2 import PdfReader

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import GiftRegistryCommon

REPORT = "retail_gift_registry.action_report_gift_registry_statement"


@tagged("post_install", "-at_install", "retail_gift_registry")
class TestGiftRegistryStatement(GiftRegistryCommon):
    """The owners' documents: the statement (QWeb PDF, mailed to the owners)
    and the thank-you list (XLSX), from real orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ana.email = "ana.registrytest@example.com"
        cls.luis.email = "luis.registrytest@example.com"
        cls.guest.write(
            {
                "street": "Calle Mayor 5",
                "zip": "28013",
                "city": "Madrid",
                "email": "garcia@example.com",
            }
        )
        cls.aunt = cls.env["res.partner"].create({"name": "Aunt Carmen"})

    def _buy(self):
        """Garcia family: a vase and 2 plates; Aunt Carmen: 30 toward the
        toaster."""
        garcia = self._sale_order([(self.vase, 1), (self.plates, 2)])
        aunt = self._sale_order(
            [(self.contribution, 1, 30.0)],
            confirm=False,
            partner_id=self.aunt.id,
            retail_gift_registry_guest="Aunt Carmen",
            retail_gift_registry_message="For your breakfasts",
        )
        aunt.order_line.retail_gift_registry_item_id = self.item_toaster
        aunt.action_confirm()
        return garcia, aunt

    def test_statement_renders_guests_messages_and_totals(self):
        self._buy()
        html, report_type = self.env["ir.actions.report"]._render_qweb_pdf(
            REPORT, self.gift_list.ids
        )
        self.assertEqual(report_type, "html")  # no wkhtmltopdf in tests
        html = html.decode()
        for text in (
            self.gift_list.name,
            "Wedding of Ana and Luis",
            "Ana Registrytest &amp; Luis Registrytest",
            "The Garcia family",
            "All our love",
            "Aunt Carmen",
            "For your breakfasts",
            "Contribution",
            "Vase",
        ):
            self.assertIn(text, html)
        # the number as a barcode image
        self.assertIn(f'alt="Barcode {self.gift_list.name}"', html)
        self.assertIn("data:image/png;base64,", html)
        # totals: gifts 40 + 2 x 10, contribution 30
        self.assertEqual(self.gift_list.amount_gifts, 60)
        self.assertEqual(self.gift_list.amount_total, 90)
        self.assertIn("90.00", html)
        rows = self.gift_list._statement_purchases()
        self.assertEqual(rows.mapped("guest_name")[0], "Aunt Carmen")
        self.assertEqual(len(rows), 3)

    def test_statement_is_a_real_pdf(self):
        """Printed as the owners get it: a real PDF (wkhtmltopdf, installed by
        the set-up), whose text holds the list's number and its guests."""
        self._buy()
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, self.gift_list.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        # words come out separated by tabs or newlines: compare them spaced
        pages = PdfReader(io.BytesIO(pdf)).pages
        text = " ".join(" ".join(page.extract_text().split()) for page in pages)
        self.assertIn(self.gift_list.name, text)
        self.assertIn("Aunt Carmen", text)

    def test_statement_of_a_list_without_purchases(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_pdf(REPORT, self.gift_list.ids)[0]
            .decode()
        )
        self.assertIn("Nothing has been bought for this list yet", html)

    def test_send_statement_queues_mail_to_owners_with_attachment(self):
        self._buy()
        action = self.gift_list.action_send_statement()
        composer = (
            self.env[action["res_model"]].with_context(**action["context"]).create({})
        )
        self.assertEqual(
            composer.template_id,
            self.env.ref("retail_gift_registry.mail_template_gift_registry_statement"),
        )
        self.assertEqual(composer.partner_ids, self.ana | self.luis)
        self.assertIn(self.gift_list.name, composer.subject)
        composer._action_send_mail()
        message = self.gift_list.message_ids[0]
        self.assertEqual(message.partner_ids, self.ana | self.luis)
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertTrue(
            message.attachment_ids.name.startswith(
                f"Gift list statement - {self.gift_list.name}"
            )
        )
        self.assertIn(b"The Garcia family", message.attachment_ids.raw)
        mails = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertTrue(mails)
        self.assertEqual(mails.recipient_ids, self.ana | self.luis)

    def _read_xlsx(self):
        action = self.gift_list.action_export_thank_you()
        self.assertEqual(action["type"], "ir.actions.act_url")
        wizard = self.env["retail.gift.registry.thanks.export"].search(
            [("registry_id", "=", self.gift_list.id)], order="id desc", limit=1
        )
        self.assertIn(wizard.file_name, action["url"])
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file)))
        sheet = book.active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[3][0], "Guest")
        return rows[4:]

    def test_thank_you_list_one_row_per_guest_and_gift(self):
        self._buy()
        rows = self._read_xlsx()
        by_gift = {(row[0], row[5]): row for row in rows}
        self.assertEqual(
            set(by_gift),
            {
                ("Aunt Carmen", "Contribution toward Toaster"),
                ("The Garcia family", "Vase"),
                ("The Garcia family", "Plates"),
            },
        )
        vase = by_gift[("The Garcia family", "Vase")]
        self.assertEqual(vase[1], "Guest Buyer")
        self.assertIn("Calle Mayor 5", vase[2])
        self.assertIn("Madrid", vase[2])
        self.assertEqual(vase[3], "garcia@example.com")
        self.assertEqual(vase[6], 1)
        self.assertEqual(vase[7], 40)
        self.assertEqual(vase[9], "All our love")
        self.assertEqual(by_gift[("The Garcia family", "Plates")][6], 2)
        aunt = by_gift[("Aunt Carmen", "Contribution toward Toaster")]
        self.assertIsNone(aunt[6])
        self.assertEqual(aunt[7], 30)
        self.assertEqual(aunt[9], "For your breakfasts")

    def test_thank_you_list_drops_refunded_gifts(self):
        self._open_session()
        order = self._pos_sync([self._pos_line(self.vase, 1, self.item_vase)])
        self._pos_sync(
            [
                {
                    "product": self.vase,
                    "quantity": -1,
                    "refunded_orderline_id": order.lines.id,
                }
            ]
        )
        self._sale_order([(self.plates, 3)])
        rows = self._read_xlsx()
        self.assertEqual(
            [(row[0], row[5], row[6]) for row in rows],
            [("The Garcia family", "Plates", 3)],
        )

    def test_thank_you_list_of_a_list_without_purchases(self):
        with self.assertRaisesRegex(UserError, "no one to thank"):
            self.gift_list.action_export_thank_you()
