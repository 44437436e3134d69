import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {RetailPromotionsPopup} from "@retail_promotions/app/components/popups/promotions_popup/promotions_popup.esm";
import {patch} from "@web/core/utils/patch";

patch(ControlButtons.prototype, {
    clickRetailPromotions() {
        this.dialog.add(RetailPromotionsPopup, {order: this.pos.getOrder()});
    },
});
