import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";
import {retailProgramPoints} from "@retail_loyalty/app/utils/retail_points.esm";

patch(PosOrder.prototype, {
    /**
     * Retail ledger programs: the points the server will give (brackets, tier
     * multiplier), shown in the till; the server computes them again and wins.
     */
    pointsForPrograms(programs) {
        const result = super.pointsForPrograms(...arguments);
        for (const program of programs) {
            if (program.retail_ledger) {
                result[program.id] = [{points: this.retailLoyaltyPoints(program)}];
            }
        }
        return result;
    },
    retailLoyaltyCard(program) {
        const partner = this.getPartner();
        if (!partner) {
            return undefined;
        }
        return this.models["loyalty.card"].find(
            (card) =>
                card.partner_id?.id === partner.id && card.program_id?.id === program.id
        );
    },
    /**
     * The lines that earn points (`product` id, `qty`, `amount` taxes included),
     * as the server reads them: no reward, refund or combo item lines.
     */
    retailLoyaltyLines() {
        return this.getOrderlines()
            .filter(
                (line) =>
                    !line.combo_parent_id &&
                    !line.is_reward_line &&
                    !line.refunded_orderline_id &&
                    line.getQuantity() > 0
            )
            .map((line) => ({
                product: line.product_id.id,
                qty: line.getQuantity(),
                amount:
                    line.combo_line_ids.length > 0
                        ? line.comboTotalPrice
                        : line.prices.total_included,
            }));
    },
    retailLoyaltyPoints(program) {
        const multiplier = this.retailLoyaltyCard(program)?.retail_tier_multiplier || 1;
        return retailProgramPoints(program, this.retailLoyaltyLines(), multiplier);
    },
    /** Rewards of retail ledger programs the card may not claim (tier, segment). */
    getClaimableRewards() {
        return super
            .getClaimableRewards(...arguments)
            .filter(({reward, coupon_id}) =>
                this.retailRewardAllowed(reward, coupon_id)
            );
    },
    retailRewardAllowed(reward, couponId) {
        if (!reward.program_id?.retail_ledger) {
            return true;
        }
        const card = this.models["loyalty.card"].get(couponId);
        if (!card?.retail_allowed_rewards) {
            return true;
        }
        return card.retail_allowed_rewards.includes(reward.id);
    },
    /**
     * What the customer can redeem now, per retail ledger program of the till:
     * the card, its balance (minus the rewards already on the order), its tier
     * and the rewards whose points it holds and that its tier and segment may
     * claim.
     */
    retailLoyaltyRedeemable() {
        if (!this.getPartner()) {
            return [];
        }
        const result = [];
        for (const program of this.models["loyalty.program"].filter(
            (p) => p.retail_ledger
        )) {
            const card = this.retailLoyaltyCard(program);
            if (!card || card.id < 0) {
                continue;
            }
            // the server debits rewards before the order's own points are earned
            const balance = this.getOrderlines()
                .filter((line) => line.is_reward_line && line.coupon_id?.id === card.id)
                .reduce((points, line) => points - line.points_cost, card.points);
            const rewards = program.reward_ids.filter(
                (reward) =>
                    reward.required_points <= balance &&
                    this.retailRewardAllowed(reward, card.id)
            );
            result.push({
                program,
                card,
                balance: Math.round(balance * 100) / 100,
                tier: card.retail_tier_name || "",
                rewards,
            });
        }
        return result;
    },
    /** What the receipt prints for retail ledger programs. */
    retailLoyaltyReceipt() {
        return this.getLoyaltyPoints()
            .filter((stat) => stat.program.retail_ledger)
            .map((stat) => {
                const card = this.models["loyalty.card"].get(parseInt(stat.couponId));
                return {
                    cardId: stat.couponId,
                    tier: card?.retail_tier_name || "",
                    message:
                        card?.retail_receipt_message || card?.retail_tier_message || "",
                    won: stat.points.won,
                    spent: stat.points.spent,
                    balance: stat.points.balance,
                };
            });
    },
});
