import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";

/** From the product screen: send the pick-up message of the store's
 * reservation of `customer`. */
export function sendPickupMessage(customer) {
    return [
        ProductScreen.clickControlButton("Pick-up Message"),
        {
            content: `Choose the reservation of ${customer}`,
            trigger: `.modal .o_data_row td:contains("${customer}")`,
            run: "click",
        },
        {
            content: "The customer was told",
            trigger: ".o_notification:contains(Told: 1)",
        },
    ].flat();
}
