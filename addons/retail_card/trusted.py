# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Trusted server flows of cards: what a client cannot forge.

A card's balance, number, program, holder and expiry, and its history rows,
are written by non-superusers only inside a *trusted flow*: a native server
method that computes the figures itself (sale_loyalty's order confirmation and
cancellation, pos_loyalty's confirmation of an order's coupons after the
server checked the till's points, the card lookups that take a typed number).
Our overrides of those methods enter the flow with::

    with trusted_flow("sale.order.action_confirm"):
        return super().action_confirm()

The flag is a ``contextvars.ContextVar``, not a context key: an RPC caller
sets any context key it likes, but no client reaches this variable. It is set
for the duration of the ``with`` block of the server method only (one request
runs in one thread), and reset when the block ends, even on an error.
"""

import contextvars
from contextlib import contextmanager

_TRUSTED_FLOW = contextvars.ContextVar("retail_card_trusted_flow", default=None)


@contextmanager
def trusted_flow(name):
    """Run the block as the trusted server flow ``name`` (for logs)."""
    token = _TRUSTED_FLOW.set(name)
    try:
        yield
    finally:
        _TRUSTED_FLOW.reset(token)


def current_trusted_flow():
    """The name of the trusted flow running, or None outside any."""
    return _TRUSTED_FLOW.get()
