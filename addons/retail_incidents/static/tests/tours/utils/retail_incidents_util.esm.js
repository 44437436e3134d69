import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";

/** The customer button shows `count` open incidents. */
export function openIncidentBadgeIs(count) {
    return {
        content: `The customer has ${count} open incident(s)`,
        trigger: `.set-partner .retail-incident-badge:contains("${count}")`,
    };
}

/** From the product screen: log a store incident for the current customer. */
export function logIncident(category, problem) {
    return [
        ProductScreen.clickControlButton("Log Incident"),
        {
            content: `Choose the category ${category}`,
            trigger: `.retail-log-incident-popup .retail-incident-category:contains("${category}")`,
            run: "click",
        },
        {
            content: "Describe the problem",
            trigger: ".retail-log-incident-popup .retail-incident-problem",
            run: `edit ${problem}`,
        },
        {
            content: "Log the incident",
            trigger: ".modal .retail-incident-confirm:enabled",
            run: "click",
        },
        {
            content: "The incident is logged",
            trigger: ".o_notification:contains(logged)",
        },
    ].flat();
}

/** The till has loaded (its assets and data): slow on a loaded machine. */
export function waitForTill() {
    return {
        content: "The till has loaded",
        trigger: ".screen-login .btn.open-register-btn",
        timeout: 60000,
    };
}
