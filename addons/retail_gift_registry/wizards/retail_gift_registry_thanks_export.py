# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero

from odoo.addons.retail_customer.wizards.retail_xlsx_export_mixin import RetailWorkbook

QTY_DIGITS = 6


class RetailGiftRegistryThanksExport(models.TransientModel):
    """The owners' thank-you list: one row per guest and gift (or
    contribution), net of refunds, with the guest's messages and address."""

    _name = "retail.gift.registry.thanks.export"
    _inherit = "retail.xlsx.export.mixin"
    _description = "Export a Gift List's Thank-You List"

    registry_id = fields.Many2one("retail.gift.registry", required=True)

    def _get_rows(self):
        """One dict per guest and gift, sorted by guest then gift, from one
        grouped read of the list's purchases; gifts fully refunded drop out."""
        self.ensure_one()
        # the purchases view reads the order lines from the database
        self.env.flush_all()
        groups = self.env["retail.gift.registry.purchase"]._read_group(
            [("registry_id", "=", self.registry_id.id)],
            ["guest_key", "product_id", "item_id", "is_contribution"],
            [
                "guest_name:max",
                "partner_id:array_agg",
                "qty:sum",
                "amount:sum",
                "date:min",
                "message:array_agg_distinct",
            ],
        )
        Partner = self.env["res.partner"]
        # one prefetch for every guest's partner (address, email, phone)
        partners = {
            partner.id: partner
            for partner in Partner.browse(
                {pid for group in groups for pid in group[5] if pid}
            )
        }
        rows = []
        for (
            __,
            product,
            item,
            is_contribution,
            guest,
            partner_ids,
            qty,
            amount,
            date,
            messages,
        ) in groups:
            net = amount if is_contribution else qty
            if float_is_zero(net, precision_digits=QTY_DIGITS) or net < 0:
                continue
            partner = next(
                (partners[pid] for pid in partner_ids if pid), Partner.browse()
            )
            rows.append(
                {
                    "guest": guest or partner.name or "",
                    "partner": partner,
                    "gift": self._gift_label(product, item, is_contribution),
                    "qty": 0.0 if is_contribution else qty,
                    "amount": amount,
                    "date": date,
                    "message": "\n".join(m for m in messages if m and m.strip()),
                }
            )
        rows.sort(key=lambda row: (row["guest"].lower(), row["gift"].lower()))
        return rows

    def _gift_label(self, product, item, is_contribution):
        if not is_contribution:
            return product.display_name
        if item:
            return self.env._(
                "Contribution toward %(product)s",
                product=item.product_id.display_name,
            )
        return self.env._("Contribution to the list")

    def _build_xlsx(self, rows):
        book = RetailWorkbook()
        bold, money = book.bold, book.money()
        day = book.format(num_format="yyyy-mm-dd")
        wrap = book.format(text_wrap=True, valign="top")
        registry = self.registry_id
        sheet = book.sheet(
            self.env._("Thank-You List")[:31],
            widths=[(0, 1, 24), (2, 2, 36), (3, 5, 24), (6, 8, 12), (9, 9, 48)],
            freeze=(4, 0),
        )
        sheet.write(0, 0, f"{registry.name} {registry.title}", bold)
        sheet.write(1, 0, registry.owner_names or "")
        headers = [
            self.env._("Guest"),
            self.env._("Customer"),
            self.env._("Address"),
            self.env._("Email"),
            self.env._("Phone"),
            self.env._("Gift"),
            self.env._("Quantity"),
            self.env._("Amount"),
            self.env._("Date"),
            self.env._("Message"),
        ]
        sheet.write_row(3, 0, headers, bold)
        for index, row in enumerate(rows, start=4):
            partner = row["partner"]
            address = partner._display_address(without_company=True) if partner else ""
            sheet.write(index, 0, row["guest"])
            sheet.write(index, 1, partner.name or "" if partner else "")
            sheet.write(index, 2, (address or "").strip(), wrap)
            sheet.write(index, 3, partner.email or "" if partner else "")
            sheet.write(index, 4, partner.phone or "" if partner else "")
            sheet.write(index, 5, row["gift"])
            if row["qty"]:
                sheet.write_number(index, 6, row["qty"])
            sheet.write_number(index, 7, row["amount"], money)
            if row["date"]:
                sheet.write_datetime(index, 8, row["date"], day)
            sheet.write(index, 9, row["message"], wrap)
        return book.close()

    def action_export(self):
        self.ensure_one()
        rows = self._get_rows()
        if not rows:
            raise UserError(
                self.env._(
                    "Nothing has been bought for gift list %(name)s yet: there is "
                    "no one to thank.",
                    name=self.registry_id.name,
                )
            )
        file_name = self.env._(
            "thank_you_%(name)s.xlsx", name=self.registry_id.name
        ).replace("/", "_")
        return self._retail_xlsx_download(self._build_xlsx(rows), file_name)
