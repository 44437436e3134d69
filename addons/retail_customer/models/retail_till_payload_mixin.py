# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models

_logger = logging.getLogger(__name__)


class RetailTillPayloadMixin(models.AbstractModel):
    """What a till may send for the fields the retail modules add to a model.

    A till's payload (``pos.order.sync_from_ui``) is untrusted input. Fields
    added by a retail module are kept only when the model lists them in
    ``_retail_till_fields()`` (an allow-list); any other one (a flag, an
    amount or a link that only the server sets) is dropped before the record
    is written, and the drop is logged. Native fields keep their native
    handling.
    """

    _name = "retail.till.payload.mixin"
    _description = "Allow-list of the retail fields a till may send"

    @api.model
    def _retail_till_fields(self):
        """Names of the retail fields of this model that a till may send.

        Meant to be extended with ``super()`` by each module that adds a field
        the till sets (a gift card number typed by the cashier...)."""
        return set()

    @api.model
    def _retail_is_server_field(self, name):
        """Whether ``name`` is a field of a retail module that is not in the
        allow-list (so only the server may set it)."""
        field = self._fields.get(name)
        return bool(
            field
            and (field._module or "").startswith("retail_")
            and name not in self._retail_till_fields()
        )

    @api.model
    def _retail_drop_server_fields(self, vals):
        """Remove from ``vals`` (in place) the fields only the server sets.

        :return: the names dropped
        """
        if not isinstance(vals, dict):
            return []
        dropped = [name for name in vals if self._retail_is_server_field(name)]
        for name in dropped:
            del vals[name]
        return dropped

    @api.model
    def _retail_clean_commands(self, commands):
        """Drop the server-only fields of the values of x2many ``commands``
        (create and update commands) sent for this model.

        :return: the names dropped
        """
        dropped = []
        for command in commands if isinstance(commands, list | tuple) else []:
            if (
                isinstance(command, list | tuple)
                and len(command) == 3
                and isinstance(command[2], dict)
            ):
                dropped += self._retail_drop_server_fields(command[2])
        return dropped
