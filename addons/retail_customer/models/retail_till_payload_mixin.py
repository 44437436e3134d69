# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import contextvars
import logging

from odoo import api, models

_logger = logging.getLogger(__name__)

# Set while the server processes a till's order (pos.order._process_order), in
# this thread only: a client cannot set it (unlike a context key), so the guards
# on paid orders let the sync's own server code write and refuse everyone else.
_TILL_SYNC = contextvars.ContextVar("retail_till_sync", default=False)


@contextlib.contextmanager
def till_sync():
    """Mark the code run inside as the server's processing of a till order."""
    token = _TILL_SYNC.set(True)
    try:
        yield
    finally:
        _TILL_SYNC.reset(token)


def in_till_sync():
    """Whether the server is processing a till order in this thread."""
    return _TILL_SYNC.get()


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

    def _retail_paid_changes(self, vals, frozen, orders):
        """The fields of ``vals`` a user may not change on these records, once
        one of ``orders`` (theirs) is paid: the ``frozen`` figures and every
        retail field only the server sets. Empty for the superuser and for the
        server's own processing of a till order."""
        if self.env.su or not self or in_till_sync():
            return set()
        changed = {
            name
            for name in vals
            if name in frozen or self._retail_is_server_field(name)
        }
        if changed and any(order.state != "draft" for order in orders):
            return changed
        return set()

    @api.model
    def _retail_drop_server_fields(self, vals):
        """Remove from ``vals`` (in place) the fields only the server sets.

        :return: {name: value} of the fields dropped
        """
        if not isinstance(vals, dict):
            return {}
        names = [name for name in vals if self._retail_is_server_field(name)]
        return {name: vals.pop(name) for name in names}

    @api.model
    def _retail_command_values(self, commands):
        """The values (dicts, as sent: changing them changes the commands) of
        the create and update commands among x2many ``commands`` sent by a
        till; anything else sent is skipped."""
        return [
            command[2]
            for command in (commands if isinstance(commands, list | tuple) else [])
            if isinstance(command, list | tuple)
            and len(command) == 3
            and isinstance(command[2], dict)
        ]

    @api.model
    def _retail_clean_commands(self, commands):
        """Drop the server-only fields of the values of x2many ``commands``
        (create and update commands) sent for this model.

        :return: {name: value} of the fields dropped (a value sent, if any)
        """
        dropped = {}
        for vals in self._retail_command_values(commands):
            for name, value in self._retail_drop_server_fields(vals).items():
                dropped[name] = dropped.get(name) or value
        return dropped
