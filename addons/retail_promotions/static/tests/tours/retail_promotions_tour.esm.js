import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailPromotions from "@retail_promotions/../tests/tours/utils/retail_promotions_util.esm";
import {refresh} from "@point_of_sale/../tests/generic_helpers/utils";
import {registry} from "@web/core/registry";

/**
 * Steps that wait for the server (opening the till, synchronising the paid
 * order, searching a customer) get 30 s instead of 10 s: the test machine is
 * shared and loaded.
 */
function patient(steps) {
    return [steps].flat(Infinity).map((step) => ({...step, timeout: 30000}));
}

/**
 * The baskets of tests/baskets/*.json, clicked in the till; the total shown is
 * checked here, and the synchronised order against the case in Python
 * (tests/test_frontend.py).
 */
function sellBasket(basket, total) {
    return [
        patient(Chrome.startPoS()),
        patient(Dialog.confirm("Open Register")),
        ...basket.map((entry) =>
            Array.isArray(entry) && typeof entry[0] === "string"
                ? RetailPromotions.addUnits(entry[0], entry[1])
                : entry
        ),
        PosLoyalty.orderTotalIs(total),
        RetailPromotions.pricesAreFresh(),
        RetailPromotions.rewardsAreNative(),
        RetailPromotions.rewardLinesAreNative(),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        PaymentScreen.clickValidate(),
        patient(ReceiptScreen.isShown()),
        Chrome.endTour(),
    ].flat();
}

// Case n_for_m_cheapest_free (and, out of its hours, full price)
registry.category("web_tour.tours").add("RetailPromotionsNForMTour", {
    steps: () =>
        sellBasket(
            [
                ["Promo Fancy Socks", 2],
                ["Promo Socks", 1],
                ["Promo Shirt", 1],
            ],
            "36.00"
        ),
});
// The same case, the cashier working in Spanish: the till's texts, the
// cashier's "Promotions" view, the amounts and the receipt in Spanish.
registry.category("web_tour.tours").add("RetailPromotionsNForMTourEs", {
    steps: () =>
        [
            patient(Chrome.startPoS()),
            patient(Dialog.confirm("Abrir caja registradora")),
            RetailPromotions.addUnits("Promo Fancy Socks", 2),
            RetailPromotions.addUnits("Promo Socks", 1),
            RetailPromotions.addUnits("Promo Shirt", 1),
            PosLoyalty.orderTotalIs("36,00"),
            ProductScreen.clickControlButton("Promociones"),
            {
                content: "the cashier's view is in Spanish: the promotion applied",
                trigger:
                    ".modal:has(.modal-title:contains('Promociones')) .retail-promotions-popup h5:contains('Aplicadas') + ul .retail-promotion-applied",
            },
            {
                content: "close the view (Cerrar)",
                trigger: ".modal-footer button:contains('Cerrar')",
                run: "click",
            },
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            patient(ReceiptScreen.isShown()),
            {
                content: "the receipt is in Spanish: served by, total 36,00",
                trigger:
                    ".pos-receipt:has(.cashier:contains('Servido por:')) .receipt-total:contains('36,00')",
            },
            Chrome.endTour(),
        ].flat(),
});
registry.category("web_tour.tours").add("RetailPromotionsOutOfHoursTour", {
    steps: () =>
        sellBasket(
            [
                ["Promo Fancy Socks", 2],
                ["Promo Socks", 1],
                ["Promo Shirt", 1],
                // the cashier sees why: not one of its week days
                ProductScreen.clickControlButton("Promotions"),
                {
                    content: "left out: not today, with the days it runs on",
                    trigger:
                        ".retail-promotion-left-out .retail-promotion-reason:contains('Not today: it runs on')",
                },
                {
                    content: "close the popup",
                    trigger: ".modal-footer button:contains('Close')",
                    run: "click",
                },
            ],
            "42.00"
        ),
});

// Case spend_discount_on_group
registry.category("web_tour.tours").add("RetailPromotionsSpendDiscountTour", {
    steps: () =>
        sellBasket(
            [
                ["Promo Shoes", 2],
                ["Promo Plain Socks", 1],
            ],
            "96.00"
        ),
});

// Case exclusive_wins
registry.category("web_tour.tours").add("RetailPromotionsExclusiveTour", {
    steps: () => sellBasket([["Promo Socks", 3]], "16.20"),
});

// Case n_fixed_price
registry.category("web_tour.tours").add("RetailPromotionsFixedPriceTour", {
    steps: () =>
        sellBasket(
            [
                ["Promo Fancy Socks", 2],
                ["Promo Socks", 2],
                ["Promo Shirt", 1],
            ],
            "36.00"
        ),
});

/**
 * The customer of a sale: chosen in the customer list, or, with a discount
 * card's `code`, typed with Enter Code (the card's holder becomes the customer).
 */
function setCustomer(customer, code) {
    if (code) {
        return patient([
            ...PosLoyalty.enterCode(code),
            ...(customer ? ProductScreen.customerIsSelected(customer) : []),
        ]);
    }
    return customer
        ? patient([
              ...ProductScreen.clickPartnerButton(),
              ...ProductScreen.clickCustomer(customer, true),
          ])
        : [];
}

/**
 * Several baskets of tests/baskets/*.json sold one after the other in one
 * session (each case has its own products): [[customer or null, basket, total,
 * discount card code (optional)]].
 */
function sellBaskets(sales) {
    return [
        patient(Chrome.startPoS()),
        patient(Dialog.confirm("Open Register")),
        // the opening dialog closes once the server answered (slow under load)
        patient(Dialog.isNot()),
        ...sales.map(([customer, basket, total, code]) => [
            setCustomer(customer, code),
            ...basket.map((entry) =>
                Array.isArray(entry) && typeof entry[0] === "string"
                    ? RetailPromotions.addUnits(entry[0], entry[1])
                    : entry
            ),
            PosLoyalty.orderTotalIs(total),
            RetailPromotions.rewardsAreNative(),
            RetailPromotions.rewardLinesAreNative(),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            patient(ReceiptScreen.isShown()),
            patient(ReceiptScreen.clickNextOrder()),
        ]),
        Chrome.endTour(),
    ].flat(Infinity);
}

// Cases n_for_m_repeated, n_for_m_five_for_three, unit_discounts,
// quantity_breaks_till, seasonal, customer_segment, discount_card,
// employee_ceiling, gift_article, spend_gift, spend_voucher, amount_voucher,
// n_for_m_not_reached, spend_discount_not_reached, customer_named,
// customer_not_member, discount_card_not_holder and employee_not_employee
// (test_frontend.py). The gift article of gift_article and spend_gift is added
// by the cashier, as pos_loyalty asks (the reward then makes it free).
registry.category("web_tour.tours").add("RetailPromotionsTypesTour", {
    steps: () =>
        sellBaskets([
            [
                null,
                [
                    ["Promo Repeat Fancy Socks", 3],
                    ["Promo Repeat Socks", 3],
                ],
                "28.00",
            ],
            [
                null,
                [
                    ["Promo Five Scarf", 2],
                    ["Promo Five Hat", 2],
                    ["Promo Five Gloves", 3],
                ],
                "40.00",
            ],
            [
                null,
                [
                    ["Promo Units Jeans", 1],
                    ["Promo Units Tee", 2],
                    ["Promo Units Cap", 1],
                    ["Promo Units Belt", 1],
                ],
                "47.00",
            ],
            [
                null,
                [
                    ["Promo Till Soap", 3],
                    ["Promo Till Gel", 2],
                ],
                "21.60",
            ],
            [
                null,
                [
                    ["Promo Season Dress", 1],
                    ["Promo Season Belt", 1],
                ],
                "38.00",
            ],
            [
                "Promo Gold Customer",
                [
                    ["Promo Gold Coat", 1],
                    ["Promo Gold Scarf", 1],
                ],
                "110.00",
            ],
            [
                "Promo Card Holder",
                [
                    ["Promo Card Bag", 2],
                    ["Promo Card Wrap", 1],
                ],
                "85.00",
            ],
            [
                "Promo Staff Member",
                [
                    ["Promo Staff Jacket", 1],
                    ["Promo Staff Socks", 1],
                ],
                "85.00",
            ],
            [
                null,
                [
                    ["Promo Gift Shirt", 1],
                    ["Promo Gift Tote", 1],
                ],
                "20.00",
            ],
            [
                null,
                [
                    ["Promo Spend Gift Shoes", 2],
                    ["Promo Spend Gift Tote", 1],
                ],
                "100.00",
            ],
            [null, [["Promo Voucher Shoes", 2]], "100.00"],
            [
                null,
                [
                    ["Promo Voucher Perfume", 2],
                    ["Promo Voucher Soap", 1],
                ],
                "280.00",
            ],
            [null, [["Promo Few Socks", 2]], "12.00"],
            [
                null,
                [
                    ["Promo Below Shoes", 1],
                    ["Promo Below Coat", 1],
                ],
                "110.00",
            ],
            ["Promo Named Customer", [["Promo Named Coat", 2]], "170.00"],
            ["Promo Silver Customer", [["Promo Silver Coat", 1]], "100.00"],
            ["Promo No Card Customer", [["Promo No Card Bag", 1]], "50.00"],
            ["Promo Guest Customer", [["Promo Guest Jacket", 1]], "100.00"],
        ]),
});

// Case discount_card, its card typed with Enter Code (the holder becomes the
// customer), then the card lent to another customer and the till reloaded
// before payment, then the cases with a 21 % tax: tax_n_for_m_excluded,
// tax_fixed_price_included, tax_unit_discounts_excluded and
// tax_quantity_breaks_included, then cumulative promotions on the same lines:
// cumulative_priority_order, cumulative_oldest_first and
// cumulative_three_on_what_is_left (test_frontend.py)
registry.category("web_tour.tours").add("RetailPromotionsCardTaxesTour", {
    steps: () =>
        sellBaskets([
            [
                "Promo Card Holder",
                [
                    ["Promo Card Bag", 2],
                    ["Promo Card Wrap", 1],
                ],
                "85.00",
                "RETAIL-TILL-CARD-1",
            ],
            [
                // the holder's card lent to a friend: the friend stays the
                // customer, the typed card gives the discount
                "Promo Card Friend",
                [
                    patient(PosLoyalty.enterCode("RETAIL-TILL-CARD-1")),
                    ProductScreen.customerIsSelected("Promo Card Friend"),
                    ["Promo Card Bag", 2],
                    PosLoyalty.orderTotalIs("80.00"),
                    // the till reloaded before payment (the order comes back
                    // from the browser's storage): the typed card still counts
                    refresh(),
                    patient(ProductScreen.productIsDisplayed("Promo Card Wrap")),
                    PosLoyalty.orderTotalIs("80.00"),
                    ["Promo Card Wrap", 1],
                ],
                "85.00",
            ],
            [null, [["Promo Tax Socks", 3]], "24.20"],
            [null, [["Promo Tax Cap", 3]], "25.00"],
            [null, [["Promo Tax Tee", 3]], "21.78"],
            [null, [["Promo Tax Pen", 10]], "21.78"],
            // cumulative_priority_order, cumulative_oldest_first
            [null, [["Promo Stack Socks", 3]], "21.78"],
            [null, [["Promo Stack Tee", 3]], "21.78"],
            // cumulative_three_on_what_is_left
            [null, [["Promo Triple Socks", 3]], "18.15"],
        ]),
});

// Cases quantity_breaks, quantity_breaks_top (60 units typed on the numpad),
// unit_discounts_second_only and n_fixed_price_two_sets (test_frontend.py): in a
// session of their own, as their products or programs share names with the
// cases above
registry.category("web_tour.tours").add("RetailPromotionsMoreTypesTour", {
    steps: () =>
        sellBaskets([
            [
                null,
                [
                    ["Promo Break Pen", 8],
                    ["Promo Break Pencil", 4],
                ],
                "19.00",
            ],
            [
                null,
                [
                    ProductScreen.addOrderline("Promo Top Break Pen", "60"),
                    ["Promo Top Break Folder", 1],
                ],
                "113.00",
            ],
            [null, [["Promo Pair Tee", 5]], "40.00"],
            [
                null,
                [
                    ["Promo Fancy Socks", 4],
                    ["Promo Socks", 3],
                ],
                "26.00",
            ],
        ]),
});
