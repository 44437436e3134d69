import {GiftRegistryPopup} from "@retail_gift_registry/app/components/popups/gift_registry_popup/gift_registry_popup.esm";
import {onMounted} from "@odoo/owl";
import {patch} from "@web/core/utils/patch";

// The gift list popup may open on a list already chosen (from the customer's
// panel): its items are loaded as if the cashier had found and tapped it.
patch(GiftRegistryPopup, {
    props: {
        ...GiftRegistryPopup.props,
        registryId: {type: Number, optional: true},
    },
});

patch(GiftRegistryPopup.prototype, {
    setup() {
        super.setup();
        if (this.props.registryId) {
            onMounted(() => this.selectList({id: this.props.registryId}));
        }
    },
});
