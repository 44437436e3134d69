import {PosStore} from "@point_of_sale/app/services/pos_store";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /**
     * The till's own gift list action (Gift List of the control buttons: buy
     * items of the list or give money to it), its popup opened on the list
     * ``registryId`` instead of its search.
     */
    async retailOpenGiftList(registryId) {
        await this.retailGiftRegistryAction({registryId});
    },
});
