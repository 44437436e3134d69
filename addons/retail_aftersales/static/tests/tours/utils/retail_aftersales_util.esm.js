import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import {scan_barcode} from "@point_of_sale/../tests/generic_helpers/utils";

const POPUP = ".retail-service-popup";

export function openServices() {
    return ProductScreen.clickControlButton("Services");
}

/** From the customer's purchases: an alteration on ``product`` with a deposit. */
export function takeAlteration(product, notes, deposit) {
    return [
        {
            content: "The customer's purchases",
            trigger: `${POPUP} .retail-service-new`,
            run: "click",
        },
        {
            content: `Choose ${product}`,
            trigger: `${POPUP} .retail-service-purchase:contains("${product}")`,
            run: "click",
        },
        {
            content: "An alteration",
            trigger: `${POPUP} .retail-service-type:contains("Alteration")`,
            run: "click",
        },
        {
            content: "What to do",
            trigger: `${POPUP} .retail-service-notes`,
            run: `edit ${notes}`,
        },
        {
            content: `Deposit of ${deposit}`,
            trigger: `${POPUP} .retail-service-deposit`,
            run: `edit ${deposit}`,
        },
    ];
}

/** Catch what the till prints (no printer in a tour: the browser's print). */
export function catchPrint() {
    return {
        content: "Catch what the till prints",
        trigger: `${POPUP}`,
        run: () => {
            window.retailServicePrinted = "";
            window.print = (element) => {
                window.retailServicePrinted = element ? element.textContent : "?";
            };
        },
    };
}

export function takeService() {
    return {
        content: "Take the service",
        trigger: ".modal .retail-service-take:enabled",
        run: "click",
    };
}

/** The ticket was printed with the service number and its barcode. */
export function ticketPrinted(number, due) {
    return {
        content: "The service ticket was printed",
        trigger: "body",
        run: async () => {
            for (let i = 0; i < 100 && !window.retailServicePrinted; i++) {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            const text = window.retailServicePrinted || "";
            if (!text.includes(number) || !text.includes(due)) {
                throw new Error(`The ticket lacks ${number} or ${due}: ${text}`);
            }
        },
    };
}

export function collect(number) {
    return {
        content: `Collect ${number}`,
        trigger: `${POPUP} .retail-service-result:contains("${number}") .retail-service-collect`,
        run: "click",
    };
}

/** Scan the ticket on the product screen: the till opens its service. */
export function scanTicketOnProductScreen(number) {
    return [
        ...ProductScreen.isShown(),
        ...scan_barcode(number),
        {
            content: `The service ${number} is open and ready`,
            trigger: `${POPUP} .retail-service-result:contains("${number}") .retail-service-stage:contains("Ready")`,
        },
    ];
}

/** Scan a ticket of no service: the till says so and opens nothing. */
export function scanUnknownTicket(number) {
    return [
        ...ProductScreen.isShown(),
        ...scan_barcode(number),
        {
            content: `No service ${number}`,
            trigger: `.o_notification:contains("${number}"):contains("No service with this number")`,
        },
        {
            content: "No service screen is open",
            trigger: `body:not(:has(${POPUP}))`,
        },
    ];
}
