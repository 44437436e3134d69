import "@pos_loyalty/app/screens/product_screen/control_buttons/control_buttons";
import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {onWillRender, status} from "@odoo/owl";
import {patch} from "@web/core/utils/patch";
import {retailAfterPaint} from "@retail_pos_speed/natives/retail_yield.esm";
import {retailSpeedUses} from "@retail_pos_speed/natives/retail_pos_speed.esm";

patch(ControlButtons.prototype, {
    setup() {
        // whether the buttons are being rendered, around pos_loyalty's count of
        // the rewards computed before each render (Owl runs the hooks before a
        // render from the last one given to the first one)
        onWillRender(() => {
            this.retailRendering = false;
        });
        super.setup(...arguments);
        onWillRender(() => {
            this.retailRendering = true;
        });
    },
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
     * (PosStore.retailRewardsRevision), the customer or the order. A render after
     * such a change shows the rewards of the basket before it, and the rewards
     * are computed once the till painted and the promotions are settled (then the
     * buttons are rendered again); outside a render (the Reward button), they
     * are computed at once.
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
        if (known?.key === key) {
            return known.rewards;
        }
        if (known?.order === order.uuid && this.retailRendering) {
            this.retailRewardsLater();
            return known.rewards;
        }
        this.retailPotentialRewards = {
            key,
            order: order.uuid,
            rewards: super.getPotentialRewards(...arguments),
        };
        return this.retailPotentialRewards.rewards;
    },
    /**
     * The rewards of the "Reward" button computed once the till painted and the
     * promotions are settled, and their count given to pos_loyalty's state of
     * the buttons (rendered again when it changed).
     */
    retailRewardsLater() {
        if (this.retailRewardsWaiting) {
            return;
        }
        this.retailRewardsWaiting = true;
        retailAfterPaint()
            .then(() => this.pos.retailRewardsSettled())
            .then(() => {
                this.retailRewardsWaiting = false;
                if (status(this) !== "destroyed") {
                    this.state.nbrRewards = this.getPotentialRewards().length;
                }
            });
    },
});
