import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as RetailPickup from "@retail_pickup/../tests/tours/utils/retail_pickup_util.esm";
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("RetailPickupSendFromTillTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            RetailPickup.sendPickupMessage("Lucia Recoge"),
            Chrome.endTour(),
        ].flat(),
});
