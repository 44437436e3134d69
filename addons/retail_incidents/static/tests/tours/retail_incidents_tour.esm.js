import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailIncidents from "@retail_incidents/../tests/tours/utils/retail_incidents_util.esm";
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("RetailIncidentsLogStoreIncidentTour", {
    steps: () =>
        [
            RetailIncidents.waitForTill(),
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Ines Incident"),
            ProductScreen.customerIsSelected("Ines Incident"),
            RetailIncidents.openIncidentBadgeIs(1),
            RetailIncidents.logIncident("Damaged goods", "Broken handle on the mug"),
            RetailIncidents.openIncidentBadgeIs(2),
            Chrome.endTour(),
        ].flat(),
});

// The cashier working in Spanish logs an incident (the button, the popup, the
// category as the head office translated it, the confirmation in Spanish),
// then sells to the customer: the receipt in Spanish.
registry.category("web_tour.tours").add("RetailIncidentsLogStoreIncidentTourEs", {
    steps: () =>
        [
            RetailIncidents.waitForTill(),
            Chrome.startPoS(),
            Dialog.confirm("Abrir caja registradora"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Ines Incident"),
            ProductScreen.customerIsSelected("Ines Incident"),
            RetailIncidents.openIncidentBadgeIs(1),
            ProductScreen.clickControlButton("Registrar incidencia"),
            {
                content: "the popup is in Spanish: its title and the problem's prompt",
                trigger:
                    ".modal:has(.modal-title:contains('Registrar una incidencia')) .retail-incident-problem[placeholder='¿Qué ha pasado?']",
            },
            {
                content: "choose the category, named in Spanish",
                trigger:
                    ".retail-log-incident-popup .retail-incident-category:contains('Mercancía dañada')",
                run: "click",
            },
            {
                content: "describe the problem",
                trigger: ".retail-log-incident-popup .retail-incident-problem",
                run: "edit Asa rota en la taza",
            },
            {
                content: "log it (Registrar incidencia)",
                trigger:
                    ".modal .retail-incident-confirm:enabled:contains('Registrar incidencia')",
                run: "click",
            },
            {
                content: "the confirmation is in Spanish",
                trigger: ".o_notification:contains('registrada')",
            },
            RetailIncidents.openIncidentBadgeIs(2),
            ProductScreen.clickDisplayedProduct("Desk Pad"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            {
                content: "the receipt is in Spanish: served by, total 1,98",
                trigger:
                    ".pos-receipt:has(.cashier:contains('Servido por:')) .receipt-total:contains('1,98')",
            },
            Chrome.endTour(),
        ].flat(),
});
