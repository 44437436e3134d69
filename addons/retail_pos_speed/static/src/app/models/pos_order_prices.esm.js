import "@pos_loyalty/app/models/pos_order";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {RAW_SYMBOL} from "@point_of_sale/app/models/related_models/utils";
import {accountTaxHelpers} from "@account/helpers/account_tax";
import {patch} from "@web/core/utils/patch";
import {markRaw, toRaw} from "@odoo/owl";
import {
    retailOpenScope,
    retailSpeedState,
    withOrderScope,
} from "@retail_pos_speed/natives/order_scope.esm";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";

/**
 * Prices computed when read, from what the order keeps of its lines.
 *
 * point_of_sale recomputes the taxes of the whole order (four tax computations of
 * every line) each time a line is created, changed or deleted
 * (PosOrderAccounting.triggerRecomputeAllPrices): a scanned line is created,
 * merged into the line of the same product, then deleted, three recomputations
 * of which only the last is read; pos_loyalty's _updateRewardLines deletes and
 * re-creates every reward line at each update: with 18 reward lines on a
 * 50-line basket, that is about 40 full recomputations, most of them of a state
 * nobody reads. Here a recomputation only marks the prices stale; whoever reads
 * them (`order.prices`, `line.prices`, the totals) gets them recomputed first,
 * so every read still sees the prices of the current lines. While pos_loyalty
 * updates the reward lines (a batch), the prices are recomputed once more when
 * the batch ends, as point_of_sale does, if anything changed.
 *
 * A computation is point_of_sale's _computeAllPrices, line for line, with what
 * the order keeps of its lines (priceCache): the tax computation's input of a
 * line (PosOrderline.getBaseLine, most of the cost: it lists the line's own
 * values) is kept and reused while the line keeps its values: the order keeps
 * every value of each line it read (every field, every own "_" value) and
 * compares them, value by value, at the next computation (lineState,
 * keepsSnapshot), instead of serialising every line each time. What a base line
 * reads besides its line (the products, taxes, fiscal positions, currencies,
 * the order's fiscal position...) is watched (retailWatchPriceData): any change
 * of it drops what the orders keep. So are the tax details of the lines that
 * did not change (retailAddRoundedTaxDetails): the account helpers round the tax
 * details of a document in groups of lines that
 * never mix refund lines (negative amounts: the reward lines of discounts) with
 * the others (the grouping keys of round_tax_details_tax_amounts and
 * round_tax_details_base_lines hold `is_refund`), with both tax rounding
 * methods; so the rounded details of the sold lines do not depend on the reward
 * lines, and are computed again only when one of the sold lines changed. The
 * order's totals (get_tax_totals_summary) are computed over every line when they
 * are read: pos_loyalty reads the prices of lines far more often than the
 * totals while it updates the rewards. The prices computed are read as they
 * are, not through the till's reactive proxies (a computation is never changed,
 * a new one replaces it); point_of_sale logs a summary of them, not their
 * records (retailConstructPriceData skips the log of those read inside a batch;
 * the computation at the batch's end is point_of_sale's, logged).
 *
 * Used while point_of_sale's triggerRecomputeAllPrices and _computeAllPrices are
 * the Odoo 19.0 code it was written for (retailSpeedUses), and while the lines
 * keep their values under point_of_sale's RAW_SYMBOL; the prices read inside a
 * batch skip the log while _constructPriceData is the Odoo 19.0 code. Without
 * the watch (the layer switched on after the till loaded), the lines' base lines
 * are kept for a batch only.
 *
 * An order's batch is its "prices" scope ({depth, cache: what it keeps without
 * the watch}), its "pricesClosing" scope while the prices are computed once at
 * its end; what the order keeps is its "priceCache" ({generation, lineStates: raw
 * line -> {snapshot, key, baseLines: {baseLine, key} by options}, lineStateCount,
 * taxDetails: rounded tax details of a partition of the lines, by options and
 * partition}).
 */

// Base line given by the cache -> the key of its values (cachedBaseLine): a
// property of the base line, which only lives while the prices are computed
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
 * since the order last computed them with the same options (`cache`: what the
 * order keeps, priceCache).
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

/** Whether `value` is a record of the till. */
function isRecord(value) {
    return Boolean(
        value && typeof value === "object" && value.model?.name && "id" in value
    );
}

/** JSON of a value of a line: x2many sets as lists, records as their id. */
function jsonValue(_key, value) {
    if (value instanceof Set) {
        return [...value];
    }
    if (isRecord(value)) {
        return `${value.model.name},${value.id}`;
    }
    return value;
}

/** The JSON of an object value of a line, as the batch keeps it. */
class JsonValue {
    constructor(text) {
        this.text = text;
    }
}

// A value of a line that cannot be compared (not serialisable)
const UNCOMPARABLE = Symbol("uncomparable");

/**
 * A value of a line as the batch keeps it to compare: the value itself, the
 * list of ids of an x2many set, the raw record of a record, the JSON of any
 * other object.
 */
function keptValue(value) {
    if (!value || typeof value !== "object") {
        return value;
    }
    if (value instanceof Set) {
        return [...value];
    }
    if (isRecord(value)) {
        return toRaw(value);
    }
    try {
        return new JsonValue(JSON.stringify(value, jsonValue));
    } catch {
        return UNCOMPARABLE;
    }
}

/** Whether `value` is still the value the batch kept (`known`, keptValue). */
function sameValue(known, value) {
    if (!value || typeof value !== "object") {
        return known === value;
    }
    if (value instanceof Set) {
        if (!Array.isArray(known) || known.length !== value.size) {
            return false;
        }
        let index = 0;
        for (const item of value) {
            if (known[index++] !== item) {
                return false;
            }
        }
        return true;
    }
    if (isRecord(value)) {
        return known === toRaw(value);
    }
    const kept = keptValue(value);
    return known instanceof JsonValue && kept instanceof JsonValue
        ? known.text === kept.text
        : false;
}

/**
 * The values of a line kept to compare: its fields (its raw values) and its own
 * "_" values ({fields: names and values in turn, own: the same}); undefined
 * when one cannot be compared.
 */
function lineSnapshot(raw) {
    const fields = [];
    const values = raw[RAW_SYMBOL];
    for (const name in values) {
        fields.push(name, keptValue(values[name]));
    }
    const own = [];
    for (const name of Object.keys(raw)) {
        if (name.startsWith("_")) {
            own.push(name, keptValue(raw[name]));
        }
    }
    return fields.includes(UNCOMPARABLE) || own.includes(UNCOMPARABLE)
        ? undefined
        : {fields, own};
}

/**
 * Whether the line `raw` still has the values of `snapshot`: every field, and
 * each own "_" value the line had when the batch read it. The names of a
 * record's own values are not listed again at each computation (listing the own
 * properties of a record, a proxy holding a cached getter per getter of its
 * class, costs more than the rest of the computation): the batch runs
 * synchronously, and pos_loyalty's update only gives own values to the reward
 * lines it creates, as their creation values.
 */
function keepsSnapshot(raw, snapshot) {
    const values = raw[RAW_SYMBOL];
    const {fields, own} = snapshot;
    let index = 0;
    for (const name in values) {
        if (
            index >= fields.length ||
            fields[index] !== name ||
            !sameValue(fields[index + 1], values[name])
        ) {
            return false;
        }
        index += 2;
    }
    if (index !== fields.length) {
        return false;
    }
    for (let ownIndex = 0; ownIndex < own.length; ownIndex += 2) {
        if (!sameValue(own[ownIndex + 1], raw[own[ownIndex]])) {
            return false;
        }
    }
    return true;
}

/**
 * What `cache` keeps of `line` while it keeps its values ({snapshot, key,
 * baseLines: {baseLine, key} by options}): the same while the line keeps the values
 * it had when the cache last read it (keepsSnapshot), a new one (a new key, no
 * base line) when one of them changed; undefined when a value cannot be
 * compared (the line's base line is then not kept).
 */
function lineState(line, cache) {
    const raw = toRaw(line);
    const known = cache.lineStates.get(raw);
    if (known && keepsSnapshot(raw, known.snapshot)) {
        return known;
    }
    const snapshot = lineSnapshot(raw);
    if (!snapshot) {
        cache.lineStates.delete(raw);
        return undefined;
    }
    const state = {
        snapshot,
        key: `${raw[RAW_SYMBOL].uuid}#${cache.lineStateCount++}`,
        baseLines: new Map(),
    };
    cache.lineStates.set(raw, state);
    return state;
}

/** Drops what `cache` keeps of the lines no longer in `lines`. */
function pruneLineStates(cache, lines) {
    if (cache.lineStates.size <= 2 * lines.length + 16) {
        return;
    }
    const current = new Set(lines.map((line) => toRaw(line)));
    for (const raw of [...cache.lineStates.keys()]) {
        if (!current.has(raw)) {
            cache.lineStates.delete(raw);
        }
    }
}

function newPriceCache(generation) {
    return {
        generation,
        lineStates: new Map(),
        lineStateCount: 0,
        taxDetails: new Map(),
    };
}

/**
 * What the order keeps of its lines for its price computations (see above):
 * kept while the data a line's base line reads besides the line did not change
 * (the configuration's generation, retailWatchPriceData); without that watch,
 * for the open batch only (undefined outside one).
 */
function priceCache(order) {
    const generation = toRaw(order.config)?.retailPriceGeneration;
    if (generation === undefined) {
        const batch = batchOf(order);
        if (batch) {
            batch.cache ||= newPriceCache();
        }
        return batch?.cache;
    }
    const state = retailSpeedState(order);
    if (state.priceCache?.generation !== generation) {
        state.priceCache = newPriceCache(generation);
    }
    return state.priceCache;
}

// Models whose changes a line's base line does not read: the lines (their
// values are compared), the payments, the coupons; and of the orders, any field
// but point_of_sale's accounting fields
const PRICE_DATA_IGNORED = new Set(["pos.order.line", "pos.payment", "loyalty.card"]);

/**
 * Watches the data a line's base line reads besides the line (products, taxes,
 * fiscal positions, currencies, units, the configuration...): any record of the
 * till created, changed or deleted (as the till loads data from the server, or
 * the till's code writes it) moves the configuration's generation on, and the
 * orders compute their lines' base lines again.
 */
export function retailWatchPriceData(config, models) {
    const raw = toRaw(config);
    if (raw.retailPriceGeneration !== undefined) {
        return;
    }
    Object.defineProperty(raw, "retailPriceGeneration", {value: 0, writable: true});
    const moveOn = () => {
        raw.retailPriceGeneration++;
    };
    const accountingFields = new Set(["pricelist_id", "fiscal_position_id"]);
    for (const name of Object.keys(toRaw(models))) {
        const model = models[name];
        if (
            PRICE_DATA_IGNORED.has(name) ||
            typeof model?.addEventListener !== "function"
        ) {
            continue;
        }
        if (name === "pos.order") {
            model.addEventListener("update", (data) => {
                if (data.fields?.some((field) => accountingFields.has(field))) {
                    moveOn();
                }
            });
            continue;
        }
        for (const event of ["create", "update", "delete"]) {
            model.addEventListener(event, moveOn);
        }
    }
}

/**
 * A lazy property `name` of `data`: `compute()` runs when it is first read (or
 * never, when nobody reads it), then it is a plain property.
 */
function defineLazy(data, name, compute) {
    const settle = (value) =>
        Object.defineProperty(data, name, {
            value,
            writable: true,
            enumerable: true,
            configurable: true,
        });
    Object.defineProperty(data, name, {
        get() {
            const value = compute();
            settle(value);
            return value;
        },
        set(value) {
            settle(value);
        },
        enumerable: true,
        configurable: true,
    });
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
 * The base line of `line` (PosOrderline.getBaseLine with its quantity, its
 * price and `baseLineOpts`, as point_of_sale's _computeAllPrices asks it, read
 * from the line as it is, not through the till's reactive proxies), kept by
 * `cache` while the line keeps its values (lineState); `optsKey` is the JSON of
 * `baseLineOpts`.
 */
function cachedBaseLine(line, baseLineOpts, optsKey, cache) {
    const baseLineOf = () =>
        line.getBaseLine({
            quantity: line.qty,
            price_unit: line.price_unit,
            ...(baseLineOpts || {}),
        });
    const state = lineState(line, cache);
    if (!state) {
        return baseLineOf();
    }
    let kept = state.baseLines.get(optsKey);
    if (!kept) {
        kept = {baseLine: baseLineOf(), key: `${state.key}|${optsKey}`};
        state.baseLines.set(optsKey, kept);
    }
    // the tax computation adds its results to the base line: a copy each time
    const baseLine = {...kept.baseLine};
    baseLineKeys.set(baseLine, kept.key);
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
            () => ({}),
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
     * Whether the prices of this order may be computed when read, batched and
     * from what the order keeps: the native functions are those this was written
     * for.
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
    /**
     * The prices marked stale, computed again when read (see above): inside a
     * batch, and outside one, where a scanned line is created, merged into the
     * line of the same product and deleted (three recomputations of every line
     * in point_of_sale, of which only the last is read).
     */
    triggerRecomputeAllPrices() {
        if (
            this._prices &&
            (retailOpenScope(this, "prices") || this.retailPricesBatched())
        ) {
            // reactive writes: the cached price getters are invalidated
            this._prices.retailStale = true;
            this._prices.retailUnitStale = true;
            return;
        }
        return super.triggerRecomputeAllPrices(...arguments);
    },
    get prices() {
        if (this._prices.retailStale) {
            this._prices.original = this.retailPriceData();
            this._prices.retailStale = false;
        }
        return super.prices;
    },
    get unitPrices() {
        if (this._prices.retailUnitStale) {
            this._prices.unit = this.retailPriceData({baseLineOpts: {quantity: 1}});
            this._prices.retailUnitStale = false;
        }
        return super.unitPrices;
    },
    /**
     * The prices of the order read inside a batch: point_of_sale's
     * _constructPriceData, without its log of each computation while the batch
     * runs (retailConstructPriceData; the computation at the batch's end is
     * point_of_sale's, logged), while _constructPriceData is the Odoo 19.0 code
     * it was written for.
     */
    retailPriceData(opts = {}) {
        if (
            batchOf(this) &&
            retailSpeedUses(
                this.config,
                "PosOrder._constructPriceData",
                super._constructPriceData
            )
        ) {
            return this.retailConstructPriceData(opts);
        }
        return this._constructPriceData(opts);
    },
    /** point_of_sale's _constructPriceData (19.0), without its log. */
    retailConstructPriceData(opts = {}) {
        const data = this._computeAllPrices(opts);
        const noDiscount = this._computeAllPrices({
            baseLineOpts: {discount: 0.0},
            ...opts,
        });
        const currency = this.currency;
        for (const key of Object.keys(data.baseLineByLineUuids)) {
            const ndData = noDiscount.baseLineByLineUuids[key].tax_details;
            const dData = data.baseLineByLineUuids[key].tax_details;
            Object.assign(data.baseLineByLineUuids[key].tax_details, {
                discount_amount: currency.round(
                    ndData.total_included - dData.total_included
                ),
                no_discount_total_excluded: ndData.total_excluded,
                no_discount_total_included: ndData.total_included,
                no_discount_total_included_currency: ndData.total_included_currency,
                no_discount_total_excluded_currency: ndData.total_excluded_currency,
                no_discount_taxes_data: ndData.taxes_data,
                no_discount_delta_total_excluded: ndData.delta_total_excluded,
                no_discount_delta_total_included: ndData.delta_total_included,
            });
        }
        return data;
    },
    _computeAllPrices(opts = {}) {
        const cache =
            Object.keys(opts).every((option) => option === "baseLineOpts") &&
            (batchOf(this) || this.retailPricesBatched()) &&
            priceCache(this);
        if (!cache) {
            return super._computeAllPrices(...arguments);
        }
        const data = this._retailComputeAllPrices(opts, cache);
        Object.defineProperty(data, "toJSON", {value: priceDataSummary});
        // never changed once computed (a new computation replaces it): read as
        // it is, not through the till's reactive proxies
        return markRaw(data);
    },
    /**
     * point_of_sale's _computeAllPrices (19.0) over every line of the order, line
     * for line, with each line's base line and the rounded tax details of the
     * lines that did not change kept by the order (`cache`, priceCache). The
     * tours compare the prices the till ends with to a computation of
     * point_of_sale's own.
     */
    _retailComputeAllPrices(opts, cache) {
        const currency = this.currency;
        const documentSign = this.isRefund ? -1 : 1;
        const company = this.company;
        const optsKey = JSON.stringify(opts.baseLineOpts || {});
        // the lines as they are (their base lines' records: point_of_sale only
        // reads their uuid)
        const lines = toRaw(this).lines;
        const baseLines = lines.map((line) =>
            cachedBaseLine(line, opts.baseLineOpts, optsKey, cache)
        );
        pruneLineStates(cache, lines);
        retailAddRoundedTaxDetails(baseLines, company, cache.taxDetails, optsKey);
        const cashRounding = this.config.cash_rounding
            ? this.config.rounding_method
            : null;
        const baseLineByLineUuids = baseLines.reduce((byUuid, baseLine) => {
            byUuid[baseLine.record.uuid] = baseLine;
            return byUuid;
        }, {});
        const result = {baseLines, baseLineByLineUuids};
        // the order's totals, when read (see above)
        defineLazy(result, "taxDetails", () => {
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
            return data;
        });
        return result;
    },
    _updateRewardLines() {
        return this.retailBatchPrices(() => super._updateRewardLines(...arguments));
    },
    _applyReward() {
        return this.retailBatchPrices(() => super._applyReward(...arguments));
    },
});
