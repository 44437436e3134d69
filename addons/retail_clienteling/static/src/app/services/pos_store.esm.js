import {ClientelingPanel} from "@retail_clienteling/app/clienteling_panel/clienteling_panel.esm";
import {PosStore} from "@point_of_sale/app/services/pos_store";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /**
     * The current order's basket as the server reads it: a product id per unit
     * sold (at most 500).
     */
    retailBasketProductIds(order = this.getOrder()) {
        const ids = [];
        for (const line of order?.getOrderlines() || []) {
            const units = Math.min(Math.ceil(line.getQuantity()), 500);
            for (let unit = 0; line.product_id && unit < units; unit++) {
                ids.push(line.product_id.id);
            }
        }
        return ids.slice(0, 500);
    },

    /**
     * Open the customer's panel of the current order: one call to the server
     * returns the history, favourite categories, consent, what other modules
     * add and the suggestions for the basket.
     */
    async retailOpenClienteling() {
        const order = this.getOrder();
        const partner = order?.getPartner();
        if (!partner) {
            this.notification.add(_t("Select the customer first."), {type: "warning"});
            return;
        }
        const panel = await this.data.call("pos.config", "retail_clienteling_panel", [
            [this.config.id],
            partner.id,
            this.retailBasketProductIds(order),
        ]);
        this.retailNoteSuggestionsShown(order, panel.suggestions);
        this.dialog.add(ClientelingPanel, {panel});
    },

    /** Keep on the order the products the till suggested (for the results). */
    retailNoteSuggestionsShown(order, suggestions) {
        if (!order || !suggestions?.length) {
            return;
        }
        const shown = new Set(order.retail_suggestions_shown || []);
        for (const suggestion of suggestions) {
            shown.add(suggestion.product_id);
        }
        order.retail_suggestions_shown = [...shown];
    },

    /** The till's product of ``productId``, loaded from the server if needed. */
    async retailProduct(productId) {
        let product = this.models["product.product"].get(productId);
        if (!product) {
            await this.loadNewProducts([["product_variant_ids", "in", [productId]]]);
            product = this.models["product.product"].get(productId);
        }
        return product;
    },

    /**
     * Add one unit of ``productId`` to the current order; ``values`` are
     * extra line values (the suggestion's mark).
     */
    async retailAddProduct(productId, values = {}) {
        const product = await this.retailProduct(productId);
        if (!product) {
            this.notification.add(_t("This product is not sold at this till."), {
                type: "warning",
            });
            return false;
        }
        return await this.addLineToCurrentOrder(
            {product_tmpl_id: product.product_tmpl_id, product_id: product, ...values},
            {},
            true
        );
    },

    /** Add a suggested product, the line marked as suggested. */
    async retailAddSuggestion(suggestion) {
        return await this.retailAddProduct(suggestion.product_id, {
            retail_suggested: true,
            retail_suggestion_source: suggestion.source,
        });
    },
});
