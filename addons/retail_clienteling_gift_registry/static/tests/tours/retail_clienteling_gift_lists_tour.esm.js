import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Clienteling from "@retail_clienteling/../tests/tours/utils/retail_clienteling_util.esm";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as GiftRegistry from "@retail_gift_registry/../tests/tours/utils/retail_gift_registry_util.esm";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

const GIFT_LIST = ".retail-clienteling-gift-lists .retail-clienteling-gift-list";

// The customer's panel lists the gift list they own; "Open list" opens the
// till's gift list popup on it, the cashier buys an item of it.
registry.category("web_tour.tours").add("RetailClientelingGiftListsTour", {
    steps: () =>
        [
            GiftRegistry.waitForTill(),
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Ana Panelist"),
            ProductScreen.customerIsSelected("Ana Panelist"),
            Clienteling.openPanel(),
            {
                content: "Open the customer's gift list from the panel",
                trigger: `${GIFT_LIST}:has(.retail-gift-list-title:contains("Wedding of Ana and Luis")) .retail-clienteling-open-gift-list`,
                run: "click",
            },
            {
                content: "The till's gift list popup shows the list",
                trigger: `.retail-gift-registry-popup .retail-gift-registry-selected:contains("Wedding of Ana and Luis")`,
            },
            GiftRegistry.addItem("Panel Vase", "2"),
            {
                content: "Add to the order",
                trigger: ".modal .retail-gift-registry-confirm:enabled",
                run: "click",
            },
            ProductScreen.selectedOrderlineHas("Panel Vase", "1"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            GiftRegistry.waitForReceipt(),
            ReceiptScreen.receiptIsThere(),
            Chrome.endTour(),
        ].flat(),
});
