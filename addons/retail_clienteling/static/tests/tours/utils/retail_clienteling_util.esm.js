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
