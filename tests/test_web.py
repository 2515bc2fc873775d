"""The web page in a real browser: Playwright drives Debian's Chromium against the real server on the seed index.

Self-contained: the module builds a fresh seed index with the CLI, serves it with ``qa serve`` on a free port (writes
enabled with a test token; the write tests change this index) and stops it at the end; a second server over the same
index without ``QA_API_TOKEN`` starts only for the 403 test. Every browser context refuses (and records) any request
to a host other than the server. Screenshots and the measured first-load size and Enter-to-answer time go to
``results/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import running_server
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
TOKEN = "web-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Made-up news that no seed article answers.
BRIDGE = ("星河大桥正式通车\n\n茂名晚报讯 记者林海 通讯员周文 11月28日上午，连接东岸新区与西岸老城的星河大桥正式通车。\n\n"
          "星河大桥全长1280米，主跨420米，历时三年建成，总投资约18亿元。\n\n"
          "通车当天，约2000名市民步行上桥参观。大桥设有双向六车道和两条自行车道。\n")
BRIDGE_TITLE = "星河大桥正式通车"
LAKE_ID, LAKE_TITLE = "qingshi-lake", "青石湖湿地公园开园"
LAKE = "青石湖湿地公园于本周六正式开园，公园占地360公顷，园内栽种了80多种水生植物。"
LAKE_QUESTION = "青石湖湿地公园占地多少公顷"


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


@pytest.fixture(scope="module")
def seed_index(browser, tmp_path_factory) -> Path:
    """A fresh seed index for this module (the write tests change it). (After ``browser``: no build when skipping.)"""
    index = tmp_path_factory.mktemp("web") / "index"
    subprocess.run([sys.executable, "-m", "qa.cli", "build", "--corpus", str(ROOT / "seeds"), "--index", str(index)],
                   cwd=ROOT, env=os.environ | {"HF_HUB_OFFLINE": "1"}, check=True, capture_output=True)
    return index


@pytest.fixture(scope="module")
def server(seed_index) -> Iterator[str]:
    """The real server on the module's seed index, writes enabled with ``TOKEN``; its base URL."""
    with running_server(seed_index, {"QA_API_TOKEN": TOKEN}) as base:
        yield base


@pytest.fixture(scope="module")
def readonly_server(seed_index) -> Iterator[str]:
    """A second server over the same index with no ``QA_API_TOKEN``: every write answers 403."""
    with running_server(seed_index, {"QA_API_TOKEN": None}) as base:
        yield base


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

    def open_documents(self) -> None:
        """The documents view with its list in."""
        self.page.goto("/?view=documents")
        self.page.wait_for_selector(".document")

    def enter_token(self, token: str) -> None:
        """Open the write panel and type the token into it."""
        if not self.page.locator("#write-panel").evaluate("panel => panel.open"):
            self.page.click("#write-panel summary")
        self.page.fill("#write-token", token)

    def last_job_done(self):
        """The newest write in the page's log, once it is done."""
        job = self.page.locator("#jobs .job").first
        expect(job).to_have_attribute("data-state", "done", timeout=120_000)
        return job

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


def test_an_answer_below_the_passages_shown_comes_with_its_passage_last(visit):
    # 连续三天 stands in the sixth passage for this question: the reader reads on past the five shown
    visit.page.goto("/")
    visit.ask("核酸检测持续了几天？")
    page = visit.page
    assert page.locator(".answer-main mark.answer").text_content() == "三天"
    assert "7月12日起连续三天" in page.locator(".answer-sentence").text_content()
    passages = page.locator(".passage")
    assert passages.count() == 6
    assert passages.last.locator("mark.answer").text_content() == "三天"
    assert passages.first.locator("mark.answer").count() == 0


def test_two_part_and_article_answers_list_their_parts(visit):
    page = visit.page
    page.goto("/")
    visit.ask("高州云潭镇从哪天起需对全镇人民群众开展全员核酸检测，连续几天？")
    page.wait_for_selector(".answer-parts")
    assert page.locator(".answer-parts li mark.answer").all_text_contents() == ["7月12日", "三天"]
    visit.ask("《云潭镇：党员干部防疫一线勇担当》的通讯员有哪些？")
    expect(page.locator(".answer-main mark.answer")).to_have_text("谢伟燕 梁翠平")
    assert page.locator(".answer-parts li mark.answer").all_text_contents() == ["谢伟燕", "梁翠平"]
    assert page.locator(".answer-source a").count() == 1


def test_quoted_words_acts_and_yes_no_answers_show_their_kind(visit):
    page = visit.page
    page.goto("/")
    for question, answer, kind in [("邓铭东收到求助电话后是怎么回答的？", "好的,没问题,我马上请假赶回去帮忙", "原话"),
                                   ("古辉到核酸检测现场做了什么？", "指挥调度检测工作", "行为"),
                                   ("核酸检测引起恐慌了吗？", "没有引起恐慌", "是否")]:
        visit.ask(question)
        expect(page.locator(".answer-main mark.answer")).to_have_text(answer)
        assert page.locator(".answer-main .chip").text_content() == kind
        assert answer in page.locator(".answer-sentence").text_content()


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


def test_token_is_kept_for_the_tab_session_only(visit):
    page = visit.page
    visit.open_documents()
    expect(page.locator("#write-panel")).not_to_have_attribute("open", "")
    expect(page.locator(".document button[data-delete]")).to_have_count(0)  # no write controls without a token
    visit.enter_token(TOKEN)
    assert page.locator("#write-token").get_attribute("type") == "password"
    assert page.evaluate("sessionStorage.getItem('qa.token')") == TOKEN
    assert page.evaluate("Object.values(localStorage).join()").find(TOKEN) == -1 and TOKEN not in page.url
    expect(page.locator(".document button[data-delete]")).to_have_count(page.locator(".document").count())
    page.reload()
    page.wait_for_selector(".document")
    assert page.locator("#write-token").input_value() == TOKEN
    assert page.locator("#write-panel").evaluate("panel => panel.open")
    page.click("#token-forget")
    assert page.locator("#write-token").input_value() == ""
    assert page.evaluate("sessionStorage.getItem('qa.token')") is None
    expect(page.locator(".document button[data-delete]")).to_have_count(0)
    page.fill("#write-token", TOKEN)
    other = visit.context.new_page()  # another tab: its own session
    other.goto("/?view=documents")
    other.wait_for_selector(".document")
    assert other.locator("#write-token").input_value() == ""


def test_upload_with_the_token_makes_a_new_document_answerable(visit, tmp_path):
    upload = tmp_path / "xinghe-bridge.txt"
    upload.write_text(BRIDGE, encoding="utf-8")
    page = visit.page
    visit.open_documents()
    visit.enter_token(TOKEN)
    page.set_input_files("#upload-files", upload)
    polls = []  # the first poll is held: the job is under way, its progress shown
    page.route("**/jobs/*", lambda route: route.fallback() if polls else polls.append(route))
    page.click("#upload-form button[type=submit]")
    job = page.locator("#jobs .job").first
    expect(job.locator("progress")).to_be_visible()
    expect(job).to_have_attribute("data-state", re.compile("queued|running"))
    while not polls:
        page.wait_for_timeout(20)
    visit.screenshot("desktop-documents-progress")
    polls[0].continue_()
    job = visit.last_job_done()
    expect(job).to_contain_text("xinghe-bridge.txt")
    expect(job.locator(".job-docs a")).to_have_text([BRIDGE_TITLE])
    expect(job.locator("progress")).to_have_count(0)
    expect(page.locator(".document-title", has_text=BRIDGE_TITLE)).to_have_count(1)
    assert page.locator("#upload-files").evaluate("input => input.files.length") == 0
    visit.screenshot("desktop-documents-write")
    page.click("a[data-view-link=ask]")
    visit.ask("星河大桥全长多少米")
    first = page.locator(".passage").first
    assert first.locator(".passage-title").text_content() == BRIDGE_TITLE
    assert "1280米" in first.locator(".passage-text").text_content()
    assert page.locator(".answer-main mark.answer").text_content() == "1280米"


def test_paste_then_delete_after_confirming(visit, api):
    page = visit.page
    visit.open_documents()
    visit.enter_token(TOKEN)
    page.fill("#paste-title", LAKE_TITLE)
    page.fill("#paste-id", LAKE_ID)
    page.fill("#paste-text", LAKE)
    page.click("#paste-form button[type=submit]")
    expect(visit.last_job_done()).to_contain_text(LAKE_TITLE)
    item = page.locator(f".document[data-doc-id={LAKE_ID}]")
    expect(item.locator(".document-title")).to_have_text(LAKE_TITLE)
    assert page.locator("#paste-text").input_value() == ""
    top = api.post("/ask", json={"question": LAKE_QUESTION}).json()["passages"][0]
    assert top["source"]["doc_id"] == LAKE_ID

    delete = item.get_by_role("button", name=f"删除《{LAKE_TITLE}》")
    delete.click()
    item.get_by_role("button", name="取消").click()  # a second thought: nothing is deleted
    expect(item.locator(".confirm")).to_have_count(0)
    assert api.get(f"/documents/{LAKE_ID}").status_code == 200
    delete.focus()  # by keyboard: Enter asks, the confirm button takes the focus, Enter deletes
    page.keyboard.press("Enter")
    expect(item.locator("[data-delete-confirm]")).to_be_focused()
    expect(item.locator(".confirm")).to_contain_text(LAKE_TITLE)
    visit.screenshot("desktop-documents-confirm")
    page.keyboard.press("Enter")
    expect(item).to_have_count(0)
    expect(visit.last_job_done()).to_contain_text(f"删除《{LAKE_TITLE}》")
    assert api.get(f"/documents/{LAKE_ID}").status_code == 404
    page.click("a[data-view-link=ask]")
    visit.ask(LAKE_QUESTION)
    assert LAKE_TITLE not in page.locator(".passage-title").all_text_contents()


def test_replace_in_the_edit_form_shows_the_new_text_in_the_article(visit, api):
    doc_id, title = "harbour-ferry", "港湾新航线开通"
    text = f"{title}\n\n港湾新航线昨日开通，渡轮每天运营12个班次，单程约25分钟。"
    added = api.post("/documents?wait=true", json={"documents": [{"id": doc_id, "text": text}]}, headers=AUTH)
    assert added.status_code == 201, added.text
    page = visit.page
    visit.open_documents()
    visit.enter_token(TOKEN)
    page.get_by_role("link", name=f"修改《{title}》").click()
    expect(page.locator("#edit-form")).to_be_visible()
    expect(page.locator("#add-forms")).to_be_hidden()
    assert "edit=harbour-ferry" in page.url
    assert page.locator("#edit-id").text_content() == doc_id
    assert page.locator("#edit-title").input_value() == title
    assert page.locator("#edit-text").input_value() == api.get(f"/documents/{doc_id}").json()["text"]
    page.fill("#edit-text", text.replace("12个班次", "18个班次"))
    page.click("#edit-form button[type=submit]")
    page.wait_for_url(f"**/?doc={doc_id}")
    lines = page.locator("#reader .lines")
    expect(lines).to_contain_text("渡轮每天运营18个班次")
    assert "12个班次" not in lines.text_content()
    assert page.locator("#reader h1").text_content() == title
    stored = api.get(f"/documents/{doc_id}").json()
    assert "18个班次" in stored["text"] and stored["title"] == title

    page.get_by_role("link", name="修改或删除本文").click()  # and delete it from its edit form
    page.click("#edit-delete")
    page.locator("#edit-confirm [data-delete-confirm]").click()
    page.wait_for_url("**/?view=documents")
    expect(page.locator(f".document[data-doc-id={doc_id}]")).to_have_count(0)
    assert api.get(f"/documents/{doc_id}").status_code == 404


def test_writes_without_the_right_token_show_the_401_message(visit, api, tmp_path):
    before = api.get("/documents").json()["documents"]
    page = visit.page
    visit.open_documents()
    page.click("#write-panel summary")
    page.fill("#paste-text", "没有令牌的文档。")
    with page.expect_response(lambda r: r.url.endswith("/documents") and r.request.method == "POST") as sent:
        page.click("#paste-form button[type=submit]")
    assert sent.value.status == 401
    error = page.locator("#write-error")
    expect(error).to_contain_text("401")
    expect(error).to_contain_text("写入令牌缺失或错误")
    upload = tmp_path / "news.txt"
    upload.write_text(BRIDGE, encoding="utf-8")
    visit.enter_token("wrong-token")
    page.set_input_files("#upload-files", upload)
    with page.expect_response(lambda r: r.url.endswith("/documents") and r.request.method == "POST") as sent:
        page.click("#upload-form button[type=submit]")
    assert sent.value.status == 401 and sent.value.request.all_headers()["authorization"] == "Bearer wrong-token"
    expect(error).to_contain_text("写入令牌缺失或错误")
    expect(page.locator("#jobs-section")).to_be_hidden()
    assert api.get("/documents").json()["documents"] == before
    page.click("#lang")
    page.click("#upload-form button[type=submit]")
    expect(error).to_contain_text("missing or wrong write token")


def test_refused_uploads_show_the_api_detail(visit, tmp_path):
    pdf = tmp_path / "notes.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    page = visit.page
    visit.open_documents()
    visit.enter_token(TOKEN)
    error = page.locator("#write-error")
    page.click("#upload-form button[type=submit]")  # nothing chosen: said so, nothing sent
    expect(error).to_contain_text("请先选择要上传的文件")
    page.set_input_files("#upload-files", pdf)  # the picker offers only the read types; a drop can bring any
    page.click("#upload-form button[type=submit]")
    expect(error).to_contain_text("415 · 不支持的文件类型")
    expect(error).to_contain_text("notes.pdf")
    page.set_input_files("#upload-files", ROOT / "tests" / "data" / "live" / "bad.jsonl")
    page.click("#upload-form button[type=submit]")
    expect(error).to_contain_text("400 · 输入无效")
    expect(error).to_contain_text("bad.jsonl:2")
    expect(page.locator("#jobs-section")).to_be_hidden()


def test_writes_disabled_on_the_server_show_the_403_message(browser, readonly_server):
    visit = Visit(browser, readonly_server, DESKTOP)
    try:
        page = visit.page
        visit.open_documents()
        visit.enter_token(TOKEN)
        page.fill("#paste-text", LAKE)
        page.click("#paste-form button[type=submit]")
        error = page.locator("#write-error")
        expect(error).to_contain_text("403")
        expect(error).to_contain_text("服务器未开启写入")
        expect(error).to_contain_text("QA_API_TOKEN=")
        page.locator(".document button[data-delete]").first.click()
        page.locator(".document [data-delete-confirm]").click()
        expect(error).to_contain_text("服务器未开启写入")
        assert visit.foreign_requests() == []
    finally:
        visit.context.close()


def test_write_controls_at_phone_width(browser, server, api):
    visit = Visit(browser, server, PHONE)
    try:
        page = visit.page
        visit.open_documents()
        visit.enter_token(TOKEN)
        for control in page.locator("#main input:visible, #main select:visible, #main textarea:visible").all():
            assert control.evaluate("el => el.labels.length > 0"), control.evaluate("el => el.outerHTML")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        visit.screenshot("phone-documents-write")
        doc_id = api.get("/documents").json()["documents"][0]["id"]
        page.goto(f"/?view=documents&edit={doc_id}")
        expect(page.locator("#edit-form")).to_be_visible()
        page.click("#edit-delete")
        expect(page.locator("#edit-confirm")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.screenshot(path=SCREENSHOTS / "phone-documents-edit.png")
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
