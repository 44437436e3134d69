import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {PosOrderline} from "@point_of_sale/app/models/pos_order_line";
import {RAW_SYMBOL} from "@point_of_sale/app/models/related_models/utils";
import {patch} from "@web/core/utils/patch";
import {toRaw} from "@odoo/owl";
import {withOrderScope} from "@retail_promotions/app/utils/order_scope.esm";

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
 * line (PosOrderline.getBaseLine, most of the cost) is kept for the batch, keyed
 * by all the line's values, and reused while they stay the same.
 */

// Raw order -> its open batch: {depth, baseLines: base lines by line values and
// options}
const openBatches = new WeakMap();

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
 * Off, the till computes its prices as point_of_sale does: the benchmark
 * (tests/benchmarks/bench_promotions.py) turns it off for its native side.
 */
export const retailPriceBatching = {enabled: true};

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

patch(PosOrderline.prototype, {
    getBaseLine(opts = {}) {
        const order = this.order_id;
        const cache = order && openBatches.get(toRaw(order))?.baseLines;
        const key = cache && baseLineKey(this, opts);
        if (!key) {
            return super.getBaseLine(...arguments);
        }
        if (!cache.has(key)) {
            cache.set(key, super.getBaseLine(...arguments));
        }
        // the tax computation adds its results to the base line: a copy each time
        return {...cache.get(key)};
    },
});

patch(PosOrder.prototype, {
    /**
     * Runs `callback` (synchronous) with the price recomputations of this order
     * batched (see above); returns its result.
     */
    retailBatchPrices(callback) {
        if (!retailPriceBatching.enabled) {
            return callback();
        }
        return withOrderScope(
            openBatches,
            this,
            () => ({baseLines: new Map()}),
            callback,
            () => {
                if (this._prices?.retailStale || this._prices?.retailUnitStale) {
                    this._prices.retailStale = false;
                    this._prices.retailUnitStale = false;
                    super.triggerRecomputeAllPrices();
                }
            }
        );
    },
    triggerRecomputeAllPrices() {
        if (this._prices && openBatches.has(toRaw(this))) {
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
    _computeAllPrices() {
        const data = super._computeAllPrices(...arguments);
        if (!retailPriceBatching.enabled) {
            return data;
        }
        Object.defineProperty(data, "toJSON", {value: priceDataSummary});
        return data;
    },
    _updateRewardLines() {
        return this.retailBatchPrices(() => super._updateRewardLines(...arguments));
    },
    _applyReward() {
        return this.retailBatchPrices(() => super._applyReward(...arguments));
    },
});
