import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as Numpad from "@point_of_sale/../tests/generic_helpers/numpad_util";
import * as Order from "@point_of_sale/../tests/generic_helpers/order_widget_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailCustomer from "@retail_customer/../tests/tours/utils/retail_customer_util.esm";
import * as RetailGiftcard from "@retail_giftcard/../tests/tours/utils/retail_giftcard_util.esm";
import * as TicketScreen from "@point_of_sale/../tests/pos/tours/utils/ticket_screen_util";
import {inLeftSide} from "@point_of_sale/../tests/pos/tours/utils/common";
import {registry} from "@web/core/registry";

const PRODUCT = "Gift card Till cards";
const CARD = "770100000015";
const {GIFTCARD_TEXTS} = RetailGiftcard;
const {TILL_TEXTS} = RetailCustomer;

/** The receipt has a line of `product` at `price`. */
function receiptLineIs(product, price) {
    return {
        content: `the receipt has ${product} at ${price}`,
        trigger: `.pos-receipt .orderline:contains("${product}"):has(.price:contains("${price}"))`,
    };
}

function sellCard(amount, balance, product = PRODUCT, texts = GIFTCARD_TEXTS.en) {
    const price = `${amount}${texts.decimal}00`;
    return [
        ProductScreen.clickDisplayedProduct(product),
        RetailGiftcard.enterCard(CARD, texts),
        RetailGiftcard.balanceIs(CARD, balance, "$", texts),
        RetailGiftcard.loadAmount(amount, texts),
        ProductScreen.selectedOrderlineHas(product, "1", price),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Cash"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
        receiptLineIs(product, price),
        ReceiptScreen.clickNextOrder(),
    ].flat();
}

// Sell a new card (activates it with the amount paid), then reload it: the
// second prompt shows the balance of the first sale.
registry.category("web_tour.tours").add("RetailGiftcardSellReloadTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(TILL_TEXTS.en.openRegister),
            sellCard("50", "0.00"),
            sellCard("25", "50.00"),
            Chrome.endTour(),
        ].flat(),
});

// The same, the cashier working in Spanish: the card's product, its prompts,
// amounts and receipt lines in Spanish.
registry.category("web_tour.tours").add("RetailGiftcardSellReloadTourEs", {
    steps: () => {
        const product = "Tarjeta regalo Till cards";
        const texts = GIFTCARD_TEXTS.es;
        return [
            Chrome.startPoS(),
            Dialog.confirm(TILL_TEXTS.es.openRegister),
            sellCard("50", "0,00", product, texts),
            sellCard("25", "50,00", product, texts),
            Chrome.endTour(),
        ].flat();
    },
});

// The cashier working in Spanish pays part of an order with a card (number +
// PIN), the rest in cash: the prompts, the payment method, the amounts and the
// receipt's payment line in Spanish.
registry.category("web_tour.tours").add("RetailGiftcardPayPartTourEs", {
    steps: () => {
        const texts = GIFTCARD_TEXTS.es;
        return [
            Chrome.startPoS(),
            Dialog.confirm(TILL_TEXTS.es.openRegister),
            ProductScreen.clickDisplayedProduct("Desk Pad"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Tarjeta regalo"),
            Dialog.is({title: "Pagar con una tarjeta regalo"}),
            RetailGiftcard.enterCard(CARD, texts),
            RetailGiftcard.enterPin("123456", texts),
            PaymentScreen.selectedPaymentlineHas("Tarjeta regalo", "1,00"),
            PaymentScreen.remainingIs("0,98"),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            {
                content: "the receipt's payment line: Tarjeta regalo, 1,00",
                trigger:
                    '.pos-receipt .paymentlines:contains("Tarjeta regalo"):contains("1,00")',
            },
            Chrome.endTour(),
        ].flat();
    },
});

// Pay part of an order with a card (number + PIN), the rest in cash; check the
// card's balance; refund the order back onto the card.
registry.category("web_tour.tours").add("RetailGiftcardPayPartTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Desk Pad"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Gift Card"),
            RetailGiftcard.enterCard(CARD),
            RetailGiftcard.enterPin("123456"),
            PaymentScreen.selectedPaymentlineHas("Gift Card", "1.00"),
            PaymentScreen.remainingIs("0.98"),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.clickNextOrder(),
            // balance check: the card is empty now
            ProductScreen.clickDisplayedProduct(PRODUCT),
            RetailGiftcard.enterCard(CARD),
            RetailGiftcard.balanceIs(CARD, "0.00"),
            Dialog.discard(),
            // refund the order onto the card
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
            PaymentScreen.selectedPaymentlineHas("Gift Card", "-1.98"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            Chrome.endTour(),
        ].flat(),
});

// A single-purpose voucher (VAT 21 % known at sale) cannot pay goods without that
// VAT: the till says so; on goods at 21 % it pays them, capped at their price.
registry.category("web_tour.tours").add("RetailGiftcardVoucherTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Desk Pad"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Gift Card"),
            RetailGiftcard.enterCard("770200000014"),
            RetailGiftcard.enterPin("654321"),
            {
                content: "the voucher is refused for goods without its VAT",
                trigger: '.modal .modal-body:contains("single-purpose voucher")',
            },
            Dialog.confirm(),
            PaymentScreen.clickBack(),
            ProductScreen.clickDisplayedProduct("Letter Tray"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Gift Card"),
            RetailGiftcard.enterCard("770200000014"),
            RetailGiftcard.enterPin("654321"),
            PaymentScreen.selectedPaymentlineHas("Gift Card", "4.80"),
            PaymentScreen.remainingIs("1.98"),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            Chrome.endTour(),
        ].flat(),
});
