import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Clienteling from "@retail_clienteling/../tests/tours/utils/retail_clienteling_util.esm";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import {registry} from "@web/core/registry";

const INCIDENT = ".retail-clienteling-incidents .retail-clienteling-incident";

// The customer's panel lists their open incident (number, state, store), not
// their resolved one.
registry.category("web_tour.tours").add("RetailClientelingIncidentsTour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Clara Incidents"),
            ProductScreen.customerIsSelected("Clara Incidents"),
            Clienteling.openPanel(),
            {
                content: "The open incident is listed, with its state and store",
                trigger: `${INCIDENT}:has(.retail-incident-name:contains("INC-TOUR-1")):has(.retail-incident-state:contains("New")):has(.retail-incident-store:contains("Shop"))`,
            },
            {
                content: "The resolved incident is not",
                trigger: `.retail-clienteling-incidents:not(:has(.retail-incident-name:contains("INC-TOUR-2")))`,
            },
            Dialog.confirm("Close"),
            Chrome.endTour(),
        ].flat(),
});
