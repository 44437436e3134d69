# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.retail_clienteling.tests.common import ClientelingCommon


@tagged("post_install", "-at_install")
class TestPanelGiftLists(ClientelingCommon):
    """The till's customer panel lists the open gift lists the customer owns."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wedding = cls.env.ref(
            "retail_gift_registry.retail_gift_registry_type_wedding"
        )
        cls.partner_of_buyer = cls.env["res.partner"].create({"name": "Pablo Panel"})
        cls.other_company = cls.env["res.company"].create({"name": "Franchise Lists"})

    def _list(self, state="open", **values):
        gift_list = self.env["retail.gift.registry"].create(
            {
                "title": "Wedding of Clara and Pablo",
                "type_id": self.wedding.id,
                "owner_id": self.buyer.id,
                "co_owner_id": self.partner_of_buyer.id,
                "event_date": "2026-09-12",
                "pos_config_id": self.config.id,
                "item_ids": [
                    Command.create({"product_id": self.polish.id, "qty_wanted": 1})
                ],
                **values,
            }
        )
        if state != "draft":
            gift_list.action_open()
        if state == "closed":
            gift_list.action_close()
        return gift_list

    def _panel_lists(self, customer=None):
        panel = self.config.with_user(self.cashier).retail_clienteling_panel(
            (customer or self.buyer).id, []
        )
        sections = {section["key"]: section for section in panel["sections"]}
        return sections.get("retail_gift_lists")

    def test_panel_lists_the_owners_open_lists_nearest_event_first(self):
        wedding = self._list()
        birth = self._list(
            title="Birth of Leo",
            owner_id=self.partner_of_buyer.id,
            co_owner_id=self.buyer.id,
            event_date="2026-07-01",
            pos_config_id=False,
        )
        for owner in (self.buyer, self.partner_of_buyer):
            section = self._panel_lists(owner)
            self.assertEqual(section["title"], "Active gift lists")
            self.assertEqual(
                section["rows"],
                [
                    {
                        "id": birth.id,
                        "name": birth.name,
                        "title": "Birth of Leo",
                        "type": self.wedding.name,
                        "event_date": "2026-07-01",
                        "store": "",
                    },
                    {
                        "id": wedding.id,
                        "name": wedding.name,
                        "title": "Wedding of Clara and Pablo",
                        "type": self.wedding.name,
                        "event_date": "2026-09-12",
                        "store": self.config.name,
                    },
                ],
            )

    def test_draft_and_closed_lists_are_not_listed(self):
        opened = self._list()
        self._list(state="draft")
        self._list(state="closed")
        section = self._panel_lists()
        self.assertEqual([row["id"] for row in section["rows"]], opened.ids)

    def test_another_companys_lists_are_not_listed(self):
        """A customer shared by two companies: the cashier of one never sees the
        lists of the other."""
        umbrella = self.env["product.product"].create({"name": "Shared umbrella"})
        self._list(
            company_id=self.other_company.id,
            pos_config_id=False,
            item_ids=[Command.create({"product_id": umbrella.id})],
        )
        self.assertIsNone(self._panel_lists())

    def test_a_guests_panel_lists_nothing(self):
        self._list()
        guest = self.env["res.partner"].create({"name": "Gina Guest"})
        self.assertIsNone(self._panel_lists(guest))

    def test_lists_are_read_in_one_query(self):
        self._list()
        self._list(title="Anniversary")
        buyer = self.buyer.with_user(self.cashier)
        buyer._retail_clienteling_gift_list_rows(self.config)
        self.env.invalidate_all()
        self.config.company_id.fetch(["id"])  # read by the panel before
        with self.assertQueryCount(1):
            rows = buyer._retail_clienteling_gift_list_rows(self.config)
        self.assertEqual(len(rows), 2)
