import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {PaymentScreen} from "@point_of_sale/app/screens/payment_screen/payment_screen";
import {TextInputPopup} from "@point_of_sale/app/components/popups/text_input_popup/text_input_popup";
import {_t} from "@web/core/l10n/translation";
import {makeAwaitable} from "@point_of_sale/app/utils/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

patch(PaymentScreen.prototype, {
    // Paying with a gift card: the card (with its PIN, or its scanned barcode) is
    // checked on the server, and the payment is capped at its balance. The server
    // debits the card, under lock, when the order syncs.
    async addNewPaymentLine(paymentMethod) {
        if (!paymentMethod.retail_giftcard || this.currentOrder.isRefund) {
            return await super.addNewPaymentLine(...arguments);
        }
        const orderUuid = this.currentOrder.uuid;
        let card = await this.pos.retailGiftcardAskCard(_t("Pay with a gift card"), {
            allowOffline: true,
            orderUuid,
        });
        if (card?.offline) {
            return await this.retailGiftcardAddOffline(paymentMethod, card.code);
        }
        if (card && !card.spend_token) {
            const pin = await makeAwaitable(this.dialog, TextInputPopup, {
                title: _t("PIN of gift card %s", card.code),
                placeholder: _t("PIN"),
            });
            if (!pin) {
                return false;
            }
            card = await this.pos.retailGiftcardLookup(card.code, pin.trim(), {
                orderUuid,
            });
        }
        if (!card || !card.spend_token) {
            return false;
        }
        const due = this.currentOrder.getDefaultAmountDueToPayIn(paymentMethod);
        let amount = Math.min(card.points, due);
        if (card.voucher_single) {
            const eligible = this.retailGiftcardVoucherEligible(card);
            if (eligible <= 0) {
                this.dialog.add(AlertDialog, {
                    title: _t("Gift card"),
                    body: _t(
                        "Gift card %s is a single-purpose voucher: it pays only goods with %s, and this order has none left to pay.",
                        card.code,
                        card.voucher_tax
                    ),
                });
                return false;
            }
            amount = Math.min(amount, eligible);
        }
        if (amount <= 0) {
            this.dialog.add(AlertDialog, {
                title: _t("Gift card"),
                body: _t("Gift card %s has no balance left.", card.code),
            });
            return false;
        }
        const added = await super.addNewPaymentLine(...arguments);
        if (added) {
            const line = this.paymentLines.at(-1);
            line.retail_giftcard_code = card.code;
            line.retail_giftcard_token = card.spend_token;
            line.retailGiftcardVoucherRate = card.voucher_single
                ? card.voucher_tax_rate
                : null;
            line.setAmount(amount);
            this.numberBuffer.set(amount.toString());
        }
        return added;
    },

    /**
     * What a single-purpose voucher may pay in the current order: the goods
     * taxed at its VAT rate (one tax of that rate), less what vouchers of that
     * rate pay already. The server checks it again at sync.
     */
    retailGiftcardVoucherEligible(card) {
        const order = this.currentOrder;
        const rate = card.voucher_tax_rate;
        const goods = order.lines
            .filter((line) => !line.product_id.product_tmpl_id.retail_giftcard_product)
            .filter((line) => {
                let taxes = line.tax_ids || [];
                if (order.fiscal_position_id) {
                    taxes = order.fiscal_position_id.getTaxesAfterFiscalPosition(taxes);
                }
                return (
                    taxes.length === 1 &&
                    taxes[0].amount_type === "percent" &&
                    Math.abs(taxes[0].amount - rate) < 0.0001
                );
            })
            .reduce((total, line) => total + line.priceIncl, 0);
        const paid = this.paymentLines
            .filter((line) => line.retailGiftcardVoucherRate === rate)
            .reduce((total, line) => total + line.amount, 0);
        return this.env.utils.roundCurrency(goods - paid);
    },

    /**
     * The server cannot be reached
: take the card for at most the store's
     * offline cap per card, within what the till may take offline in the
     * session. The server debits what the card can pay when the order syncs and
     * records the rest as the card's shortfall.
     */
    async retailGiftcardAddOffline(paymentMethod, code) {
        const config = this.pos.config;
        const taken = this.pos.models["pos.payment"]
            .filter((payment) => payment.retail_giftcard_offline && payment.amount > 0)
            .reduce((total, payment) => total + payment.amount, 0);
        const amount = Math.min(
            config.retail_giftcard_offline_card_cap || 0,
            (config.retail_giftcard_offline_till_cap || 0) - taken,
            this.currentOrder.getDefaultAmountDueToPayIn(paymentMethod)
        );
        if (amount <= 0) {
            this.dialog.add(AlertDialog, {
                title: _t("Gift card"),
                body: _t(
                    "The server cannot be reached and this till may not take more gift cards offline."
                ),
            });
            return false;
        }
        const added = await super.addNewPaymentLine(paymentMethod);
        if (added) {
            const line = this.paymentLines.at(-1);
            line.retail_giftcard_code = code;
            line.retail_giftcard_offline = true;
            line.setAmount(amount);
            this.numberBuffer.set(amount.toString());
        }
        return added;
    },
});
