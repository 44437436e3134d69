import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {SelectCreateDialog} from "@web/views/view_dialogs/select_create_dialog";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

patch(ControlButtons.prototype, {
    /** The store's reservations ready for pick-up; the one chosen is announced
     * to its customer by the server (which checks it is this store's). */
    clickRetailPickupMessages() {
        const warehouse = this.pos.config.warehouse_id;
        const warehouseId = warehouse?.id ?? warehouse;
        this.dialog.add(SelectCreateDialog, {
            resModel: "sale.order",
            title: _t("Send a pick-up message"),
            noCreate: true,
            multiSelect: false,
            domain: [
                ["retail_pickup_warehouse_id", "=", warehouseId || 0],
                ["retail_pickup_state", "in", ["waiting", "ready"]],
                ["state", "=", "sale"],
            ],
            onSelected: async (resIds) => {
                await this.sendRetailPickupMessage(resIds[0]);
            },
        });
    },

    async sendRetailPickupMessage(orderId) {
        const result = await this.pos.data.call(
            "sale.order",
            "retail_pickup_send_from_till",
            [this.pos.config.id, orderId]
        );
        this.notification.add(result.message, {
            type: result.sent ? "success" : "warning",
        });
    },
});
