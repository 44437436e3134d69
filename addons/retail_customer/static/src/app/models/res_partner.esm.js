import {ResPartner} from "@point_of_sale/app/models/res_partner";
import {patch} from "@web/core/utils/patch";

// Identifiers of retail_customer, searched by the till's local filter and matched
// exactly (customer number, card, national ID) before any partial match.
const RETAIL_IDENTIFIERS = ["customer_number", "card_number", "national_id"];

patch(ResPartner.prototype, {
    get searchString() {
        const extra = RETAIL_IDENTIFIERS.map((field) => this[field] || "");
        if (this.mobile) {
            extra.push(this.mobile.replace(/[+\s()-]/g, ""));
        }
        return [super.searchString, ...extra].filter(Boolean).join(" ");
    },
    exactMatch(searchWord) {
        const compact = (searchWord || "").replace(/[\s.\-/]/g, "");
        return (
            super.exactMatch(...arguments) ||
            RETAIL_IDENTIFIERS.some(
                (field) => this[field] && this[field].toLowerCase() === compact
            )
        );
    },
});
