import {DynamicPlaceholderPopover} from "@web/views/fields/dynamic_placeholder_popover";
import {patch} from "@web/core/utils/patch";

// The editor's Dynamic Placeholder offers only searchable fields: the
// placeholders a model declares (mail_allowed_qweb_expressions), computed
// texts such as the points printed in the customer's language, are offered too.
patch(DynamicPlaceholderPopover.prototype, {
    filter(fieldDef, path) {
        const fullPath = `object${path ? `.${path}` : ""}.${fieldDef.name}`;
        if (
            this.allowedQwebExpressions?.includes(fullPath) &&
            !["one2many", "many2many", "boolean"].includes(fieldDef.type)
        ) {
            return true;
        }
        return super.filter(fieldDef, path);
    },
});
