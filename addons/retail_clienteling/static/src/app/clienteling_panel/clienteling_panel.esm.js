import {Component} from "@odoo/owl";
import {Dialog} from "@web/core/dialog/dialog";
import {formatDateTime} from "@web/core/l10n/dates";
import {usePos} from "@point_of_sale/app/hooks/pos_hook";

const {DateTime} = luxon;

/**
 * The customer's panel at the till: last purchases (each can be added again),
 * favourite categories, consent, facts and lists other modules add, and the
 * suggestions for the basket (a tap adds the line, marked as suggested). Its
 * data come from one server call (pos.config.retail_clienteling_panel).
 */
export class ClientelingPanel extends Component {
    static template = "retail_clienteling.ClientelingPanel";
    static components = {Dialog};
    static props = {
        panel: Object,
        close: Function,
    };

    setup() {
        this.pos = usePos();
    }

    get panel() {
        return this.props.panel;
    }

    formatDate(value) {
        return formatDateTime(DateTime.fromSQL(value, {zone: "utc"}).toLocal());
    }

    formatPrice(amount) {
        return this.env.utils.formatCurrency(amount);
    }

    async addAgain(line) {
        await this.pos.retailAddProduct(line.product_id);
    }

    /** Add the suggested product (its line marked) and go back to the order. */
    async addSuggestion(suggestion) {
        await this.pos.retailAddSuggestion(suggestion);
        this.props.close();
    }
}
