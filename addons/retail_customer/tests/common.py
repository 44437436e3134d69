# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def no_commit(self, processed=0, **kwargs):
    """``ir.cron._commit_progress`` without its commit (tests forbid it): a
    batched job runs to its end inside the test's transaction."""
    return float("inf")


def dni(number):
    """A valid Spanish DNI for ``number``."""
    return f"{number:08d}{DNI_LETTERS[number % 23]}"


class RetailCustomerCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spain = cls.env.ref("base.es")
        cls.france = cls.env.ref("base.fr")
        cls.env.company.country_id = cls.spain
        cls.channel_store = cls.env.ref("retail_customer.retail_channel_store")
        cls.channel_online = cls.env.ref("retail_customer.retail_channel_online")
        cls.channel_wholesale = cls.env.ref("retail_customer.retail_channel_wholesale")
        cls.Partner = cls.env["res.partner"]

    @classmethod
    def _customer(cls, name, **vals):
        return cls.Partner.create(
            {
                "name": name,
                "country_id": cls.spain.id,
                "retail_channel_id": cls.channel_store.id,
                **vals,
            }
        )


def company_user(env, login, groups, companies, name=None):
    """A test user of ``groups`` (comma-separated xml ids) working in
    ``companies`` (the first one is its current company)."""
    return new_test_user(
        env,
        login=login,
        name=name or login,
        groups=groups,
        company_id=companies[:1].id,
        company_ids=[Command.set(companies.ids)],
    )


class RetailProvincesCommon(RetailCustomerCommon):
    """Three customers in two provinces (Madrid, Sevilla), two of them in a
    segment, one online: the fixture of the exports and statistics."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.madrid = cls.env.ref("base.state_es_m")
        cls.sevilla = cls.env.ref("base.state_es_se")
        cls.vip = cls.env["retail.segment"].create({"name": "VIP stats"})
        cls.c1 = cls._customer(
            "Stats One",
            state_id=cls.madrid.id,
            city="Madrid",
            zip="28001",
            email="one@example.com",
            retail_consent_email=True,
            retail_segment_ids=[(4, cls.vip.id)],
        )
        cls.c2 = cls._customer(
            "Stats Two", state_id=cls.madrid.id, city="Madrid", zip="28002"
        )
        cls.c3 = cls._customer(
            "Stats Three",
            state_id=cls.sevilla.id,
            city="Sevilla",
            zip="41001",
            retail_channel_id=cls.channel_online.id,
            retail_segment_ids=[(4, cls.vip.id)],
        )
