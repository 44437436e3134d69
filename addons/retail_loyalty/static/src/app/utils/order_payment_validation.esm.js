import "@pos_loyalty/app/utils/order_payment_validation";
import {ConnectionLostError, rpc} from "@web/core/network/rpc";
import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import OrderPaymentValidation from "@point_of_sale/app/utils/order_payment_validation";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

patch(OrderPaymentValidation.prototype, {
    /**
     * Rewards of retail ledger programs in an order validated while the server
     * cannot be reached: their points are taken within the store's offline
     * caps (per card in the order, per till in the session) and flagged, so
     * that the server debits them at sync even if the card no longer holds
     * them. Over a cap, the order is not validated.
     */
    async validateOrder(isForceValidate) {
        const lines = this.order
            ._get_reward_lines()
            .filter((line) => line.reward_id?.program_id?.retail_ledger);
        const offline = lines.length > 0 && (await this.retailLoyaltyIsOffline());
        if (offline && lines.length) {
            const refusal = this.retailLoyaltyOfflineRefusal(lines);
            if (refusal) {
                this.pos.dialog.add(AlertDialog, {
                    title: _t("Loyalty points offline"),
                    body: refusal,
                });
                return false;
            }
        }
        for (const line of lines) {
            if (offline || line.retail_loyalty_offline) {
                line.retail_loyalty_offline = offline;
            }
        }
        return await super.validateOrder(...arguments);
    },

    /** Whether the server is out of reach (the till may not know it yet). */
    async retailLoyaltyIsOffline() {
        if (this.pos.data.network.offline) {
            return true;
        }
        try {
            await rpc("/pos/ping");
            return false;
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                return true;
            }
            throw error;
        }
    },

    /** Why the offline caps refuse these reward lines, or nothing. */
    retailLoyaltyOfflineRefusal(lines) {
        const config = this.pos.config;
        const cardCap = config.retail_loyalty_offline_card_cap || 0;
        const byCard = {};
        for (const line of lines) {
            const code = line.coupon_id?.code || String(line.coupon_id?.id);
            byCard[code] = (byCard[code] || 0) + (line.points_cost || 0);
        }
        for (const [code, points] of Object.entries(byCard)) {
            if (points > cardCap) {
                return _t(
                    "The server cannot be reached: card %(code)s may spend at most %(cap)s points offline, not %(points)s. Remove the reward or wait for the connection.",
                    {code, cap: cardCap, points}
                );
            }
        }
        const sessionId = this.pos.session?.id;
        const taken = this.pos.models["pos.order.line"]
            .filter(
                (line) =>
                    line.retail_loyalty_offline &&
                    line.order_id &&
                    line.order_id.uuid !== this.order.uuid &&
                    line.order_id.session_id?.id === sessionId
            )
            .reduce((total, line) => total + (line.points_cost || 0), 0);
        const total = Object.values(byCard).reduce((sum, points) => sum + points, 0);
        const tillCap = config.retail_loyalty_offline_till_cap || 0;
        if (taken + total > tillCap) {
            return _t(
                "The server cannot be reached: this till may take at most %(cap)s points offline in this session (%(taken)s taken already). Remove the reward or wait for the connection.",
                {cap: tillCap, taken}
            );
        }
        return "";
    },
});
