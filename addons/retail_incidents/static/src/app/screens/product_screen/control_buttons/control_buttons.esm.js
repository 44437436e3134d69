import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {LogIncidentPopup} from "@retail_incidents/app/components/popups/log_incident_popup/log_incident_popup.esm";
import {_t} from "@web/core/l10n/translation";
import {makeAwaitable} from "@point_of_sale/app/utils/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

patch(ControlButtons.prototype, {
    /** Log a store incident for the current customer (the server creates it). */
    async clickLogRetailIncident() {
        const partner = this.partner;
        if (!partner) {
            this.notification.add(_t("Select the customer first."), {type: "warning"});
            return;
        }
        const payload = await makeAwaitable(this.dialog, LogIncidentPopup, {
            title: _t("Log an incident"),
            partnerName: partner.name,
            categories: this.pos.models["retail.incident.category"].getAll(),
        });
        if (!payload) {
            return;
        }
        const result = await this.pos.data.call(
            "retail.incident",
            "retail_pos_log_incident",
            [this.pos.config.id, partner.id, payload.categoryId, payload.problem]
        );
        partner.retail_incident_open_count = result.open_count;
        this.notification.add(_t("Incident %(name)s logged.", {name: result.name}), {
            type: "success",
        });
    },
});
