/**
 * The asking rules of the store questionnaires, as the server applies them in
 * retail.survey.rule._retail_pick (same order, same tests): the first active
 * rule of the store, by priority (sequence, then id), whose period, week days
 * and hours, customer, amount and frequency conditions match the order.
 */
import {retailScheduleMatches} from "@retail_customer/app/utils/retail_schedule.esm";

function isoDate(value) {
    if (!value) {
        return false;
    }
    return typeof value === "string" ? value.slice(0, 10) : value.toISODate();
}

/** The till's running number at the end of the order reference (0 if none). */
export function retailOrderNumber(posReference) {
    const tail = (posReference || "").split("-").pop();
    return /^\d+$/.test(tail) ? parseInt(tail, 10) : 0;
}

/**
 * @param {Object} rule a loaded retail.survey.rule
 * @param {Object} context {amount, identified, orderNumber, moment (luxon
 *     DateTime in the store's time zone)}
 */
export function ruleApplies(rule, {amount, identified, orderNumber, moment}) {
    const today = moment.toISODate();
    const from = isoDate(rule.date_from);
    const to = isoDate(rule.date_to);
    if ((from && today < from) || (to && today > to)) {
        return false;
    }
    if (!retailScheduleMatches(rule, moment)) {
        return false;
    }
    if (rule.identified_only && !identified) {
        return false;
    }
    if (amount < (rule.min_amount || 0)) {
        return false;
    }
    return (
        rule.frequency === "every" ||
        (orderNumber > 0 && orderNumber % Math.max(rule.every_n || 1, 1) === 0)
    );
}

export function pickSurveyRule(rules, context) {
    const sorted = [...rules].sort((a, b) => a.sequence - b.sequence || a.id - b.id);
    return sorted.find((rule) => ruleApplies(rule, context)) || null;
}
