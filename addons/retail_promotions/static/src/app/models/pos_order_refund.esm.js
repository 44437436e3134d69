import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";

/**
 * Refunds of promoted lines give back the price actually paid: for each refunded
 * line, the share of each promotion reward line it took (retail_promotion_shares,
 * written by the server when the order was synchronised) is refunded in
 * proportion to the units refunded, as a line of the reward's product that points
 * at the reward line (retail_refunded_reward_line_id). Successive partial refunds
 * add up to the whole share exactly: after r of q units, round(share * r / q) of
 * it has been given back.
 */
patch(PosOrder.prototype, {
    retailAddPromotionRefundLines() {
        const refundLines = this.lines.filter(
            (line) => line.refunded_orderline_id && !line.retail_refunded_reward_line_id
        );
        // A reward line the cashier refunds by hand is not refunded again
        const refundedByHand = new Set(
            refundLines.map((line) => line.refunded_orderline_id.id)
        );
        const amounts = new Map();
        for (const line of refundLines) {
            const original = line.refunded_orderline_id;
            const shares = original.retail_promotion_shares || {};
            const before = (original.refund_orderline_ids || [])
                .filter(
                    (other) =>
                        other.order_id !== this && other.order_id?.state !== "cancel"
                )
                .reduce((sum, other) => sum - other.qty, 0);
            const units = -line.qty;
            for (const [rewardLineId, share] of Object.entries(shares)) {
                if (refundedByHand.has(Number(rewardLineId))) {
                    continue;
                }
                const given = (qty) =>
                    this.currency.round((share * qty) / original.qty);
                const amount = given(before + units) - given(before);
                amounts.set(rewardLineId, (amounts.get(rewardLineId) || 0) + amount);
            }
        }
        for (const [rewardLineId, amount] of amounts) {
            const rewardLine = this.models["pos.order.line"].get(Number(rewardLineId));
            if (!rewardLine || this.currency.isZero(amount)) {
                continue;
            }
            this.models["pos.order.line"].create({
                qty: -1,
                price_unit: this.currency.round(amount),
                product_id: rewardLine.product_id,
                order_id: this,
                tax_ids: rewardLine.tax_ids.map((tax) => ["link", tax]),
                retail_refunded_reward_line_id: rewardLine,
                price_type: "manual",
            });
        }
    },
});
