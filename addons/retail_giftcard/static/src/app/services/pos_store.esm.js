import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {ConnectionLostError} from "@web/core/network/rpc";
import {NumberPopup} from "@point_of_sale/app/components/popups/number_popup/number_popup";
import {PosStore} from "@point_of_sale/app/services/pos_store";
import {TextInputPopup} from "@point_of_sale/app/components/popups/text_input_popup/text_input_popup";
import {_t} from "@web/core/l10n/translation";
import {makeAwaitable} from "@point_of_sale/app/utils/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    // Selling or reloading a gift card: the gift card product asks for the card
    // and the amount; the server loads the card when the order syncs.
    async addLineToCurrentOrder(vals, opt = {}, configure = true) {
        const template = vals.product_tmpl_id || vals.product_id?.product_tmpl_id;
        if (
            template?.retail_giftcard_product &&
            !vals.retail_giftcard_code &&
            !this.getOrder()?.isRefund
        ) {
            const load = await this.retailGiftcardAskLoad();
            if (!load) {
                return;
            }
            vals.retail_giftcard_code = load.card.code;
            vals.price_unit = load.amount;
        }
        return await super.addLineToCurrentOrder(vals, opt, configure);
    },

    /**
     * Ask for a card number (or scanned barcode), look the card up on the server
     * and return its values, or nothing when cancelled or refused.
     */
    async retailGiftcardAskCard(title, {allowOffline = false, orderUuid = null} = {}) {
        const number = await makeAwaitable(this.dialog, TextInputPopup, {
            title,
            placeholder: _t("Card number or barcode"),
        });
        if (!number || !number.trim()) {
            return null;
        }
        return await this.retailGiftcardLookup(number.trim(), null, {
            allowOffline,
            orderUuid,
        });
    },

    /**
     * Look a card up; with ``orderUuid`` (a payment of that order), the answer
     * carries the spend token of the card for that order, once the PIN is given.
     */
    async retailGiftcardLookup(
        number,
        secret = null,
        {allowOffline = false, orderUuid = null} = {}
    ) {
        try {
            return await this.data.call("loyalty.card", "retail_giftcard_check", [
                number,
                this.config.id,
                secret,
                orderUuid,
            ]);
        } catch (error) {
            if (allowOffline && error instanceof ConnectionLostError) {
                // The server is out of reach: the caller may take the card within
                // the store's offline caps; the server checks it at sync.
                return {offline: true, code: number.replace(/\s/g, "")};
            }
            this.dialog.add(AlertDialog, {
                title: _t("Gift card"),
                body: error.data?.message || error.message || String(error),
            });
            return null;
        }
    },

    /** Card and amount of a sale or reload of a gift card. */
    async retailGiftcardAskLoad() {
        const card = await this.retailGiftcardAskCard(_t("Sell or reload a gift card"));
        if (!card) {
            return null;
        }
        if (!["active", "inactive"].includes(card.state)) {
            this.dialog.add(AlertDialog, {
                title: _t("Gift card"),
                body: _t("Gift card %s is %s: it cannot be loaded.", card.code, [
                    card.state_label,
                ]),
            });
            return null;
        }
        const balance = this.env.utils.formatCurrency(card.points);
        const amount = await makeAwaitable(this.dialog, NumberPopup, {
            title: _t("Load card %s (balance %s)", card.code, balance),
            subtitle: _t("Balance: %s", balance),
            startingValue: card.face_value ? String(card.face_value) : "",
            confirmButtonLabel: _t("Load"),
        });
        const value = amount && parseFloat(amount);
        if (!value || value <= 0) {
            return null;
        }
        return {card, amount: value};
    },
});
