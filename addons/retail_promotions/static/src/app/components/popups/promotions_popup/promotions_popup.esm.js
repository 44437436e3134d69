import {Component} from "@odoo/owl";
import {Dialog} from "@web/core/dialog/dialog";
import {usePos} from "@point_of_sale/app/hooks/pos_hook";

/** The promotions that applied to the order, and those left out with the reason. */
export class RetailPromotionsPopup extends Component {
    static template = "retail_promotions.RetailPromotionsPopup";
    static components = {Dialog};
    static props = {order: Object, close: Function};

    setup() {
        this.pos = usePos();
        this.report = this.props.order.retailPromotionReport();
    }
}
