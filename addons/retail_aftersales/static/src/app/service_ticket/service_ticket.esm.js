import {Component} from "@odoo/owl";

/**
 * The service ticket handed to the customer: the service number as a barcode
 * (scanned at any till to find the service), the item, the service, the
 * promised date and what is left to pay.
 */
export class ServiceTicket extends Component {
    static template = "retail_aftersales.ServiceTicket";
    static props = {
        service: Object,
        companyName: String,
        storeName: String,
        formatCurrency: Function,
        deposit: {type: Number, optional: true},
    };
    static defaultProps = {deposit: 0};

    get barcodeUrl() {
        const name = encodeURIComponent(this.props.service.name);
        return `/report/barcode/Code128/${name}?width=600&height=120&quiet=0`;
    }

    get due() {
        return Math.max(this.props.service.amount_due - this.props.deposit, 0);
    }
}
