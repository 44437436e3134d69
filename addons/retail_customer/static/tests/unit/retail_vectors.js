/**
 * The test vectors of `path` (module/static/tests/vectors/x.json), the file the
 * Python tests of the same functions read; loaded as a JSON module, since hoot
 * mocks fetch, not the module loader.
 */
export async function loadRetailVectors(path) {
    const module = await import(`/${path}`, {with: {type: "json"}});
    return module.default;
}
