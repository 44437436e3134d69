import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Clienteling from "@retail_clienteling/../tests/tours/utils/retail_clienteling_util.esm";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("RetailClientelingPanelTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Clara Clienteling"),
            ProductScreen.customerIsSelected("Clara Clienteling"),
            ProductScreen.clickDisplayedProduct("Trail shoes"),
            Clienteling.openPanel(),
            Clienteling.historyHas("Wool socks"),
            Clienteling.suggestionIs("Waterproof spray"),
            Clienteling.addSuggestion("Waterproof spray"),
            Clienteling.lineIsSuggested("Waterproof spray"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            Chrome.endTour(),
        ].flat(),
});
