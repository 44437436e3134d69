import {PosStore} from "@point_of_sale/app/services/pos_store";
import {RetailSurveyDialog} from "@retail_surveys/app/components/retail_survey_dialog/retail_survey_dialog.esm";
import {makeAwaitable} from "@point_of_sale/app/utils/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";
import {
    pickSurveyRule,
    retailOrderNumber,
} from "@retail_surveys/app/utils/retail_survey_rules.esm";
import {retailStoreNow} from "@retail_customer/app/utils/retail_schedule.esm";

patch(PosStore.prototype, {
    /** The asking rule of the store that applies to this order, or null. */
    retailSurveyRuleFor(order) {
        const rules = this.models["retail.survey.rule"]?.getAll() || [];
        if (!rules.length || order.retail_survey_payload) {
            return null;
        }
        return pickSurveyRule(rules, {
            amount: order.priceIncl,
            identified: Boolean(order.partner_id),
            orderNumber: retailOrderNumber(order.pos_reference),
            moment: retailStoreNow(this.config),
        });
    },

    /**
     * Ask the store questionnaire of a validated order and keep the answers
     * on the order: they travel with it in the normal order sync. Never
     * throws: a questionnaire must not stop a sale.
     */
    async retailAskSurvey(order) {
        try {
            const rule = this.retailSurveyRuleFor(order);
            const survey = rule?.retail_pos_payload;
            if (!survey?.questions?.length) {
                return;
            }
            const result = await makeAwaitable(this.dialog, RetailSurveyDialog, {
                title: survey.title,
                questions: survey.questions,
                allowSkip: Boolean(rule.allow_skip),
            });
            order.retail_survey_payload = {
                survey_id: survey.id,
                rule_id: rule.id,
                ...(result || {status: "skipped", duration: 0, answers: []}),
            };
        } catch (error) {
            console.warn("retail_surveys: questionnaire not asked", error);
        }
    },
});
