import "@retail_promotions/app/models/pos_order.esm";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {patch} from "@web/core/utils/patch";
import {retailSpeedState} from "@retail_pos_speed/natives/order_scope.esm";

patch(PosOrder.prototype, {
    /**
     * Whether `program` applies, kept for the synchronous pass of pos_loyalty's
     * _updatePrograms that asks it (PosStore._updatePrograms of this module).
     */
    _programIsApplicable(program) {
        const memo = retailSpeedState(this).applicability;
        if (!memo) {
            return super._programIsApplicable(...arguments);
        }
        if (!memo.has(program.id)) {
            memo.set(program.id, super._programIsApplicable(...arguments));
        }
        return memo.get(program.id);
    },
});
