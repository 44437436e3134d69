# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.tools import html_escape


class RetailPickupNotifyMixin(models.AbstractModel):
    """Telling a customer that something waits for them at a store: the SMS
    and/or email per their contact details, posted on the record's chatter and
    logged in ``retail.pickup.message``; anonymised customers are told nothing
    and customers without a phone or an email are listed for the store to
    call. Service messages: no marketing consent is needed.

    The inheriting model (a ``mail.thread`` with a ``partner_id``) gives the
    text of each kind (``_retail_pickup_text``) and the values of its log rows
    (``_retail_pickup_log_values``)."""

    _name = "retail.pickup.notify.mixin"
    _description = "Pick-up Message Sender"

    retail_pickup_to_call = fields.Boolean(
        string="Customer to Call",
        readonly=True,
        copy=False,
        index=True,
        help="The customer has neither a phone nor an email: the store calls them.",
    )

    def _retail_pickup_text(self, kind):
        """(subject, text) of the message of ``kind`` in the customer's
        language."""
        raise NotImplementedError

    def _retail_pickup_log_values(self, kind, source, config):
        """The values of a log row of this record (without the channel)."""
        raise NotImplementedError

    def _retail_pickup_channels(self):
        """[(channel, number or address)] to tell the customer on: SMS to
        their mobile (else phone), email to their address. Service messages:
        no marketing consent is needed."""
        self.ensure_one()
        partner = self.partner_id
        channels = []
        number = partner.mobile or partner.phone
        if number:
            channels.append(("sms", number))
        if partner.email_normalized:
            channels.append(("email", partner.email_normalized))
        return channels

    def _retail_pickup_post(self, channel, recipient, subject, text):
        """Post the message on the record's chatter and queue it: an SMS in
        the SMS queue, an email in the mail queue (never sent inside the
        transaction)."""
        self.ensure_one()
        partner = self.partner_id
        if channel == "sms":
            return self._message_sms(
                text,
                partner_ids=partner.ids,
                sms_pid_to_number={partner.id: recipient},
                put_in_queue=True,
            )
        return self.with_context(mail_notify_force_send=False).message_post(
            body=Markup("<p>%s</p>") % html_escape(text),
            subject=subject,
            partner_ids=partner.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def _retail_pickup_send(self, kind, source, config=None):
        """Tell the customer of each record, on every channel their contact
        details allow, and log each send. Anonymised customers are told
        nothing; customers without phone or email are listed to call.

        :return: {"sent", "to_call", "anonymised"}: the records of each outcome
        """
        result = {key: self.browse() for key in ("sent", "to_call", "anonymised")}
        log_values = []
        for record in self:
            if record.partner_id.retail_anonymized_date:
                result["anonymised"] |= record
                continue
            channels = record._retail_pickup_channels()
            if not channels:
                result["to_call"] |= record
                continue
            subject, text = record._retail_pickup_text(kind)
            for channel, recipient in channels:
                message = record._retail_pickup_post(channel, recipient, subject, text)
                log_values.append(
                    record._retail_pickup_log_values(kind, source, config)
                    | {
                        "channel": channel,
                        "recipient": recipient,
                        "body": text,
                        "mail_message_id": message.id,
                    }
                )
            result["sent"] |= record
        result["to_call"]._retail_pickup_list_to_call()
        # sudo: the log is written by the system only; the caller's right to
        # send for these records was checked by the caller
        self.env["retail.pickup.message"].sudo().create(log_values)
        return result

    def _retail_pickup_list_to_call(self):
        self.write({"retail_pickup_to_call": True})
        for record in self:
            record.message_post(
                body=self.env._(
                    "%(customer)s has neither a phone nor an email: the store "
                    "must call them about the pick-up.",
                    customer=record.partner_id.display_name,
                )
            )

    def action_retail_pickup_called(self):
        """The store called the customer: the record leaves the list to call."""
        self.check_access("write")
        records = self.filtered("retail_pickup_to_call")
        records.write({"retail_pickup_to_call": False})
        # sudo: the log is written by the system only (write access checked)
        self.env["retail.pickup.message"].sudo().create(
            [
                record._retail_pickup_log_values("call", "back_office", None)
                | {"channel": "phone", "recipient": False, "body": False}
                for record in records
            ]
        )
        for record in records:
            record.message_post(body=self.env._("The customer was called."))
        return True
