/**
 * Whether the till uses the faster version of a native function.
 *
 * Each faster version is written for one native function of Odoo 19.0 and gives its
 * results. Before using it, the till compares the running native function with the
 * fingerprint of the code it was written for (pos.config.retail_pos_speed_natives,
 * from the server's NATIVE_FINGERPRINTS): when an Odoo update changed the function,
 * the till runs the native function (slower, never wrong) and says so once in the
 * browser's console. The till's configuration switches the whole layer off
 * (pos.config.retail_pos_speed).
 */

// Native function -> its fingerprint (the function's code does not change while
// the till runs)
const fingerprints = new WeakMap();
// Name -> what the till found of it, for the console and the tests (retailSpeedNatives)
const found = new Map();

/**
 * The fingerprint of a function: FNV-1a (32 bits, hexadecimal) of its source
 * without comments and white space, so the same for the production assets (minified)
 * and the debug ones.
 */
export function retailFingerprint(fn) {
    if (typeof fn !== "function") {
        return undefined;
    }
    if (!fingerprints.has(fn)) {
        const text = String(fn)
            .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "")
            .replace(/\s+/g, "");
        let hash = 0x811c9dc5;
        for (let index = 0; index < text.length; index++) {
            hash ^= text.charCodeAt(index);
            hash = Math.imul(hash, 0x01000193) >>> 0;
        }
        fingerprints.set(fn, hash.toString(16).padStart(8, "0"));
    }
    return fingerprints.get(fn);
}

/**
 * Whether the till uses the faster version of the native function `name`
 * ("PosOrder.pointsForPrograms"...), whose running code is `native`: the layer is
 * on for the till's configuration and the native function is the one the faster
 * version was written for.
 */
export function retailSpeedUses(config, name, native) {
    if (!config?.retail_pos_speed) {
        return false;
    }
    const expected = config.retail_pos_speed_natives?.[name];
    const actual = retailFingerprint(native);
    const same = Boolean(expected) && expected === actual;
    if (found.get(name)?.actual !== actual || found.get(name)?.expected !== expected) {
        found.set(name, {actual, expected, used: same});
        if (!same) {
            console.warn(
                `retail_pos_speed: ${name} is not the Odoo 19.0 code its faster ` +
                    `version was written for (fingerprint ${actual}, expected ` +
                    `${expected}): the till runs the native function.`
            );
        }
    }
    return same;
}

/**
 * What the till found of the native functions it was asked about: name ->
 * {actual, expected, used}.
 */
export function retailSpeedNatives() {
    return Object.fromEntries([...found].map(([name, value]) => [name, {...value}]));
}
