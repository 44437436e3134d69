#!/usr/bin/env python3
# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Screenshots of the demo for the READMEs: logs in to a running demo server, drives
headless Chromium over the DevTools protocol and writes PNG files.

    .local/venv/bin/python scripts/screenshots.py --url http://127.0.0.1:8069 \
        --db retail_demo --out addons/retail_customer/static/description \
        name=/odoo/action-retail_customer.res_partner_action_retail_customers ...
"""

import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket


def login(url, db, user, password):
    payload = json.dumps(
        {
            "jsonrpc": "2.0",
            "params": {"db": db, "login": user, "password": password},
        }
    ).encode()
    request = urllib.request.Request(
        f"{url}/web/session/authenticate",
        payload,
        {"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        cookie = response.headers["Set-Cookie"]
    return cookie.split("session_id=")[1].split(";")[0]


class Browser:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp()
        self.proc = subprocess.Popen(
            [
                shutil.which("chromium") or shutil.which("google-chrome"),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "--remote-debugging-port=9333",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _i in range(50):
            try:
                with urllib.request.urlopen(
                    "http://127.0.0.1:9333/json", timeout=2
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
            self.call("Runtime.evaluate", expression=script, awaitPromise=True)
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
    parser.add_argument("--out", required=True)
    parser.add_argument("--wait", type=float, default=6.0)
    parser.add_argument("--size", default="1400x900")
    parser.add_argument(
        "shots",
        nargs="+",
        help="name=/path, optionally followed by |javascript|javascript... run in "
        "the page before the shot",
    )
    args = parser.parse_args()
    session = login(args.url, args.db, args.login, args.password)
    width, height = (int(v) for v in args.size.split("x"))
    browser = Browser(width, height)
    try:
        host = args.url.split("//")[1].split(":")[0]
        browser.call("Network.enable")
        browser.call(
            "Network.setCookie", name="session_id", value=session, domain=host, path="/"
        )
        for shot in args.shots:
            name, spec = shot.split("=", 1)
            path, *scripts = spec.split("|")
            browser.shoot(args.url + path, f"{args.out}/{name}.png", args.wait, scripts)
            print(f"{args.out}/{name}.png")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
