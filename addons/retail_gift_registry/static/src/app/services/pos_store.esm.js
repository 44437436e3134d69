import {GiftRegistryPopup} from "@retail_gift_registry/app/components/popups/gift_registry_popup/gift_registry_popup.esm";
import {PosStore} from "@point_of_sale/app/services/pos_store";
import {_t} from "@web/core/l10n/translation";
import {makeAwaitable} from "@point_of_sale/app/utils/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /**
     * The gift list action of the till: its popup (``popupProps``: a module may
     * open it on a list), then the items bought or the money given to the list
     * added to the current order.
     */
    async retailGiftRegistryAction(popupProps = {}) {
        const payload = await makeAwaitable(this.dialog, GiftRegistryPopup, popupProps);
        if (!payload) {
            return;
        }
        const {registry, lines, contribution, guest, message} = payload;
        const link = {
            retail_gift_registry_id: registry,
            retail_gift_registry_guest: guest,
            retail_gift_registry_message: message,
            retail_gift_registry_keep: registry.gift_mode === "keep",
        };
        for (const {item, qty, keep} of lines) {
            await this.addLineToCurrentOrder(
                {
                    product_tmpl_id: item.product_id.product_tmpl_id,
                    product_id: item.product_id,
                    qty,
                    retail_gift_registry_item_id: item,
                    ...link,
                    retail_gift_registry_keep: keep,
                },
                {},
                false
            );
        }
        if (contribution) {
            const product = this.models["product.template"].find(
                (template) => template.retail_gift_registry_contribution
            );
            if (!product) {
                this.notification.add(
                    _t("No gift list contribution product is available at this till."),
                    {type: "danger"}
                );
                return;
            }
            await this.addLineToCurrentOrder(
                {
                    product_tmpl_id: product,
                    product_id: product.product_variant_ids[0],
                    qty: 1,
                    price_unit: contribution,
                    ...link,
                },
                {},
                false
            );
        }
        if (lines.some(({item, qty}) => qty > item.qty_remaining)) {
            this.notification.add(
                _t("Bought beyond the list: the surplus is recorded on the list."),
                {type: "warning"}
            );
        }
    },
});
