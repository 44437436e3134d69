import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as RetailSurveys from "@retail_surveys/../tests/tours/utils/retail_surveys_util.esm";
import {registry} from "@web/core/registry";

function sellAndValidate() {
    return [
        RetailSurveys.waitForTill(),
        Chrome.startPoS(),
        Dialog.confirm("Open Register"),
        ProductScreen.clickDisplayedProduct("Desk Pad"),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Bank"),
        PaymentScreen.clickValidate(),
        RetailSurveys.questionnaireIsShown("Checkout"),
    ].flat();
}

// Ten questions answered by keyboard: 5, 1, 2, 1, 2, 1, 2, 1, 2, 1 then Enter.
registry.category("web_tour.tours").add("RetailSurveysAnswerByKeyboardTour", {
    steps: () =>
        [
            sellAndValidate(),
            RetailSurveys.answerByKeys(["5", "1", "2", "1", "2", "1", "2", "1", "2"]),
            RetailSurveys.press("1"),
            RetailSurveys.answerIsChosen("How was your visit?", "5"),
            RetailSurveys.answerIsChosen("Question 10", "Q10 yes"),
            RetailSurveys.press("Enter"),
            RetailSurveys.isClosed(),
            ReceiptScreen.isShown(),
            Chrome.endTour(),
        ].flat(),
});

registry.category("web_tour.tours").add("RetailSurveysSkipTour", {
    steps: () =>
        [
            sellAndValidate(),
            RetailSurveys.press("4"),
            RetailSurveys.clickSkip(),
            RetailSurveys.isClosed(),
            ReceiptScreen.isShown(),
            Chrome.endTour(),
        ].flat(),
});

// The cashier working in Spanish: the questionnaire (its title, questions and
// answers as the head office translated them), its keys and buttons, the
// amounts and the receipt in Spanish.
registry.category("web_tour.tours").add("RetailSurveysAnswerByKeyboardTourEs", {
    steps: () =>
        [
            RetailSurveys.waitForTill(),
            Chrome.startPoS(),
            Dialog.confirm("Abrir caja registradora"),
            ProductScreen.clickDisplayedProduct("Desk Pad"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            RetailSurveys.questionnaireIsShown("Al pagar"),
            {
                content: "the keys are explained in Spanish",
                trigger:
                    ".o_retail_survey span:contains('1-5 responder · ↑↓ moverse · Intro terminar')",
            },
            {
                content: "the buttons are in Spanish: Omitir, Hecho",
                trigger:
                    ".o_retail_survey:has(.o_retail_survey_skip:contains('Omitir')) .o_retail_survey_done:contains('Hecho')",
            },
            RetailSurveys.answerByKeys(["5", "1", "2", "1", "2", "1", "2", "1", "2"]),
            RetailSurveys.press("1"),
            RetailSurveys.answerIsChosen("¿Qué tal su visita?", "5"),
            RetailSurveys.answerIsChosen("¿Ha encontrado todo?", "Sí"),
            RetailSurveys.press("Enter"),
            RetailSurveys.isClosed(),
            ReceiptScreen.isShown(),
            {
                content: "the receipt is in Spanish: served by, total 1,98",
                trigger:
                    ".pos-receipt:has(.cashier:contains('Servido por:')) .receipt-total:contains('1,98')",
            },
            Chrome.endTour(),
        ].flat(),
});
