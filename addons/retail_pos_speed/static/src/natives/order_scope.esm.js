import {toRaw} from "@odoo/owl";

/**
 * The speed layer's state of an order: its open scopes by kind ("read", "prices",
 * "applicability", "rewardLines") and the points it computed last ("points",
 * pos_order_points.esm.js), held on the raw order (not reactive, not a field:
 * never serialised nor sent to the server).
 */
export function retailSpeedState(order) {
    const raw = toRaw(order);
    if (!Object.hasOwn(raw, "retailSpeedScopes")) {
        Object.defineProperty(raw, "retailSpeedScopes", {value: {}, writable: true});
    }
    return raw.retailSpeedScopes;
}

/** The open scope of `kind` of `order`, undefined when none is open. */
export function retailOpenScope(order, kind) {
    return retailSpeedState(order)[kind];
}

/**
 * Runs `callback` (synchronous) inside the scope of `kind` of `order`: the scope is
 * `open()`'s result when none is open, and nested calls share it; when the
 * outermost call ends, the scope is dropped, then `close(scope)` runs if given.
 * Returns `callback`'s result.
 */
export function withOrderScope(order, kind, open, callback, close) {
    const state = retailSpeedState(order);
    if (!state[kind]) {
        state[kind] = {...open(), depth: 0};
    }
    const scope = state[kind];
    scope.depth++;
    try {
        return callback();
    } finally {
        scope.depth--;
        if (!scope.depth) {
            delete state[kind];
            close?.(scope);
        }
    }
}
