import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {patch} from "@web/core/utils/patch";

patch(ControlButtons.prototype, {
    /** Buy items of a gift list, or give money to it, on the current order. */
    async clickRetailGiftRegistry() {
        await this.pos.retailGiftRegistryAction();
    },
});
