import {Component, useExternalListener, useState} from "@odoo/owl";

/**
 * Full screen with every question of a store questionnaire and its answers as
 * large buttons. Keys 1-5 answer the current question and move to the next
 * (on a multiple choice they toggle an answer), arrows move between questions,
 * Enter finishes, Escape skips when the store allows it.
 */
export class RetailSurveyDialog extends Component {
    static template = "retail_surveys.RetailSurveyDialog";
    static props = {
        title: String,
        questions: Array,
        allowSkip: Boolean,
        getPayload: Function,
        close: Function,
    };

    setup() {
        this.startedAt = Date.now();
        this.state = useState({current: 0, answers: {}});
        useExternalListener(window, "keydown", this.onKeydown, {capture: true});
    }

    get answeredCount() {
        return this.props.questions.filter((q) => this.state.answers[q.id]?.length)
            .length;
    }

    get canFinish() {
        return (
            this.props.allowSkip || this.answeredCount === this.props.questions.length
        );
    }

    isChosen(question, answer) {
        return (this.state.answers[question.id] || []).includes(answer.id);
    }

    choose(questionIndex, answerIndex) {
        const question = this.props.questions[questionIndex];
        const answer = question?.answers[answerIndex];
        if (!answer) {
            return;
        }
        const chosen = this.state.answers[question.id] || [];
        if (question.type === "multiple_choice") {
            this.state.answers[question.id] = chosen.includes(answer.id)
                ? chosen.filter((id) => id !== answer.id)
                : [...chosen, answer.id];
        } else {
            this.state.answers[question.id] = [answer.id];
        }
        this.state.current = Math.min(
            questionIndex + 1,
            this.props.questions.length - 1
        );
    }

    onKeydown(ev) {
        const key = ev.key;
        let handled = true;
        if (/^[1-5]$/.test(key)) {
            this.choose(this.state.current, Number(key) - 1);
        } else if (key === "ArrowDown" || key === "ArrowRight") {
            this.state.current = Math.min(
                this.state.current + 1,
                this.props.questions.length - 1
            );
        } else if (key === "ArrowUp" || key === "ArrowLeft") {
            this.state.current = Math.max(this.state.current - 1, 0);
        } else if (key === "Enter") {
            this.finish();
        } else if (key === "Escape" && this.props.allowSkip) {
            this.skip();
        } else {
            handled = false;
        }
        if (handled) {
            ev.preventDefault();
            ev.stopPropagation();
        }
    }

    get duration() {
        return Math.round((Date.now() - this.startedAt) / 100) / 10;
    }

    finish() {
        if (!this.canFinish) {
            return;
        }
        const duration = this.duration;
        this.props.getPayload({
            status: "answered",
            duration,
            answers: this.props.questions
                .filter((q) => this.state.answers[q.id]?.length)
                .map((q) => ({
                    question_id: q.id,
                    answer_ids: this.state.answers[q.id],
                })),
        });
        this.props.close();
    }

    skip() {
        if (!this.props.allowSkip) {
            return;
        }
        this.props.getPayload({
            status: "skipped",
            duration: this.duration,
            answers: [],
        });
        this.props.close();
    }
}
