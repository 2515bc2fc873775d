"""The web page in a real browser: Playwright drives Debian's Chromium against the real server on the seed index.

Self-contained: the module builds the seed index with the CLI, serves it with ``qa serve`` on a free port and
stops it at the end. Every browser context refuses (and records) any request to a host other than the server.
Screenshots and the measured first-load size and Enter-to-answer time go to ``results/``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "results"
SCREENSHOTS = RESULTS / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
ANSWERABLE = "多少党员志愿者"
UNANSWERABLE = "埃菲尔铁塔有多高"
YUNTAN = "云潭镇：党员干部防疫一线勇担当"


@pytest.fixture(scope="module")
def browser():
    """Chromium from the system (Playwright's own download cannot work offline)."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("no chromium executable on PATH (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable)
        yield browser
        browser.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory) -> str:
    """The real server (``qa serve``) on the seed index; its base URL. (After ``browser``: no build when skipping.)"""
    index = tmp_path_factory.mktemp("web") / "index"
    env = os.environ | {"HF_HUB_OFFLINE": "1"}
    subprocess.run([sys.executable, "-m", "qa.cli", "build", "--corpus", str(ROOT / "seeds"), "--index", str(index)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--index", str(index), "--host", "127.0.0.1",
                                "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, "qa serve exited during start-up"
            assert time.monotonic() < deadline, "qa serve did not answer /health within 180 s"
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def api(server):
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


class Visit:
    """A fresh browser context: one page, every request it made, and any request to another host refused."""

    def __init__(self, browser, server: str, viewport: dict) -> None:
        self.server = server
        self.requests: list[str] = []
        self.context = browser.new_context(viewport=viewport, base_url=server)
        self.context.route("**/*", self._only_server)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)

    def _only_server(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.startswith(f"{self.server}/"):
            route.continue_()
        else:
            route.abort("internetdisconnected")

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(f"{self.server}/")]

    def ask(self, question: str) -> None:
        """Type the question and press Enter; wait for the passages."""
        self.page.fill("#question", question)
        self.page.press("#question", "Enter")
        self.page.wait_for_selector(".passage")

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


@pytest.fixture
def visit(browser, server):
    visit = Visit(browser, server, DESKTOP)
    yield visit
    visit.context.close()


def highlighted_target(page) -> str:
    return "".join(page.locator("#reader mark.target").all_text_contents())


def test_answer_highlighted_in_its_sentence_with_source(visit):
    visit.page.goto("/")
    visit.ask(ANSWERABLE)
    page = visit.page
    assert page.locator(".answer-main mark.answer").text_content() == "400多名"
    assert page.locator(".answer-sentence mark.answer").text_content() == "400多名"
    assert page.locator(".answer-main .chip").text_content() == "数量"
    assert page.locator(".answer-source a").text_content() == YUNTAN
    first = page.locator(".passage").first
    assert first.locator("mark.answer").text_content() == "400多名"
    assert {"党员", "志愿者"} <= set(first.locator("mark.term").all_text_contents())
    assert first.locator("mark.sentence").count() > 0
    assert "q=" in page.url
    page.locator(".passage .scores summary").first.click()
    assert page.locator(".passage .scores dd").first.is_visible()
    visit.screenshot("desktop-ask")


def test_passage_opens_its_article_highlighted_at_the_api_offsets(visit, api):
    passage = api.post("/ask", json={"question": ANSWERABLE}).json()["passages"][0]
    source = passage["source"]
    document = api.get(f"/documents/{source['doc_id']}").json()
    visit.page.goto("/")
    visit.ask(ANSWERABLE)
    page = visit.page
    page.locator(".passage-text").first.click()
    page.wait_for_selector("#reader mark.target")
    assert highlighted_target(page) == document["text"][source["start"]:source["end"]] == passage["text"]
    line = page.locator("#reader .lines > li").nth(source["paragraph"] - 1)
    assert line.locator("mark.target").count() == 1
    assert page.locator("#reader mark.target").first.is_visible()
    assert page.evaluate("() => { const r = document.querySelector('#reader mark.target').getBoundingClientRect();"
                         " return r.top >= 0 && r.bottom <= innerHeight; }")
    assert page.locator("#reader h1").text_content() == document["title"]
    assert document["byline"] in page.locator("#reader .meta").text_content()
    assert page.locator("#reader .summary li").count() == len(document["summary"])
    assert page.locator("#reader .chips li").all_text_contents() == document["keywords"]
    visit.screenshot("desktop-article")
    page.go_back()
    page.wait_for_selector(".answer-main")
    assert page.locator("#question").input_value() == ANSWERABLE


def test_unanswerable_question_says_so_and_still_lists_passages(visit, api):
    response = api.post("/ask", json={"question": UNANSWERABLE}).json()
    assert response["answer"] is None and response["passages"]
    visit.page.goto("/")
    visit.ask(UNANSWERABLE)
    page = visit.page
    assert page.locator(".answer-box.none h2").text_content() == "资料中没有找到答案"
    assert page.locator(".answer-main").count() == 0
    assert page.locator(".passage").count() == len(response["passages"])


def test_document_summary_sentences_link_to_their_place(visit, api):
    documents = {d["title"]: d["id"] for d in api.get("/documents").json()["documents"]}
    page = visit.page
    page.goto("/?view=summarize")
    page.select_option("#sum-doc", documents[YUNTAN])
    page.select_option("#sum-sentences", "2")
    page.click("#sum-form button[type=submit]")
    links = page.locator("#sum-result .summary a")
    links.first.wait_for()
    assert links.count() == 2
    assert page.locator("#sum-result h3").first.text_content() == YUNTAN
    expected = api.post("/summarize", json={"doc_id": documents[YUNTAN], "max_sentences": 2}).json()["sentences"]
    assert links.all_text_contents() == [s["text"] for s in expected]
    links.first.click()
    page.wait_for_selector("#reader mark.target")
    document = api.get(f"/documents/{documents[YUNTAN]}").json()
    assert highlighted_target(page) == document["text"][expected[0]["start"]:expected[0]["end"]]


def test_pasted_text_and_question_summaries(visit):
    page = visit.page
    page.goto("/?view=summarize")
    page.check("input[name=source][value=text]")
    page.fill("#sum-text", "第一句讲天气很好。第二句讲云潭镇开展核酸检测，400多名党员参加志愿服务。第三句讲晚饭。")
    page.select_option("#sum-sentences", "1")
    page.click("#sum-form button[type=submit]")
    page.wait_for_selector("#sum-result .pasted mark.target")
    assert page.locator("#sum-result .summary li").count() == 1
    page.check("input[name=source][value=question]")
    page.fill("#sum-question", "云潭镇如何开展核酸检测")
    page.click("#sum-form button[type=submit]")
    page.wait_for_selector("#sum-result .summary a")
    assert page.locator("#sum-result .pasted").count() == 0


def test_query_in_the_address_asks_at_once(visit):
    visit.page.goto(f"/?q={ANSWERABLE}")
    visit.page.wait_for_selector(".answer-main mark.answer")
    assert visit.page.locator(".answer-main mark.answer").text_content() == "400多名"
    assert visit.page.locator("#question").input_value() == ANSWERABLE


def test_documents_list_filters(visit, api):
    titles = [d["title"] for d in api.get("/documents").json()["documents"]]
    page = visit.page
    page.goto("/?view=documents")
    page.wait_for_selector(".document")
    assert page.locator(".document-title").all_text_contents() == titles
    page.fill("#doc-filter", "云潭")
    expect(page.locator(".document-title")).to_have_text([YUNTAN])
    page.fill("#doc-filter", "没有这篇")
    expect(page.locator(".document-title")).to_have_count(0)
    expect(page.locator(".documents .empty")).to_be_visible()


def test_api_errors_are_shown_in_words(visit):
    page = visit.page
    page.goto("/")
    page.press("#question", "Enter")
    expect(page.locator("#ask-error")).to_contain_text("400")
    expect(page.locator("#ask-error")).to_contain_text("the question is empty")
    page.goto("/?doc=no-such-document")
    expect(page.locator("#read-error")).to_contain_text("404")
    expect(page.locator("#read-error")).to_contain_text("no-such-document")


def test_slow_request_shows_the_loading_indicator(visit):
    page = visit.page
    page.goto("/")
    held = []
    page.route("**/ask", lambda route: held.append(route))
    page.fill("#question", ANSWERABLE)
    page.press("#question", "Enter")
    page.wait_for_selector("#loading", state="visible")
    held[0].continue_()
    page.wait_for_selector(".answer-main")
    assert page.locator("#loading").is_hidden()


def test_keyboard_reaches_the_controls_with_visible_focus(visit):
    page = visit.page
    page.goto("/")
    seen = []
    for _ in range(10):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()"))
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        if seen[-1] == "question":
            break
    assert "lang" in seen and seen[-1] == "question"
    for control in page.locator("input:visible, select:visible, textarea:visible").all():
        assert control.evaluate("el => el.labels.length > 0")


def test_no_request_to_any_other_host(visit):
    page = visit.page
    page.goto(f"/?q={ANSWERABLE}")
    page.locator(".passage-text").first.click()
    page.wait_for_selector("#reader mark.target")
    page.click("a[data-view-link=summarize]")
    page.wait_for_selector("#sum-doc option", state="attached")
    page.click("#sum-form button[type=submit]")
    page.wait_for_selector("#sum-result .summary a")
    page.click("a[data-view-link=documents]")
    page.wait_for_selector(".document")
    assert len(visit.requests) > 10
    assert visit.foreign_requests() == []


@pytest.mark.parametrize("path, rendered", [("/docs", ".swagger-ui .opblock"), ("/redoc", "redoc .api-content h1")])
def test_api_docs_render_with_no_network(visit, path, rendered):
    visit.page.goto(path)
    visit.page.wait_for_selector(rendered)
    assert "/ask" in visit.page.content()
    assert visit.foreign_requests() == []


def test_english_switch(visit):
    page = visit.page
    page.goto(f"/?q={ANSWERABLE}")
    page.wait_for_selector(".answer-main")
    page.click("#lang")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#answer-heading").text_content() == "Answer"
    assert page.locator(".answer-main .chip").text_content() == "quantity"
    assert page.locator("a[data-view-link=ask]").text_content() == "Ask"
    assert page.locator("#lang").text_content() == "中文"
    page.reload()
    page.wait_for_selector(".answer-main")
    assert page.locator("#passages-heading").text_content().startswith("Passages")
    page.click("#lang")
    assert page.locator("#answer-heading").text_content() == "答案"


def test_phone_width_has_no_horizontal_overflow(browser, server):
    visit = Visit(browser, server, PHONE)
    try:
        page = visit.page
        for path, ready in [("/?view=summarize", "#sum-doc option"), ("/?view=documents", ".document"),
                            (f"/?q={ANSWERABLE}", ".answer-main")]:
            page.goto(path)
            page.wait_for_selector(ready, state="attached")
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        visit.screenshot("phone-ask")
        page.locator(".passage-text").first.click()
        page.wait_for_selector("#reader mark.target")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.screenshot(path=SCREENSHOTS / "phone-article.png")  # the viewport: the passage scrolled into it
    finally:
        visit.context.close()


MEASURE_ENTER = """() => {
  window.enterToAnswer = null;
  const input = document.getElementById("question");
  let pressed = 0;
  input.addEventListener("keydown", (event) => { if (event.key === "Enter") pressed = performance.now(); },
                         { once: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector("#ask-result .answer-main")) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.enterToAnswer = performance.now() - pressed; }));
  });
  observer.observe(document.getElementById("ask-result"), { childList: true });
}"""


def test_measure_first_load_size_and_enter_to_answer(visit):
    """Print (and write to results/web_metrics.json) the first load's bytes and the warm Enter-to-answer time."""
    page = visit.page
    page.goto("/", wait_until="networkidle")
    loaded = page.evaluate("""() => performance.getEntriesByType("navigation").concat(
        performance.getEntriesByType("resource")).map((e) => [e.name, e.transferSize, e.decodedBodySize])""")
    visit.ask("云潭镇党委书记是谁")  # warm the page, the server and this browser's connections
    times = []
    for _ in range(5):
        page.fill("#question", ANSWERABLE)
        page.evaluate(MEASURE_ENTER)
        page.press("#question", "Enter")
        page.wait_for_function("() => window.enterToAnswer !== null")
        times.append(page.evaluate("window.enterToAnswer"))
    metrics = {"first_load_requests": len(loaded), "first_load_transferred_bytes": sum(e[1] for e in loaded),
               "first_load_decoded_bytes": sum(e[2] for e in loaded),
               "enter_to_answer_ms": [round(t, 1) for t in times],
               "enter_to_answer_median_ms": round(statistics.median(times), 1)}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "web_metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    print(f"\nweb page: first load {metrics['first_load_transferred_bytes']:,} bytes transferred in "
          f"{len(loaded)} requests; Enter to answer painted (warm) median {metrics['enter_to_answer_median_ms']} ms "
          f"of {metrics['enter_to_answer_ms']}")
    assert metrics["first_load_transferred_bytes"] > 0
