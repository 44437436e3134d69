import {PosOrderline} from "@point_of_sale/app/models/pos_order_line";
import {patch} from "@web/core/utils/patch";

patch(PosOrderline.prototype, {
    /** A line added from a suggestion stays its own line (it is counted). */
    canBeMergedWith(orderline) {
        if (Boolean(this.retail_suggested) !== Boolean(orderline.retail_suggested)) {
            return false;
        }
        return super.canBeMergedWith(...arguments);
    },
});
