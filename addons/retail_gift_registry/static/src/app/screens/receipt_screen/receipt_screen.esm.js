import {ReceiptScreen} from "@point_of_sale/app/screens/receipt_screen/receipt_screen";
import {patch} from "@web/core/utils/patch";
import {useTrackedAsync} from "@point_of_sale/app/hooks/hooks";

patch(ReceiptScreen.prototype, {
    setup() {
        super.setup(...arguments);
        // A gift receipt is Odoo's basic receipt: the lines without prices.
        this.doGiftPrint = useTrackedAsync(() =>
            this.pos.printReceipt({order: this.currentOrder, basic: true})
        );
    },
    get hasGiftRegistryLines() {
        return this.currentOrder.lines.some((line) => line.retail_gift_registry_id);
    },
});
