"""Answers end to end: real model, real index of seeds/, through the service and the HTTP API."""

import json

import httpx
import pytest

from conftest import (CMRC_CORPUS, DRCD_ANSWERS, DRCD_NAMES, DRCD_SUBSET, FRESH_GOLD, GOLD as GOLD_FILE, ROOT,
                      live_server, warm_service)
from qa.evaluate import load_gold
from qa.evaluate.metrics import exact_match

GOLD = load_gold(GOLD_FILE)


def ask_live(url: str, question: str) -> dict:
    """The ``/ask`` body a live server at ``url`` gives for ``question``."""
    return httpx.post(f"{url}/ask", json={"question": question}, timeout=60).json()


def live_answer(url: str, question: str) -> dict:
    """The answer a live server at ``url`` gives ``question``, checked to be there and to stand at its offsets."""
    body = ask_live(url, question)
    assert body["answer"]
    answer_passage(body)
    return body["answer"]


def answer_passage(body: dict) -> dict:
    """The passage an ``/ask`` body's answer stands in, checked to hold the answer's text at its offsets."""
    answer = body["answer"]
    passage = next(p for p in body["passages"] if p["id"] == answer["passage_id"])
    assert passage["text"][answer["start"]:answer["end"]] == answer["text"]
    return passage


def test_volunteer_answer_with_exact_place(client):
    body = client.post("/ask", json={"question": "多少党员志愿者"}).json()
    answer = body["answer"]
    assert body["answerable"] is True and answer["text"] == "400多名" and answer["type"] == "quantity"
    passage = next(p for p in body["passages"] if p["id"] == answer["passage_id"])
    assert passage["text"][answer["start"]:answer["end"]] == "400多名"
    sentence = passage["text"][answer["sentence"]["start"]:answer["sentence"]["end"]]
    assert "400多名" in sentence and sentence.endswith("。")
    document = client.get(f"/documents/{answer['doc_id']}").json()
    assert document["text"][answer["doc_start"]:answer["doc_end"]] == "400多名"
    assert [answer["sentence"]["start"], answer["sentence"]["end"]] in passage["highlights"]


@pytest.mark.parametrize("question", ["多少黨員志願者", "How many party members volunteered?"])
def test_traditional_and_english_questions_get_the_simplified_answer(client, question):
    answer = client.post("/ask", json={"question": question}).json()["answer"]
    assert answer and answer["text"] == "400多名"


def test_every_gold_answer_indexes_its_passage_and_document(service):
    for item in GOLD:
        result = service.ask(item.question)
        answer = result.answer
        assert result.answerable == (answer is not None)
        if answer is None:
            continue
        passage = next(h.passage for h in result.hits if h.passage.id == answer.passage_id)
        assert passage.text[answer.start:answer.end] == answer.text
        document = service.document(answer.doc_id).document
        assert document.text[answer.doc_start:answer.doc_end] == answer.text
        assert answer.sentence.start <= answer.start < answer.end <= answer.sentence.end


def test_unanswerable_gold_questions_are_declined_with_passages(service):
    for item in (item for item in GOLD if not item.answerable):
        result = service.ask(item.question)
        assert result.answer is None and result.answerable is False, item.question
        assert result.hits


def test_answer_quality_on_gold_meets_target(service):
    answerable = [item for item in GOLD if item.answerable]
    answers = [service.ask(item.question).answer for item in answerable]
    right = sum(exact_match(answer.text if answer else "", item.answers) for answer, item in zip(answers, answerable))
    assert right / len(answerable) >= 0.8


def test_answer_quality_on_questions_written_afresh(service):
    answerable = [item for item in load_gold(FRESH_GOLD) if item.answerable]
    answers = [service.ask(item.question).answer for item in answerable]
    right = sum(exact_match(answer.text if answer else "", item.answers) for answer, item in zip(answers, answerable))
    assert right / len(answerable) >= 0.65


@pytest.mark.parametrize("question, expected", [
    ("云潭镇党委书记是谁？", "古辉"),
    ("莱茵春天小区什么时候被划为高中风险区？", "7月11日"),
    ("云潭镇党政领导班子是什么时候召开班子会议的？", "7月13日凌晨2时"),
    ("截至7月13日城南街道共完成了几轮大规模核酸检测？", "5轮"),
    ("云潭镇党委政府坚持什么施政理念？", "“人民至上 生命至上”"),
    ("全员核酸检测为期几天？", "三天"),  # 为期 only ties the event to its length: the text says 连续三天
])
def test_typed_answers(client, question, expected):
    assert client.post("/ask", json={"question": question}).json()["answer"]["text"] == expected


def test_an_answer_below_the_passages_shown_comes_with_its_passage(live_url, settings):
    # the issue's own wording: the passages on 核酸检测 that rank first state no length in days; the one that says
    # 7月12日起连续三天 ranks sixth, below the five shown, so the reader reads on into the next passages
    for top_k in (None, 1):
        body = httpx.post(f"{live_url}/ask", json={"question": "核酸检测持续了几天？", "top_k": top_k},
                          timeout=60).json()
        assert body["answer"]["text"] == "三天"
        shown = top_k or settings.top_k
        assert len(body["passages"]) == shown + 1 and answer_passage(body) is body["passages"][-1]


def test_without_reading_on_the_answer_below_the_passages_shown_is_declined(seed_index_dir, embedder, settings):
    from qa.service import QAService

    only_the_best = QAService(settings.model_copy(update={"answer_further_passages": 0}), seed_index_dir, embedder)
    result = only_the_best.ask("核酸检测持续了几天？")
    assert result.answer is None and len(result.hits) == settings.top_k


def test_a_verb_jieba_tags_as_a_name_answers_no_who_question(live_url):
    # 邓铭东耐心安抚群众情绪,…为群众送水解渴: jieba's dictionary tags 安抚 nr; after 耐心 it is a verb
    assert live_answer(live_url, "谁为群众送水解渴？")["text"] == "邓铭东"


@pytest.mark.parametrize("question, expected", [
    ("邓铭东收到求助电话后是怎么回答的？", "好的,没问题,我马上请假赶回去帮忙"),  # the reply, not the request before it
    ("陈永滔在会上说了什么？", "我们要与时间赛跑,直面困难,用信心与责任心共克时艰、众志成城,合力战‘疫’,让我们一起打赢这一仗"),
])
def test_what_someone_said_is_answered_with_their_quoted_words(client, question, expected):
    answer = client.post("/ask", json={"question": question}).json()["answer"]
    assert answer["text"] == expected and answer["type"] == "speech"
    passage = client.get(f"/documents/{answer['doc_id']}").json()["text"]
    assert passage[answer["doc_start"]:answer["doc_end"]] == expected


@pytest.mark.parametrize("question, expected", [
    ("谁说要与时间赛跑？", "陈永滔"),  # named after the words, not the byline before them
    ("是谁说“好的,没问题,我马上请假赶回去帮忙”？", "邓铭东"),
])
def test_who_said_something_is_answered_with_the_name_beside_the_words(client, question, expected):
    answer = client.post("/ask", json={"question": question}).json()["answer"]
    assert answer["text"] == expected and answer["type"] == "person"


def test_a_question_about_what_something_did_is_answered_with_what_the_text_says_of_it(client):
    body = client.post("/ask", json={"question": "发布情况说明后有什么效果？"}).json()
    answer = body["answer"]
    assert answer["type"] == "description" and answer["text"].startswith("稳定了民心")  # declined before
    passage = answer_passage(body)
    assert "情况说明" in passage["text"][answer["sentence"]["start"]:answer["start"]]


@pytest.mark.parametrize("question, expected", [
    ("核酸检测引起恐慌了吗？", "没有引起恐慌"),  # the text's own words, which say no
    ("邓铭东是预备党员吗？", "云潭镇新农村第二党支部的一名预备党员"),
])
def test_yes_no_questions_are_answered_with_the_clause_that_settles_them(client, question, expected):
    answer = client.post("/ask", json={"question": question}).json()["answer"]
    assert answer["text"] == expected and answer["type"] == "yesno"


@pytest.mark.parametrize("spoken, written", [
    ("云潭镇啥时候开展全员核酸检测？", "云潭镇什么时候开展全员核酸检测？"),
    ("陈永滔在会上说了啥？", "陈永滔在会上说了什么？"),
    ("邓铭东在核酸检测现场干了啥？", "邓铭东在核酸检测现场做了什么？"),
])
def test_spoken_questions_get_the_written_ones_answer(client, spoken, written):
    answers = [client.post("/ask", json={"question": q}).json()["answer"] for q in (spoken, written)]
    assert answers[0] is not None and answers[0]["text"] == answers[1]["text"]


def test_lexical_mode_still_answers(client):
    answer = client.post("/ask", json={"question": "云潭镇党委书记是谁？", "mode": "lexical"}).json()["answer"]
    assert answer and answer["text"] == "古辉"


def test_cli_prints_the_answer_first(seed_index_dir):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "qa.cli", "ask", "多少党员志愿者", "--index", str(seed_index_dir)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    first_line = result.stdout.splitlines()[0]
    assert first_line.startswith("answer: 400多名") and "【400多名】" in result.stdout


def served_corpus(folder, lines: list[str], settings, embedder):
    """A real server over a real-model index of the corpus ``lines`` (JSON Lines passages), built in ``folder``."""
    from qa.index import build_from_corpus

    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_from_corpus([folder / "corpus.jsonl"], folder / "index", settings, embedder, progress=False)
    yield from live_server(settings, warm_service(settings, folder / "index", embedder))


def cmrc_articles(*articles: str) -> list[str]:
    """The lines of the CMRC 2018 trial articles ``articles`` (tests/data, CC BY-SA 4.0)."""
    return [line for line in CMRC_CORPUS.read_text(encoding="utf-8").splitlines()
            if json.loads(line)["id"] in articles]


@pytest.fixture(scope="module")
def encyclopaedia_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of ten CMRC 2018 trial articles (tests/data, CC BY-SA 4.0)."""
    chosen = cmrc_articles("TRIAL_99", "TRIAL_142", "TRIAL_155", "TRIAL_203", "TRIAL_231", "TRIAL_299", "TRIAL_309",
                           "TRIAL_455", "TRIAL_777", "TRIAL_991")
    yield from served_corpus(tmp_path_factory.mktemp("encyclopaedia"), chosen, settings, embedder)


@pytest.fixture(scope="module")
def relatives_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of nine CMRC 2018 trial articles: a dynasty's clansmen (后辽), a list of
    prime ministers and their fathers (加拿大总理列表), a television series and its singers (鳄鱼泪), three plants'
    and three fishes' ranges."""
    chosen = cmrc_articles("TRIAL_928", "TRIAL_819", "TRIAL_355", "TRIAL_196", "TRIAL_188", "TRIAL_199", "TRIAL_205",
                           "TRIAL_155", "TRIAL_210")
    yield from served_corpus(tmp_path_factory.mktemp("relatives"), chosen, settings, embedder)


@pytest.fixture(scope="module")
def other_names_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of eight CMRC 2018 trial articles: a footballer (杨昊), a rising
    (刘六刘七起义), a district (冷湖行政区), a tea house (凉茶舖), a shipping route (内台航路), a merchant (潘仕成), an
    official (楚昭辅) and a hotelier (严长寿)."""
    chosen = cmrc_articles("TRIAL_979", "TRIAL_277", "TRIAL_160", "TRIAL_880", "TRIAL_843", "TRIAL_150", "TRIAL_58",
                           "TRIAL_53")
    yield from served_corpus(tmp_path_factory.mktemp("other_names"), chosen, settings, embedder)


@pytest.fixture(scope="module")
def posts_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of five CMRC 2018 trial articles: two officials' careers, year by year
    (罗保铭, 王家瑞), two companies known by a short form (首钢集团, 宏都阿里山公司) and a federation by its English
    name (德国环境与自然保护联盟)."""
    chosen = cmrc_articles("TRIAL_71", "TRIAL_83", "TRIAL_645", "TRIAL_743", "TRIAL_12")
    yield from served_corpus(tmp_path_factory.mktemp("posts"), chosen, settings, embedder)


@pytest.fixture(scope="module")
def ranges_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of three CMRC 2018 trial articles on where a plant or an animal lives
    (尤金袋鼠, 盾柱木, 玉山箭竹)."""
    chosen = cmrc_articles("TRIAL_154", "TRIAL_177", "TRIAL_125")
    yield from served_corpus(tmp_path_factory.mktemp("ranges"), chosen, settings, embedder)


@pytest.fixture(scope="module")
def glued_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of three CMRC 2018 trial articles whose questions jieba reads with a
    character glued onto a name (琴娜·杜普洛, 魏舒, 阵内智则)."""
    chosen = cmrc_articles("TRIAL_229", "TRIAL_845", "TRIAL_741")
    yield from served_corpus(tmp_path_factory.mktemp("glued"), chosen, settings, embedder)


@pytest.fixture(scope="module")
def school_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of the CMRC 2018 trial article on a school and its campuses
    (南宁市第二中学)."""
    yield from served_corpus(tmp_path_factory.mktemp("school"), cmrc_articles("TRIAL_600"), settings, embedder)


@pytest.fixture(scope="module")
def name_origins_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of four CMRC 2018 trial articles: three that tell where a name came from
    (黄蝉, 美庐别墅, 吉斯伯恩大区) and a Vietnamese bank's (西贡商信银行)."""
    chosen = cmrc_articles("TRIAL_352", "TRIAL_491", "TRIAL_327", "TRIAL_345")
    yield from served_corpus(tmp_path_factory.mktemp("name_origins"), chosen, settings, embedder)


@pytest.fixture(scope="module")
def official_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of the CMRC 2018 trial article on a Qing official (怡良)."""
    yield from served_corpus(tmp_path_factory.mktemp("official"), cmrc_articles("TRIAL_519"), settings, embedder)


@pytest.fixture(scope="module")
def periods_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of two CMRC 2018 trial articles: a system dated by a period (乡里制) and
    a tower on the Tropic of Cancer, its latitude in degrees, minutes and seconds."""
    yield from served_corpus(tmp_path_factory.mktemp("periods"), cmrc_articles("TRIAL_656", "TRIAL_690"), settings,
                             embedder)


@pytest.fixture(scope="module")
def traditional_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of six DRCD test articles in Traditional script (tests/data,
    CC BY-SA 3.0): the three asked about and the three of the subset, whose words weigh the question's as a larger
    corpus would (over the first three alone, 經濟 is declined for the coverage of its sentence)."""
    lines = [line for path in (DRCD_ANSWERS, DRCD_SUBSET / "corpus.jsonl")
             for line in path.read_text(encoding="utf-8").splitlines()]
    yield from served_corpus(tmp_path_factory.mktemp("traditional"), lines, settings, embedder)


@pytest.fixture(scope="module")
def split_names_url(tmp_path_factory, settings, embedder):
    """A real server over a real-model index of four DRCD test articles and fifty-one paragraphs of forty-seven more
    (tests/data, CC BY-SA 3.0): two whose names jieba cuts up (賽丁泉天文台, 乌孜别克族), a city's (钟祥市), a
    palace's (凡尔赛宫), South Korea's railways, the name of 馬祖列島, the title 可汗, the 高加索山脉, a Bible
    translation (武加大译本), the novels of the Yuan (元代), the seats of 浙江省's government, 东德's economy,
    托木斯克州, 坦尚尼亞, the 南華早報, the 儒略日, 周恩來's drinking, 庫頁島, the commanderies of 臨沂市, 段祺瑞,
    Asian autocracy (独裁政体), the name 倫大學院 grants in (伦敦大学学院), 鹤岗市, 西双版纳傣族自治州, the first
    television images (电视机), the commission on zoological names (国际动物命名法规), the first locomotives
    (铁路), 金正恩's schooling, the first tennis championship (網球), charity stamps (郵票), 曼哈顿, 陳誠 in 1938,
    许昌市's tourism, the end of the Edo period (日本歷史), 坦尚尼亞's history, the roots of the 卡拉巴赫 conflict,
    death sentences in China (中华人民共和国人权), 國立中山大學, 南加州大学's rivalries, 郭松齡's revolt (张学良),
    the 靖难之役's first battles, 拿破仑三世's France, the government of 廣東省, sexual reproduction (性別), the
    mountains of South Korea (南韓), the 卡拉恰伊湖 (环境污染), 狄奧多西 (西罗马帝国), 胡季犛 (越南語), 香港仔's
    names, the names of the 朝鲜王朝 and 吉米·史都華's start in film, beside the three of the subset."""
    lines = [line for path in (DRCD_NAMES, DRCD_SUBSET / "corpus.jsonl")
             for line in path.read_text(encoding="utf-8").splitlines()]
    yield from served_corpus(tmp_path_factory.mktemp("split_names"), lines, settings, embedder)


@pytest.mark.parametrize("question, expected", [
    ("在哪一座公園中可以看到賽丁泉天文台？", "瓦倫本哥國家公園"),  # was 哥國家公園: jieba splits 瓦倫本|哥
    ("烏孜別克汗國是在哪一個時代時被建立的?", "阿布海兒汗時代"),  # was 汗時代: 阿布海|兒|汗
])
def test_a_noun_phrase_does_not_start_inside_a_name_jieba_cut_up(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


def test_a_question_asking_which_designer_asks_for_a_person(split_names_url):
    # typed other, 設計師 naming no kind of person the reader knew: 建築家路易·勒沃, with the profession before
    answer = live_answer(split_names_url, "財政大臣富凱的沃子爵府邸主要是由安德烈·勒諾特爾以及哪個設計師所設計的?")
    assert answer["text"] == "路易·勒沃"


def test_twenty_written_nian_is_part_of_the_number(split_names_url):
    # 八歲: 廿 was no numeral the reader knew
    assert live_answer(split_names_url, "林默娘得年多少？")["text"] == "廿八歲"


def test_na_written_for_which_is_read_as_an_interrogative(split_names_url):
    # no interrogative was found (那一國家), and the sentence's list of countries answered
    assert live_answer(split_names_url, "世界上那一國家在擁有高鐵時已經有四個國家擁有了？")["text"] == "韓國"


def test_a_question_asking_for_a_title_earned_is_answered_with_the_name_given(split_names_url):
    # declined: 有什么称号 asked for a thing like any 什么 question, and the name given after 称为 was no candidate
    assert live_answer(split_names_url, "明世宗嘉靖帝擔任鍾祥地區的藩王時有什麼稱號?")["text"] == "興王"


def test_a_what_question_written_with_wei_shenme_is_not_asked_why(split_names_url):
    # 為 + 什麼部落 was read as 為什麼, asking why: the reason reader answered 或大汗
    answer = live_answer(split_names_url, "可汗最早的記錄出現於3世紀，當時為什麼部落的官稱?")
    assert answer["type"] != "reason" and "鮮卑" in answer["text"]


@pytest.mark.parametrize("question, expected", [
    ("高加索山脈是由大高加索山脈以及哪一個山脈所組成的?", "小高加索山脈"),  # the item beside the one named
    ("《〈聖經〉武加大譯本》是由希臘文以及哪一種語言來進行翻譯的?", "希伯來文"),  # 希伯來文和希臘文: past 由
    ("中國古典四大文學名著指的是《西遊記》、《三國演義》、《水滸傳》，還有哪一部小說?", "《紅樓夢》"),  # quoted names
])
def test_another_item_beside_the_one_a_question_names_answers_it(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


@pytest.mark.parametrize("question, expected", [
    ("民國二十六年時浙江省政府由於日軍攻襲杭州而遷往何處?", "金華"),
    ("浙江省政府曾於民國三十年時遷往何處?", "松陽縣"),
])
def test_a_question_asking_where_something_moved_to_is_answered_with_any_complement_of_direction(
        split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected  # the passage writes 遷至; both were 臺灣


@pytest.mark.parametrize("question, expected", [
    ("托木斯克州的北部與什麼地方相比鄰?", "秋明州"),  # was 克麥羅沃州, of the clause after
    ("蘇聯東歐最重要的貿易港口為？", "羅斯托克港"),  # was 波羅的海的羅斯托克區發展航運業
    ("哪裡為坦尚尼亞聯合共和國的首都?", "杜篤瑪"),  # after 首都為; was 三蘭港
    ("周恩來曾於何處與蘇聯交涉日內瓦世界和平會議事宜前醉倒?", "莫斯科"),  # 在莫斯科 ends a clause; was 第二次是在莫斯科
])
def test_a_place_jieba_tags_as_a_persons_name_answers_a_where_question(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


@pytest.mark.parametrize("question, expected", [
    ("發現宗谷海峽的法國航海家為誰?", "拉彼魯茲"),  # was 庫頁島, which jieba's dictionary tags as a person's name
    ("南琅琊郡、南東平郡等地為誰所設置?", "東晉元帝"),  # was 東海郡
])
def test_a_name_ending_like_a_place_does_not_answer_a_who_question(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


@pytest.mark.parametrize("question, expected", [
    ("倫大學院於2005年時不再需要以什麼名義來頒發包括證書在內的官方文件?", "倫敦大學"),  # was 倫敦大學的名義
    ("泰國在1938年12月鑾披汶·頌堪接任總理時開始，什麼樣的意識型態成了泰國政治的趨勢?", "唯泰主義"),  # …的意識型態
])
def test_a_what_answer_leaves_de_and_the_noun_asked_for_to_the_question(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


def test_a_height_in_metres_and_centimetres_is_answered_whole(split_names_url):
    assert live_answer(split_names_url, "吉米·史都華的身高多高?")["text"] == "1米93"  # was 1米


def test_a_latitude_in_degrees_minutes_and_seconds_is_answered_whole(periods_url):
    answer = live_answer(periods_url, "塔顶的经纬度是多少？")
    assert answer["text"].startswith('23°26′31"')  # was 23


def test_a_what_answer_leaves_the_kind_its_examples_are_of_to_the_question(split_names_url):
    answer = live_answer(split_names_url, "可汗為汗國的統治者，這個稱呼最早是蒙古與哪個游牧部落中使用?")
    assert answer["text"] == "突厥"  # was 突厥等遊牧部落


@pytest.mark.parametrize("question, expected", [
    ("鶴崗市與富錦市及佳木斯市之間相隔了哪一條河?", "松花江"),  # was 中華人民共和國黑龍江省, a province
    ("西雙版納傣族自治州的北方與哀牢山以及哪一座山相鄰?", "無量山"),  # not 東西, a direction; jieba tags 無量山 an idiom
])
def test_a_river_or_mountain_is_answered_by_no_division_or_direction(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


def test_an_organisation_keeps_the_field_its_generic_name_follows(split_names_url):
    # 現在國際生物科學聯合會: jieba tags 聯合會 alone as an organisation's name
    assert live_answer(split_names_url, "動物命名法委員會是哪一機構旗下的單位？")["text"] == "國際生物科學聯合會"


def test_a_rank_alone_answers_no_what_question(split_names_url):
    # 傳送了第一個圖像：一條簡單的直線: 第一個 ranks the image and names none
    assert live_answer(split_names_url, "首次使用影像解剖攝影管傳送的圖像是什麼?")["text"] == "一條簡單的直線"


def test_a_noun_answer_leaves_the_preposition_before_it_to_the_sentence(split_names_url):
    # 中華人民共和國的以共產黨為權力核心: jieba reads 以共產黨 as a noun phrase, 以 as a word of position
    assert live_answer(split_names_url, "中華人民共和國的以哪一政黨為權力核心建立無產階級專政?")["text"] == "共產黨"


def test_the_shi_a_question_glues_onto_its_time_interrogative_frames_nothing(split_names_url):
    # 1885年考入…天津武備學堂 and 1889年畢業時: the question's 時 had kept 畢業 out of the slot's frame
    assert live_answer(split_names_url, "段祺瑞在哪一年時畢業於李鴻章所創設的天津武備學堂?")["text"] == "1889年"


def test_a_number_written_with_thousands_separators_is_answered_whole(split_names_url):
    # the Latin comma and colon between digits break no clause: it was 12, of 00:30:00
    answer = live_answer(split_names_url, "一般日期中的時間00:30:00在儒略日期中以多少來表示？")
    assert answer["text"] == "2,456,293.520833"


def test_a_name_jieba_tags_in_part_as_a_places_answers_a_who_question_whole(split_names_url):
    # 美國總統巴拉克·歐巴馬: 巴拉克 is tagged a place after the role 總統; it was 歐巴馬的名字
    assert live_answer(split_names_url, "2011年的時候，當時的美國總統是誰?")["text"] == "巴拉克·歐巴馬"


def test_a_name_jieba_tags_as_a_persons_within_a_place_after_a_preposition_is_that_place(split_names_url):
    # 1877年在英國倫敦溫布頓舉行: jieba tags 溫布頓 a person's name; it was 公開賽
    assert live_answer(split_names_url, "現代網球最早的比賽在哪邊舉行？")["text"] == "英國倫敦溫布頓"
    # 理查特里維西克在英國威爾斯發明了…蒸汽機車: Wales had answered who (jieba tags 理查 a verb, so the name is cut)
    assert live_answer(split_names_url, "發明第一台能在鐵軌上前進的蒸汽機車的人為誰?")["text"] == "特里維西克"


def test_a_place_within_a_country_answers_no_question_asking_for_a_country(split_names_url):
    # 於瑞士伯爾尼的一間國際學校就讀: the country, not the country and its capital
    assert live_answer(split_names_url, "金正恩曾於1996年至2001年到哪一個國家的國際學校就讀?")["text"] == "瑞士"


def test_a_things_answer_leaves_out_the_date_it_opens_with(split_names_url):
    # 世界最早的附捐郵票是1897年澳大利亞新南威爾斯州發行的: the date had stayed in front of the place
    assert live_answer(split_names_url, "世界最早的附捐郵票是哪裡發行的?")["text"] == "澳大利亞新南威爾斯州"


def test_a_question_asking_for_a_country_is_answered_by_a_countrys_name(split_names_url):
    # 曼哈頓…也是聯合國總部大樓的所在地: the common noun 所在地 had answered
    assert live_answer(split_names_url, "聯合國總部大樓位於哪一個國家中?")["text"] == "美國"


def test_a_persons_answer_leaves_out_the_questions_verb_glued_to_the_name(split_names_url):
    # 陳誠任總司令: jieba reads 陳誠任 as one name
    assert live_answer(split_names_url, "武漢衛戍司令部於1938年初成立時由哪一個人任職總司令?")["text"] == "陳誠"


def test_a_things_answer_leaves_out_the_aspect_particle_before_it(split_names_url):
    # 已形成了曹魏故都智慧之旅、宜居花城休閒之旅、神垕古鎮－體驗之旅三大旅遊品牌: the answer had started with 形成's 了
    answer = live_answer(split_names_url, "許昌的體驗之旅三大旅遊品牌包括宜居花城休閒之旅、神垕古鎮以及哪個旅程?")
    assert answer["text"].startswith("曹魏故都智慧之旅")


def test_a_year_asked_for_is_answered_without_the_part_of_the_year_after_it(split_names_url):
    # 1867年末代德川幕府將軍德川慶喜主動大政奉還: the year had kept the 末 of 末代
    assert live_answer(split_names_url, "江戶時代在哪一年正式結束?")["text"] == "1867年"


@pytest.mark.parametrize(("question", "expected"), [
    ("於8世紀或9世紀時傳播到坦尚尼亞沿海地區的為哪一教?", "伊斯蘭教"),  # was 伊斯蘭教於8世紀或9世紀時
    ("卡拉巴赫變成外高加索民主聯邦共和國的一部分是由於1917年哪件事情之後?", "俄國革命"),  # was 俄國革命之後
])
def test_a_things_answer_leaves_out_the_questions_own_predicate(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("哪一個組織估計中國每年判處死刑的人數超過兩千人?", "國際非政府組織"),  # was 國際非政府
    ("在臺灣高雄市西子灣建立的國立中山大學受到了哪一個領事機構的資助?", "美日領事機構"),  # was 美日領事
])
def test_a_bodys_name_keeps_the_kind_of_body_asked_for(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


def test_no_answer_starts_with_the_dash_that_joins_two_names(split_names_url):
    # 南加大-聖母大學比賽: the answer had been -聖母大學
    assert live_answer(split_names_url, "橡木棍這項傳統是南加大和哪所大學之間的傳統?")["text"] == "聖母大學"


@pytest.mark.parametrize(("question", "expected"), [
    ("郭松齡在哪一年時反奉系並且率領7萬人直取奉天?", "1925年"),  # was 1925年11月: 奉天 asks for no day
    ("法國在哪一個世紀時，再度成為歐洲大陸的軍事強權?", "19世紀"),  # was 19世紀60年代初
])
def test_a_time_answers_in_the_unit_asked_for(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("燕軍在哪一天攻破居庸關?", "七月十一"),  # was 七月: a day written without 日
    ("廣東在什麼時候建立都督府並宣布獨立?", "宣統三年九月十九日"),  # was 九月十九日: the era's year apart
])
def test_a_date_keeps_its_day_and_its_eras_year(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


def test_a_question_asking_how_long_ago_is_answered_by_the_point_in_the_past(split_names_url):
    # 有性生殖在十億年前就已出現: the answer had been 十億年, the length without its 前
    assert live_answer(split_names_url, "有性生殖在多久以前就已經出現?")["text"] == "十億年前"


def test_an_answer_starts_past_the_date_the_question_gives(encyclopaedia_url):
    answer = live_answer(encyclopaedia_url, "1998年6月至2000年4月，蒋巨峰担任什么职务？")
    assert answer["text"] == "中共温州市委书记"  # was 年4月任中共温州市委书记


@pytest.mark.parametrize("question", ["天门冬又称之为什么？", "天门冬分布在哪些地区？", "长柄艾纳香的总苞是什么形状的？"])
def test_no_answer_is_the_rank_cut_off_a_taxon_s_name(encyclopaedia_url, question):
    answer = ask_live(encyclopaedia_url, question)["answer"]
    assert answer is None or not answer["text"].startswith("属的")  # 属的植物 of 天门冬属的植物 was an answer


@pytest.mark.parametrize(("question", "held"), [("天门冬能治疗哪些问题？", "虚劳、气喘、咳嗽"), ("天门冬的浆果是什么颜色？", "红色")])
def test_the_article_s_title_supports_a_sentence_that_does_not_name_its_subject(encyclopaedia_url, question, held):
    # The sentence that answers (治疗滋肾、虚劳…; 浆果红色…) does not name 天门冬, the article's title: both were
    # declined for lack of support.
    answer = live_answer(encyclopaedia_url, question)
    assert held in answer["text"]


@pytest.mark.parametrize("question", ["斯氏腔吻鳕的生活环境是怎样的？", "斯氏腔吻鳕主要以什么为食？"])
def test_no_answer_starts_inside_the_article_s_title(encyclopaedia_url, question):
    # jieba cuts the subject 斯氏腔 / 吻鳕: 吻鳕为辐鳍鱼纲鳕形目鼠尾鳕科的其中一种 answered both
    answer = ask_live(encyclopaedia_url, question)["answer"]
    assert answer and not answer["text"].startswith("吻鳕")


def test_a_why_question_is_answered_by_the_cause_before_its_consequence(encyclopaedia_url):
    # 他在五人之中最早开悟，得证阿罗汉，因此被称为阿若: 因此 started a "reason" that answered 因此被
    answer = live_answer(encyclopaedia_url, "阿若憍陈如为什么被称为阿若？")
    assert answer["text"] == "他在五人之中最早开悟，得证阿罗汉"


def test_a_time_question_is_answered_by_a_named_period(encyclopaedia_url):
    # 自在奥义书是13部主要奥义书中成书最晚的之一，可能晚至孔雀王朝时期: no date in it, so the question was declined
    answer = live_answer(encyclopaedia_url, "自在奥义书的成书时间是什么时候？")
    assert answer["text"] == "孔雀王朝时期" and answer["type"] == "time"


@pytest.mark.parametrize(("question", "expected", "answer_type"), [
    # 伊夫林·比阿特丽斯·霍尔: jieba tags 比 a preposition, and the answer was 伊夫林·比
    ("伏尔泰的朋友们是谁写的？", "伊夫林·比阿特丽斯·霍尔", "person"),
    # 香港属于第三区: an ordinal in Chinese numerals was no quantity, and the question was declined
    ("香港在DVD分区属于第几区？", "第三区", "quantity"),
])
def test_a_split_name_and_an_ordinal_are_answered_whole(encyclopaedia_url, question, expected, answer_type):
    answer = live_answer(encyclopaedia_url, question)
    assert answer["text"] == expected and answer["type"] == answer_type


@pytest.mark.parametrize(("question", "expected"), [
    # a country answered 哪一個城市 (中國), and a state 哪一個國家 (美國維吉尼亞州)
    ("哪一個城市不僅為吉林省第五大城市亦為東北第十大城市?", "通化市"),
    ("哪一個國家設置了首個電動電車系統?", "匈牙利"),
    # the count of the items (三方面) answered the question asking for the one it does not name
    ("狄托的改革內容包括外交、內政以及哪一個方面?", "經濟"),
])
def test_a_place_of_the_kind_asked_and_an_item_not_their_count_answer(traditional_url, question, expected):
    answer = live_answer(traditional_url, question)
    assert answer["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    # the family name the question shares was cut off as its echo: 金山, 皮埃尔
    ("耶律乞奴被谁所杀？", "耶律金山"),
    ("总理贾斯汀·特鲁多的父亲是谁？", "皮埃尔·特鲁多"),
    # the rare last character jieba split off the name was left out: 袁丽
    ("《鳄鱼泪》同名主题曲的原唱是谁？", "袁丽嫦"),
    # the region alone answered: 东亚地区
    ("雷公藤主要分布在哪些地区？", "东亚地区，包括日本、朝鲜、台湾岛以及中国大陆的江苏、广西、湖北、安徽、福建、湖南、浙江"),
])
def test_a_relative_s_whole_name_and_a_region_with_its_places_answer(relatives_url, question, expected):
    answer = live_answer(relatives_url, question)
    assert answer["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    # jieba glued the verb after the name onto it (杨昊现, 冷湖市是): no passage held the word, and these were declined
    ("杨昊现效力于哪里？", "中乙球队陕西长安竞技"),
    ("冷湖市是何时设立的？", "1959年"),
    # another name, asked with 又 or 也: a slot (地方, 船舶) answered, or nothing
    ("凉茶舖又叫什么？", "凉茶店"),
    ("内台航路也叫什么？", "内台航线"),
    # 出生地: the passage says 出生于上海市, and the question was declined
    ("严长寿的出生地在哪里？", "上海市"),
])
def test_glued_names_other_names_and_places_of_acts_answer(other_names_url, question, expected):
    answer = live_answer(other_names_url, question)
    assert answer["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    # the month's other sentence answered: a post left (卸任中共海南省委书记), a party joined (加入中国共产党)
    ("2017年4月，罗保铭担任什么职务？", "全国人民代表大会华侨委员会副主任委员"),
    ("1973年10月，王家瑞担任什么职务？", "长春市邮局国际联邮员"),
    # the verb of the question's 担任 led the answer (任中共山东省青岛市委常委)
    ("1995年8月，王家瑞担任什么职务？", "中共山东省青岛市委常委"),
    # what the company is answered, not the full name before 简称
    ("首钢是什么的简称？", "首钢集团有限公司"),
    ("宏都阿里山公司是什么的简称？", "宏都阿里山国际开发股份有限公司"),
    # the English name given after 英文: (德文：…) had answered
    ("德国环境与自然保护联盟的英文是什么？", "League for the environment and nature conservation"),
])
def test_posts_given_and_full_names_answer(posts_url, question, expected):
    answer = live_answer(posts_url, question)
    assert answer["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    # the first place of the slot answered alone (澳洲, 台湾, 中国海南岛)
    ("尤金袋鼠分布在哪些地区？", "澳洲南部岛屿及西岸地区"),
    ("玉山箭竹的原产地在哪里？", "台湾、菲律宾、中国的云南及西藏"),
    ("盾柱木的原产地在哪里？", "中国海南岛、越南、马来西亚、澳洲及美洲"),
])
def test_a_where_question_is_answered_by_every_place_its_slot_names(ranges_url, question, expected):
    answer = live_answer(ranges_url, question)
    assert answer["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    # 杜普洛因, 魏舒史 and 名演员 are in no passage, and these were declined for too little of the question covered
    ("琴娜·杜普洛因什么而著名？", "其\"Ember书籍\"系列儿童小说"),
    ("魏舒史称什么？", "魏献子"),
    ("阵内智则是哪个国家的著名演员？", "日本"),
])
def test_a_question_word_no_passage_holds_counts_by_its_part_that_one_does(glued_url, question, expected):
    answer = live_answer(glued_url, question)
    assert answer["text"] == expected


def test_the_last_item_of_an_enumeration_keeps_the_head_its_items_share(school_url):
    # 实验室, a word of the question, was trimmed from the last item alone: …、文科地理
    answer = live_answer(school_url, "凤岭校区的高水平实验室有哪几座？")
    assert answer["text"] == "物理探究性实验室、物理创新数字化信息实验室、生物数码互动实验室、文科地理实验室"


@pytest.mark.parametrize("question, expected", [
    # typed manner, a noun near the name answered (黄兰蝉); the cause before 故而得名 is why it is so called
    ("硬枝黄蝉的名称是怎么来的？", "因花蕾的形状及颜色貌似即将羽化的蝉蛹"),
    # the villa's setting answered; 由此得名 closes what went before as the cause, with no 因此 or 所以
    ("美庐别墅是怎么得名的？", "1948年8月，蒋中正在院内的一块巨石上题刻“美庐”二字"),
    # typed identity, and the district's description answered; the source stands after 来源于
    ("吉斯伯恩大区的名字的来源是什么？", "来源于早期殖民地的一位秘书的名字 - 威廉姆"),
])
def test_a_question_after_a_name_s_origin_is_answered_with_why_it_is_so_called(name_origins_url, question, expected):
    assert live_answer(name_origins_url, question)["text"] == expected


def test_a_question_asking_someone_s_trade_is_answered_with_the_trade_set_beside_the_name(other_names_url):
    # declined: 职业 was a word the sentence had to hold, and what 杨昊是… says (北京国安青训系统培养的球员) is no trade
    assert live_answer(other_names_url, "杨昊的职业是什么？")["text"] == "足球运动员"


def test_who_did_something_is_answered_with_everyone_the_sentence_joins(official_url):
    # 林则徐 alone: the governor-general named first with him (邓廷桢和林则徐) was left out
    assert live_answer(official_url, "在广东巡抚任内，怡良配合谁开展禁烟运动？")["text"] == "邓廷桢和林则徐"


def test_a_sum_keeps_its_currency(name_origins_url):
    # the dong was no currency the reader knew: 30亿
    assert live_answer(name_origins_url, "西贡商信银行成立初时的注册资本是多少？")["text"] == "30亿越南盾"


def test_a_thing_of_the_kind_a_verbal_noun_asks_for_answers(traditional_url):
    # 哪一場革命 named no noun jieba tags one (革命 is a verbal noun), and a clause about the empire answered
    answer = live_answer(traditional_url, "哪一場革命於1917年在俄羅斯爆發?")
    assert answer["text"] == "十月革命"


def test_no_dynasty_answers_a_question_asking_for_a_regime(traditional_url):
    # 元朝 (a dynasty, read as a date) answered the question, though the sentence names the regime it asks for
    answer = live_answer(traditional_url, "哪一個政權在1289年奪取了新疆南部塔里木盆地地區?")
    assert answer["text"] == "窩闊台汗國"


@pytest.mark.parametrize(("question", "expected"), [
    ("現今的環境污染是起源於?", "工業革命"),  # was 誕生於工業革命
    ("「Princeps」的中文翻譯為?", "第一公民"),  # was 通常譯為第一公民
])
def test_an_object_answer_drops_the_verb_and_preposition_before_it(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("人們在過去只會將注意力放在哪一種污染規模上?", "區域性污染"),  # was 區域性污染上面
    ("美國無力護航的情況直到第八航空軍開始接收哪一款戰機後開始有改善?", "P-51戰鬥機"),  # was P-51戰鬥機之後
])
def test_a_noun_answer_drops_the_word_of_position_after_it(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("五台山位於哪一地形的中部？", "太白山脈"),  # was 山脈
    ("哪一個地方於二十世紀五十至六十年代成為了蘇聯垃圾場?", "卡拉恰伊湖"),  # was 恰伊湖: jieba tags 卡拉 a name
])
def test_a_landform_answer_keeps_the_name_before_it(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("羅馬帝國最後一位維持統一的皇帝是誰?", "狄奧多西"),  # was 狄奧多: jieba splits 狄奥多|西 seven times
    ("過去越南主政者多不重視喃字，試圖推廣的君主很少，哪位主政者甚至因試圖推廣而被明朝囚禁?", "胡季犛"),  # was 胡季
])
def test_a_name_the_passage_repeats_runs_on_over_what_always_follows_it(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("在哪一個時期時香港仔曾被改名為元香港?", "香港日治時期"),  # was 日治時期: 香港 was cut as the question's echo
    ("在哪一個時期時稱朝鮮這一朝代為「李氏朝鮮」?", "朝鮮日治時期"),  # was 日治時期
])
def test_a_period_answer_keeps_the_place_that_names_it(split_names_url, question, expected):
    assert live_answer(split_names_url, question)["text"] == expected



def test_a_time_answer_keeps_the_period_noun_asked_for(periods_url):
    # was 西周: the slot stopped before 时期, the question's own word
    assert live_answer(periods_url, "“乡里制”可追溯到什么时期？")["text"] == "西周时期"
