# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import re
from datetime import datetime

from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools.misc import file_open

from odoo.addons.retail_customer.models.retail_schedule_mixin import format_hour
from odoo.addons.web.tests.test_js import unit_test_error_checker


def load_vectors(path):
    """The test vectors of `path` (module/static/tests/vectors/x.json), the file
    the JS unit tests of the same functions read."""
    with file_open(path) as vectors:
        return json.load(vectors)


def run_hoot_suite(case, suite, tests):
    """Runs the JS unit tests (hoot) whose name holds `suite` in Chromium: all
    pass, and they are `tests` (a suite that finds no test does not pass)."""
    with case.assertLogs(case._logger.getChild("browser"), level="INFO") as logs:
        case.browser_js(
            "/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
            f"&filter=%22{suite}%22",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal="[HOOT] Test suite succeeded",
            error_checker=unit_test_error_checker,
        )
    passed = [
        int(match[1])
        for line in logs.output
        if (match := re.search(r"Passed (\d+) tests", line))
    ]
    case.assertEqual(passed, [tests], f"the JS unit tests of {suite} that passed")


@tagged("post_install", "-at_install")
class TestScheduleVectors(TransactionCase):
    """The server's schedule test gives what the vectors (shared with the till's
    JS unit tests) expect."""

    def test_schedule_matches_vectors(self):
        vectors = load_vectors(
            "retail_customer/static/tests/vectors/retail_schedule.json"
        )
        Schedule = self.env["retail.schedule.mixin"]
        for vector in vectors["matches"]:
            with self.subTest(vector["name"]):
                record = Schedule.new(vector["schedule"])
                moment = datetime.fromisoformat(vector["moment"])
                self.assertEqual(
                    record._retail_schedule_matches(moment), vector["expected"]
                )
                domain = Schedule._retail_schedule_domain(moment)
                self.assertEqual(
                    bool(record.filtered_domain(domain)), vector["expected"]
                )

    def test_format_hour_vectors(self):
        vectors = load_vectors(
            "retail_customer/static/tests/vectors/retail_schedule.json"
        )
        for vector in vectors["format_hour"]:
            self.assertEqual(format_hour(vector["hour"]), vector["expected"])


@tagged("post_install", "-at_install")
class TestScheduleVectorsJs(HttpCase):
    """The till's schedule functions give what the same vectors expect."""

    def test_schedule_vectors_js(self):
        run_hoot_suite(self, "retail_customer_vectors", 2)
