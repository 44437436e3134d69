import {PartnerList} from "@point_of_sale/app/screens/partner_list/partner_list";
import {patch} from "@web/core/utils/patch";

patch(PartnerList.prototype, {
    setup() {
        super.setup(...arguments);
        // Partners the server matched for a query: they are shown even when the
        // till cannot match them itself (a national ID it is not allowed to read).
        this.state.retailMatches = {query: "", ids: []};
    },
    getPartners(partners) {
        const shown = super.getPartners(...arguments);
        const matches = this.state.retailMatches;
        if (!matches.ids.length || matches.query !== (this.state.query || "").trim()) {
            return shown;
        }
        const ids = new Set(matches.ids);
        const serverMatched = partners.filter(
            (partner) => ids.has(partner.id) && !shown.includes(partner)
        );
        return [...serverMatched, ...shown];
    },
    /**
     * With a query, ask the server's indexed customer search (number, card,
     * national ID, phone, email, then name) instead of the native OR of eleven
     * ilike conditions. Without a query, the native behaviour is kept.
     */
    async getNewPartners() {
        const query = (this.state.query || "").trim();
        if (!query) {
            return super.getNewPartners(...arguments);
        }
        const offset = this.globalState.offsetBySearch[query] || 0;
        try {
            this.state.loading = true;
            const result = await this.pos.data.callRelated(
                "res.partner",
                "retail_pos_search",
                [this.pos.config.id, query, offset]
            );
            const partners = result["res.partner"];
            // the next page of the same query adds to the matches of the first
            const previous = this.state.retailMatches;
            const kept = previous.query === query && offset ? previous.ids : [];
            this.state.retailMatches = {
                query,
                ids: [...kept, ...partners.map((partner) => partner.id)],
            };
            this.globalState.offsetBySearch[query] = offset + (partners.length || 100);
            for (const partner of partners) {
                if (!this.loadedPartnerIds.has(partner.id)) {
                    this.loadedPartnerIds.add(partner.id);
                    this.state.loadedPartners.push(partner);
                }
            }
            return partners;
        } catch {
            return [];
        } finally {
            this.state.loading = false;
        }
    },
});
