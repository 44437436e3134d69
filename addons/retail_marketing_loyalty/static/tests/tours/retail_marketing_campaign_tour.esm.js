import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

// A marketing user sends a campaign to the customers of a segment holding at least
// 100 loyalty points: the customer list's search panel and search field, Actions >
// Send a campaign, the points placeholder in the body (the editor's Dynamic
// Placeholder), the audience and the exclusions, the Preview tab, Send.
registry.category("web_tour.tours").add("retail_marketing_campaign_tour", {
    steps: () => [
        {
            content: "filter the customers of the segment in the search panel",
            trigger:
                ".o_search_panel_filter_value:contains('Tour Spring VIP') input.form-check-input",
            run: "click",
        },
        {
            content: "the list shows the segment's customers only",
            trigger:
                ".o_list_view:has(.o_data_row:contains('Carl Tourlow')):not(:has(.o_data_row:contains('Eve Tourother')))",
        },
        {
            content: "search the customers holding at least 100 points",
            trigger: ".o_searchview_input",
            run: "edit 100",
        },
        {
            content: "choose 'Loyalty points at least'",
            trigger:
                ".o_searchview_autocomplete .o-dropdown-item:contains('Loyalty points at least')",
            run: "click",
        },
        {
            content: "the customers with fewer points are gone",
            trigger:
                ".o_list_view:has(.o_data_row:contains('Ana Tourvip')):not(:has(.o_data_row:contains('Carl Tourlow')))",
        },
        {
            content: "select every customer of the list",
            trigger: "thead .o_list_record_selector input",
            run: "click",
        },
        {
            content: "open the Actions menu",
            trigger: ".o_cp_action_menus button:contains('Actions')",
            run: "click",
        },
        {
            content: "Send a campaign",
            trigger: ".o-dropdown-item:contains('Send a campaign')",
            run: "click",
        },
        {
            content:
                "the mailing form counts the audience: 2 customers may be contacted",
            trigger:
                ".o_form_view div[name='retail_audience'] div[name='retail_audience_count']:contains('2')",
        },
        {
            content: "one customer of the filter is left out for want of consent",
            trigger:
                ".o_form_view div[name='retail_audience'] div[name='retail_excluded_no_consent_count']:contains('1')",
        },
        {
            content: "type the subject",
            trigger: ".o_form_view div[name='subject'] input",
            run: "edit Your points are waiting",
        },
        {
            content: "choose the basic layout of the body",
            trigger:
                "[name='body_arch'] .o_mailing_template_preview_wrapper [data-name='basic']",
            run: "click",
        },
        {
            content: "write the body, then '/' for the editor's commands",
            trigger: "[name='body_arch'] :iframe .odoo-editor-editable p:first-child",
            async run(actions) {
                await actions.editor("You have /");
                this.anchor
                    .closest(".odoo-editor-editable")
                    .dispatchEvent(
                        new InputEvent("input", {inputType: "insertText", data: "/"})
                    );
            },
        },
        {
            content: "choose Dynamic Placeholder",
            trigger: ".o-we-command-name:contains('Dynamic Placeholder')",
            run: "click",
        },
        {
            content: "search the points",
            trigger: ".o_model_field_selector_popover_search input[type='text']",
            run: "edit Loyalty Points (text)",
        },
        {
            content: "choose Loyalty Points (text)",
            trigger:
                ".o_model_field_selector_popover button:contains('Loyalty Points (text)')",
            run: "click",
        },
        {
            content: "insert it",
            trigger:
                ".o_model_field_selector_popover button.btn-primary:contains('Insert')",
            run: "click",
        },
        {
            content: "finish the sentence",
            trigger:
                "[name='body_arch'] :iframe .odoo-editor-editable p:first-child t[t-out='object.retail_loyalty_points_text']",
            async run() {
                const paragraph = this.anchor.closest("p");
                // The '/' set by the tour's typing (not a keystroke) stays: erase it.
                paragraph.firstChild.textContent = "You have ";
                paragraph.append(" points to spend.");
                paragraph.dispatchEvent(
                    new InputEvent("input", {bubbles: true, inputType: "insertText"})
                );
            },
        },
        {
            content: "the body holds the placeholder",
            trigger:
                "[name='body_arch'] :iframe .odoo-editor-editable t[t-out='object.retail_loyalty_points_text']",
        },
        ...stepUtils.saveForm(),
        {
            content: "open the Preview tab",
            trigger: ".o_notebook a.nav-link[name='retail_preview']",
            run: "click",
        },
        {
            content: "the preview is the first recipient's message, with their points",
            trigger:
                ".o_form_view div[name='retail_preview_body']:contains('You have 150 points to spend.')",
        },
        {
            content: "and the subject",
            trigger:
                ".o_form_view div[name='retail_preview_subject']:contains('Your points are waiting')",
        },
        {
            content: "Send",
            trigger: ".o_form_view button[name='action_launch']",
            run: "click",
        },
        {
            content: "confirm the send",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "the mailing is queued",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('In Queue')",
        },
    ],
});

// The campaign of the mailing once its queue has run: the Customer Results tab.
registry.category("web_tour.tours").add("retail_marketing_campaign_results_tour", {
    steps: () => [
        {
            content: "open the campaign's Customer Results tab",
            trigger: ".o_notebook a.nav-link[name='retail_results']",
            run: "click",
        },
        {
            content: "2 customers targeted",
            trigger: ".o_form_view div[name='retail_targeted_count']:contains('2')",
        },
        {
            content: "1 left out",
            trigger: ".o_form_view div[name='retail_excluded_count']:contains('1')",
        },
        {
            content: "2 sent",
            trigger: ".o_form_view div[name='retail_sent_count']:contains('2')",
        },
        {
            content: "the mailing in the campaign's list, sent to 2",
            trigger:
                ".o_form_view div[name='retail_mailing_ids'] .o_data_row:contains('Your points are waiting') td[name='sent']:contains('2')",
        },
    ],
});
