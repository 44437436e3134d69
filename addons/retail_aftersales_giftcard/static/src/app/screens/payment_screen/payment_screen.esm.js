import {PaymentScreen} from "@point_of_sale/app/screens/payment_screen/payment_screen";
import {SelectionPopup} from "@point_of_sale/app/components/popups/selection_popup/selection_popup";
import {_t} from "@web/core/l10n/translation";
import {makeAwaitable} from "@point_of_sale/app/utils/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

patch(PaymentScreen.prototype, {
    // A refund paid with the gift card method: back onto the card that paid the
    // sale (retail_giftcard), else as store credit on a new card, issued by the
    // server when the order syncs, or on an existing card the cashier names.
    async addNewPaymentLine(paymentMethod) {
        const order = this.currentOrder;
        if (paymentMethod.raw?.retail_credit_ewallet_program_id) {
            return await this.retailCreditEwalletLine(order, ...arguments);
        }
        if (
            !paymentMethod.retail_giftcard ||
            !order.isRefund ||
            this.retailCreditRefundsCardSale(order)
        ) {
            return await super.addNewPaymentLine(...arguments);
        }
        const list = [];
        if (this.pos.config.retail_credit_series_id) {
            list.push({id: 1, label: _t("New gift card"), item: "new"});
        }
        list.push({id: 2, label: _t("Existing gift card"), item: "existing"});
        const choice = await makeAwaitable(this.dialog, SelectionPopup, {
            title: _t("Store credit"),
            list,
        });
        if (!choice) {
            return false;
        }
        let code = null;
        if (choice === "existing") {
            const card = await this.pos.retailGiftcardAskCard(
                _t("Store credit on a gift card")
            );
            if (!card) {
                return false;
            }
            code = card.code;
        }
        const added = await super.addNewPaymentLine(...arguments);
        if (added) {
            const line = this.paymentLines.at(-1);
            if (code) {
                line.retail_giftcard_code = code;
            } else {
                line.retail_credit_new_card = true;
            }
        }
        return added;
    },

    /** A refund paid out on the customer's eWallet: the server credits the
     * customer's eWallet of the method's program, or opens one for them. */
    async retailCreditEwalletLine(order, ...args) {
        let message = null;
        if (!order.isRefund) {
            message = _t("This method pays only a refund out as store credit.");
        } else if (!order.getPartner()) {
            message = _t(
                "Choose the customer: store credit goes on the customer's eWallet."
            );
        }
        if (message) {
            this.notification.add(message, {type: "warning"});
            return false;
        }
        return await super.addNewPaymentLine(...args);
    },

    /** Whether a gift card paid an order this refund returns goods of. */
    retailCreditRefundsCardSale(order) {
        return order.lines.some((line) =>
            (line.refunded_orderline_id?.order_id?.payment_ids || []).some(
                (payment) => payment.payment_method_id?.retail_giftcard
            )
        );
    },
});
