import {PosStore} from "@point_of_sale/app/services/pos_store";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    // Customers created at the till belong to the store's channel, whose required
    // fields the server enforces; consents given at the till are "in store".
    editPartnerContext(partner) {
        const context = super.editPartnerContext(...arguments);
        context.retail_consent_source = "store";
        const channel = this.config.retail_channel_id;
        if (channel && !partner) {
            context.default_retail_channel_id = channel.id;
        }
        return context;
    },
});
