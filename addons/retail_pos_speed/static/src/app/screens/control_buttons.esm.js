import "@pos_loyalty/app/screens/product_screen/control_buttons/control_buttons";
import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {patch} from "@web/core/utils/patch";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";

patch(ControlButtons.prototype, {
    /**
     * The rewards offered by the "Reward" button are those of the settled
     * promotions (a recomputation may still be running after a scan).
     */
    async clickRewards() {
        await this.pos.retailRewardsSettled();
        return await super.clickRewards(...arguments);
    },
    /** The eWallet button, as the "Reward" button: on the settled promotions. */
    async onClickWallet() {
        await this.pos.retailRewardsSettled();
        return await super.onClickWallet(...arguments);
    },
    /**
     * pos_loyalty's rewards of the "Reward" button, computed at every render of
     * the product screen's buttons (the rewards the order can claim and the free
     * products it could get, over every program): computed once per settled
     * basket, until the promotions or the points change again
     * (PosStore.retailRewardsRevision), the customer or the order; while a
     * recomputation of the promotions runs or waits, those of the basket before
     * it (PosStore.retailRewardsBusy).
     */
    getPotentialRewards() {
        const order = this.pos.getOrder();
        if (
            !order ||
            !retailSpeedUses(
                this.pos.config,
                "ControlButtons.getPotentialRewards",
                super.getPotentialRewards
            )
        ) {
            return super.getPotentialRewards(...arguments);
        }
        const key = [
            order.uuid,
            this.pos.retailRewardsRevision || 0,
            order.getPartner()?.id,
        ].join("|");
        const known = this.retailPotentialRewards;
        if (
            known?.order === order.uuid &&
            known.key !== key &&
            this.pos.retailRewardsBusy()
        ) {
            // a recomputation runs or waits: computed when it ends (its end
            // changes the revision, and the buttons are rendered again)
            return known.rewards;
        }
        if (known?.key !== key) {
            this.retailPotentialRewards = {
                key,
                order: order.uuid,
                rewards: super.getPotentialRewards(...arguments),
            };
        }
        return this.retailPotentialRewards.rewards;
    },
});
