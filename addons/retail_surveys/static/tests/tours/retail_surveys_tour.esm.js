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
