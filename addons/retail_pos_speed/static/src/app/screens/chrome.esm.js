import {Chrome} from "@point_of_sale/app/pos_app";
import {patch} from "@web/core/utils/patch";
import {retailAfterPaint} from "@retail_pos_speed/natives/retail_yield.esm";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";

patch(Chrome.prototype, {
    /**
     * The order sent to the customer display once the till has painted and the
     * promotions are settled: point_of_sale sends it after each change of the
     * order (an effect on the order), reading every line of it, which after a
     * scan holds the scanned line off the screen and, while the cashier scans,
     * takes the time of the recomputations. The sends asked meanwhile are one
     * send, of the order as it is then (the effect's own records, read as the
     * effect reads them, so that the next change of the order asks again).
     */
    sendOrderToCustomerDisplay(selectedOrder, scaleData) {
        if (
            !retailSpeedUses(
                this.pos.config,
                "Chrome.sendOrderToCustomerDisplay",
                super.sendOrderToCustomerDisplay
            )
        ) {
            return super.sendOrderToCustomerDisplay(...arguments);
        }
        const waiting = Boolean(this.retailDisplayArgs);
        this.retailDisplayArgs = [...arguments];
        if (waiting) {
            return;
        }
        retailAfterPaint()
            .then(() => this.pos.retailRewardsSettled())
            .then(() => {
                const args = this.retailDisplayArgs;
                this.retailDisplayArgs = null;
                super.sendOrderToCustomerDisplay(...args);
            });
    },
});
