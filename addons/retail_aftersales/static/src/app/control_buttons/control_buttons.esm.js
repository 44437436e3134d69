import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {ServicePopup} from "@retail_aftersales/app/service_popup/service_popup.esm";
import {ServiceTicket} from "@retail_aftersales/app/service_ticket/service_ticket.esm";
import {_t} from "@web/core/l10n/translation";
import {makeAwaitable} from "@point_of_sale/app/utils/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

patch(ControlButtons.prototype, {
    /** After-sales services: take one, print its ticket, hand it over. */
    async clickRetailServices() {
        const payload = await makeAwaitable(this.dialog, ServicePopup, {});
        if (!payload) {
            return;
        }
        const {action, service} = payload;
        if (action === "taken") {
            if (payload.deposit > 0) {
                // Odoo's down payment on the service's sale order (pos_sale).
                const saleOrder = await this.pos._getSaleOrder(service.sale_order_id);
                await this.pos.addDownPaymentProductOrderlineToOrder(
                    saleOrder,
                    payload.deposit,
                    false
                );
            }
            this.notification.add(_t("Service %s taken.", service.name), {
                type: "success",
            });
            await this.retailPrintServiceTicket(service, payload.deposit);
        } else if (action === "print") {
            await this.retailPrintServiceTicket(service, 0);
        } else if (action === "collect") {
            await this.retailCollectService(service);
        }
    },

    async retailPrintServiceTicket(service, deposit) {
        await this.pos.printer.print(
            ServiceTicket,
            {
                service,
                deposit: deposit || 0,
                companyName: this.pos.company.name,
                storeName: this.pos.config.name,
                formatCurrency: (amount) => this.env.utils.formatCurrency(amount),
            },
            this.pos.printOptions
        );
    },

    /** What is left to pay is settled on this order (Odoo's settle flow of the
     * service's sale order); a service with nothing to pay is handed over now. */
    async retailCollectService(service) {
        if (service.amount_due > 0) {
            const saleOrder = await this.pos._getSaleOrder(service.sale_order_id);
            if (saleOrder.partner_id) {
                this.pos.getOrder().setPartner(saleOrder.partner_id);
            }
            await this.pos.settleSO(saleOrder, saleOrder.fiscal_position_id);
            this.notification.add(
                _t("Service %s: take the payment to hand it over.", service.name),
                {type: "info"}
            );
            return;
        }
        await this.pos.data.call("repair.order", "retail_till_collect", [
            this.pos.config.id,
            service.id,
        ]);
        this.notification.add(_t("Service %s handed over.", service.name), {
            type: "success",
        });
    },
});
