// ESLint of the till's and the back office's JavaScript (addons/*/static), run by
// make lint through pre-commit.
import globals from "globals";

export default [
    {
        files: ["addons/*/static/**/*.js"],
        languageOptions: {
            ecmaVersion: "latest",
            sourceType: "module",
            globals: {...globals.browser, odoo: "readonly", luxon: "readonly"},
        },
        rules: {
            "no-undef": "error",
            "no-unused-vars": ["error", {args: "none"}],
            "no-var": "error",
            "prefer-const": "error",
            eqeqeq: ["error", "smart"],
            curly: ["error", "all"],
            "no-debugger": "error",
            "no-console": ["error", {allow: ["warn", "error"]}],
        },
    },
    {
        // tours report to the test runner through the browser's console
        files: ["addons/*/static/tests/**/*.js"],
        rules: {"no-console": "off"},
    },
];
