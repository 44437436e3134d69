import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import {registry} from "@web/core/registry";

const RUNS = 20;
const WARMUP = 3;

/**
 * The body of pos_loyalty's PosStore.updateRewards (without its mutex, so that
 * it can be awaited and timed): programs recomputed, automatic rewards claimed,
 * reward lines refreshed, programs recomputed again.
 */
async function recomputeRewards(pos, order) {
    await pos.orderUpdateLoyaltyPrograms();
    for (const {coupon_id, reward} of order.getClaimableRewards(false, false, true)) {
        const program = reward.program_id;
        if (
            program.reward_ids.length === 1 &&
            !program.is_nominative &&
            (reward.reward_type !== "product" || !reward.multi_product)
        ) {
            order._applyReward(reward, coupon_id);
        }
    }
    order._updateRewardLines();
    await pos.orderUpdateLoyaltyPrograms();
}

/**
 * Benchmark (tests/benchmarks/bench_promotions.py): a basket of one line of each
 * "Bench Product", then the recomputation of its rewards timed RUNS times, a
 * line's quantity changed before each; the times are logged for the Python side.
 */
registry.category("web_tour.tours").add("RetailPromotionsBenchTour", {
    steps: () =>
        [
            {
                content: "wait for the till to load",
                trigger: ".screen-login .btn.open-register-btn",
                timeout: 60000,
            },
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            {
                content: "fill the basket and time the reward recomputation",
                trigger: ".product-screen",
                timeout: 60000,
                run: async () => {
                    const pos = window.posmodel;
                    const products = pos.models["product.product"].filter((product) =>
                        product.product_tmpl_id?.name?.startsWith("Bench Product")
                    );
                    for (const product of products) {
                        await pos.addLineToCurrentOrder(
                            {product_tmpl_id: product.product_tmpl_id, product_id: product},
                            {},
                            false
                        );
                    }
                    await new Promise((resolve) => setTimeout(resolve, 1000));
                    const order = pos.getOrder();
                    const lines = order.lines.filter((line) => !line.is_reward_line);
                    const times = [];
                    for (let run = 0; run < RUNS + WARMUP; run++) {
                        const line = lines[run % lines.length];
                        line.qty = line.qty === 1 ? 2 : 1;
                        const start = performance.now();
                        await recomputeRewards(pos, order);
                        if (run >= WARMUP) {
                            times.push(performance.now() - start);
                        }
                    }
                    const rewardLines = order.lines.filter((line) => line.is_reward_line);
                    console.log(
                        "RETAIL_BENCH " +
                            JSON.stringify({
                                lines: lines.length,
                                programs: pos.models["loyalty.program"].length,
                                reward_lines: rewardLines.length,
                                times,
                            })
                    );
                },
            },
            Chrome.endTour(),
        ].flat(),
});
