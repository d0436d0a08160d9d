"""The HTML report in a real browser (Debian chromium, headless).

Chromium is driven over the DevTools protocol on ``--remote-debugging-pipe`` (file descriptors 3
and 4, NUL-terminated JSON), so no websocket client or other dependency is needed. Each page is
checked for script errors, console errors, CSP violations and dialogs; the counts shown after the
script ran are compared with the JSON summary; the filter buttons are exercised; and a screenshot of
the known pair and of the three-source event is written to reports/.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import A_PATH, B_PATH, C_PATH, ROOT

CHROMIUM = "/usr/bin/chromium"
REPORTS = ROOT / "reports"
WIDTH, HEIGHT = 1280, 2400

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK),
                       reason=f"{CHROMIUM} not found: apt-get install chromium to run the browser tests"),
]


class Chromium:
    """Headless chromium with one page, spoken to over the DevTools pipe."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT, timeout: float = 15.0):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="claimdiff-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # Move the child's ends above 3 and 4 so that the dup2 calls below cannot clobber them.
        hi_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 10)
        hi_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_child_r)
        os.close(from_child_w)

        def child_fds():
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
                "--remote-debugging-pipe", "about:blank"]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=child_fds)
        os.close(hi_r)
        os.close(hi_w)
        self._buf = b""
        self._next_id = 0
        self.events: list[dict] = []
        self.session = None
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                self.call(f"{domain}.enable")
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        except BaseException:
            self.close()
            raise

    # -- protocol ------------------------------------------------------------------------------
    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_child], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError(f"chromium closed the DevTools pipe (exit code {self.proc.poll()})")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def _handle_event(self, msg: dict) -> None:
        self.events.append(msg)
        if msg["method"] == "Page.javascriptDialogOpening":  # never leave the page blocked on a dialog
            self.send("Page.handleJavaScriptDialog", {"accept": False})

    def send(self, method: str, params: dict | None = None) -> int:
        self._next_id += 1
        msg = {"id": self._next_id, "method": method, "params": params or {}}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        return self._next_id

    def call(self, method: str, params: dict | None = None) -> dict:
        want = self.send(method, params)
        deadline = time.monotonic() + self.timeout
        while True:
            msg = self._read_message(deadline)
            if "method" in msg:
                self._handle_event(msg)
            elif msg.get("id") == want:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg["result"]

    def wait_event(self, method: str) -> dict:
        for msg in self.events:
            if msg["method"] == method:
                return msg
        deadline = time.monotonic() + self.timeout
        while True:
            msg = self._read_message(deadline)
            if "method" in msg:
                self._handle_event(msg)
                if msg["method"] == method:
                    return msg

    # -- page ----------------------------------------------------------------------------------
    def open(self, path: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", {"url": path.resolve().as_uri()})
        self.wait_event("Page.loadEventFired")
        self.eval("new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")

    def eval(self, expression: str):
        res = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                              "awaitPromise": True})
        if "exceptionDetails" in res:
            raise AssertionError(f"evaluating {expression!r}: {res['exceptionDetails']}")
        return res["result"].get("value")

    def problems(self) -> list[str]:
        """Script exceptions, console.error/assert calls, error log entries (CSP, failed loads), dialogs."""
        out = []
        for m in self.events:
            p = m.get("params", {})
            if m["method"] == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                out.append(f"exception: {d.get('exception', {}).get('description') or d.get('text')}")
            elif m["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(f"console.{p['type']}: {[a.get('value', a.get('description')) for a in p['args']]}")
            elif m["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append(f"log: {p['entry']['text']}")
            elif m["method"] == "Page.javascriptDialogOpening":
                out.append(f"dialog {p['type']}: {p['message']}")
        return out

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        params: dict = {"format": "png"}
        if full_page:
            h = self.eval("document.documentElement.scrollHeight")
            w = self.eval("document.documentElement.scrollWidth")
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": w, "height": h, "scale": 1})
        data = self.call("Page.captureScreenshot", params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                try:
                    self.session = None
                    self.send("Browser.close")
                    self.proc.wait(timeout=5)
                except (OSError, subprocess.TimeoutExpired):
                    self.proc.kill()
                    self.proc.wait(timeout=5)
        finally:
            for fd in (self._to_child, self._from_child):
                try:
                    os.close(fd)
                except OSError:
                    pass
            shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    b = Chromium()
    yield b
    b.close()


# What the page shows once its script ran: counts, sections, the filter's output.
PAGE_STATE = """(() => {
  const q = s => document.querySelector(s);
  const counts = {};
  for (const k of ["agreements", "partial", "discrepancies", "omissions", "claims"]) {
    const el = q("#count-" + k);
    counts[k] = el ? {data: el.getAttribute("data-count"), text: el.textContent.trim()} : null;
  }
  const visible = el => el.offsetParent !== null;
  return {
    counts,
    claims: document.querySelectorAll("section.claim").length,
    claimIds: [...document.querySelectorAll("section.claim")].map(e => e.id),
    shown: q("#shown") ? q("#shown").textContent : null,
    visibleClaims: [...document.querySelectorAll("section.claim")].filter(visible).length,
    matrixRows: document.querySelectorAll(".matrix tr[data-claim]").length,
    docWidth: document.documentElement.scrollWidth,
    viewWidth: window.innerWidth,
  };
})()"""


def _click(browser: Chromium, selector: str) -> None:
    browser.eval(f"document.querySelector({json.dumps(selector)}).click()")


def _check_report(browser: Chromium, report, tmp_path: Path, name: str) -> None:
    from align.render import render_html, report_dict

    page = tmp_path / f"{name}.html"
    page.write_text(render_html(report), encoding="utf-8")
    browser.open(page)
    state = browser.eval(PAGE_STATE)
    assert browser.problems() == []

    expected = report_dict(report)["summary"]
    for key, c in state["counts"].items():
        assert c is not None, f"#count-{key} missing"
        assert int(c["data"]) == expected[key], key
        assert int(c["text"]) == expected[key], key
    assert state["claims"] == expected["claims"] == len(report.claims)
    assert state["claimIds"] == [c.id for c in report.claims]
    assert state["matrixRows"] == len(report.claims)
    assert state["shown"] == str(len(report.claims)), "the filter script did not fill #shown"
    assert state["visibleClaims"] == len(report.claims)
    assert state["docWidth"] <= state["viewWidth"], "the page overflows horizontally at 1280px"
    browser.screenshot(REPORTS / f"{name}.png")

    # The filter buttons and the source select do what they say.
    n_disc = sum(c.verdict == "discrepancy" for c in report.claims)
    _click(browser, '.bar button[data-mode="discrepancy"]')
    state = browser.eval(PAGE_STATE)
    assert state["shown"] == str(n_disc) and state["visibleClaims"] == n_disc
    assert browser.eval("document.querySelector('.bar button[data-mode=discrepancy]')"
                        ".getAttribute('aria-pressed')") == "true"
    hidden_rows = browser.eval("document.querySelectorAll('.matrix tr[data-claim].hidden').length")
    assert hidden_rows == len(report.claims) - n_disc
    _click(browser, '.bar button[data-mode="omission"]')
    n_excl = sum(c.verdict == "exclusive" for c in report.claims)
    assert browser.eval(PAGE_STATE)["shown"] == str(n_excl)
    for mode in ("partial", "agreement"):  # each verdict has its own button
        _click(browser, f'.bar button[data-mode="{mode}"]')
        assert browser.eval(PAGE_STATE)["shown"] == str(sum(c.verdict == mode for c in report.claims))
    _click(browser, '.bar button[data-mode="all"]')
    last = report.articles[-1].id
    browser.eval(f"""(() => {{ const s = document.getElementById('source'); s.value = {json.dumps(last)};
                       s.dispatchEvent(new Event('change')); }})()""")
    n_src = sum(last in c.sources for c in report.claims)
    assert browser.eval(PAGE_STATE)["shown"] == str(n_src)
    assert browser.problems() == []


def test_known_pair_in_browser(browser, known_report, tmp_path):
    # known_report (conftest): compare_files([A_PATH, B_PATH], Options(), encoder=real_encoder)
    assert [Path(a.path).name for a in known_report.articles] == [A_PATH.name, B_PATH.name]
    _check_report(browser, known_report, tmp_path, "known-pair")


def test_three_sources_in_browser(browser, real_encoder, tmp_path):
    from align.pipeline import Options, compare_files

    report = compare_files([A_PATH, B_PATH, C_PATH], Options(), encoder=real_encoder)
    _check_report(browser, report, tmp_path, "asia-tour-three")


def test_browser_reports_script_errors(browser, tmp_path):
    """The harness itself: an uncaught error, console.error and an alert are all caught."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><body><p>x</p><script>console.error('boom');"
                    "setTimeout(()=>alert('hi'),0);undefinedFn();</script></body></html>", encoding="utf-8")
    browser.open(page)
    browser.eval("new Promise(r => setTimeout(r, 50))")
    found = "\n".join(browser.problems())
    assert "undefinedFn" in found and "boom" in found and "dialog alert: hi" in found


def test_hostile_text_is_inert_in_browser(browser, fake_encoder, tmp_path):
    """Markup in the articles reaches the page as text: no dialog, no injected elements."""
    from align.pipeline import Options, compare_files
    from align.render import render_html

    from test_html import HOSTILE, write_hostile_pair

    a, b = write_hostile_pair(tmp_path)
    report = compare_files([a, b], Options(), encoder=fake_encoder)
    page = tmp_path / "hostile.html"
    page.write_text(render_html(report), encoding="utf-8")
    browser.open(page)
    browser.eval("new Promise(r => setTimeout(r, 200))")
    assert browser.problems() == []
    assert not [m for m in browser.events if m["method"] == "Page.javascriptDialogOpening"]
    dom = browser.eval("""(() => ({
        scripts: document.scripts.length,
        imgs: document.images.length,
        text: document.body.innerText,
        xssFlag: window.__xss === true,
    }))()""")
    assert dom["scripts"] == 1  # the report's own script only
    assert dom["imgs"] == 0
    assert not dom["xssFlag"]
    for needle in HOSTILE:
        assert needle in dom["text"], needle
