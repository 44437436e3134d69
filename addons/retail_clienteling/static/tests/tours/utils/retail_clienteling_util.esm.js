/** From the product screen: open the customer's panel. */
export function openPanel() {
    return [
        {
            content: "Open the customer's panel",
            trigger: ".product-screen .retail-clienteling-button",
            run: "click",
        },
        {
            content: "The customer's panel is open",
            trigger: ".modal .retail-clienteling-panel",
        },
    ];
}

/** The panel lists a past purchase of `productName`. */
export function historyHas(productName) {
    return {
        content: `The customer bought ${productName}`,
        trigger: `.retail-clienteling-history-line .retail-history-name:contains("${productName}")`,
    };
}

/** The panel suggests `productName`. */
export function suggestionIs(productName) {
    return {
        content: `${productName} is suggested`,
        trigger: `.retail-clienteling-suggestion .retail-suggestion-name:contains("${productName}")`,
    };
}

/** Tap the suggestion of `productName`: the panel closes on the order. */
export function addSuggestion(productName) {
    return [
        {
            content: `Tap the suggestion ${productName}`,
            trigger: `.retail-clienteling-suggestion:has(.retail-suggestion-name:contains("${productName}"))`,
            run: "click",
        },
        {
            content: "The panel is closed",
            trigger: "body:not(:has(.retail-clienteling-panel))",
        },
    ];
}

/** The order line of `productName` is marked as suggested. */
export function lineIsSuggested(productName) {
    return {
        content: `${productName} is marked as suggested`,
        trigger: `.orderline:has(.product-name:contains("${productName}")) .retail-suggested-line`,
    };
}

/**
 * The receipt prints the personal message the server decided for the order,
 * and the code of its coupon.
 */
export function receiptPrintsMessage(message, couponCode) {
    const block = ".pos-receipt .retail-receipt-message";
    const steps = [
        {
            content: `The receipt prints "${message}"`,
            trigger: `${block} .retail-receipt-message-text:contains("${message}")`,
        },
    ];
    if (couponCode) {
        steps.push({
            content: `The receipt prints the coupon ${couponCode}`,
            trigger: `${block} .retail-receipt-coupon-code:contains("${couponCode}")`,
        });
    }
    return steps;
}

/** The receipt prints no personal message. */
export function receiptPrintsNoMessage() {
    return [
        {
            content: "The receipt is shown",
            trigger: ".pos-receipt",
        },
        {
            content: "The receipt prints no personal message",
            trigger: ".pos-receipt:not(:has(.retail-receipt-message))",
        },
    ];
}
