"""The web app in a real browser: headless Chromium (Debian's, driven by Selenium through Debian's
chromedriver) against a real ``legation serve`` on loopback, over a database of the bundled samples.

The browser can reach loopback only: every other host name resolves to nothing and every other
connection goes to a proxy that does not exist. Each test also reads the browser's own record of
the requests the page made (DevTools ``Network.requestWillBeSent`` events) and fails on any URL
that is not on 127.0.0.1, and on any error in the browser console (a blocked script, a CSP
violation, a missing file).

Needs ``/usr/bin/chromium`` and ``/usr/bin/chromedriver``: ``bash .ci/browser.sh`` installs them.
Without them the tests skip, saying so; with ``CI=true`` they fail instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.test_web_api import SENTENCE_1897, XSS_PAIR, build_db

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
HOWTO = ("run `bash .ci/browser.sh` (installs Debian's chromium and chromium-driver), "
         "then `.venv/bin/pytest -m browser tests/test_web_browser.py`")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--no-default-browser-check", "--hide-scrollbars",
    "--window-size=1400,1400", "--force-device-scale-factor=1",
    # Only loopback: no name but localhost resolves, and anything not on loopback goes to a proxy that
    # is not there (port 9, discard), so nothing can leave this machine even if a page asked.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost",
)


def _need_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[test]')")
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        missing.append("the web extra (pip install -e '.[web]')")
    if missing:
        message = f"browser tests need {', '.join(missing)}: {HOWTO}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {message}")
        pytest.skip(message)


def _serve_command(db: str) -> list[str]:
    """``legation serve`` (or, before the CLI registers it, the same function via ``-m legation.web``)."""
    from legation.cli import app

    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    head = [sys.executable, "-m", "legation.cli", "serve"] if "serve" in names else [sys.executable, "-m", "legation.web"]
    return [*head, "--db", db, "--host", "127.0.0.1", "--port", "0"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real server on a free loopback port; yields its base URL."""
    _need_browser()
    folder = tmp_path_factory.mktemp("serve")
    db = build_db(folder / "kb.db")
    env = {k: v for k, v in os.environ.items() if k != "LEGATION_TOKEN"} | {"PYTHONUNBUFFERED": "1"}
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(_serve_command(db), stdout=subprocess.PIPE, stderr=log, text=True, env=env, cwd=ROOT)
    killer = threading.Timer(60, proc.kill)  # a server that never says where it is
    killer.start()
    line = proc.stdout.readline()
    killer.cancel()
    try:
        if "http://127.0.0.1:" not in line:
            proc.kill()
            pytest.fail(f"the server did not start: {line!r}\n{(folder / 'server.log').read_text()}")
        base = line.split(" at ", 1)[1].split()[0].rstrip("/")
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/api/counts", timeout=2) as r:
                    assert r.status == 200
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(f"the server at {base} does not answer:\n{(folder / 'server.log').read_text()}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser(server, tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    # Selenium Manager must neither download a driver nor report anything: we give both paths.
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def requested_urls(driver) -> list[str]:
    """Every URL the browser sent a request for since the last call (DevTools network events)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def assert_only_loopback(driver, base: str) -> list[str]:
    urls = requested_urls(driver)
    assert urls, "the browser recorded no requests at all: the network log is not working"
    outside = [u for u in urls if urlsplit(u).scheme not in ("http", "https") or urlsplit(u).hostname not in LOOPBACK]
    assert not outside, f"the page requested non-loopback URLs: {outside}"
    assert all(u.startswith(base) for u in urls), urls
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    assert not errors, f"errors in the browser console: {errors}"
    return urls


def open_page(driver, url: str) -> None:
    """Load ``url`` afresh (never as a same-document jump), with the request log emptied first, so
    every request recorded after this is the page's."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    driver.get_log("performance")
    driver.get_log("browser")
    driver.get(url)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_pair_page_timeline_map_and_evidence(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(browser, server + "/pair/MAR-RUS")
    assert browser.title == "Morocco–Russia relations · legation"

    marks = browser.find_elements(By.CSS_SELECTOR, "#timeline .mark")
    assert len(marks) >= 20
    assert all(m.size["width"] > 0 and m.size["height"] > 0 for m in marks)
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline rect.mark.bar")  # intervals are bars
    countries = browser.find_elements(By.CSS_SELECTOR, "#map .country.focus")
    assert sorted(c.get_attribute("data-iso3") for c in countries) == ["MAR", "RUS"]
    assert all(c.size["width"] > 5 for c in countries)
    points = browser.find_elements(By.CSS_SELECTOR, "#map .mission-point")
    assert len(points) >= 3 and all(p.is_displayed() for p in points)
    assert {p.get_attribute("data-city") for p in points} >= {"Moscow", "Rabat", "Casablanca", "Tangier"}
    assert browser.find_elements(By.CSS_SELECTOR, "#map .mission-point.former")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#curve .point")) >= 10

    event = browser.find_element(By.CSS_SELECTOR, '#timeline .mark[data-start="1897"]')
    ActionChains(browser).move_to_element(event).perform()
    tip = browser.find_element(By.ID, "tip")
    WebDriverWait(browser, 5).until(lambda d: tip.is_displayed())
    assert "1897" in tip.text and "“In 1897”" in tip.text and "consulate in Tangier" in tip.text

    assert not browser.find_elements(By.CSS_SELECTOR, "#article mark.hl")
    event.click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#article mark.hl"))
    shown = browser.execute_script(
        "return Array.from(document.querySelectorAll('#article mark.hl')).map(m => m.textContent).join('')")
    assert shown == SENTENCE_1897
    in_view = """
        const m = document.querySelector('#article mark.hl'), box = document.getElementById('article');
        const r = m.getBoundingClientRect(), b = box.getBoundingClientRect();
        return r.top >= Math.max(0, b.top) - 1 && r.bottom <= Math.min(window.innerHeight, b.bottom) + 1;
    """
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(in_view))
    assert "selected" in event.get_attribute("class")
    assert browser.execute_script("return location.hash").startswith("#fact-")

    # Another fact, from a table row: the highlight moves.
    row = browser.find_elements(By.CSS_SELECTOR, "#missions-card tr.fact")[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    row.click()
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(
        "return document.querySelector('#article mark.hl').textContent") == SENTENCE_1897)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#article mark.hl")) == 1
    # Back to the timeline's click for the picture.
    browser.execute_script("window.scrollTo(0, 0)")
    event.click()
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(in_view))
    ActionChains(browser).move_to_element(browser.find_element(By.CSS_SELECTOR, "h1")).perform()
    WebDriverWait(browser, 5).until(lambda d: not tip.is_displayed())
    time.sleep(0.5)  # let the smooth scroll settle

    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / "pair-MAR-RUS.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000
    assert_only_loopback(browser, server)


def test_fact_links_open_highlighted(browser, server):
    from selenium.webdriver.support.ui import WebDriverWait

    with urllib.request.urlopen(server + "/search.json?q=consulate+Tangier") as r:
        url = json.load(r)["hits"][0]["url"]
    open_page(browser, server + url)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(
        "const m = document.querySelector('#article mark.hl'); return m && m.textContent"))
    shown = browser.execute_script("return document.querySelector('#article mark.hl').textContent")
    assert shown.startswith("In 1897, the Russian Empire established a consulate in Tangier")
    assert_only_loopback(browser, server)


def test_index_filter_and_map(browser, server):
    from selenium.webdriver.common.by import By

    open_page(browser, server + "/")
    rows = browser.find_elements(By.CSS_SELECTOR, "#pairs tbody tr")
    assert len(rows) == 17
    shaded = browser.find_elements(By.CSS_SELECTOR, "#world .country:not(.level-0)")
    assert len(shaded) >= 25
    box = browser.find_element(By.ID, "filter")
    box.send_keys("russia")
    visible = [r.text for r in rows if r.is_displayed()]
    assert len(visible) == 3 and all("Russia" in t for t in visible)
    browser.execute_script(
        "document.querySelector('#world [data-iso3=\"PLW\"]').dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    assert box.get_attribute("value") == "Palau"
    shown = [r.find_element(By.TAG_NAME, "a").text for r in rows if r.is_displayed()]
    assert shown == ["Japan–Palau relations"]
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "index.png"))
    assert_only_loopback(browser, server)


def test_xss_probe_is_inert_in_the_browser(browser, server):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(browser, f"{server}/pair/{XSS_PAIR}")
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading.startswith("Chad–Niger relations (<script>window.__xss=1</script><img src=x")
    for mark in browser.find_elements(By.CSS_SELECTOR, "#timeline .mark, #map .mission-point"):
        ActionChains(browser).move_to_element(mark).click().perform()
    assert "<script>window.__xss=7</script>" in browser.find_element(By.ID, "article").text
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    assert len(browser.find_elements(By.CSS_SELECTOR, "script")) == 1
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main iframe, #article a, #article b")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert_only_loopback(browser, server)
