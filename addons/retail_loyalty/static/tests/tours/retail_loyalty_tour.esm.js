import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as Offline from "@point_of_sale/../tests/generic_helpers/offline_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as SelectionPopup from "@point_of_sale/../tests/generic_helpers/selection_popup_util";
import * as TicketScreen from "@point_of_sale/../tests/pos/tours/utils/ticket_screen_util";
import * as RetailCustomer from "@retail_customer/../tests/tours/utils/retail_customer_util.esm";
import * as RetailLoyalty from "@retail_loyalty/../tests/tours/utils/retail_loyalty_util.esm";
import {registry} from "@web/core/registry";

const {TILL_TEXTS} = RetailCustomer;
const {LOYALTY_TEXTS} = RetailLoyalty;

function earnWithTier(texts, loyaltyTexts) {
    return [
        Chrome.startPoS(),
        Dialog.confirm(texts.openRegister),
        RetailCustomer.findCustomerOnServer(
            "612345678",
            "Lola Loyal",
            "RTLLOY1",
            texts.store,
            texts
        ),
        RetailLoyalty.redeemableSays("1", loyaltyTexts),
        ProductScreen.clickDisplayedProduct("Loyalty Shoe"),
        PosLoyalty.pointsAwardedAre("200"),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
        RetailLoyalty.receiptShowsLoyalty("Gold", "200", "350", loyaltyTexts),
        Chrome.endTour(),
    ].flat();
}

// Found by the phone typed in its national form; Gold doubles the 100 points.
registry.category("web_tour.tours").add("RetailLoyaltyEarnTierTour", {
    steps: () => earnWithTier(TILL_TEXTS.en, LOYALTY_TEXTS.en),
});

// The same, the cashier working in Spanish: the till, the loyalty button and the
// receipt's loyalty lines in Spanish.
registry.category("web_tour.tours").add("RetailLoyaltyEarnTierTourEs", {
    steps: () => earnWithTier(TILL_TEXTS.es, LOYALTY_TEXTS.es),
});

// Pay 100 points for 10 off, then refund the whole order: the server gives the
// 100 points back and takes back the 200 earned.
registry.category("web_tour.tours").add("RetailLoyaltyRedeemRefundTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            RetailCustomer.findCustomerOnServer(
                "612345678",
                "Lola Loyal",
                "RTLLOY1",
                "Store"
            ),
            RetailLoyalty.redeemableIs("150", "Gold", "1"),
            ProductScreen.clickDisplayedProduct("Loyalty Shoe"),
            RetailLoyalty.clickRedeemable(),
            SelectionPopup.has("on your order", {run: "click"}),
            RetailLoyalty.redeemableIs("50", "Gold", "0"),
            PosLoyalty.orderTotalIs("90.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            RetailLoyalty.receiptShowsLoyalty("Gold", "200", "250"),
            ReceiptScreen.clickNextOrder(),
            ProductScreen.clickRefund(),
            TicketScreen.selectOrder("001"),
            ProductScreen.clickNumpad("1"),
            ProductScreen.clickLine("on your order"),
            ProductScreen.clickNumpad("1"),
            TicketScreen.confirmRefund(),
            PaymentScreen.totalIs("-90.00"),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            Chrome.endTour(),
        ].flat(),
});

function offlineCapRefused(texts, loyaltyTexts) {
    return [
        Chrome.startPoS(),
        Dialog.confirm(texts.openRegister),
        RetailCustomer.findCustomerOnServer(
            "612345678",
            "Lola Loyal",
            "RTLLOY1",
            texts.store,
            texts
        ),
        ProductScreen.clickDisplayedProduct("Loyalty Shoe"),
        RetailLoyalty.clickRedeemable(),
        SelectionPopup.has("on your order", {run: "click"}),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        Offline.setOfflineMode(),
        PaymentScreen.clickValidate(),
        RetailLoyalty.offlineCapRefused(loyaltyTexts),
        Dialog.confirm(),
        Offline.setOnlineMode(),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
        Chrome.endTour(),
    ].flat();
}

// The till lost the server: a 100-point reward is over the store's offline cap
// of 50 points per card, so the order is not validated; back online it is.
registry.category("web_tour.tours").add("RetailLoyaltyOfflineCapTour", {
    steps: () => offlineCapRefused(TILL_TEXTS.en, LOYALTY_TEXTS.en),
});

// The same, the cashier working in Spanish: the refusal's title and message in
// Spanish.
registry.category("web_tour.tours").add("RetailLoyaltyOfflineCapTourEs", {
    steps: () => offlineCapRefused(TILL_TEXTS.es, LOYALTY_TEXTS.es),
});
