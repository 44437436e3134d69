/** The receipt shows the tier, the points earned and the balance the server answered. */
export function receiptShowsLoyalty(tier, won, balance) {
    const block = ".pos-receipt .retail-loyalty-receipt";
    return [
        {
            content: `Receipt shows tier ${tier}`,
            trigger: `${block} .retail-loyalty-tier:contains("${tier}")`,
        },
        {
            content: `Receipt shows ${won} points earned`,
            trigger: `${block} .retail-loyalty-won:contains("${won}")`,
        },
        {
            content: `Receipt shows the server balance ${balance}`,
            trigger: `${block} .retail-loyalty-balance:contains("${balance}")`,
        },
    ];
}

/** Beside the customer: the card's balance, tier and how many rewards it may redeem now. */
export function redeemableIs(balance, tier, count) {
    const button = ".retail-loyalty-redeemable";
    return [
        {
            content: `Card balance ${balance}, tier ${tier}, ${count} rewards to redeem`,
            trigger:
                `${button}:has(.retail-loyalty-redeemable-balance:contains("${balance}"))` +
                `:has(.retail-loyalty-redeemable-tier:contains("${tier}"))` +
                `:has(.retail-loyalty-redeemable-count:contains("${count}"))`,
        },
    ];
}

/** Open the reward selection from the redeemable button. */
export function clickRedeemable() {
    return [
        {
            content: "Open the rewards the customer can redeem now",
            trigger: ".retail-loyalty-redeemable",
            run: "click",
        },
    ];
}

/** The till refuses an offline redemption over the store's cap. */
export function offlineCapRefused(text) {
    return [
        {
            content: `Offline points refused: ${text}`,
            trigger: `.modal .modal-body:contains("${text}")`,
        },
    ];
}
