import OrderPaymentValidation from "@point_of_sale/app/utils/order_payment_validation";
import {patch} from "@web/core/utils/patch";

patch(OrderPaymentValidation.prototype, {
    /** After the order is checked and paid, before it is saved and synced. */
    async shouldHideValidationBehindFeedbackScreen() {
        await this.pos.retailAskSurvey(this.order);
        return super.shouldHideValidationBehindFeedbackScreen(...arguments);
    },
});
