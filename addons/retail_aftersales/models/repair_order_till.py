# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the till calls: the customer's purchases, taking a service, finding it
and handing it over. Every argument is untrusted: the till sends ids and text,
the server checks them and computes the warranty and the price."""

import base64
import binascii
import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import html2plaintext, plaintext2html
from odoo.tools.mimetypes import guess_mimetype

from .product_template import SERVICE_TYPES

MAX_ID = 2**31 - 1
MAX_NOTES = 2000
MAX_PHOTOS = 5
MAX_PHOTO_CHARS = 7_000_000  # base64 of about 5 MB
MAX_QUERY = 64
HISTORY_LIMIT = 40
SOLD_STATES = ("paid", "done", "invoiced")


class RepairOrder(models.Model):
    _inherit = "repair.order"

    # ------------------------------------------------------------------
    # Checks of the till's arguments
    # ------------------------------------------------------------------

    @api.model
    def _retail_check_id(self, value, label):
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 0 < value <= MAX_ID
        ):
            raise ValidationError(self.env._("%(what)s is not a valid id.", what=label))
        return value

    @api.model
    def _retail_till_config(self, config_id):
        """The cashier's till, once checked: a service cashier of its company."""
        if not self.env.user.has_group("retail_aftersales.group_aftersales_cashier"):
            raise AccessError(
                self.env._("Only after-sales cashiers may take or hand over services.")
            )
        config = self.env["pos.config"].browse(
            self._retail_check_id(config_id, self.env._("Till"))
        )
        # sudo: reads only the till's company, to refuse another company's till.
        if not config.exists() or config.sudo().company_id not in self.env.companies:
            raise ValidationError(self.env._("Unknown till."))
        config.check_access("read")
        return config

    @api.model
    def _retail_till_partner(self, config, partner_id):
        partner = self.env["res.partner"].browse(
            self._retail_check_id(partner_id, self.env._("Customer"))
        )
        if not partner.exists():
            raise ValidationError(self.env._("Unknown customer."))
        partner.check_access("read")
        return partner

    # ------------------------------------------------------------------
    # Warranty and the customer's purchases
    # ------------------------------------------------------------------

    @api.model
    def _retail_warranty(self, product, purchase_date):
        """(warranty end date or False, whether it still runs today)."""
        months = product.product_tmpl_id.retail_warranty_months
        if not months or not purchase_date:
            return False, False
        until = purchase_date + relativedelta(months=months)
        return until, fields.Date.context_today(self) <= until

    @api.model
    def _retail_purchase_values(self, line, kind):
        if kind == "pos":
            order, qty = line.order_id, line.qty
            date = fields.Date.context_today(self, order.date_order)
        else:
            order, qty = line.order_id, line.product_uom_qty
            date = fields.Date.context_today(self, order.date_order)
        until, running = self._retail_warranty(line.product_id, date)
        return {
            "kind": kind,
            "id": line.id,
            "order": order.name,
            "product_id": line.product_id.id,
            "product": line.product_id.display_name,
            "qty": qty,
            "date": fields.Date.to_string(date),
            "warranty_until": fields.Date.to_string(until) if until else False,
            "under_warranty": running,
        }

    @api.model
    def _retail_purchase_domains(self, config, partner):
        commercial = partner.commercial_partner_id
        goods = Domain("product_id.type", "=", "consu")
        pos = (
            Domain("order_id.partner_id", "child_of", commercial.id)
            & Domain("order_id.state", "in", SOLD_STATES)
            & Domain("company_id", "=", config.company_id.id)
            & Domain("qty", ">", 0)
            & goods
        )
        sale = (
            Domain("order_id.partner_id", "child_of", commercial.id)
            & Domain("state", "=", "sale")
            & Domain("company_id", "=", config.company_id.id)
            & Domain("display_type", "=", False)
            & Domain("product_uom_qty", ">", 0)
            & goods
        )
        return pos, sale

    @api.model
    def retail_till_purchases(self, config_id, partner_id):
        """The customer's past purchases in the till's company (till lines and
        sale order lines, newest first) and the service products offered."""
        config = self._retail_till_config(config_id)
        partner = self._retail_till_partner(config, partner_id)
        pos_domain, sale_domain = self._retail_purchase_domains(config, partner)
        # sudo: the cashier may read this customer; the history is limited to
        # the customer's own purchases in the till's company.
        pos_lines = (
            self.env["pos.order.line"]
            .sudo()
            .search(pos_domain, order="id desc", limit=HISTORY_LIMIT)
        )
        # sudo: as above, for the customer's sale orders of any salesperson.
        sale_lines = (
            self.env["sale.order.line"]
            .sudo()
            .search(sale_domain, order="id desc", limit=HISTORY_LIMIT)
        )
        purchases = [self._retail_purchase_values(line, "pos") for line in pos_lines]
        purchases += [self._retail_purchase_values(line, "sale") for line in sale_lines]
        purchases.sort(key=lambda row: row["date"], reverse=True)
        return {
            "purchases": purchases[:HISTORY_LIMIT],
            "service_products": self._retail_service_products(config),
        }

    @api.model
    def _retail_service_products(self, config):
        products = self.env["product.product"].search(
            [
                ("retail_service_type", "!=", False),
                ("type", "=", "service"),
                ("sale_ok", "=", True),
                ("company_id", "in", (False, config.company_id.id)),
            ]
        )
        return [
            {
                "id": product.id,
                "name": product.display_name,
                "service_type": product.retail_service_type,
                "price": product.lst_price,
            }
            for product in products
        ]

    # ------------------------------------------------------------------
    # Taking a service
    # ------------------------------------------------------------------

    @api.model
    def _retail_sold_line(self, config, partner, values):
        pos_id, sale_id = values.get("pos_line_id"), values.get("sale_line_id")
        if bool(pos_id) == bool(sale_id):
            raise ValidationError(self.env._("Choose one item the customer bought."))
        pos_domain, sale_domain = self._retail_purchase_domains(config, partner)
        if pos_id:
            model, domain, line_id = "pos.order.line", pos_domain, pos_id
        else:
            model, domain, line_id = "sale.order.line", sale_domain, sale_id
        self._retail_check_id(line_id, self.env._("Purchase"))
        # sudo: searched among the customer's own purchases in the till's company.
        line = self.env[model].sudo().search(Domain("id", "=", line_id) & domain)
        if not line:
            raise ValidationError(
                self.env._(
                    "This item is not one of %(customer)s's purchases in this company.",
                    customer=partner.display_name,
                )
            )
        return line

    @api.model
    def _retail_service_product(self, config, service_type, product_id):
        product = self.env["product.product"].browse(
            self._retail_check_id(product_id, self.env._("Service product"))
        )
        if (
            not product.exists()
            or product.type != "service"
            or product.retail_service_type != service_type
            or product.company_id not in (config.company_id, self.env["res.company"])
        ):
            raise ValidationError(
                self.env._("This product is not a service of the chosen type.")
            )
        return product

    @api.model
    def _retail_promised_date(self, value):
        try:
            promised = fields.Date.to_date(value) if isinstance(value, str) else None
        except ValueError:
            promised = None
        today = fields.Date.context_today(self)
        if not promised or not today <= promised <= today + datetime.timedelta(
            days=366
        ):
            raise ValidationError(
                self.env._("The promised date must be a date within the next year.")
            )
        return promised

    @api.model
    def _retail_photos(self, photos):
        if photos in (None, False):
            return []
        if not isinstance(photos, list) or len(photos) > MAX_PHOTOS:
            raise ValidationError(
                self.env._("At most %(count)s photos per service.", count=MAX_PHOTOS)
            )
        result = []
        for photo in photos:
            data = photo.get("datas") if isinstance(photo, dict) else None
            name = photo.get("name") if isinstance(photo, dict) else None
            if not isinstance(data, str) or not data or len(data) > MAX_PHOTO_CHARS:
                raise ValidationError(
                    self.env._("A photo must be an image of 5 MB at most.")
                )
            try:
                raw = base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError) as error:
                raise ValidationError(
                    self.env._("A photo is not a valid image.")
                ) from error
            if not guess_mimetype(raw).startswith("image/"):
                raise ValidationError(self.env._("A photo is not a valid image."))
            name = name if isinstance(name, str) and "\x00" not in name else "photo"
            result.append({"name": name[:128] or "photo", "datas": data})
        return result

    @api.model
    def _retail_notes(self, notes):
        if notes in (None, False, ""):
            return ""
        if not isinstance(notes, str) or len(notes) > MAX_NOTES or "\x00" in notes:
            raise ValidationError(
                self.env._(
                    "Notes are text of %(max)s characters at most.", max=MAX_NOTES
                )
            )
        return notes.strip()

    @api.model
    def _retail_intake(self, config, values):
        """Every argument of a new service, checked; nothing is written."""
        if not isinstance(values, dict):
            raise ValidationError(self.env._("No service to take."))
        partner = self._retail_till_partner(config, values.get("partner_id"))
        service_type = values.get("service_type")
        if service_type not in dict(SERVICE_TYPES):
            raise ValidationError(self.env._("Unknown service type."))
        line = self._retail_sold_line(config, partner, values)
        product = self._retail_service_product(
            config, service_type, values.get("service_product_id")
        )
        promised = self._retail_promised_date(values.get("promised_date"))
        notes = self._retail_notes(values.get("notes"))
        photos = self._retail_photos(values.get("photos"))
        purchase_date = fields.Date.context_today(self, line.order_id.date_order)
        until, running = self._retail_warranty(line.product_id, purchase_date)
        warehouse = config.picking_type_id.warehouse_id
        if not warehouse.repair_type_id:
            raise UserError(
                self.env._(
                    "The store %(store)s has no repair operation.", store=config.name
                )
            )
        return {
            "partner": partner,
            "line": line,
            "product": product,
            "warehouse": warehouse,
            "free": service_type == "warranty" and running,
            "photos": photos,
            "vals": {
                "company_id": config.company_id.id,
                "partner_id": partner.id,
                "user_id": self.env.uid,
                "picking_type_id": warehouse.repair_type_id.id,
                "product_id": line.product_id.id,
                "product_qty": 1.0,
                "product_uom": line.product_id.uom_id.id,
                "retail_service_type": service_type,
                "retail_sold_pos_line_id": line.id
                if line._name == "pos.order.line"
                else False,
                "retail_sold_sale_line_id": line.id
                if line._name == "sale.order.line"
                else False,
                "retail_purchase_date": purchase_date,
                "retail_warranty_until": until,
                "retail_pos_config_id": config.id,
                "retail_promised_date": promised,
                "schedule_date": fields.Datetime.to_datetime(promised),
                "under_warranty": service_type == "warranty" and running,
                "internal_notes": plaintext2html(notes) if notes else False,
            },
        }

    @api.model
    def retail_till_take_service(self, config_id, values):
        """Open a service on an item the customer bought: a confirmed repair
        order and its confirmed sale order holding the service's price (free
        under warranty). Returns the service as the till shows it."""
        config = self._retail_till_config(config_id)
        intake = self._retail_intake(config, values)
        # sudo: the cashier's till, the customer, the item bought and the service
        # product were checked above; cashiers do not write repair orders.
        repair = self.sudo().with_company(config.company_id).create(intake["vals"])
        repair._action_repair_confirm()
        repair._retail_create_service_order(config, intake)
        for photo in intake["photos"]:
            # sudo: as above; the photo belongs to the service just created.
            self.env["ir.attachment"].sudo().create(
                {**photo, "res_model": "repair.order", "res_id": repair.id}
            )
        repair._retail_service_taken()
        return self.browse(repair.id)._retail_till_values()

    def _retail_service_taken(self):
        """Hook run once a service was taken (the bridges raise their events)."""
        return True

    def _retail_create_service_order(self, config, intake):
        """The repair's own sale order (Odoo's), with the service line, confirmed."""
        self.ensure_one()
        self.action_create_sale_order()
        order = self.sale_order_id
        order.write(
            {"user_id": False, "team_id": config.crm_team_id.id or order.team_id.id}
        )
        line = self.env["sale.order.line"].create(
            {
                "order_id": order.id,
                "product_id": intake["product"].id,
                "product_uom_qty": 1.0,
                "name": self.env._(
                    "%(service)s: %(item)s (%(ref)s)",
                    service=intake["product"].display_name,
                    item=intake["line"].product_id.display_name,
                    ref=self.name,
                ),
            }
        )
        if intake["free"]:
            line.write({"price_unit": 0.0, "technical_price_unit": 0.0})
        self.sale_order_line_id = line
        order.action_confirm()

    # ------------------------------------------------------------------
    # Finding and handing over
    # ------------------------------------------------------------------

    def _retail_till_values(self):
        self.ensure_one()
        stages = dict(self._fields["retail_stage"]._description_selection(self.env))
        types = dict(
            self._fields["retail_service_type"]._description_selection(self.env)
        )
        return {
            "id": self.id,
            "name": self.name,
            "partner_id": self.partner_id.id,
            "partner": self.partner_id.display_name,
            "item": self.product_id.display_name,
            "service_type": self.retail_service_type,
            "service_type_label": types.get(self.retail_service_type, ""),
            "stage": self.retail_stage,
            "stage_label": stages.get(self.retail_stage, ""),
            "promised_date": fields.Date.to_string(self.retail_promised_date),
            "received_date": fields.Datetime.to_string(self.retail_received_date),
            "store": self.retail_pos_config_id.name or "",
            "under_warranty": self.under_warranty,
            "warranty_until": fields.Date.to_string(self.retail_warranty_until)
            or False,
            "notes": html2plaintext(self.internal_notes or ""),
            "amount_total": self.sale_order_id.amount_total,
            "amount_due": self.sale_order_id.amount_unpaid,
            "sale_order_id": self.sale_order_id.id,
            "company": self.company_id.name,
        }

    @api.model
    def retail_till_find_services(self, config_id, query=None, partner_id=None):
        """Services found by their number (typed or scanned from the ticket) or
        by customer, among those of the till's company."""
        config = self._retail_till_config(config_id)
        domain = Domain("retail_service_type", "!=", False) & Domain(
            "company_id", "=", config.company_id.id
        )
        if partner_id is not None:
            partner = self._retail_till_partner(config, partner_id)
            domain &= Domain("partner_id", "child_of", partner.commercial_partner_id.id)
        else:
            if (
                not isinstance(query, str)
                or not query.strip()
                or len(query) > MAX_QUERY
            ):
                raise ValidationError(self.env._("Type or scan a service number."))
            if "\x00" in query:
                raise ValidationError(self.env._("Type or scan a service number."))
            domain &= Domain(
                "name", "=ilike", query.strip().replace("%", "").replace("_", "\\_")
            )
        services = self.search(domain, limit=40, order="id desc")
        if partner_id is None and not services:
            raise UserError(self.env._("No service with this number."))
        return [service._retail_till_values() for service in services]

    @api.model
    def retail_till_collect(self, config_id, service_id):
        """Hand over a ready service that has nothing left to pay (a warranty
        claim, a service paid in advance). Others are settled at the till."""
        config = self._retail_till_config(config_id)
        service = self.browse(self._retail_check_id(service_id, self.env._("Service")))
        if not service.exists() or not service.retail_service_type:
            raise UserError(self.env._("No service with this number."))
        service.check_access("read")
        if service.company_id != config.company_id:
            raise UserError(self.env._("No service with this number."))
        service._retail_check_collectable()
        due = service.sale_order_id.amount_unpaid
        if due:
            raise UserError(
                self.env._(
                    "Service %(name)s has %(amount)s left to pay: settle it first.",
                    name=service.name,
                    amount=service.sale_order_id.currency_id.format(due),
                )
            )
        service._retail_collect()
        return service._retail_till_values()
