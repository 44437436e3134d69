#!/usr/bin/env python3
# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Screenshots of the demo for the READMEs: logs in to a running demo server, drives
headless Chromium over the DevTools protocol and writes PNG files.

The README's screenshots come from the Spanish demo (`make demo`), its user in
Spanish: `--readme` takes every shot of README_SHOTS (back office) and
README_POS_SHOTS (the Madrid store's till) into its module's static/description,
and refuses a user whose language is not --lang (es_ES):

    make demo DEMO_DETACH=1     # or HTTP_PORT=... DEMO_DB=... DEMO_DETACH=1 make demo
    .local/venv/bin/python scripts/screenshots.py --url http://127.0.0.1:8069 \
        --db retail_demo --readme

Single shots (paths relative to the server, optionally followed by |javascript):

    .local/venv/bin/python scripts/screenshots.py --url http://127.0.0.1:8069 \
        --db retail_demo --out addons/retail_customer/static/description \
        name=/odoo/action-retail_customer.res_partner_action_retail_customers ...
"""

import argparse
import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import websocket

# The README's back-office screenshots: (module, name, action, record). The record
# (an external id, or a model and a domain: its first record) opens the action's
# form on it; none shows the action's default view.
README_SHOTS = [
    (
        "retail_customer",
        "customers",
        "retail_customer.res_partner_action_retail_customers",
        None,
    ),
    (
        "retail_customer",
        "customer_card",
        "retail_customer.res_partner_action_retail_customers",
        "retail_customer.res_partner_customer_1_demo",
    ),
    (
        "retail_customer_kpi",
        "statistics",
        "retail_customer_kpi.retail_customer_report_action",
        None,
    ),
    (
        "retail_loyalty",
        "loyalty_program",
        "loyalty.loyalty_program_discount_loyalty_action",
        "retail_loyalty.loyalty_program_retail_points_demo",
    ),
    (
        "retail_giftcard",
        "cards",
        "retail_giftcard.loyalty_card_action_giftcard",
        None,
    ),
    (
        "retail_giftcard",
        "card",
        "retail_giftcard.loyalty_card_action_giftcard",
        "retail_demo.giftcard_3",
    ),
    (
        "retail_incidents",
        "incidents",
        "retail_incidents.retail_incident_action",
        None,
    ),
    (
        "retail_incidents",
        "incident",
        "retail_incidents.retail_incident_action",
        "retail_incidents.retail_incident_damaged_demo",
    ),
    (
        "retail_incidents",
        "analysis",
        "retail_incidents.retail_incident_report_action",
        None,
    ),
    (
        "retail_promotions",
        "promotion_form",
        "loyalty.loyalty_program_discount_loyalty_action",
        "retail_promotions.loyalty_program_socks_3x2_demo",
    ),
    (
        "retail_gift_registry",
        "gift_lists",
        "retail_gift_registry.retail_gift_registry_action",
        None,
    ),
    (
        "retail_gift_registry",
        "gift_list",
        "retail_gift_registry.retail_gift_registry_action",
        "retail_gift_registry.retail_gift_registry_wedding_demo",
    ),
    (
        "retail_surveys",
        "answers",
        "retail_surveys.retail_survey_answer_report_action",
        None,
    ),
    (
        "retail_surveys",
        "response_rate",
        "retail_surveys.retail_survey_response_report_action",
        None,
    ),
    (
        "retail_marketing",
        "campaign_form",
        "mass_mailing.mailing_mailing_action_mail",
        "retail_demo.mailing_winter_reminder",
    ),
    (
        # its purchases and holdout group below the fold: taken with --size 1400x1360
        "retail_marketing",
        "campaign_results",
        "mass_mailing.action_view_utm_campaigns",
        "retail_demo.campaign_winter",
    ),
]

# Steps run in a back-office page before its shot: {name: javascript}.
README_SHOT_STEPS = {
    # the campaign's preview for its first customer
    "campaign_form": """(async () => {
        const tab = [...document.querySelectorAll(".o_notebook .nav-link")].find(
            (el) => el.textContent.includes("Vista previa")
        );
        if (!tab) throw new Error("no Vista previa tab");
        tab.click();
        await new Promise((resolve) => setTimeout(resolve, 2000));
    })()""",
}

# Helpers of the till's shots, run in the page: wait for an element (with a text),
# click it, type into it, press a key.
POS_HELPERS = """
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function find(selector, text, tries = 150) {
    for (let i = 0; i < tries; i++) {
        const found = [...document.querySelectorAll(selector)].find(
            (el) => !text || el.textContent.includes(text)
        );
        if (found) return found;
        await wait(200);
    }
    throw new Error(`not found: ${selector} ${text || ""}`);
}
async function click(selector, text) {
    (await find(selector, text)).click();
    await wait(800);
}
async function clickIf(selector, text) {
    try {
        (await find(selector, text, 10)).click();
        await wait(800);
    } catch {
        // not shown: nothing to do
    }
}
async function type(selector, value) {
    const input = await find(selector);
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    await wait(500);
}
async function press(selector, key) {
    (await find(selector)).dispatchEvent(
        new KeyboardEvent("keydown", {bubbles: true, key})
    );
    await wait(1500);
}
async function product(name) {
    await click("article.product .product-name", name);
}
async function control(name) {
    await clickIf(".product-screen .more-btn");
    await click(".control-buttons button, .modal button", name);
}
async function openRegister() {
    await find(".screen-login .open-register-btn, .product-screen", null, 300);
    await clickIf(".screen-login .open-register-btn");
    await clickIf(".modal:not(.o_inactive_modal) .modal-footer .btn-primary");
    await find(".product-screen");
}
"""

# The README's screenshots of the till: (module, name, till, steps in the page).
# The till is the demo's Madrid store, its cashier screens in Spanish (the
# questionnaire: the chain's checkout questionnaire, asked after a cash sale).
MADRID = ("pos.config", [("name", "=", "Tienda Madrid Preciados")])
# Sleeves shortened on the jacket Lucía bought at the Madrid till, with a deposit (the
# ticket's shot shows what the till prints over the till, instead of the browser's
# print dialog, which a headless browser does not have).
SERVICE_FORM = """await openRegister();
        await click(".product-screen .set-partner");
        await type(".modal-dialog .input-group input", "Lucía");
        await press(".modal-dialog .input-group input", "Enter");
        await click(".modal .partner-list .partner-info", "Lucía");
        await control("Servicios");
        const popup = ".retail-service-popup";
        await click(`${popup} .retail-service-new`);
        await click(`${popup} .retail-service-purchase`, "Chaqueta de lana");
        await click(`${popup} .retail-service-type`, "Arreglo");
        await type(`${popup} .retail-service-notes`, "Acortar 2 cm las dos mangas");
        await type(`${popup} .retail-service-deposit`, "5");"""

README_POS_SHOTS = [
    (
        "retail_customer",
        "pos_customer_search",
        MADRID,
        """await openRegister();
        await click(".product-screen .set-partner");
        await wait(2000);
        await type(".modal-dialog .input-group input", "655 12 34 56");
        await press(".modal-dialog .input-group input", "Enter");""",
    ),
    (
        "retail_loyalty",
        "pos_redeem",
        MADRID,
        """await openRegister();
        await click(".product-screen .set-partner");
        await type(".modal-dialog .input-group input", "Lucía");
        await press(".modal-dialog .input-group input", "Enter");
        await click(".modal .partner-list .partner-info", "Lucía");""",
    ),
    (
        "retail_promotions",
        "pos_promotions_why",
        MADRID,
        """await openRegister();
        for (let i = 0; i < 3; i++) await product("Calcetines");
        await control("Promociones");""",
    ),
    (
        "retail_gift_registry",
        "pos_gift_list",
        MADRID,
        """await openRegister();
        await control("Lista de regalos");
        await type(".retail-gift-registry-popup .retail-gift-registry-query", "Luis");
        await click(".retail-gift-registry-popup .retail-gift-registry-search");
        await click(".retail-gift-registry-popup .retail-gift-registry-result");""",
    ),
    (
        "retail_aftersales",
        "pos_service",
        MADRID,
        SERVICE_FORM,
    ),
    (
        "retail_aftersales",
        "pos_service_ticket",
        MADRID,
        SERVICE_FORM
        + """
        window.print = () => {
            // the printed ticket, shown over the till as a paper ticket
            const ticket = document.querySelector(".retail-service-ticket");
            const paper = ticket.cloneNode(true);
            paper.style.cssText = "position:fixed;top:20px;left:510px;width:380px;"
                + "z-index:9999;background:white;box-shadow:0 0 8px #888";
            document.body.appendChild(paper);
        };
        await click(".modal .retail-service-take");
        await wait(3000);""",
    ),
    (
        "retail_surveys",
        "pos_questionnaire",
        MADRID,
        """await openRegister();
        await product("Calcetines");
        await click(".product-screen .pay-order-button");
        await click(".paymentmethods .paymentmethod .payment-name", "Efectivo");
        await click(".payment-screen button.validation-button.next");
        await find(".o_retail_survey .o_retail_survey_title", "Cuestionario de caja");
        await press(".o_retail_survey", "4");
        await press(".o_retail_survey", "1");""",
    ),
]


def rpc(url, route, params, session=None):
    """The result of a JSON-RPC call, and the session cookie the server set."""
    payload = json.dumps({"jsonrpc": "2.0", "params": params}).encode()
    headers = {"Content-Type": "application/json"}
    if session:
        headers["Cookie"] = f"session_id={session}"
    request = urllib.request.Request(f"{url}{route}", payload, headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        body = json.load(response)
        cookie = response.headers["Set-Cookie"] or ""
    if "error" in body:
        raise SystemExit(f"{route}: {body['error']['data']['message']}")
    return body["result"], cookie.split("session_id=")[-1].split(";")[0]


def call_kw(url, session, model, method, args, kwargs=None):
    return rpc(
        url,
        "/web/dataset/call_kw",
        {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        session,
    )[0]


def record_id(url, session, record):
    """The id of a README_SHOTS record: an external id, or (model, domain)."""
    if isinstance(record, str):
        module, name = record.split(".")
        found = call_kw(
            url,
            session,
            "ir.model.data",
            "search_read",
            [[("module", "=", module), ("name", "=", name)]],
            {"fields": ["res_id"], "limit": 1},
        )
    else:
        model, domain = record
        found = call_kw(
            url, session, model, "search_read", [domain], {"fields": ["id"], "limit": 1}
        )
        found = [{"res_id": row["id"]} for row in found]
    return found[0]["res_id"] if found else None


def readme_shots(url, session):
    """The README's shots: (path of the PNG, path of the page, scripts)."""
    shots = []
    for module, name, action, record in README_SHOTS:
        path = f"/odoo/action-{action}"
        if record:
            res_id = record_id(url, session, record)
            if not res_id:
                print(f"not taken: {name}: {record} is not in the demo database")
                continue
            path += f"/{res_id}"
        steps = [README_SHOT_STEPS[name]] if name in README_SHOT_STEPS else []
        shots.append((f"addons/{module}/static/description/{name}.png", path, steps))
    for module, name, config, steps in README_POS_SHOTS:
        config_id = record_id(url, session, config)
        if not config_id:
            print(f"not taken: {name}: {config} is not in the demo database")
            continue
        # the till's session, opened as the store's manager opens it
        call_kw(url, session, "pos.config", "open_ui", [[config_id]])
        path = f"/pos/ui?config_id={config_id}"
        script = f"(async () => {{ {POS_HELPERS}\n{steps} }})()"
        shots.append((f"addons/{module}/static/description/{name}.png", path, [script]))
    return shots


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp()
        port = free_port()
        self.proc = subprocess.Popen(
            [
                shutil.which("chromium") or shutil.which("google-chrome"),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                # the browser's own texts and date inputs in Spanish too
                "--lang=es-ES",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                f"--remote-debugging-port={port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _i in range(50):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/json", timeout=2
                ) as r:
                    pages = [p for p in json.load(r) if p["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"])
        self.msg_id = 0

    def call(self, method, **params):
        self.msg_id += 1
        self.ws.send(
            json.dumps({"id": self.msg_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.msg_id:
                return message.get("result", {})

    def shoot(self, target, path, wait, scripts=()):
        self.call("Page.navigate", url=target)
        time.sleep(wait)
        for script in scripts:
            # JavaScript run in the page before the shot (clicks, typing), each
            # followed by a pause for the page to answer.
            result = self.call("Runtime.evaluate", expression=script, awaitPromise=True)
            if "exceptionDetails" in result:
                details = result["exceptionDetails"]
                error = details.get("exception", {}).get("description") or details
                raise RuntimeError(f"{target}: {error}")
            time.sleep(wait / 2)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.proc.terminate()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="retail_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--out", help="folder of the single shots")
    parser.add_argument(
        "--readme",
        action="store_true",
        help="the README's shots (README_SHOTS, README_POS_SHOTS) into the modules",
    )
    parser.add_argument(
        "--lang",
        default="es_ES",
        help="the language the user must work in (the demo's users: es_ES)",
    )
    parser.add_argument(
        "--only", help="with --readme: only these shots (names, comma-separated)"
    )
    parser.add_argument("--wait", type=float, default=6.0)
    parser.add_argument("--size", default="1400x900")
    parser.add_argument(
        "shots",
        nargs="*",
        help="name=/path, optionally followed by |javascript|javascript... run in "
        "the page before the shot",
    )
    args = parser.parse_args()
    if not args.readme and not (args.out and args.shots):
        parser.error("give --readme, or --out and shots")
    info, session = rpc(
        args.url,
        "/web/session/authenticate",
        {"db": args.db, "login": args.login, "password": args.password},
    )
    lang = info["user_context"].get("lang")
    if args.lang and lang != args.lang:
        raise SystemExit(
            f"{args.login} works in {lang}, not {args.lang}: the README's screenshots "
            "come from the Spanish demo (make demo), its users in Spanish"
        )
    shots = readme_shots(args.url, session) if args.readme else []
    if args.only:
        names = {f"/{name}.png" for name in args.only.split(",")}
        shots = [shot for shot in shots if any(shot[0].endswith(n) for n in names)]
    for shot in args.shots:
        name, spec = shot.split("=", 1)
        path, *scripts = spec.split("|")
        shots.append((f"{args.out}/{name}.png", path, scripts))
    width, height = (int(v) for v in args.size.split("x"))
    browser = Browser(width, height)
    try:
        host = args.url.split("//")[1].split(":")[0]
        browser.call("Network.enable")
        browser.call(
            "Network.setCookie", name="session_id", value=session, domain=host, path="/"
        )
        failed = []
        # the first page of a session compiles the user's language's assets:
        # loaded once before the shots
        browser.call("Page.navigate", url=args.url + "/odoo")
        time.sleep(args.wait * 3)
        for png, path, scripts in shots:
            try:
                browser.shoot(args.url + path, png, args.wait, scripts)
            except RuntimeError as error:
                failed.append(png)
                print(f"not taken: {png}: {error}")
                continue
            print(png)
        if failed:
            raise SystemExit(f"{len(failed)} screenshot(s) not taken")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
