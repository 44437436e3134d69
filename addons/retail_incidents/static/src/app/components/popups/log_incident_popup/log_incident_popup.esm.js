import {Component, useState} from "@odoo/owl";
import {Dialog} from "@web/core/dialog/dialog";

/**
 * Two fields for a store incident of the current customer: a category (loaded
 * with the session) and the problem. The server creates the incident.
 */
export class LogIncidentPopup extends Component {
    static template = "retail_incidents.LogIncidentPopup";
    static components = {Dialog};
    static props = {
        title: String,
        partnerName: String,
        categories: Array,
        getPayload: Function,
        close: Function,
    };

    setup() {
        this.state = useState({
            categoryId: this.props.categories[0]?.id || false,
            problem: "",
        });
    }

    get canConfirm() {
        return Boolean(this.state.problem.trim());
    }

    confirm() {
        if (!this.canConfirm) {
            return;
        }
        this.props.getPayload({
            categoryId: Number(this.state.categoryId) || false,
            problem: this.state.problem.trim(),
        });
        this.props.close();
    }
}
