import "@pos_loyalty/app/screens/partner_list_screen/partner_line/partner_line";
import {PartnerLine} from "@point_of_sale/app/screens/partner_list/partner_line/partner_line";
import {patch} from "@web/core/utils/patch";

patch(PartnerLine.prototype, {
    // Cards of money programs (gift cards, eWallets, points named after the
    // currency: retail_is_money) show their balance as an amount of money,
    // whether or not the program is shown on the portal.
    _getLoyaltyPointsRepr(loyaltyCard) {
        const program = loyaltyCard.program_id;
        if (program.retail_is_money) {
            return `${program.name}: ${this.env.utils.formatCurrency(loyaltyCard.points)}`;
        }
        return super._getLoyaltyPointsRepr(...arguments);
    },
});
