import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";

const POPUP = ".retail-gift-registry-popup";

/** From the product screen (its button named `button`): find a list and open it. */
export function findList(query, listTitle, button = "Gift List") {
    return [
        ProductScreen.clickControlButton(button),
        {
            content: `Search gift lists for ${query}`,
            trigger: `${POPUP} .retail-gift-registry-query`,
            run: `edit ${query}`,
        },
        {
            content: "Search",
            trigger: `${POPUP} .retail-gift-registry-search`,
            run: "click",
        },
        {
            content: `Open the list ${listTitle}`,
            trigger: `${POPUP} .retail-gift-registry-result:contains("${listTitle}")`,
            run: "click",
        },
    ].flat();
}

/** In the open list: one more unit of ``product`` (showing ``remaining``). */
export function addItem(product, remaining) {
    return {
        content: `Buy one ${product} (${remaining} remaining)`,
        trigger: `${POPUP} .retail-gift-registry-item:contains("${product}"):has(.retail-gift-registry-remaining:contains("${remaining}")) .retail-gift-registry-plus`,
        run: "click",
    };
}

/** In the open list: the guest takes ``product`` away (not kept for the owners). */
export function takeAway(product) {
    return {
        content: `${product} taken away by the guest`,
        trigger: `${POPUP} .retail-gift-registry-item:contains("${product}") .retail-gift-registry-keep:checked`,
        run: "click",
    };
}

export function giveAndConfirm(amount, guest, message) {
    return [
        {
            content: `Contribution of ${amount}`,
            trigger: `${POPUP} .retail-gift-registry-contribution`,
            run: `edit ${amount}`,
        },
        {
            content: `Guest ${guest}`,
            trigger: `${POPUP} .retail-gift-registry-guest`,
            run: `edit ${guest}`,
        },
        {
            content: "Message for the owners",
            trigger: `${POPUP} .retail-gift-registry-message`,
            run: `edit ${message}`,
        },
        {
            content: "Add to the order",
            trigger: ".modal .retail-gift-registry-confirm:enabled",
            run: "click",
        },
    ];
}

/** Print the gift receipt and check it has the message and no price. */
export function printGiftReceipt(message, price) {
    return [
        {
            content: "Catch what the till prints",
            trigger: ".retail-gift-receipt",
            run: () => {
                window.retailGiftReceipt = "";
                window.print = (element) => {
                    window.retailGiftReceipt = element.innerHTML;
                };
            },
        },
        {
            content: "Print the gift receipt",
            trigger: ".retail-gift-receipt",
            run: "click",
        },
        {
            content: "The gift receipt has the message and no price",
            trigger: "body",
            run: async () => {
                for (let i = 0; i < 50 && !window.retailGiftReceipt; i++) {
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                const html = window.retailGiftReceipt;
                if (!html || !html.includes(message)) {
                    throw new Error("The gift receipt lacks the guest's message");
                }
                if (html.includes(price)) {
                    throw new Error("A gift receipt shows no price");
                }
            },
        },
    ];
}

/** The order is synced (the server locks the list's items): a loaded machine
 * may take longer than a step's default 10 seconds. */
export function waitForReceipt() {
    return {
        content: "The order is synced and its receipt shown",
        trigger: ".receipt-screen .pos-receipt",
        timeout: 30000,
    };
}

/** The till has loaded (its assets and data): slow on a loaded machine. */
export function waitForTill() {
    return {
        content: "The till has loaded",
        trigger: ".screen-login .btn.open-register-btn",
        timeout: 60000,
    };
}
