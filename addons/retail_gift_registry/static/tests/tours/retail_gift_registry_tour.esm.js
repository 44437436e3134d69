import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as GiftRegistry from "@retail_gift_registry/../tests/tours/utils/retail_gift_registry_util.esm";
import * as Numpad from "@point_of_sale/../tests/generic_helpers/numpad_util";
import * as Order from "@point_of_sale/../tests/generic_helpers/order_widget_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as TicketScreen from "@point_of_sale/../tests/pos/tours/utils/ticket_screen_util";
import {inLeftSide} from "@point_of_sale/../tests/pos/tours/utils/common";
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("RetailGiftRegistryTour", {
    steps: () =>
        [
            GiftRegistry.waitForTill(),
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            GiftRegistry.findList("Luis Tourlist", "Wedding of Ana and Luis"),
            GiftRegistry.addItem("Tour Vase", "1"),
            GiftRegistry.addItem("Tour Plates", "12"),
            GiftRegistry.takeAway("Tour Plates"),
            GiftRegistry.giveAndConfirm("25", "Aunt Sophie", "Be happy together"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            GiftRegistry.waitForReceipt(),
            ReceiptScreen.receiptIsThere(),
            GiftRegistry.printGiftReceipt("Be happy together", "40.00"),
            ReceiptScreen.clickNextOrder(),
            Chrome.clickOrders(),
            TicketScreen.selectFilter("Paid"),
            TicketScreen.selectOrder("001"),
            inLeftSide([
                ...Order.hasLine({productName: "Tour Vase", run: "click"}),
                Numpad.click("1"),
            ]),
            TicketScreen.confirmRefund(),
            PaymentScreen.isShown(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            GiftRegistry.waitForReceipt(),
            ReceiptScreen.receiptIsThere(),
            Chrome.endTour(),
        ].flat(),
});
