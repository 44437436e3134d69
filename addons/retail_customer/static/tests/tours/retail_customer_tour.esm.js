import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailCustomer from "@retail_customer/../tests/tours/utils/retail_customer_util.esm";
import {registry} from "@web/core/registry";

const {TILL_TEXTS} = RetailCustomer;

/** The receipt's total, written as the cashier's language writes amounts. */
function receiptTotalIs(units, cents, texts) {
    const total = `${units}${texts.decimal}${cents}`;
    return {
        content: `the receipt's total is ${total}`,
        trigger: `.pos-receipt .receipt-total:contains("${total}")`,
    };
}

function sellTo(query, name, customerNumber, texts = TILL_TEXTS.en) {
    return [
        Chrome.startPoS(),
        Dialog.confirm(texts.openRegister),
        RetailCustomer.findCustomerOnServer(
            query,
            name,
            customerNumber,
            texts.store,
            texts
        ),
        ProductScreen.clickDisplayedProduct("Desk Pad"),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
        receiptTotalIs("1", "98", texts),
        Chrome.endTour(),
    ].flat();
}

// Stored "+34 612 345 678", typed in its national form.
registry.category("web_tour.tours").add("RetailCustomerFindByPhoneTour", {
    steps: () => sellTo("612345678", "Zoe Phonesearch", "RTLPHONE1"),
});

// The same, the cashier working in Spanish: the till's texts, the customer's
// channel and the receipt's amounts in Spanish.
registry.category("web_tour.tours").add("RetailCustomerFindByPhoneTourEs", {
    steps: () => sellTo("612345678", "Zoe Phonesearch", "RTLPHONE1", TILL_TEXTS.es),
});

// Stored "12345678Z", typed with a dash and a lowercase letter.
registry.category("web_tour.tours").add("RetailCustomerFindByNationalIdTour", {
    steps: () => sellTo("12345678-z", "Zack Nationalsearch", "RTLNID1"),
});

// The cashier creates a customer with the till's "Create" (the customer form in a
// dialog, which sends company_id = False), then sells to them.
registry.category("web_tour.tours").add("RetailCustomerCreateInOwnFileTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            {
                content: "create a customer from the till",
                trigger: ".modal button[aria-label='Add a customer']",
                run: "click",
            },
            {
                content: "type the customer's name in the customer form",
                trigger: ".modal .o_field_widget[name='name'] :is(input, textarea)",
                run: "edit Franchise Till Customer",
            },
            {
                content: "save the customer form",
                trigger: ".modal .o_form_button_save",
                run: "click",
            },
            ProductScreen.customerIsSelected("Franchise Till Customer"),
            ProductScreen.clickDisplayedProduct("Desk Pad"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            Chrome.endTour(),
        ].flat(),
});
