import {toRaw} from "@odoo/owl";

/**
 * Runs `callback` (synchronous) inside the scope of `order` held in `scopes` (a
 * WeakMap by raw order): the scope is `open()`'s result when none is open, and
 * nested calls share it; when the outermost call ends, the scope is dropped, then
 * `close(scope)` runs if given. Returns `callback`'s result.
 */
export function withOrderScope(scopes, order, open, callback, close) {
    const key = toRaw(order);
    if (!scopes.has(key)) {
        scopes.set(key, {...open(), depth: 0});
    }
    const scope = scopes.get(key);
    scope.depth++;
    try {
        return callback();
    } finally {
        scope.depth--;
        if (!scope.depth) {
            scopes.delete(key);
            close?.(scope);
        }
    }
}
