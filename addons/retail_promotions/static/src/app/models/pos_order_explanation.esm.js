import {
    retailFormatHour,
    retailScheduleDayMatches,
    retailScheduleDayNames,
    retailScheduleMatches,
    retailStoreNow,
} from "@retail_customer/app/utils/retail_schedule.esm";
import {retailCombinePromotions} from "@retail_promotions/app/models/pos_order.esm";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

/**
 * Why a promotion is outside its schedule now: the week days it runs on when
 * today is not one of them, otherwise its hours.
 */
function scheduleReason(program, now) {
    if (!retailScheduleDayMatches(program, now)) {
        const days = retailScheduleDayNames(program);
        return _t("Not today: it runs on %(days)s.", {days: days.join(", ")});
    }
    return _t("Outside its hours (%(from)s-%(to)s).", {
        from: retailFormatHour(program.retail_hour_from ?? 0),
        to: retailFormatHour(program.retail_hour_to ?? 24),
    });
}

patch(PosOrder.prototype, {
    /**
     * Which retail promotions of the store apply to this order and why, for the
     * cashier: {applied: [{program, rule, lines, discount}], leftOut: [{program,
     * rule, reason}]}, with the same rules as the engine (schedule in the store's
     * time zone, native conditions, combination of exclusive promotions).
     */
    retailPromotionReport() {
        const programs = this.models["loyalty.program"].filter(
            (program) => program.retail_promotion_type
        );
        const rewardLines = this.lines.filter((line) => line.is_reward_line);
        const productLines = this.lines.filter(
            (line) => !line.is_reward_line && !line.combo_parent_id
        );
        const now = retailStoreNow(this.config);
        const applied = [];
        const leftOut = [];
        const satisfied = [];
        for (const program of programs) {
            const lines = rewardLines.filter(
                (line) => line.reward_id?.program_id?.id === program.id
            );
            if (lines.length) {
                applied.push(
                    this._retailAppliedPromotion(program, lines, productLines)
                );
                satisfied.push(program);
                continue;
            }
            let reason = "";
            if (!retailScheduleMatches(program, now)) {
                reason = scheduleReason(program, now);
            } else if (!this._programIsApplicable(program)) {
                reason = _t("Not available for this order (dates, customer or usage).");
            } else if (
                !(this.pointsForPrograms([program])[program.id] || []).some(
                    (entry) => entry.points
                )
            ) {
                reason = _t("The basket does not reach its minimum.");
            } else {
                satisfied.push(program);
                continue;
            }
            leftOut.push({program, rule: program.retail_rule_description, reason});
        }
        const winners = new Set(retailCombinePromotions(satisfied).map((p) => p.id));
        const winner = satisfied.find((p) => p.retail_exclusive && winners.has(p.id));
        for (const program of satisfied) {
            if (!applied.some((entry) => entry.program.id === program.id)) {
                leftOut.push({
                    program,
                    rule: program.retail_rule_description,
                    reason:
                        winner && !winners.has(program.id)
                            ? _t("The exclusive promotion %(name)s applies instead.", {
                                  name: winner.name,
                              })
                            : _t("Satisfied, not claimed yet."),
                });
            }
        }
        return {applied, leftOut};
    },
    _retailAppliedPromotion(program, rewardLines, productLines) {
        const productIds = new Set(
            rewardLines.flatMap((line) =>
                (line.reward_id.all_discount_product_ids || []).map((p) => p.id)
            )
        );
        const orderWide = rewardLines.some(
            (line) => line.reward_id.discount_applicability === "order"
        );
        const taken = productLines.filter(
            (line) =>
                orderWide ||
                productIds.has(line.getProduct().id) ||
                rewardLines.some(
                    (reward) =>
                        reward.reward_id.reward_product_id?.id === line.getProduct().id
                )
        );
        return {
            program,
            rule: program.retail_rule_description,
            lines: taken.map(
                (line) => `${line.getQuantity()} x ${line.getFullProductName()}`
            ),
            discount: rewardLines.reduce((sum, line) => sum + line.priceIncl, 0),
        };
    },
});
