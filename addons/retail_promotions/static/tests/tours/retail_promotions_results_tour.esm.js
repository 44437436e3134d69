import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailPromotions from "@retail_promotions/../tests/tours/utils/retail_promotions_util.esm";
import * as TicketScreen from "@point_of_sale/../tests/pos/tours/utils/ticket_screen_util";
import {registry} from "@web/core/registry";

/**
 * The till can be slow on a busy machine (loading, synchronising at payment): each
 * step of these tours may take up to 30 s instead of 10.
 */
function patient(steps) {
    return steps.flat().map((step) => ({timeout: 30000, ...step}));
}

/** The till can take long to load on a busy machine (first step of each tour). */
function waitForPoS() {
    return {
        content: "wait for the till to load",
        trigger: ".screen-login .btn.open-register-btn",
        timeout: 60000,
    };
}

function pay() {
    return [
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
        ReceiptScreen.clickNextOrder(),
    ].flat();
}

// Case n_for_m_cheapest_free, then one fancy sock refunded at the price paid:
// 8.00 less its share of the 3 for 2 (6.00 x 16 / 22 / 2 = 2.18)
registry.category("web_tour.tours").add("RetailPromotionsRefundTour", {
    steps: () =>
        patient([
            waitForPoS(),
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            RetailPromotions.addUnits("Promo Fancy Socks", 2),
            RetailPromotions.addUnits("Promo Socks", 1),
            RetailPromotions.addUnits("Promo Shirt", 1),
            PosLoyalty.orderTotalIs("36.00"),
            pay(),
            ...ProductScreen.clickRefund(),
            TicketScreen.filterIs("Paid"),
            TicketScreen.selectOrder("001"),
            {
                content: "select the fancy socks line",
                trigger: ".ticket-screen .orderline:contains('Promo Fancy Socks')",
                run: "click",
            },
            ProductScreen.clickNumpad("1"),
            TicketScreen.confirmRefund(),
            PaymentScreen.isShown(),
            PaymentScreen.totalIs("-5.82"),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            Chrome.endTour(),
        ]),
});

// Case exclusive_wins: the cashier sees the exclusive promotion applied and the
// 3 for 2 left out because of it
registry.category("web_tour.tours").add("RetailPromotionsWhyTour", {
    steps: () =>
        patient([
            waitForPoS(),
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            RetailPromotions.addUnits("Promo Socks", 3),
            PosLoyalty.orderTotalIs("16.20"),
            ProductScreen.clickControlButton("Promotions"),
            {
                content: "the exclusive promotion applied, with its discount",
                trigger:
                    ".retail-promotion-applied:contains('Socks 10 % from 10, exclusive'):contains('1.80'):contains('Promo Socks')",
            },
            {
                content: "the 3 for 2 left out, with the reason",
                trigger:
                    ".retail-promotion-left-out:contains('Socks 3 for 2') .retail-promotion-reason:contains('The exclusive promotion Socks 10 % from 10, exclusive applies instead')",
            },
            {
                content: "close the popup",
                trigger: ".modal-footer button:contains('Close')",
                run: "click",
            },
            pay(),
            Chrome.endTour(),
        ]),
});
