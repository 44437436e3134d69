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
