import "@pos_loyalty/app/services/pos_store";
import {PosStore} from "@point_of_sale/app/services/pos_store";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /**
     * A discount card's code typed (Enter Code) or scanned: the order gets the
     * card's discount, and the card's holder as customer when it has none
     * (loyalty.card.retail_discount_card_scan); other codes go the native way.
     */
    async activateCode(code) {
        const card = await this.data.call("loyalty.card", "retail_discount_card_scan", [
            code,
            this.config.id,
        ]);
        if (!card) {
            return await super.activateCode(...arguments);
        }
        const order = this.getOrder();
        if (!order.getPartner() && card.partner_id) {
            if (!this.models["res.partner"].get(card.partner_id)) {
                await this.data.read("res.partner", [card.partner_id]);
            }
            order.setPartner(this.models["res.partner"].get(card.partner_id));
        }
        order.retail_discount_card_code = card.code;
        order.uiState.retailDiscountCardProgramId = card.program_id;
        await this.updateRewards();
        return true;
    },
    async orderUpdateLoyaltyPrograms() {
        await this.retailFetchEmployeeAllowance(this.getOrder());
        return await super.orderUpdateLoyaltyPrograms(...arguments);
    },
    /**
     * Employee discounts: asks the server, once per order and customer, what is
     * left of the employee's monthly ceilings (loyalty.program.
     * retail_employee_allowance); the order caps its discount to it.
     */
    async retailFetchEmployeeAllowance(order) {
        const partner = order?.getPartner();
        if (!partner?.retail_is_employee) {
            return;
        }
        if (order.uiState.retailAllowance?.partnerId === partner.id) {
            return;
        }
        const programIds = this.models["loyalty.program"]
            .filter((program) => program.retail_promotion_type === "employee")
            .map((program) => program.id);
        if (!programIds.length) {
            return;
        }
        const values = await this.data.call(
            "loyalty.program",
            "retail_employee_allowance",
            [partner.id, programIds]
        );
        order.uiState.retailAllowance = {partnerId: partner.id, values};
    },
});
