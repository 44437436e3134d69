import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PartnerList from "@point_of_sale/../tests/pos/tours/utils/partner_list_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailClienteling from "@retail_clienteling/../tests/tours/utils/retail_clienteling_util.esm";
import * as RetailCustomer from "@retail_customer/../tests/tours/utils/retail_customer_util.esm";
import {registry} from "@web/core/registry";

const COUPON = "044-0000-0000-0000-7001";

function pay() {
    return [
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
    ].flat();
}

// A customer's receipt prints the personal message and coupon the server gave
// them; the coupon takes 10% off their next order, then is used up.
registry.category("web_tour.tours").add("RetailClientelingReceiptTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            RetailCustomer.findCustomerOnServer(
                "Rita Receipt",
                "Rita Receipt",
                "RTLRCPT1",
                "Store"
            ),
            ProductScreen.clickDisplayedProduct("Receipt Boot"),
            pay(),
            RetailClienteling.receiptPrintsMessage(
                `Rita, 10% off your next visit: ${COUPON}`,
                COUPON
            ),
            ReceiptScreen.clickNextOrder(),
            ProductScreen.clickPartnerButton(),
            PartnerList.clickPartner("Rita Receipt"),
            ProductScreen.clickDisplayedProduct("Receipt Boot"),
            PosLoyalty.enterCode(COUPON),
            PosLoyalty.orderTotalIs("72.00"),
            pay(),
            RetailClienteling.receiptPrintsNoMessage(),
            Chrome.endTour(),
        ].flat(),
});
