import {ProductScreen} from "@point_of_sale/app/screens/product_screen/product_screen";
import {patch} from "@web/core/utils/patch";
import {useBarcodeReader} from "@point_of_sale/app/hooks/barcode_reader_hook";

patch(ProductScreen.prototype, {
    setup() {
        super.setup(...arguments);
        // A service ticket (the barcode rule "Service Tickets" of the store's
        // nomenclature) scanned at any till opens its service.
        useBarcodeReader({retail_service: this._retailServiceScan});
    },

    async _retailServiceScan(code) {
        await this.pos.retailScanService(code.code);
    },
});
