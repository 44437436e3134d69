import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as Numpad from "@point_of_sale/../tests/generic_helpers/numpad_util";
import * as TextInputPopup from "@point_of_sale/../tests/generic_helpers/text_input_popup_util";

/**
 * The gift card texts of the till the tours read, in the cashier's language:
 * English, and Spanish as the catalogs of point_of_sale, pos_loyalty and
 * retail_giftcard translate them.
 */
export const GIFTCARD_TEXTS = {
    en: {
        giftCard: "gift card",
        pinOf: "PIN of gift card",
        apply: "Apply",
        loadCard: "Load card",
        load: "Load",
        points: "Points",
        decimal: ".",
    },
    es: {
        giftCard: "tarjeta regalo",
        pinOf: "PIN de la tarjeta regalo",
        apply: "Aplicar",
        loadCard: "Cargar la tarjeta",
        load: "Cargar",
        points: "Puntos",
        decimal: ",",
    },
};

/** Type a card number (or barcode) in the gift card prompt and apply it. */
export function enterCard(number, texts = GIFTCARD_TEXTS.en) {
    return [
        Dialog.is({title: texts.giftCard}),
        TextInputPopup.inputText(number),
        Dialog.confirm(texts.apply),
    ];
}

/** Type the card's PIN in the PIN prompt and apply it. */
export function enterPin(pin, texts = GIFTCARD_TEXTS.en) {
    return [
        Dialog.is({title: texts.pinOf}),
        TextInputPopup.inputText(pin),
        Dialog.confirm(texts.apply),
    ];
}

/**
 * The load prompt shows the card's balance as money of the till's currency
 * (`symbol`), never as points.
 */
export function balanceIs(code, balance, symbol = "$", texts = GIFTCARD_TEXTS.en) {
    const header = `.modal .modal-header:contains("${texts.loadCard} ${code}")`;
    return [
        {
            content: `card ${code} shows balance ${symbol} ${balance}`,
            trigger: `${header}:contains("${balance}"):contains("${symbol}")`,
        },
        {
            content: `card ${code}: its balance is money, not points`,
            trigger: `${header}:not(:contains("${texts.points}"))`,
        },
    ];
}

/** Load `amount` on the card whose load prompt is open. */
export function loadAmount(amount, texts = GIFTCARD_TEXTS.en) {
    return [...Numpad.enterValue(amount), Dialog.confirm(texts.load)];
}
