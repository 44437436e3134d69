# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import email
import email.policy
import socketserver
import threading
from unittest.mock import patch

from odoo.tests import tagged

from .common import RetailMarketingCommon


class SmtpHandler(socketserver.StreamRequestHandler):
    """The server side of SMTP (RFC 5321) as far as Odoo's client uses it
    without authentication or TLS: every message received is kept, raw, in
    ``server.messages``."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 localhost retail test SMTP")
        data, lines = False, []
        while line := self.rfile.readline():
            if data:
                if line.rstrip(b"\r\n") == b".":
                    self.server.messages.append(b"".join(lines))
                    data, lines = False, []
                    self.reply("250 OK: queued")
                else:
                    lines.append(line[1:] if line.startswith(b"..") else line)
                continue
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250 localhost")
            elif verb == b"DATA":
                data = True
                self.reply("354 End data with <CR><LF>.<CR><LF>")
            elif verb == b"QUIT":
                self.reply("221 Bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.reply("250 OK")


@tagged("post_install", "-at_install", "retail_marketing")
class TestSendThroughSmtp(RetailMarketingCommon):
    """A campaign sent through a real SMTP server listening on localhost."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.smtp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SmtpHandler)
        cls.smtp.daemon_threads = True
        cls.smtp.messages = []
        threading.Thread(target=cls.smtp.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.smtp.server_close)
        cls.addClassCleanup(cls.smtp.shutdown)
        cls.mail_server = cls.env["ir.mail_server"].create(
            {
                "name": "Local test SMTP",
                "smtp_host": "127.0.0.1",
                "smtp_port": cls.smtp.server_address[1],
                "smtp_encryption": "none",
            }
        )

    def test_campaign_arrives_personalised_with_unsubscribe(self):
        base_url = self.env["mailing.mailing"].get_base_url()
        mailing = self._mailing(
            self.customers,
            email_from="shop@example.com",
            mail_server_id=self.mail_server.id,
            body_html=(
                "<p>Dear <t t-out='object.name'/>, customer "
                "<t t-out='object.customer_number'/>.</p>"
                f"<p><a href='{base_url}/unsubscribe_from_list'>Unsubscribe</a></p>"
            ),
        )
        mailing.action_send_mail()
        mails = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(len(mails), 1)
        with patch.object(
            self.registry["ir.mail_server"], "_disable_send", lambda *args: False
        ):
            mails.send()
        self.assertEqual(len(self.smtp.messages), 1, "only Ana may be contacted")
        message = email.message_from_bytes(
            self.smtp.messages[0], policy=email.policy.default
        )
        self.assertIn("ana@example.com", message["To"])
        html = message.get_body(("html",)).get_content()
        self.assertIn(f"Dear Ana Reachable, customer {self.ana.customer_number}.", html)
        self.assertIn(f"/mailing/{mailing.id}/confirm_unsubscribe?", html)
        self.assertIn(
            f"/mailing/{mailing.id}/unsubscribe_oneclick?", message["List-Unsubscribe"]
        )
        self.assertEqual(message["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        trace = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        self.assertEqual(trace.trace_status, "sent")
