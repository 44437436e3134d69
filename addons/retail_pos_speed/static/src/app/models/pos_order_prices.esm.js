import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {RAW_SYMBOL} from "@point_of_sale/app/models/related_models/utils";
import {accountTaxHelpers} from "@account/helpers/account_tax";
import {patch} from "@web/core/utils/patch";
import {toRaw} from "@odoo/owl";
import {
    retailOpenScope,
    retailSpeedState,
    withOrderScope,
} from "@retail_pos_speed/natives/order_scope.esm";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";

/**
 * Batched price computation while the till recomputes its promotions.
 *
 * point_of_sale recomputes the taxes of the whole order (four tax computations of
 * every line) each time a line is created, changed or deleted
 * (PosOrderAccounting.triggerRecomputeAllPrices). pos_loyalty's
 * _updateRewardLines deletes and re-creates every reward line at each update: with
 * 18 reward lines on a 50-line basket, that is about 40 full recomputations, most
 * of them of a state nobody reads. Inside a batch, a recomputation only marks the
 * prices stale; whoever reads them (`order.prices`, `line.prices`, the totals)
 * gets them recomputed first, so every read still sees the prices of the current
 * lines; when the batch ends, the prices are recomputed once, as point_of_sale
 * does, if anything changed. Outside a batch nothing changes.
 *
 * Inside a batch, only reward lines come and go: the tax computation's input of a
 * line (PosOrderline.getBaseLine, most of the cost) is kept for the batch
 * (batchBaseLine), keyed by all the line's values, and reused while they stay the
 * same. So are the tax details of the lines that did not change
 * (retailAddRoundedTaxDetails): the account helpers round the tax details of a
 * document in groups of lines that
 * never mix refund lines (negative amounts: the reward lines of discounts) with
 * the others (the grouping keys of round_tax_details_tax_amounts and
 * round_tax_details_base_lines hold `is_refund`), with both tax rounding
 * methods; so the rounded details of the sold lines do not depend on the reward
 * lines, and are computed again only when one of the sold lines changed. The
 * order's totals (get_tax_totals_summary) are computed over every line each time.
 *
 * The batch is used while point_of_sale's triggerRecomputeAllPrices and
 * _computeAllPrices are the Odoo 19.0 code it was written for (retailSpeedUses), and
 * while the lines keep their values under point_of_sale's RAW_SYMBOL.
 *
 * An order's batch is its "prices" scope ({depth, baseLines: base lines by line
 * values and options, taxDetails: rounded tax details of a partition of the lines,
 * by options and partition}), its "pricesClosing" scope while the prices are
 * computed once at its end.
 */

// Base line given inside a batch -> the key of its values (baseLineKey): a
// property of the base line, which only lives while the batch computes
const baseLineKeys = new WeakMap();

function batchOf(order) {
    return retailOpenScope(order, "prices") || retailOpenScope(order, "pricesClosing");
}

/** A copy of rounded tax details that the computations after them may change. */
function copyTaxDetails(taxDetails) {
    return {
        ...taxDetails,
        taxes_data: taxDetails.taxes_data.map((taxData) => ({...taxData})),
    };
}

/**
 * Adds the rounded tax details to `baseLines`, as account's
 * add_tax_details_in_base_lines and round_base_lines_tax_details do, computing
 * again only the partitions (refund lines or not, see above) whose lines changed
 * since the batch last computed them with the same options.
 */
function retailAddRoundedTaxDetails(baseLines, company, cache, optionsKey) {
    const partitions = [false, true].map((refund) => ({
        refund,
        lines: baseLines.filter((baseLine) => Boolean(baseLine.is_refund) === refund),
    }));
    for (const {refund, lines} of partitions) {
        if (!lines.length) {
            continue;
        }
        const keys = lines.map((baseLine) => baseLineKeys.get(baseLine));
        const cacheable = keys.every(Boolean);
        const cacheKey = `${optionsKey}|${refund}`;
        const known = cacheable && cache.get(cacheKey);
        if (
            known &&
            known.keys.length === keys.length &&
            known.keys.every((key, index) => key === keys[index])
        ) {
            lines.forEach((baseLine, index) => {
                baseLine.tax_details = copyTaxDetails(known.taxDetails[index]);
            });
            continue;
        }
        accountTaxHelpers.add_tax_details_in_base_lines(lines, company);
        accountTaxHelpers.round_base_lines_tax_details(lines, company);
        if (cacheable) {
            cache.set(cacheKey, {
                keys,
                taxDetails: lines.map((baseLine) =>
                    copyTaxDetails(baseLine.tax_details)
                ),
            });
        }
    }
}

/** JSON of a line's values: x2many sets as lists, records as their id. */
function lineValue(_key, value) {
    if (value instanceof Set) {
        return [...value];
    }
    if (value && typeof value === "object" && value.model?.name && "id" in value) {
        return `${value.model.name},${value.id}`;
    }
    return value;
}

/** The key of a line's base line: its values, its own "_" values, the options. */
function baseLineKey(line, opts) {
    const raw = toRaw(line);
    const own = Object.keys(raw)
        .filter((name) => name.startsWith("_"))
        .map((name) => [name, raw[name]]);
    try {
        return JSON.stringify([raw[RAW_SYMBOL], own, opts], lineValue);
    } catch {
        // a value that cannot be serialised: not cached
        return undefined;
    }
}

/**
 * Summary of a price computation for point_of_sale's log (logPosMessage
 * serialises its arguments with JSON.stringify): the computation holds the order's
 * records, whose graph is circular, so the log would hold "[object Object]" after
 * walking through the records; it holds the totals instead.
 */
function priceDataSummary() {
    const details = this.taxDetails || {};
    return {
        lines: this.baseLines?.length,
        base_amount: details.base_amount,
        tax_amount: details.tax_amount,
        total_amount: details.total_amount,
    };
}

/**
 * The base line of `line` (PosOrderline.getBaseLine with `opts`), kept by the
 * batch for the line's values.
 */
function batchBaseLine(line, opts, batch) {
    const key = baseLineKey(line, opts);
    if (!key) {
        return line.getBaseLine(opts);
    }
    if (!batch.baseLines.has(key)) {
        batch.baseLines.set(key, line.getBaseLine(opts));
    }
    // the tax computation adds its results to the base line: a copy each time
    const baseLine = {...batch.baseLines.get(key)};
    baseLineKeys.set(baseLine, key);
    return baseLine;
}

patch(PosOrder.prototype, {
    /**
     * Runs `callback` (synchronous) with the price recomputations of this order
     * batched (see above); returns its result.
     */
    retailBatchPrices(callback) {
        if (!this.retailPricesBatched()) {
            return callback();
        }
        return withOrderScope(
            this,
            "prices",
            () => ({baseLines: new Map(), taxDetails: new Map()}),
            callback,
            (batch) => {
                if (this._prices?.retailStale || this._prices?.retailUnitStale) {
                    this._prices.retailStale = false;
                    this._prices.retailUnitStale = false;
                    // once, with what the batch kept of the lines that did not change
                    const state = retailSpeedState(this);
                    state.pricesClosing = batch;
                    try {
                        super.triggerRecomputeAllPrices();
                    } finally {
                        delete state.pricesClosing;
                    }
                }
            }
        );
    },
    /**
     * Whether the price computations of this order may be batched: the native
     * functions are those the batch was written for.
     */
    retailPricesBatched() {
        // each asked (and reported when it differs), then all of them
        return [
            typeof RAW_SYMBOL === "symbol",
            retailSpeedUses(
                this.config,
                "PosOrder.triggerRecomputeAllPrices",
                super.triggerRecomputeAllPrices
            ),
            retailSpeedUses(
                this.config,
                "PosOrder._computeAllPrices",
                super._computeAllPrices
            ),
        ].every(Boolean);
    },
    triggerRecomputeAllPrices() {
        if (this._prices && retailOpenScope(this, "prices")) {
            // reactive writes: the cached price getters are invalidated
            this._prices.retailStale = true;
            this._prices.retailUnitStale = true;
            return;
        }
        return super.triggerRecomputeAllPrices(...arguments);
    },
    get prices() {
        if (this._prices.retailStale) {
            this._prices.original = this._constructPriceData();
            this._prices.retailStale = false;
        }
        return super.prices;
    },
    get unitPrices() {
        if (this._prices.retailUnitStale) {
            this._prices.unit = this._constructPriceData({baseLineOpts: {quantity: 1}});
            this._prices.retailUnitStale = false;
        }
        return super.unitPrices;
    },
    _computeAllPrices(opts = {}) {
        const batch = batchOf(this);
        const data =
            batch && Object.keys(opts).every((option) => option === "baseLineOpts")
                ? this._retailComputeAllPrices(opts, batch)
                : super._computeAllPrices(...arguments);
        if (!batch) {
            return data;
        }
        Object.defineProperty(data, "toJSON", {value: priceDataSummary});
        return data;
    },
    /**
     * point_of_sale's _computeAllPrices (19.0) over every line of the order, line
     * for line, with the rounded tax details of the lines that did not change
     * kept by the batch (retailAddRoundedTaxDetails). The tours compare the
     * prices the till ends with to a computation of point_of_sale's own.
     */
    _retailComputeAllPrices(opts, batch) {
        const currency = this.currency;
        const documentSign = this.isRefund ? -1 : 1;
        const company = this.company;
        const baseLines = this.lines.map((line) =>
            batchBaseLine(
                line,
                {
                    quantity: line.qty,
                    price_unit: line.price_unit,
                    ...(opts.baseLineOpts || {}),
                },
                batch
            )
        );
        retailAddRoundedTaxDetails(
            baseLines,
            company,
            batch.taxDetails,
            JSON.stringify(opts.baseLineOpts || {})
        );
        const cashRounding = this.config.cash_rounding
            ? this.config.rounding_method
            : null;
        const data = accountTaxHelpers.get_tax_totals_summary(
            baseLines,
            currency,
            company,
            {
                cash_rounding: cashRounding,
            }
        );
        const total =
            data.total_amount_currency -
            (data.cash_rounding_base_amount_currency || 0.0);
        data.order_sign = documentSign;
        data.total_amount_no_rounding = total;
        const baseLineByLineUuids = baseLines.reduce((byUuid, baseLine) => {
            byUuid[baseLine.record.uuid] = baseLine;
            return byUuid;
        }, {});
        return {taxDetails: data, baseLines, baseLineByLineUuids};
    },
    _updateRewardLines() {
        return this.retailBatchPrices(() => super._updateRewardLines(...arguments));
    },
    _applyReward() {
        return this.retailBatchPrices(() => super._applyReward(...arguments));
    },
});
