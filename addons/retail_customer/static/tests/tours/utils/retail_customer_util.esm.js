import * as PartnerList from "@point_of_sale/../tests/pos/tours/utils/partner_list_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import {back} from "@point_of_sale/../tests/pos/tours/utils/common";

const SEARCH_INPUT = ".modal-dialog .input-group input";

/**
 * The till's texts the tours read, in the cashier's language: English, and
 * Spanish as the catalogs of point_of_sale and the retail modules translate them.
 */
export const TILL_TEXTS = {
    en: {
        openRegister: "Open Register",
        noCustomers: "No customers found",
        store: "Store",
        decimal: ".",
    },
    es: {
        openRegister: "Abrir caja registradora",
        noCustomers: "No se han encontrado clientes",
        store: "Tienda",
        decimal: ",",
    },
};

/**
 * Type `query` in the customer list and check that no customer loaded at the
 * start of the session matches it: the customer to find is only on the server.
 */
export function searchCustomerNotLoaded(query, texts = TILL_TEXTS.en) {
    return [
        {
            isActive: ["mobile"],
            content: "Click the search field",
            trigger: ".modal-dialog .fa-search.undefined",
            run: "click",
        },
        {
            content: `Search customer with "${query}"`,
            trigger: SEARCH_INPUT,
            run: `edit ${query}`,
        },
        {
            content: `No customer of the session matches "${query}"`,
            trigger: `.modal .partner-list p:contains("${texts.noCustomers}")`,
        },
    ];
}

/** Press Enter in the search field: the server search runs. */
export function pressEnterToSearchServer() {
    return {
        content: "Press Enter to search the customer on the server",
        trigger: SEARCH_INPUT,
        run: () => {
            document
                .querySelector(SEARCH_INPUT)
                .dispatchEvent(
                    new KeyboardEvent("keydown", {bubbles: true, key: "Enter"})
                );
        },
    };
}

/** The customer line of `name` shows its customer number and channel. */
export function checkRetailCustomerInfo(name, customerNumber, channel) {
    const line = `.modal .partner-list .partner-info:contains("${name}")`;
    return [
        {
            content: `Customer number ${customerNumber} shown for "${name}"`,
            trigger: `${line} .retail-customer-number:contains("${customerNumber}")`,
        },
        {
            content: `Channel ${channel} shown for "${name}"`,
            trigger: `${line} .retail-customer-channel:contains("${channel}")`,
        },
    ];
}

/**
 * From the product screen: open the customer list, look `query` up on the
 * server (Enter) and select the customer `name` found; `texts` are the till's
 * texts in the cashier's language.
 */
export function findCustomerOnServer(
    query,
    name,
    customerNumber,
    channel,
    texts = TILL_TEXTS.en
) {
    return [
        ProductScreen.clickPartnerButton(),
        searchCustomerNotLoaded(query, texts),
        pressEnterToSearchServer(),
        checkRetailCustomerInfo(name, customerNumber, channel),
        PartnerList.clickPartner(name),
        {...back(), isActive: ["mobile"]},
        ProductScreen.customerIsSelected(name),
    ].flat();
}
