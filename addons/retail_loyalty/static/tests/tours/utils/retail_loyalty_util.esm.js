/**
 * The loyalty texts of the till the tours read, in the cashier's language:
 * English, and Spanish as retail_loyalty's catalog translates them.
 */
export const LOYALTY_TEXTS = {
    en: {
        tier: "Tier:",
        won: "Points earned:",
        balance: "Points balance:",
        toRedeem: "to redeem",
        offlineTitle: "Loyalty points offline",
        offlineCap: "at most 50 points offline",
    },
    es: {
        tier: "Nivel:",
        won: "Puntos ganados:",
        balance: "Saldo de puntos:",
        toRedeem: "por canjear",
        offlineTitle: "Puntos de fidelidad sin conexión",
        offlineCap: "como máximo 50 puntos sin conexión",
    },
};

/**
 * The receipt shows the tier, the points earned and the balance the server
 * answered, each beside its label in the cashier's language.
 */
export function receiptShowsLoyalty(tier, won, balance, texts = LOYALTY_TEXTS.en) {
    const block = ".pos-receipt .retail-loyalty-receipt";
    return [
        {
            content: `Receipt shows ${texts.tier} ${tier}`,
            trigger: `${block} .d-flex:contains("${texts.tier}") .retail-loyalty-tier:contains("${tier}")`,
        },
        {
            content: `Receipt shows ${texts.won} ${won}`,
            trigger: `${block} .d-flex:contains("${texts.won}") .retail-loyalty-won:contains("${won}")`,
        },
        {
            content: `Receipt shows ${texts.balance} ${balance} (the server's balance)`,
            trigger: `${block} .d-flex:contains("${texts.balance}") .retail-loyalty-balance:contains("${balance}")`,
        },
    ];
}

/** The button beside the customer says how many rewards may be redeemed now. */
export function redeemableSays(count, texts = LOYALTY_TEXTS.en) {
    return [
        {
            content: `${count} ${texts.toRedeem}`,
            trigger:
                `.retail-loyalty-redeemable:contains("${texts.toRedeem}")` +
                `:has(.retail-loyalty-redeemable-count:contains("${count}"))`,
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

/** The till refuses an offline redemption over the store's cap of 50 points. */
export function offlineCapRefused(texts = LOYALTY_TEXTS.en) {
    return [
        {
            content: `Offline points refused: ${texts.offlineCap}`,
            trigger:
                `.modal:has(.modal-header:contains("${texts.offlineTitle}"))` +
                ` .modal-body:contains("${texts.offlineCap}")`,
        },
    ];
}
