import pytest

from qa.reader.questions import (analyze_question, asks_alias, asks_epithet, asks_name, asks_name_origin,
                                 asks_occupation, asks_several, item_type, range_side_asked, unglued,
                                 without_place_suffix)


@pytest.mark.parametrize("question, expected", [
    ("多少党员志愿者", "quantity"),
    ("云潭全镇有几个党组织？", "quantity"),
    ("镇卫生院的党员连续奋战了多长时间？", "duration"),
    ("莱茵春天小区什么时候被划为高中风险区？", "time"),
    ("会议是哪天召开的？", "time"),
    ("北京冬奥会在哪一年举办？", "time"),
    ("奧斯陸被提升為主教轄區於西元幾年?", "time"),  # DRCD: the year of an era, not a number of years
    ("他在公元几年出生？", "time"),
    ("核酸检测持续了几年？", "duration"),
    ("第一轮检测几点结束？", "time"),
    ("云潭镇党委书记是谁？", "person"),
    ("办公室主任叫什么名字？", "person"),
    ("那位年轻党员叫什么？", "person"),
    ("尤金袋鼠分布在哪里？", "place"),
    ("他出生在哪个城市？", "place"),
    ("城市转型卓越奖中哪一座城市在2016年6月得到冠军？", "place"),  # DRCD: the classifier 座 is skipped
    ("《民法大全》于哪一个世纪完成?", "time"),  # DRCD
    ("史特拉斯堡成為總主教的駐地是於幾世紀開始?", "time"),  # DRCD: which century, not how many
    ("《麦凯警长》是哪一位导演的作品?", "person"),  # DRCD
    ("哈大客运专线连接哈尔滨和哪个港口?", "place"),  # DRCD
    ("哪一间公司生产这种疫苗？", "organisation"),
    ("哪部分最重要？", "other"),  # 部分 is a noun, not 部 + 分
    ("南韩人民将「李氏朝鲜」更名为何?", "other"),  # DRCD: a closing 为何 after a noun asks what
    ("韩剧在传统上的制作模式为何？", "other"),  # DRCD
    ("日本施行锁国政策的原因为何?", "reason"),  # … but after 原因 it asks why
    ("为何硫又称硫磺？", "reason"),
    ("麻省理工学院的非正式别称名为什么?", "other"),  # DRCD: a closing 为什么 after a noun or verb asks what
    ("生命数耗完即算为什么？", "other"),  # CMRC
    ("长崎市具代表性的甜点为什么?", "other"),  # DRCD
    ("于1948年并入奥斯陆的城市名为什么?", "place"),  # DRCD: the noun before 名 says what is named
    ("这是为什么？", "reason"),  # … but after 是 it asks why
    ("他没有来，为什么？", "reason"),  # … and after a comma
    ("中生代末有一半的生物因为什么事件而灭绝？", "other"),  # DRCD: 因为什么 + a noun asks what
    ("包克球会因为什么的崩塌而形成？", "other"),  # DRCD
    ("多星系统的演化会因为什么而产生大的影响？", "reason"),
    ("路易-拿破仑因为什么原因才回到瑞士?", "reason"),  # DRCD
    ("苏联东欧最重要的贸易港口为？", "place"),  # DRCD: no interrogative, the noun before 为 types it
    ("红巨星的形成原因为？", "reason"),  # DRCD
    ("最早发展都市计划的文明为？", "other"),  # DRCD
    ("布里亚特人在哪一个朝代时被纳入岭北行省?", "time"),  # DRCD: 在哪 + a time noun
    ("西洋棋在哪一个世纪传入英国?", "time"),  # DRCD
    ("他在哪一家公司工作？", "organisation"),
    ("他在哪一座山上修行？", "place"),
    ("云潭镇隶属于哪个市？", "place"),  # 市 as a word of its own
    ("莱茵春天小区在哪个街道？", "place"),
    ("这两种方法有什么区别？", "description"),  # 区 starts 区别: no place, but a difference asked for
    ("他最喜欢哪个城堡？", "other"),  # 城 starts 城堡: no place
    ("邓铭东是哪个党支部的预备党员？", "organisation"),
    ("核酸检测试剂是哪家公司生产的？", "organisation"),
    ("工作专班下设哪些工作小组？", "list"),
    ("为什么群众心情烦躁？", "reason"),
    ("为何要建立管理机制？", "reason"),
    ("他因为什么离开了球队？", "reason"),
    ("这座城市被称为什么？", "identity"),  # 称为 + 什么, not 为什么
    ("他后来成为什么人？", "person"),
    ("它最初被命名为什么？", "other"),
    ("这条路的中文名称为什么又叫南道？", "reason"),  # 名称 + 为什么: jieba keeps 为什么 whole
    ("党员志愿者怎样开展疫情宣传？", "manner"),
    ("如何预防感染？", "manner"),
    ("邓铭东是什么身份？", "identity"),
    ("云潭镇党委政府坚持什么施政理念？", "other"),
    ("核酸检测那几天天气怎么样？", "manner"),  # a demonstrative before 几 asks nothing
    ("这几个小区里哪个最先解封？", "other"),
    ("本笃十六世也是近几年来首位辞职的教宗?", "duration"),  # DRCD: 近几年 asks how many years
    ("很多大型的国营银行逐步迈向私有化是因为政府实行哪一种经济政策?", "other"),  # DRCD: 很多大型 is many, not how big
    ("生产过众多大型舰船且设立于1857年的造船厂为哪一间?", "other"),
    ("麦高文有许多高明的决定但是被谁所托累了?", "person"),
    ("南宋的庄园经济重心为什么行业?", "other"),  # DRCD: 为 + 什么行业 asks which, not why
    ("《中华人民共和国集会游行示威法》的诞生是因为什么事件?", "other"),
    ("拿破仑三世为什么流亡英国?", "reason"),
    ("可汗最早的记录出现于3世纪，当时为什么部落的官称?", "other"),  # DRCD: 为 + 什么部落 + 的 + what it owns
    ("太阳在赤道的自转速度最多为什么星的112.8385分之一倍？", "other"),  # DRCD
    ("为什么人们的收入下降?", "reason"),  # what 的 owns runs on into a verb: a clause, asked why
    ("国民政府改组为什么，首都则续设于南京?", "other"),  # DRCD: 为什么 closing its clause after a verb
    ("这是为什么，他问?", "reason"),
    ("印第安纳大学中大部分早期的建筑为什么时候修建的?", "time"),  # DRCD: 为 + 什么时候
    ("How many party members volunteered?", "quantity"),
    ("When was the area locked down?", "time"),
    ("Who is the Party secretary of Yuntan town?", "person"),
    ("Where did the doctors go?", "place"),
    ("Why were people upset?", "reason"),
    ("How did volunteers help?", "manner"),
    ("What is the capital of France?", "identity"),
    ("丙烯颜料有毒吗？", "yesno"),  # CMRC: answered with the clause that says so
    ("云潭镇是否连续三天开展全员核酸检测？", "yesno"),
    ("庫利克的調查隊有沒有發現隕石坑?", "yesno"),  # DRCD
    ("邓铭东是什么党员吗", "identity"),  # an interrogative decides first
    ("霰彈槍為甚麼可以發射催淚彈?", "reason"),  # DRCD: Traditional text writes 甚麼 for 什么
    ("匹茲堡在哪一個戰爭之後進行了城市改造?", "other"),  # DRCD: 在哪一个 + a noun that is no place
    ("英屬維京群島在哪一個國家的東部地區?", "place"),  # DRCD: … and one that is
    ("察必皇后的丈夫是?", "person"),  # DRCD: a kinship noun asks for a person
    ("哪一個設計師設計了明治神宮內外苑?", "person"),  # DRCD: and so does a trade's
    ("元皇后的儿子叫什么？", "person"),  # CMRC
])
def test_question_types(question, expected):
    assert analyze_question(question).type == expected


@pytest.mark.parametrize("spoken, written", [
    ("云潭镇啥时候开展全员核酸检测？", "云潭镇什么时候开展全员核酸检测？"),
    ("邓铭东为啥回村？", "邓铭东为什么回村？"),
    ("邓铭东是咋回答的？", "邓铭东是怎么回答的？"),
    ("邓铭东在核酸检测现场干了啥？", "邓铭东在核酸检测现场干了什么？"),
    ("古辉到现场干啥？", "古辉到现场做什么？"),
    ("居民咋样获得在线服务？", "居民怎样获得在线服务？"),
    ("党委书记叫啥名字", "党委书记叫什么名字"),
    ("上海站為甚麼進行大規模整修翻新?", "上海站为什么进行大规模整修翻新?"),  # DRCD: a variant, not spoken
    ("分秧器會在手工插秧時在哪邊裝上並操作？", "分秧器会在手工插秧时在哪里装上并操作？"),  # DRCD: Taiwan's 哪边
    ("新丸都城在什麼時後又再次被夷為平地？", "新丸都城在什么时候又再次被夷为平地？"),  # DRCD: the slip 时后 for 时候
])
def test_spoken_interrogatives_are_read_as_written_ones(spoken, written):
    assert analyze_question(spoken) == analyze_question(written)


def test_slot_and_measure():
    info = analyze_question("蓝家宇和几名党员面向党旗宣誓？")
    assert (info.wh, info.prefix, info.suffix, info.measure) == ("几", "蓝家宇和", "名党员面向党旗宣誓", "名")
    assert "党员" in info.words and not any("几" in word for word in info.words)


@pytest.mark.parametrize("question, measure", [
    ("風力發電機每年可發電量最多可以達到多少kW?", "kw"),  # DRCD, folded
    ("这座电站的装机容量是多少MW?", "mw"),
    ("珠峰的高度是多少m?", "m"),
    ("全县有多少mg的存货?", "mg"),
])
def test_a_unit_in_latin_letters_after_the_interrogative_is_the_measure_asked(question, measure):
    assert analyze_question(question).measure == measure


def test_traditional_and_full_width_questions_are_folded():
    assert analyze_question("多少黨員志願者？").words == analyze_question("多少党员志愿者").words
    assert analyze_question("ＨＯＷ many people?").english


def test_interrogative_words_are_not_content_words():
    info = analyze_question("镇卫生院的党员连续奋战了多长时间？")
    assert info.wh == "多长时间" and "时间" not in info.words and "多长时间" not in info.words


@pytest.mark.parametrize("question, wh, suffix", [
    ("泰國在1938年鑾披汶·頌堪接任總理時開始，什麼樣的意識型態成了泰國政治的趨勢?", "什么样", "的意识型态成了泰国政治的趋势"),  # DRCD
    ("正拍擊球加上大陸式的握拍方法可以打出什麼樣的球？", "什么样", "的球"),  # DRCD
    ("韓國銀行總行大樓是以什麼樣式來建成的？", "什么", "样式来建成的"),  # DRCD: 样式 is the noun asked for
])
def test_what_kind_of_is_one_interrogative(question, wh, suffix):
    info = analyze_question(question)
    assert (info.type, info.wh, info.suffix) == ("other", wh, suffix)


@pytest.mark.parametrize("question, dropped, kept", [
    ("核酸检测持续了几天？", "持续", ["核酸", "检测"]),
    ("这场比赛历时多长时间？", "历时", ["比赛"]),
    ("展览为期多久？", "为期", ["展览"]),
    ("修复工作花了几个月？", "花了", ["修复"]),
])
def test_a_verb_that_only_measures_a_duration_is_not_a_content_word(question, dropped, kept):
    """The text says how long in its own words (连续三天, 为期三天), so a sentence need not hold the question's verb."""
    words = analyze_question(question).words
    assert dropped not in words and set(kept) <= set(words)


@pytest.mark.parametrize("question, dropped, kept", [
    ("蓝家宇担任什么职务？", "担任", ["蓝家宇"]),
    ("1995年8月，王家瑞出任什么职位？", "出任", ["王家瑞", "1995"]),  # CMRC
    ("古辉现任什么职务？", "现任", ["古辉"]),
])
def test_a_verb_that_only_ties_a_person_to_a_post_is_not_a_content_word(question, dropped, kept):
    """The text states a post by putting it before the name (综合行政执法办公室主任蓝家宇)."""
    words = analyze_question(question).words
    assert dropped not in words and set(kept) <= set(words)


@pytest.mark.parametrize("question, dropped, kept", [
    ("莱茵春天小区所在的社区叫什么？", "叫", ["莱茵", "社区"]),
    ("棱柱中两个互相平行的面叫什么？", "叫", ["棱柱", "平行"]),  # CMRC
])
def test_a_verb_that_only_ties_a_thing_to_its_name_is_not_a_content_word(question, dropped, kept):
    """The text names the thing without the verb (站南社区)."""
    words = analyze_question(question).words
    assert dropped not in words and set(kept) <= set(words)


@pytest.mark.parametrize("question, kept", [
    ("硬枝黄蝉的名称是怎么来的？", ["硬枝", "黄蝉"]),  # CMRC: 怎么 asks why it is so called, not how
    ("四加亭名字的由来是什么？", ["四加亭"]),  # CMRC: 是什么 too
    ("吉斯伯恩大区的名字的来源是什么？", ["大区"]),
    ("美庐别墅是怎么得名的？", ["美庐", "别墅"]),
    ("百老汇剧院是因何得名的？", ["百老汇", "剧院"]),
])
def test_a_question_asking_where_a_name_came_from_asks_why(question, kept):
    """The passage gives the reason in its own words (乌石港之名由此而来, 赐名李忠臣), so the words that ask after the
    name (名称, 名字, 由来, 得名) are no content words."""
    info = analyze_question(question)
    assert info.type == "reason" and asks_name_origin(info)
    assert set(kept) <= set(info.words) and not {"名称", "名字", "由来", "来源", "得名"} & set(info.words)


@pytest.mark.parametrize("question", [
    "大部分人將什麼視為高句麗的國名來源？",  # DRCD: 什么 before it asks for the thing taken as the source
    "阵内智则是哪个国家的著名演员？",
    "为什么称猴面包树为笨蛋水果？",  # a why question, but not after a name's origin
])
def test_a_question_is_no_name_origin_question_unless_it_asks_after_the_name(question):
    assert not asks_name_origin(analyze_question(question))


@pytest.mark.parametrize("question, asked", [
    ("杨昊的职业是什么？", True),  # CMRC
    ("他从事什么职业？", True),
    ("保羅•狄拉克的父親的職業是什麼?", True),  # DRCD
    ("公理高中书院的两年制职业教育及培训课程有哪些？", False),  # CMRC: 职业 modifies another noun
    ("美國職業體育史上最常連勝紀錄是由哪隊創下?", False),  # DRCD
])
def test_a_question_asking_someone_s_trade(question, asked):
    """The text names the trade without the word 职业, so it is no content word."""
    info = analyze_question(question)
    assert asks_occupation(info.prefix, info.suffix) == asked
    assert ("职业" not in info.words) == asked


@pytest.mark.parametrize("question, asked", [
    ("明世宗嘉靖帝擔任鍾祥地區的藩王時有什麼稱號?", True),  # DRCD
    ("王爱爱有什么美誉？", True),  # CMRC
    ("松嫩平原腹地有何稱號?", True),  # DRCD
    ("他的外号是什么？", True),
    ("学校什么时候获“中国百强中学”称号？", False),  # CMRC: asks when, the title is given
    ("有「太白天聲」的稱號的地方由什麼東西組成？", False),  # DRCD: the title names the place asked about
])
def test_a_question_asking_for_a_title_earned_asks_for_another_name(question, asked):
    info = analyze_question(question)
    assert asks_epithet(info.prefix, info.suffix) == asked
    assert asks_alias(info) == asked


def test_a_title_earned_asked_with_you_shenme_is_one_name_not_a_list():
    assert analyze_question("王爱爱有什么美誉？").type == "identity"


@pytest.mark.parametrize("question, answer_type, wh", [
    ("韓國鐵路中那一種比複線長約四百公里以上？", "other", "哪一"),  # DRCD: 那 written for 哪
    ("腓力四世於1302年時所召開的國務會議是在那裡進行的?", "place", "在哪"),  # DRCD
    ("他在那一年做了什么？", "action", "做了什么"),  # an interrogative stands: 那一年 is that year
])
def test_na_written_for_which_is_read_so_where_no_interrogative_stands(question, answer_type, wh):
    info = analyze_question(question)
    assert (info.type, info.wh) == (answer_type, wh)


def test_a_naming_verb_stays_a_content_word_before_a_noun_asked_for():
    assert "叫" in analyze_question("他叫什么人来帮忙？").words


def test_a_post_verb_stays_a_content_word_where_no_post_is_asked():
    assert "任职" in analyze_question("怡良最初在哪里任职？").words


def test_a_duration_question_keeps_the_verb_of_its_event():
    assert "奋战" in analyze_question("党员连续奋战了多长时间？").words
    assert "进行" in analyze_question("核酸检测连续进行了几天？").words


def test_jiehu_is_not_a_quantity_question():
    assert analyze_question("他几乎每天做什么？").type != "quantity"


def test_a_question_with_no_interrogative_asks_what_follows_it():
    info = analyze_question("最早发展都市计划的文明为？")  # DRCD
    assert (info.wh, info.prefix, info.suffix) == ("", "最早发展都市计划的文明为", "")


def test_a_statement_without_a_closing_copula_is_not_read_as_a_question_of_what():
    assert analyze_question("邓铭东的身份").prefix == ""


@pytest.mark.parametrize("question, several", [
    ("五月艾分布在哪些地区？", True),  # CMRC trial: 在哪 + 些
    ("计算神经科学包含哪些科学？", True),
    ("哪几位专家参加了会议？", True),
    ("凤岭校区的高水平实验室有哪几座？", True),
    ("他在哪里出生？", False),
    ("五月艾分布在哪个国家？", False),
    ("冰雪皇后冰淇淋有什么特点？", False),  # one description, not a list of things
])
def test_a_question_asking_for_several_things(question, several):
    assert asks_several(analyze_question(question)) is several


@pytest.mark.parametrize("question, answer_type, item", [
    ("哪几位专家参加了会议？", "list", "person"),  # 哪几 asks which, not how many
    ("哪几个国家参加了比赛？", "list", "place"),
    ("计算神经科学包含哪些科学？", "list", "list"),
    ("第几名？", "quantity", "quantity"),
    ("哪一代战机开始出现？", "quantity", "quantity"),  # DRCD: answered by 第二代
    ("他是哪一代表团的成员？", "other", "other"),  # 代表团, no generation
    ("来了几个人？", "quantity", "quantity"),
])
def test_which_ones_is_not_how_many_and_its_items_are_typed_by_their_noun(question, answer_type, item):
    info = analyze_question(question)
    assert (info.type, item_type(info)) == (answer_type, item)
    assert not any("几" in word for word in info.words)


@pytest.mark.parametrize("question, alias", [
    # CMRC 2018 trial (CC BY-SA 4.0) and DRCD test (CC BY-SA 3.0, folded)
    ("蓍的别名是什么？", True),
    ("刺角瓜又名什么？", True),
    ("西贡商业信用银行的英文名是什么？", True),
    ("明成祖的本名是?", True),
    ("玉泉北路又有哪一个俗称?", True),
    ("南宁二中是什么的简称？", False),  # the full name, asked from the short one
    ("桃园市立大溪高级中学的简称是什么？", True),  # a short form is another name
    ("首钢集团的全称是什么？", True),
    ("德国环境与自然保护联盟的英文是什么？", True),  # CMRC: the English name
    ("国乐是韩国哪一种音乐的别称？", False),  # what the alias names
    ("蓍有什么作用？", False),
    ("凉茶舖又叫什么？", True),  # a naming verb after 又 or 也
    ("内台航路也叫什么？", True),
    ("阿閦佛又称之为什么？", True),
    ("草木或动物改变成为的精怪又被称为?", True),  # DRCD, folded
    ("盖卤王叫什么？", False),  # its name, not another one
    ("这种生殖称为什么？", False),
])
def test_a_question_asking_for_another_name(question, alias):
    info = analyze_question(question)
    assert asks_alias(info) is alias
    assert not alias or asks_name(info)


@pytest.mark.parametrize("question, side", [
    ("周恩來所領導的第一個五年計劃自哪一年開始?", "start"),  # DRCD
    ("初中的入學考試制度在韓國於何時開始取消？", "start"),  # DRCD
    ("採用現代主義之思想的都市規劃於何時結束？", "end"),  # DRCD
    ("摄影开始和结束的时间分别是什么时候？", ""),  # CMRC: both ends
    ("從1976年開始每天只看西德電視年輕人到的何時增加了2倍？", ""),  # DRCD: its 開始 is no part of what it asks
    ("段祺瑞自哪一年時開始擔任中華民國臨時執政的職位?", "start"),  # DRCD
    ("元朝是哪一年建立的？", ""),
])
def test_a_time_question_may_ask_for_one_end_of_a_range(question, side):
    assert range_side_asked(analyze_question(question)) == side


@pytest.mark.parametrize("word, expected", [
    ("陈诚于", "陈诚"),  # DRCD: 陳誠於1925年時改任
    ("刘七是", "刘七"),  # CMRC: 刘七是怎么死的
    ("杨昊现", "杨昊"),  # CMRC: 杨昊现效力于哪里
    ("时由爱思", "爱思"),  # DRCD: 在哪一年時由愛思唯爾出版社
    ("以兆康苑", "兆康苑"),  # CMRC
    ("于是", "于是"),  # words jieba's dictionary lists stay whole
    ("以为", "以为"),
    ("时间", "时间"),
    ("于敏", "于敏"),  # 于 before a name is a surname as often as a preposition
    ("是", "是"),
])
def test_a_question_word_loses_the_function_characters_jieba_glued_onto_it(word, expected):
    assert unglued(word) == expected


@pytest.mark.parametrize("question, suffix", [
    ("段祺瑞在哪一年時畢業於李鴻章所創設的天津武備學堂?", "毕业于李鸿章所创设的天津武备学堂"),  # DRCD test (CC BY-SA 3.0)
    ("卡特曾於哪一年時取得了潛艇艦長的資格?", "取得了潜艇舰长的资格"),  # DRCD test
    ("他在什么时候出生？", "出生"),
    ("这场战争发生在哪一年时期？", "时期"),  # 时期 is a word of its own, not the glued 时
])
def test_a_time_question_does_not_ask_the_sentence_for_the_shi_it_glues_onto_its_interrogative(question, suffix):
    info = analyze_question(question)
    assert info.type == "time" and info.suffix.rstrip("?？") == suffix
    assert "时" not in info.words


def test_a_question_names_what_it_asks_about_as_a_passage_names_it():
    assert analyze_question("陳誠於1925年時改任哪一個職位?").words[0] == "陈诚"  # DRCD: not 陈诚于
    assert "杨昊" in analyze_question("杨昊现效力于哪里？").words  # CMRC
    assert "卡" in analyze_question("阿夸弗雷斯卡是哪个国家运动员？").words  # CMRC: the name's last character, not 卡是


@pytest.mark.parametrize("question, left_out, kept", [
    # DRCD test (CC BY-SA 3.0): the 一 and classifier after the interrogative are its part, no word to find
    ("達爾文的理論在之後結合了哪一種概念?", "一种", "概念"),
    ("占城稻最初是在哪一位皇帝在位時推行的?", "一位", "皇帝"),
    ("哪一本小說有「中國謀略全書」之美稱?", "一本", "小说"),
    ("安托內利尖塔在哪一年的時候開始動工?", "时候", "动工"),  # a word that only frames the question
    ("欧洲越橘含有什么成分？", "", "含有"),  # a word ending where the interrogative starts is no part of it
])
def test_a_question_s_words_leave_out_the_interrogative_s_parts(question, left_out, kept):
    words = analyze_question(question).words
    assert left_out not in words and kept in words


@pytest.mark.parametrize("question, answer_type, wh", [
    # DRCD test (CC BY-SA 3.0), folded: 几何 (geometry) and 几近 (almost) ask nothing
    ("「一团混乱。运作开销庞大，生产动机和效率却几近于零」此句话形容的是哪一经济改革?", "other", "哪一"),
    ("角是两条有公共端点的射线组成的几何对象是在什么学说中的认知?", "other", "什么"),
    ("文中提及，也可以定义角的几何学为哪一个?", "other", "哪一个"),
    ("云潭全镇有几个党组织？", "quantity", "几"),
])
def test_geometry_and_almost_are_no_interrogatives(question, answer_type, wh):
    info = analyze_question(question)
    assert (info.type, info.wh) == (answer_type, wh)


@pytest.mark.parametrize("words, expected", [
    # CMRC trial (CC BY-SA 4.0): the passage says 出生于上海市, 原产于台湾
    (["严", "长寿", "出生", "生地", "出生地"], ["严", "长寿", "出生", "出生"]),
    (["玉山", "箭竹", "原产", "产地", "原产地"], ["玉山", "箭竹", "原产", "原产"]),
    (["山地", "猩猩"], ["山地", "猩猩"]),  # a noun of two characters stays
    (["基地"], ["基地"]),
])
def test_the_place_of_an_act_is_asked_as_the_act(words, expected):
    assert without_place_suffix(words) == expected
