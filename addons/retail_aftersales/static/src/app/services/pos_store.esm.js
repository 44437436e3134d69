import {PosStore} from "@point_of_sale/app/services/pos_store";
import {RPCError} from "@web/core/network/rpc";
import {ServicePopup} from "@retail_aftersales/app/service_popup/service_popup.esm";
import {ServiceTicket} from "@retail_aftersales/app/service_ticket/service_ticket.esm";
import {_t} from "@web/core/l10n/translation";
import {makeAwaitable} from "@point_of_sale/app/utils/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /** The after-sales screen: take a service, print its ticket, hand it over.
     * ``services``: the services to show first (a scanned ticket's). */
    async retailOpenServices(services = null) {
        if (this.retailServicesOpen) {
            return;
        }
        this.retailServicesOpen = true;
        let payload = null;
        try {
            payload = await makeAwaitable(this.dialog, ServicePopup, {services});
        } finally {
            this.retailServicesOpen = false;
        }
        if (!payload) {
            return;
        }
        const {action, service} = payload;
        if (action === "taken") {
            if (payload.deposit > 0) {
                // Odoo's down payment on the service's sale order (pos_sale).
                const saleOrder = await this._getSaleOrder(service.sale_order_id);
                await this.addDownPaymentProductOrderlineToOrder(
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

    /** A service ticket scanned on the product screen: its service, or a
     * notification when no service of this company has that number. */
    async retailScanService(number) {
        if (this.retailServicesOpen) {
            return;
        }
        let services = null;
        try {
            services = await this.data.call(
                "repair.order",
                "retail_till_find_services",
                [this.config.id, number]
            );
        } catch (error) {
            if (!(error instanceof RPCError) || !error.exceptionName) {
                throw error;
            }
            this.notification.add(
                _t("Service ticket %(number)s: %(reason)s", {
                    number,
                    reason: error.data.message,
                }),
                {type: "danger"}
            );
            return;
        }
        await this.retailOpenServices(services);
    },

    async retailPrintServiceTicket(service, deposit) {
        await this.printer.print(
            ServiceTicket,
            {
                service,
                deposit: deposit || 0,
                companyName: this.company.name,
                storeName: this.config.name,
                formatCurrency: (amount) => this.env.utils.formatCurrency(amount),
            },
            this.printOptions
        );
    },

    /** What is left to pay is settled on this order (Odoo's settle flow of the
     * service's sale order); a service with nothing to pay is handed over now. */
    async retailCollectService(service) {
        if (service.amount_due > 0) {
            const saleOrder = await this._getSaleOrder(service.sale_order_id);
            if (saleOrder.partner_id) {
                this.getOrder().setPartner(saleOrder.partner_id);
            }
            await this.settleSO(saleOrder, saleOrder.fiscal_position_id);
            this.notification.add(
                _t("Service %s: take the payment to hand it over.", service.name),
                {type: "info"}
            );
            return;
        }
        await this.data.call("repair.order", "retail_till_collect", [
            this.config.id,
            service.id,
        ]);
        this.notification.add(_t("Service %s handed over.", service.name), {
            type: "success",
        });
    },
});
