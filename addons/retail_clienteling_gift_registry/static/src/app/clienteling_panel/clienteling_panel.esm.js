import {deserializeDate, formatDate} from "@web/core/l10n/dates";
import {ClientelingPanel} from "@retail_clienteling/app/clienteling_panel/clienteling_panel.esm";
import {patch} from "@web/core/utils/patch";

patch(ClientelingPanel.prototype, {
    /** A day of the server (an event date) in the cashier's format. */
    formatDay(value) {
        return formatDate(deserializeDate(value));
    },

    /** Close the panel and open the gift list at the till, list chosen. */
    async openGiftList(giftList) {
        this.props.close();
        await this.pos.retailOpenGiftList(giftList.id);
    },
});
