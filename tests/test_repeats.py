import pytest

from qa.reader.candidates import Candidate
from qa.reader.repeats import completed_names, ends_of, repeated_name_end
from qa.text.normalize import fold

THEODOSIUS = fold("379年任命狄奧多西為東部皇帝。388年狄奧多西擊敗篡位者。395年狄奧多西驟逝。")  # after DRCD test 3395-6
HO_QUY_LY = fold("推廣喃字的例子為胡季犛及光中帝。其中胡季犛因大虞改革被明朝囚禁。")  # after DRCD test 3478-4


@pytest.mark.parametrize("passage, name, completed", [
    (THEODOSIUS, "狄奥多", "狄奥多西"),  # jieba: 狄奥多|西 every time
    (HO_QUY_LY, "胡季", "胡季牦"),  # jieba: 胡季|牦及光
    (fold("戴克里先改制。戴克里先才拋棄舊制。"), "戴克里", "戴克里先"),  # jieba: 戴克里|先才
    (fold("钱学森等人出席。钱学森等科学家返国。"), "钱学森", "钱学森"),  # 等 is a word of its own
    (fold("台湾邮票最早发行。台湾邮政由此开办。"), "台湾", "台湾"),  # 邮票 and 邮政 are words: 邮 is no part of the name
    (fold("张三的书。张三的笔。"), "张三", "张三"),
    (fold("马英九当选。马英九当选。"), "马英九", "马英九"),  # always the same after: no boundary shows
    (fold("狄奥多西击败篡位者。"), "狄奥多", "狄奥多"),  # named once: nothing to compare
])
def test_a_name_runs_on_over_what_follows_every_one_of_its_occurrences(passage, name, completed):
    start = passage.index(name)
    assert passage[start:repeated_name_end(passage, start, start + len(name))] == completed


def test_only_names_are_completed_and_within_their_sentence():
    sentence_start = THEODOSIUS.index("388")
    sentence_end = THEODOSIUS.index("。", sentence_start) + 1
    name = THEODOSIUS.index("狄奥多", sentence_start) - sentence_start
    candidates = [Candidate(name, name + 3, "person", "pattern"), Candidate(name, name + 3, "chunk", "pattern")]
    completed = completed_names(candidates, THEODOSIUS, sentence_start, sentence_end)
    sentence = THEODOSIUS[sentence_start:sentence_end]
    assert [sentence[c.start:c.end] for c in completed] == ["狄奥多西", "狄奥多"]
    assert completed_names([Candidate(0, 3, "person", "pattern")], "狄奥多西。狄奥多西。", 0, 3)[0].end == 3


def test_occurrences_end_left_to_right_without_overlapping():
    assert list(ends_of("狄奥多", THEODOSIUS)) == [9, 23, 37]
    assert list(ends_of("哈哈", "哈哈哈哈哈")) == [2, 4]
    assert list(ends_of("西", "东")) == []
    assert list(ends_of("", "狄奥多西")) == []  # an empty candidate is never repeated
