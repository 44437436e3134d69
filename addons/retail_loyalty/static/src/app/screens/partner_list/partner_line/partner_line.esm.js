import "@pos_loyalty/app/screens/partner_list_screen/partner_line/partner_line";
import {PartnerLine} from "@point_of_sale/app/screens/partner_list/partner_line/partner_line";
import {patch} from "@web/core/utils/patch";

patch(PartnerLine.prototype, {
    /** The card's tier beside its balance. */
    _getLoyaltyPointsRepr(loyaltyCard) {
        const repr = super._getLoyaltyPointsRepr(...arguments);
        return loyaltyCard.retail_tier_name
            ? `${repr} (${loyaltyCard.retail_tier_name})`
            : repr;
    },
});
