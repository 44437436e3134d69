# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailGiftRegistryPurchase(models.Model):
    """What guests bought or gave for a list: one row per paid till order line
    and per confirmed sale order line linked to the list (read-only view).

    Quantities are net: a till refund is a line of its own with a negative
    quantity; a sale order line counts its quantity minus what came back
    (returned goods or credit notes, whichever is larger, stored on the line
    when they happen: ``retail_gift_registry_qty_back``); cancelled and draft orders
    do not count. No subquery per line: reading the bought quantities of a list
    is one grouped scan of its lines (indexed on the item). The items' bought
    quantities, the list totals and the analysis all read this one view.
    """

    _name = "retail.gift.registry.purchase"
    _description = "Gift List Purchase"
    _auto = False
    _order = "date desc, id desc"

    registry_id = fields.Many2one("retail.gift.registry", string="Gift List")
    item_id = fields.Many2one("retail.gift.registry.item")
    company_id = fields.Many2one("res.company")
    type_id = fields.Many2one("retail.gift.registry.type", string="List Type")
    store_id = fields.Many2one("pos.config")
    consultant_id = fields.Many2one("res.users")
    event_date = fields.Date()
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one("product.product")
    source = fields.Selection([("pos", "Store"), ("sale", "Sale Order")])
    pos_line_id = fields.Many2one("pos.order.line", string="Till Order Line")
    sale_line_id = fields.Many2one("sale.order.line", string="Sale Order Line")
    order_reference = fields.Char(string="Order")
    date = fields.Datetime()
    partner_id = fields.Many2one("res.partner", string="Customer")
    guest_name = fields.Char(string="Guest")
    guest_key = fields.Char()
    message = fields.Text()
    qty = fields.Float(string="Quantity", digits="Product Unit")
    amount = fields.Monetary(currency_field="currency_id")
    surplus_qty = fields.Float(string="Surplus", digits="Product Unit")
    is_contribution = fields.Boolean(string="Contribution")
    keep = fields.Boolean(string="Kept for the Owners")

    @property
    def _table_query(self):
        return SQL("%s UNION ALL %s", self._pos_lines_query(), self._sale_lines_query())

    def _pos_lines_query(self):
        """The paid till order lines of the lists."""
        return SQL(
            """
            SELECT pol.id * 2 AS id,
                   pol.retail_gift_registry_id AS registry_id,
                   pol.retail_gift_registry_item_id AS item_id,
                   po.company_id AS company_id,
                   reg.type_id AS type_id,
                   reg.pos_config_id AS store_id,
                   reg.user_id AS consultant_id,
                   reg.event_date AS event_date,
                   pol.product_id AS product_id,
                   'pos' AS source,
                   pol.id AS pos_line_id,
                   NULL::integer AS sale_line_id,
                   po.pos_reference AS order_reference,
                   po.date_order AS date,
                   po.partner_id AS partner_id,
                   pol.retail_gift_registry_guest AS guest_name,
                   LOWER(COALESCE(NULLIF(TRIM(pol.retail_gift_registry_guest), ''),
                         'partner-' || po.partner_id::text,
                         'order-' || po.id::text)) AS guest_key,
                   pol.retail_gift_registry_message AS message,
                   pol.qty AS qty,
                   -- Odoo stores a refund order's line totals with its sign
                   CASE WHEN po.is_refund THEN -1 ELSE 1 END
                       * pol.price_subtotal_incl AS amount,
                   COALESCE(pol.retail_gift_registry_surplus_qty, 0) AS surplus_qty,
                   COALESCE(pt.retail_gift_registry_contribution, FALSE)
                       AS is_contribution,
                   COALESCE(pol.retail_gift_registry_keep, FALSE) AS keep
              FROM pos_order_line pol
              JOIN pos_order po ON po.id = pol.order_id
              JOIN retail_gift_registry reg ON reg.id = pol.retail_gift_registry_id
              JOIN product_product pp ON pp.id = pol.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE pol.retail_gift_registry_id IS NOT NULL
               AND po.state IN ('paid', 'done')
            """
        )

    def _sale_lines_query(self):
        """The confirmed sale order lines of the lists, net of what came back
        (columns in the order of ``_pos_lines_query``)."""
        return SQL(
            """
            SELECT sol.id * 2 + 1 AS id,
                   sol.retail_gift_registry_id AS registry_id,
                   sol.retail_gift_registry_item_id AS item_id,
                   so.company_id AS company_id,
                   reg.type_id AS type_id,
                   reg.pos_config_id AS store_id,
                   reg.user_id AS consultant_id,
                   reg.event_date AS event_date,
                   sol.product_id AS product_id,
                   'sale' AS source,
                   NULL::integer AS pos_line_id,
                   sol.id AS sale_line_id,
                   so.name AS order_reference,
                   so.date_order AS date,
                   so.partner_id AS partner_id,
                   COALESCE(sol.retail_gift_registry_guest,
                            so.retail_gift_registry_guest) AS guest_name,
                   LOWER(COALESCE(
                         NULLIF(TRIM(COALESCE(sol.retail_gift_registry_guest,
                                              so.retail_gift_registry_guest)), ''),
                         'partner-' || so.partner_id::text)) AS guest_key,
                   COALESCE(sol.retail_gift_registry_message,
                            so.retail_gift_registry_message) AS message,
                   sol.product_uom_qty - COALESCE(sol.retail_gift_registry_qty_back, 0)
                       AS qty,
                   CASE WHEN sol.product_uom_qty = 0 THEN 0
                        ELSE sol.price_total
                             * (sol.product_uom_qty
                                - COALESCE(sol.retail_gift_registry_qty_back, 0))
                             / sol.product_uom_qty END AS amount,
                   COALESCE(sol.retail_gift_registry_surplus_qty, 0) AS surplus_qty,
                   COALESCE(pt.retail_gift_registry_contribution, FALSE)
                       AS is_contribution,
                   COALESCE(sol.retail_gift_registry_keep, FALSE) AS keep
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN retail_gift_registry reg ON reg.id = sol.retail_gift_registry_id
              JOIN product_product pp ON pp.id = sol.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE sol.retail_gift_registry_id IS NOT NULL
               AND so.state = 'sale'
            """
        )
