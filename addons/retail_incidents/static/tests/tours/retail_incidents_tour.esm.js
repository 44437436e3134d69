import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as RetailIncidents from "@retail_incidents/../tests/tours/utils/retail_incidents_util.esm";
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("RetailIncidentsLogStoreIncidentTour", {
    steps: () =>
        [
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
