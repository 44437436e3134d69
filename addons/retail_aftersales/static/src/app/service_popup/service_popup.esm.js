import {Component, useState} from "@odoo/owl";
import {Dialog} from "@web/core/dialog/dialog";
import {_t} from "@web/core/l10n/translation";
import {usePos} from "@point_of_sale/app/hooks/pos_hook";

const DAY = 24 * 60 * 60 * 1000;

/** The date ``days`` from today, as the server reads it (YYYY-MM-DD). */
function isoDate(days) {
    const date = new Date(Date.now() + days * DAY);
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function readAsBase64(file) {
    return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).split(",")[1]);
        reader.onerror = reject;
        reader.readAsDataURL(file);
    });
}

/**
 * The till's after-sales screen: find a service by its number (typed or scanned
 * from the ticket, here or on the product screen, which opens this screen with
 * the scanned ticket's service) or by the order's customer, print its ticket, hand it over;
 * or take a new service on an item from the customer's purchases. The server
 * checks every id and computes the warranty and the price; the till only
 * shows what it answers.
 */
export class ServicePopup extends Component {
    static template = "retail_aftersales.ServicePopup";
    static components = {Dialog};
    static props = {
        getPayload: Function,
        close: Function,
        services: {type: [Array, {value: null}], optional: true},
    };

    setup() {
        this.pos = usePos();
        this.state = useState({
            query: this.props.services?.[0]?.name || "",
            services: this.props.services || [],
            searched: Boolean(this.props.services),
            purchases: null,
            serviceProducts: [],
            purchase: null,
            serviceType: "alteration",
            productId: "",
            promised: isoDate(7),
            notes: "",
            deposit: "",
            photos: [],
            busy: false,
        });
    }

    get partner() {
        return this.pos.getOrder()?.getPartner();
    }

    get serviceTypes() {
        return [
            {id: "alteration", label: _t("Alteration")},
            {id: "repair", label: _t("Repair")},
            {id: "warranty", label: _t("Warranty claim")},
        ];
    }

    get productsOfType() {
        return this.state.serviceProducts.filter(
            (product) => product.service_type === this.state.serviceType
        );
    }

    formatCurrency(amount) {
        return this.env.utils.formatCurrency(amount);
    }

    async call(method, args) {
        this.state.busy = true;
        try {
            return await this.pos.data.call("repair.order", method, [
                this.pos.config.id,
                ...args,
            ]);
        } finally {
            this.state.busy = false;
        }
    }

    async search() {
        const query = this.state.query.trim();
        if (!query) {
            return;
        }
        this.state.services = await this.call("retail_till_find_services", [query]);
        this.state.searched = true;
    }

    async customerServices() {
        this.state.services = await this.call("retail_till_find_services", [
            null,
            this.partner.id,
        ]);
        this.state.searched = true;
    }

    async newService() {
        const result = await this.call("retail_till_purchases", [this.partner.id]);
        this.state.purchases = result.purchases;
        this.state.serviceProducts = result.service_products;
        this.state.purchase = null;
    }

    choosePurchase(purchase) {
        this.state.purchase = purchase;
        this.chooseType(purchase.under_warranty ? "warranty" : "alteration");
    }

    chooseType(serviceType) {
        this.state.serviceType = serviceType;
        this.state.productId = String(this.productsOfType[0]?.id || "");
    }

    async addPhotos(ev) {
        const files = [...ev.target.files].slice(0, 5);
        this.state.photos = await Promise.all(
            files.map(async (file) => ({
                name: file.name,
                datas: await readAsBase64(file),
            }))
        );
    }

    get depositAmount() {
        const amount = parseFloat(this.state.deposit);
        return Number.isFinite(amount) ? amount : 0;
    }

    get canTake() {
        return Boolean(this.state.purchase && this.state.productId && !this.state.busy);
    }

    async take() {
        if (!this.canTake) {
            return;
        }
        const purchase = this.state.purchase;
        const service = await this.call("retail_till_take_service", [
            {
                partner_id: this.partner.id,
                pos_line_id: purchase.kind === "pos" ? purchase.id : false,
                sale_line_id: purchase.kind === "sale" ? purchase.id : false,
                service_type: this.state.serviceType,
                service_product_id: parseInt(this.state.productId),
                promised_date: this.state.promised,
                notes: this.state.notes,
                photos: this.state.photos,
            },
        ]);
        this.props.getPayload({action: "taken", service, deposit: this.depositAmount});
        this.props.close();
    }

    collect(service) {
        this.props.getPayload({action: "collect", service});
        this.props.close();
    }

    print(service) {
        this.props.getPayload({action: "print", service});
        this.props.close();
    }
}
