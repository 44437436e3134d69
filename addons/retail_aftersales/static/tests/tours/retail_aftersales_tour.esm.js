import * as Aftersales from "@retail_aftersales/../tests/tours/utils/retail_aftersales_util.esm";
import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("RetailAftersalesTakeTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Jacket Buyer"),
            Aftersales.openServices(),
            Aftersales.takeAlteration(
                "Tour Jacket",
                "Shorten the sleeves by 2 cm",
                "5"
            ),
            Aftersales.catchPrint(),
            Aftersales.takeService(),
            Aftersales.ticketPrinted("SRV/00001", "10.00"),
            ProductScreen.totalAmountIs("5.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            Chrome.endTour(),
        ].flat(),
});

// At another till the ticket is scanned on the product screen (a ticket of no
// service first), which opens the service to collect it.
registry.category("web_tour.tours").add("RetailAftersalesCollectTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            Aftersales.scanUnknownTicket("SRV/09999"),
            Aftersales.scanTicketOnProductScreen("SRV/00001"),
            Aftersales.collect("SRV/00001"),
            ProductScreen.totalAmountIs("10.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            Chrome.endTour(),
        ].flat(),
});
