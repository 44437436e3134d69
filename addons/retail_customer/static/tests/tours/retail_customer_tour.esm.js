import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailCustomer from "@retail_customer/../tests/tours/utils/retail_customer_util.esm";
import {registry} from "@web/core/registry";

function sellTo(query, name, customerNumber) {
    return [
        Chrome.startPoS(),
        Dialog.confirm("Open Register"),
        RetailCustomer.findCustomerOnServer(query, name, customerNumber, "Store"),
        ProductScreen.clickDisplayedProduct("Desk Pad"),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
        Chrome.endTour(),
    ].flat();
}

// Stored "+34 612 345 678", typed in its national form.
registry.category("web_tour.tours").add("RetailCustomerFindByPhoneTour", {
    steps: () => sellTo("612345678", "Zoe Phonesearch", "RTLPHONE1"),
});

// Stored "12345678Z", typed with a dash and a lowercase letter.
registry.category("web_tour.tours").add("RetailCustomerFindByNationalIdTour", {
    steps: () => sellTo("12345678-z", "Zack Nationalsearch", "RTLNID1"),
});
