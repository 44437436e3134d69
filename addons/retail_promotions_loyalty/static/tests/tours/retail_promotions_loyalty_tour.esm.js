import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailPromotions from "@retail_promotions/../tests/tours/utils/retail_promotions_util.esm";
import {registry} from "@web/core/registry";

/** Steps that wait for the server get 30 s: the test machine is shared. */
function patient(steps) {
    return [steps].flat(Infinity).map((step) => ({...step, timeout: 30000}));
}

// Case tests/baskets/extra_points_socks.json: the till shows the 65 points of
// the program and the 6 extra points of the promotion before payment.
registry.category("web_tour.tours").add("RetailPromotionsLoyaltyExtraPointsTour", {
    steps: () =>
        [
            patient(Chrome.startPoS()),
            patient(Dialog.confirm("Open Register")),
            patient([
                ...ProductScreen.clickPartnerButton(),
                ...ProductScreen.clickCustomer("Points Customer", true),
            ]),
            RetailPromotions.addUnits("Points Shoe", 1),
            RetailPromotions.addUnits("Points Socks", 3),
            PosLoyalty.orderTotalIs("65.00"),
            PosLoyalty.pointsAwardedAre("71"),
            RetailPromotions.rewardsAreNative(),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            patient(ReceiptScreen.isShown()),
            Chrome.endTour(),
        ].flat(),
});
