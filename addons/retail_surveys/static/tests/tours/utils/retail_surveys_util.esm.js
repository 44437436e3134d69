/** The till's start screen (its data loads slowly on a loaded machine). */
export function waitForTill() {
    return [
        {
            content: "wait for the till to load",
            trigger: ".screen-login .btn.open-register-btn",
            timeout: 60000,
        },
    ];
}

export function questionnaireIsShown(title) {
    return [
        {
            content: `the store questionnaire "${title}" is shown`,
            trigger: `.o_retail_survey .o_retail_survey_title:contains("${title}")`,
        },
    ];
}

/** Press a key on the questionnaire screen (1-5, Enter, Escape, arrows). */
export function press(key) {
    return [
        {
            content: `press ${key} on the questionnaire`,
            trigger: ".o_retail_survey",
            run: `press ${key}`,
        },
    ];
}

export function answerByKeys(keys) {
    return keys.map((key) => press(key)).flat();
}

export function answerIsChosen(question, answer) {
    return [
        {
            content: `"${answer}" is chosen for "${question}"`,
            trigger: `.o_retail_survey_question:contains("${question}") .o_retail_survey_chosen:contains("${answer}")`,
        },
    ];
}

export function clickSkip() {
    return [
        {
            content: "skip the questionnaire",
            trigger: ".o_retail_survey .o_retail_survey_skip",
            run: "click",
        },
    ];
}

export function isClosed() {
    return [
        {
            content: "the questionnaire is closed and the order synced",
            trigger: "body:not(:has(.o_retail_survey))",
            // the order is synced (UI blocked) right after: slow on a loaded machine
            timeout: 30000,
        },
    ];
}
