# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Week days and hours in the store's time zone: the fields, the matching test
and the search domain of every record that applies on a schedule (promotions,
questionnaire asking rules, ...). The till applies the same test with
retailScheduleMatches (static/src/app/utils/retail_schedule.esm.js); both are
checked against static/tests/vectors/retail_schedule.json."""

import math
from datetime import UTC, datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = (
    "retail_monday",
    "retail_tuesday",
    "retail_wednesday",
    "retail_thursday",
    "retail_friday",
    "retail_saturday",
    "retail_sunday",
)
SCHEDULE_FIELDS = (*WEEKDAYS, "retail_hour_from", "retail_hour_to")


def schedule_hour(moment):
    """The hour of `moment` (a datetime) as a float: 9:30 is 9.5."""
    return moment.hour + moment.minute / 60 + moment.second / 3600


def format_hour(hour):
    """An hour given as a float as HH:MM (9.5 is 09:30), half minutes rounded
    up as the till does."""
    minutes = math.floor(hour * 60 + 0.5)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class RetailScheduleMixin(models.AbstractModel):
    _name = "retail.schedule.mixin"
    _description = "Week Days and Hours in the Store's Time Zone"

    retail_monday = fields.Boolean(string="Monday", default=True)
    retail_tuesday = fields.Boolean(string="Tuesday", default=True)
    retail_wednesday = fields.Boolean(string="Wednesday", default=True)
    retail_thursday = fields.Boolean(string="Thursday", default=True)
    retail_friday = fields.Boolean(string="Friday", default=True)
    retail_saturday = fields.Boolean(string="Saturday", default=True)
    retail_sunday = fields.Boolean(string="Sunday", default=True)
    retail_hour_from = fields.Float(
        string="From Hour",
        default=0.0,
        help="Local time (company time zone) from which the record applies.",
    )
    retail_hour_to = fields.Float(
        string="To Hour",
        default=24.0,
        help="Local time (company time zone) at which the record stops applying.",
    )

    @api.constrains(*SCHEDULE_FIELDS)
    def _check_retail_schedule(self):
        for record in self:
            if not 0 <= record.retail_hour_from < record.retail_hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the hours must be between 0 and 24, the start "
                        "before the end.",
                        name=record.display_name,
                    )
                )
            if not any(record[day] for day in WEEKDAYS):
                raise ValidationError(
                    self.env._(
                        "%(name)s: choose at least one week day.",
                        name=record.display_name,
                    )
                )

    @api.model
    def _retail_company_tz(self, company):
        """The time zone of the schedules of `company`'s stores and orders: its
        partner's, or the `loyalty.timezone` setting (as sale_loyalty), or UTC."""
        # sudo: a public setting (the loyalty time zone), read for every user
        return company.partner_id.tz or self.env[
            "ir.config_parameter"
        ].sudo().get_param("loyalty.timezone", "UTC")

    @api.model
    def _retail_local_now(self, tz_name):
        """Now in the time zone `tz_name` (a local datetime, with its tzinfo)."""
        return datetime.now(UTC).astimezone(pytz.timezone(tz_name or "UTC"))

    @api.model
    def _retail_schedule_domain(self, moment):
        """Records whose week days and hours include `moment` (a local datetime)."""
        hour = schedule_hour(moment)
        return [
            (WEEKDAYS[moment.weekday()], "=", True),
            ("retail_hour_from", "<=", hour),
            ("retail_hour_to", ">", hour),
        ]

    def _retail_schedule_matches(self, moment):
        """Whether the week days and hours of the record include `moment` (a
        local datetime): the test of _retail_schedule_domain, in memory."""
        self.ensure_one()
        hour = schedule_hour(moment)
        return bool(
            self[WEEKDAYS[moment.weekday()]]
            and self.retail_hour_from <= hour < self.retail_hour_to
        )

    def _retail_schedule_overlaps(self, other):
        """Whether the schedules of two records share a moment."""
        self.ensure_one()
        if not any(self[day] and other[day] for day in WEEKDAYS):
            return False
        return max(self.retail_hour_from, other.retail_hour_from) < min(
            self.retail_hour_to, other.retail_hour_to
        )

    def _retail_schedule_text(self):
        """The week days and hours of the record, e.g. "Mon, Tue 09:00-13:00"."""
        self.ensure_one()
        days = [
            self._fields[day]._description_string(self.env)[:3]
            for day in WEEKDAYS
            if self[day]
        ]
        return self.env._(
            "%(days)s %(start)s-%(end)s",
            days=", ".join(days),
            start=format_hour(self.retail_hour_from),
            end=format_hour(self.retail_hour_to),
        )

    def _retail_schedule_values(self):
        """The schedule fields and their values, as the till reads them."""
        self.ensure_one()
        return {name: self[name] for name in SCHEDULE_FIELDS}
