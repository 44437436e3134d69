import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as Numpad from "@point_of_sale/../tests/generic_helpers/numpad_util";
import * as Order from "@point_of_sale/../tests/generic_helpers/order_widget_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as TicketScreen from "@point_of_sale/../tests/pos/tours/utils/ticket_screen_util";
import {inLeftSide} from "@point_of_sale/../tests/pos/tours/utils/common";
import {registry} from "@web/core/registry";

// A sale paid in cash, refunded as store credit on a new gift card: the server
// issues the card when the refund syncs and the refund receipt prints its number.
registry.category("web_tour.tours").add("RetailAftersalesStoreCreditTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Desk Pad"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.clickNextOrder(),
            Chrome.clickOrders(),
            TicketScreen.selectFilter("Paid"),
            TicketScreen.selectOrderByPrice("1.98"),
            inLeftSide([
                ...Order.hasLine({productName: "Desk Pad", withClass: ".selected"}),
                Numpad.click("1"),
            ]),
            TicketScreen.confirmRefund(),
            PaymentScreen.isShown(),
            PaymentScreen.clickPaymentMethod("Gift Card"),
            Dialog.is({title: "Store credit"}),
            {
                content: "pay the refund out on a new gift card",
                trigger: '.selection-item:contains("New gift card")',
                run: "click",
            },
            PaymentScreen.selectedPaymentlineHas("Gift Card", "-1.98"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            {
                content: "the refund receipt prints the new card's number",
                trigger:
                    '.pos-receipt .paymentlines:contains("Gift Card") .retail-credit-code:contains("7702")',
            },
            Chrome.endTour(),
        ].flat(),
});

/** The receipt, once the order synced: an order with a customer takes the
 * server longer (customer figures, cards), so wait more than a step's 10 s. */
function receiptShown() {
    return {
        content: "receipt screen is shown",
        trigger: ".pos .receipt-screen",
        timeout: 30000,
    };
}

// A sale to a customer paid in cash, refunded as store credit on the customer's
// eWallet: the server credits it (opening one for the customer) when the refund
// syncs and the refund receipt prints the eWallet's number.
registry.category("web_tour.tours").add("RetailAftersalesEwalletCreditTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Partner Test 1"),
            ProductScreen.clickDisplayedProduct("Desk Pad"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            receiptShown(),
            ReceiptScreen.clickNextOrder(),
            Chrome.clickOrders(),
            TicketScreen.selectFilter("Paid"),
            TicketScreen.selectOrderByPrice("1.98"),
            inLeftSide([
                ...Order.hasLine({productName: "Desk Pad", withClass: ".selected"}),
                Numpad.click("1"),
            ]),
            TicketScreen.confirmRefund(),
            PaymentScreen.isShown(),
            PaymentScreen.clickPaymentMethod("Store credit eWallet"),
            PaymentScreen.selectedPaymentlineHas("Store credit eWallet", "-1.98"),
            PaymentScreen.clickValidate(),
            receiptShown(),
            {
                content: "the refund receipt prints the eWallet's number",
                trigger:
                    '.pos-receipt .retail-credit-card:contains("Store credit on eWallet") .retail-credit-code:contains("0")',
            },
            Chrome.endTour(),
        ].flat(),
});
