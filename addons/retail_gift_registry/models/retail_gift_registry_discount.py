# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from odoo import Command, api, fields, models


class RetailGiftRegistry(models.Model):
    _inherit = "retail.gift.registry"

    def _gift_registry_offer_discount(self):
        """Give the owners a pricelist of their own: the products of the items
        not fully bought at the list's discount until its end date, everything
        else at the owner's previous pricelist. Created at the first settlement,
        updated at the next ones; ended by ``_cron_end_discount_offers``."""
        self.ensure_one()
        if not self.discount_percent or not self.discount_date_end:
            self._gift_registry_end_discount()
            return
        owners = (self.owner_id | self.co_owner_id).with_company(self.company_id)
        pricelist = self.discount_pricelist_id
        vals = {
            "name": self.env._("Gift list %(name)s: owners' offer", name=self.name),
            "company_id": self.company_id.id,
            "currency_id": self.currency_id.id,
            "retail_gift_registry_id": self.id,
            "active": True,
            "item_ids": self._gift_registry_discount_items(),
        }
        # sudo: the owners' offer pricelist and their pricelist property are
        # set by the settling action (a gift list manager, checked there)
        Pricelist = self.env["product.pricelist"].sudo()
        if pricelist:
            pricelist.sudo().write(vals)
        else:
            pricelist = Pricelist.create(vals)
            self._gift_registry_write_action({"discount_pricelist_id": pricelist.id})
        owners.sudo().write({"property_product_pricelist": pricelist.id})

    def _gift_registry_discount_items(self):
        """The commands of the offer's pricelist items: the list's discount on
        each product still wanted, until the offer's last day, then the owner's
        previous pricelist for everything else."""
        self.ensure_one()
        pricelist = self.discount_pricelist_id
        previous = self.owner_id.with_company(
            self.company_id
        ).property_product_pricelist
        if previous == pricelist:
            previous = pricelist.item_ids.filtered(
                lambda i: i.applied_on == "3_global"
            ).base_pricelist_id
        products = self.item_ids.filtered(lambda i: i.qty_remaining > 0).product_id
        end = datetime.combine(self.discount_date_end, time.max).replace(microsecond=0)
        items = [Command.clear()] + [
            Command.create(
                {
                    "applied_on": "0_product_variant",
                    "product_tmpl_id": product.product_tmpl_id.id,
                    "product_id": product.id,
                    "compute_price": "percentage",
                    "percent_price": self.discount_percent,
                    "date_end": end,
                }
            )
            for product in products
        ]
        if previous:
            items.append(
                Command.create(
                    {
                        "applied_on": "3_global",
                        "compute_price": "formula",
                        "base": "pricelist",
                        "base_pricelist_id": previous.id,
                    }
                )
            )
        return items

    def _gift_registry_end_discount(self):
        """Give the owners back their previous pricelist and archive the
        offer's."""
        for registry in self.filtered("discount_pricelist_id"):
            # sudo: the offer ends by the list's settlement or by the cron, for
            # the owners whose pricelist is still the offer's
            pricelist = registry.discount_pricelist_id.sudo()
            previous = pricelist.item_ids.filtered(
                lambda i: i.applied_on == "3_global"
            ).base_pricelist_id
            owners = (registry.owner_id | registry.co_owner_id).with_company(
                registry.company_id
            )
            owners = owners.filtered(
                lambda p, pl=pricelist: p.property_product_pricelist == pl
            )
            owners.sudo().write({"property_product_pricelist": previous.id or False})
            pricelist.active = False

    @api.model
    def _cron_end_discount_offers(self):
        registries = self.search(
            [
                ("discount_pricelist_id.active", "=", True),
                ("discount_date_end", "<", fields.Date.context_today(self)),
            ]
        )
        registries._gift_registry_end_discount()
        return registries
