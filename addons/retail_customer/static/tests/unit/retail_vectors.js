/**
 * The test vectors of `path` (module/static/tests/vectors/x.json), the file the
 * Python tests of the same functions read; loaded as a JSON module, since hoot
 * mocks fetch, not the module loader.
 */
export async function loadRetailVectors(path) {
    const module = await import(`/${path}`, {with: {type: "json"}});
    return module.default;
}

/**
 * A function giving each name of a vector file a number (1, 2, ... in the order
 * of first use), standing for the record ids the JS functions compare.
 */
export function retailVectorIds() {
    const ids = new Map();
    return (name) => {
        if (!ids.has(name)) {
            ids.set(name, ids.size + 1);
        }
        return ids.get(name);
    };
}
