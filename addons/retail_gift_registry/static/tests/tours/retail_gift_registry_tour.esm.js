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

// The cashier working in Spanish sells to a list: the button, the list's popup
// (its columns, prompts and confirmation), the amounts, the receipt (the
// contribution's line, the guest's message) and the gift receipt in Spanish.
registry.category("web_tour.tours").add("RetailGiftRegistryTourEs", {
    steps: () =>
        [
            GiftRegistry.waitForTill(),
            Chrome.startPoS(),
            Dialog.confirm("Abrir caja registradora"),
            GiftRegistry.findList(
                "Luis Tourlist",
                "Wedding of Ana and Luis",
                "Lista de regalos"
            ),
            {
                content: "the list's popup is in Spanish: its columns and prompts",
                trigger:
                    ".retail-gift-registry-popup:has(th:contains('Pendiente')):has(.retail-gift-registry-guest[placeholder='Nombre del invitado']) .retail-gift-registry-message[placeholder='Mensaje para los titulares']",
            },
            GiftRegistry.addItem("Tour Vase", "1"),
            {
                content: "the confirmation is in Spanish (Añadir al pedido)",
                trigger:
                    ".modal .retail-gift-registry-confirm:contains('Añadir al pedido')",
            },
            GiftRegistry.giveAndConfirm("25", "Tía Sofía", "Que seáis muy felices"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            GiftRegistry.waitForReceipt(),
            {
                content:
                    "the receipt is in Spanish: served by, the contribution, total 65,00",
                trigger:
                    ".pos-receipt:has(.cashier:contains('Servido por:')):has(.orderline:contains('Aportación a lista de regalos')) .receipt-total:contains('65,00')",
            },
            {
                content: "the receipt has the guest and the message",
                trigger:
                    ".pos-receipt .retail-gift-registry-line:contains('Tía Sofía'):contains('Que seáis muy felices')",
            },
            {
                content: "the gift receipt's button is in Spanish",
                trigger: ".retail-gift-receipt:contains('Imprimir ticket regalo')",
            },
            GiftRegistry.printGiftReceipt("Que seáis muy felices", "40,00"),
            Chrome.endTour(),
        ].flat(),
});
