import {Component, useState} from "@odoo/owl";
import {Dialog} from "@web/core/dialog/dialog";
import {_t} from "@web/core/l10n/translation";
import {usePos} from "@point_of_sale/app/hooks/pos_hook";

/**
 * Find an open gift list (number, owner's name or phone: the server searches),
 * then choose the items to buy and an optional contribution, with the guest's
 * name and message. The payload goes to the order; the server re-checks it at
 * sync (open list, item, surplus).
 */
export class GiftRegistryPopup extends Component {
    static template = "retail_gift_registry.GiftRegistryPopup";
    static components = {Dialog};
    static props = {
        getPayload: Function,
        close: Function,
    };

    setup() {
        this.pos = usePos();
        this.state = useState({
            query: "",
            searched: false,
            lists: [],
            registry: null,
            items: [],
            quantities: {},
            keep: {},
            contribution: "",
            guest: "",
            message: "",
            loading: false,
        });
    }

    async search() {
        const query = this.state.query.trim();
        if (!query) {
            return;
        }
        this.state.loading = true;
        try {
            const result = await this.pos.data.callRelated(
                "retail.gift.registry",
                "retail_pos_search_related",
                [this.pos.config.id, query]
            );
            this.state.lists = result["retail.gift.registry"];
            this.state.searched = true;
        } finally {
            this.state.loading = false;
        }
    }

    async selectList(registry) {
        this.state.loading = true;
        try {
            const result = await this.pos.data.callRelated(
                "retail.gift.registry",
                "retail_pos_items_related",
                [this.pos.config.id, registry.id]
            );
            this.state.registry = result["retail.gift.registry"][0];
            this.state.items = result["retail.gift.registry.item"];
            this.state.quantities = {};
            this.state.keep = Object.fromEntries(
                this.state.items.map((item) => [
                    item.id,
                    this.state.registry.gift_mode === "keep",
                ])
            );
        } finally {
            this.state.loading = false;
        }
    }

    quantity(item) {
        return this.state.quantities[item.id] || 0;
    }

    increase(item) {
        this.state.quantities[item.id] = this.quantity(item) + 1;
    }

    decrease(item) {
        this.state.quantities[item.id] = Math.max(this.quantity(item) - 1, 0);
    }

    /** Kept for the owners (delivered later) or taken away by the guest. */
    toggleKeep(item) {
        this.state.keep[item.id] = !this.state.keep[item.id];
    }

    isOverBuy(item) {
        return this.quantity(item) > item.qty_remaining;
    }

    get contributionAmount() {
        const amount = parseFloat(this.state.contribution);
        return Number.isFinite(amount) && amount > 0 ? amount : 0;
    }

    get canConfirm() {
        return (
            Boolean(this.state.registry) &&
            (this.state.items.some((item) => this.quantity(item) > 0) ||
                this.contributionAmount > 0)
        );
    }

    get overBuyWarning() {
        const over = this.state.items.filter((item) => this.isOverBuy(item));
        if (!over.length) {
            return "";
        }
        return _t(
            "More than the list wants: %(products)s. The units beyond are recorded as surplus.",
            {products: over.map((item) => item.product_id.display_name).join(", ")}
        );
    }

    confirm() {
        if (!this.canConfirm) {
            return;
        }
        this.props.getPayload({
            registry: this.state.registry,
            lines: this.state.items
                .filter((item) => this.quantity(item) > 0)
                .map((item) => ({
                    item,
                    qty: this.quantity(item),
                    keep: Boolean(this.state.keep[item.id]),
                })),
            contribution: this.contributionAmount,
            guest: this.state.guest.trim(),
            message: this.state.message.trim(),
        });
        this.props.close();
    }
}
