import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as Numpad from "@point_of_sale/../tests/generic_helpers/numpad_util";
import * as TextInputPopup from "@point_of_sale/../tests/generic_helpers/text_input_popup_util";

/** Type a card number (or barcode) in the gift card prompt and apply it. */
export function enterCard(number) {
    return [
        Dialog.is({title: "gift card"}),
        TextInputPopup.inputText(number),
        Dialog.confirm("Apply"),
    ];
}

/** Type the card's PIN in the PIN prompt and apply it. */
export function enterPin(pin) {
    return [
        Dialog.is({title: "PIN of gift card"}),
        TextInputPopup.inputText(pin),
        Dialog.confirm("Apply"),
    ];
}

/**
 * The load prompt shows the card's balance as money of the till's currency
 * (`symbol`), never as points.
 */
export function balanceIs(code, balance, symbol = "$") {
    return [
        {
            content: `card ${code} shows balance ${symbol} ${balance}`,
            trigger: `.modal .modal-header:contains("${code}"):contains("${balance}"):contains("${symbol}")`,
        },
        {
            content: `card ${code}: its balance is money, not points`,
            trigger: `.modal .modal-header:contains("${code}"):not(:contains("Points"))`,
        },
    ];
}

/** Load `amount` on the card whose load prompt is open. */
export function loadAmount(amount) {
    return [...Numpad.enterValue(amount), Dialog.confirm("Load")];
}
