import {PosOrderline} from "@point_of_sale/app/models/pos_order_line";
import {patch} from "@web/core/utils/patch";

patch(PosOrderline.prototype, {
    /** A gift for a list is never merged with a line for another list or item. */
    canBeMergedWith(orderline) {
        return (
            super.canBeMergedWith(...arguments) &&
            this.retail_gift_registry_item_id?.id ===
                orderline.retail_gift_registry_item_id?.id &&
            this.retail_gift_registry_id?.id === orderline.retail_gift_registry_id?.id
        );
    },
});
