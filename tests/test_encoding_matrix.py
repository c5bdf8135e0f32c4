"""The encoding matrix: one article per script, saved in each legacy encoding that script is
written in, with a correct charset declaration, with none, and with one that lies (says UTF-8).
Every variant decodes to the same text."""

import pytest

from cleaner import clean
from cleaner.decode import decode

ARTICLES = {
    "zh-hans": "市政府周二宣布，老港口的人行桥将在秋季全面修复。工程预计花费一百四十万元，其中近一半由文物保护基金承担。渔民们希望施工避开春季捕鱼季节。",
    "zh-hant": "市政府週二宣布，老港口的人行橋將在秋季全面修復。工程預計花費一百四十萬元，其中近一半由文物保護基金承擔。漁民們希望施工避開春季捕魚季節。",
    "ja": "市は火曜日、旧港の歩道橋を秋に全面的に修復すると発表した。工事費は約千四百万円で、その半分近くを文化財基金が負担する。漁業者は春の漁期を避けるよう求めている。",
    "ko": "시는 화요일 옛 항구의 보행자 다리를 가을에 전면 보수한다고 발표했다. 공사비는 약 14억 원으로 절반 가까이를 문화유산 기금이 부담한다. 어민들은 봄 조업철을 피해 달라고 요청했다.",
    "ru": "Во вторник городской совет объявил, что старый пешеходный мост в гавани будет полностью отремонтирован осенью. Работы обойдутся почти в полтора миллиона, половину оплатит фонд наследия.",
    "fr": "Mardi, le conseil municipal a annoncé que la vieille passerelle du port sera entièrement rénovée à l'automne. Les travaux coûteront près d'un million et demi d'euros, dont la moitié payée par le fonds du patrimoine.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, die alte Fußgängerbrücke am Hafen im Herbst vollständig zu sanieren. Die Arbeiten kosten fast anderthalb Millionen Euro; die Hälfte übernimmt der Denkmalfonds.",
}

MATRIX = [  # (encoding, article)
    ("utf-8", "zh-hans"), ("utf-8-sig", "ja"), ("utf-16-le-bom", "ru"), ("utf-16-be-bom", "ko"),
    ("gbk", "zh-hans"), ("gb18030", "zh-hans"), ("big5", "zh-hant"), ("shift_jis", "ja"),
    ("euc-jp", "ja"), ("euc-kr", "ko"), ("windows-1251", "ru"), ("windows-1252", "fr"),
    ("iso-8859-1", "de"),
]


def page(article: str, meta: str) -> str:
    paragraphs = "".join(f"<p>{ARTICLES[article]}</p>" for _ in range(3))
    return f"<!DOCTYPE html><html><head>{meta}<title>T</title></head><body><article>{paragraphs}</article></body></html>"


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


def label(encoding: str) -> str:
    return {"utf-8-sig": "utf-8", "utf-16-le-bom": "utf-16", "utf-16-be-bom": "utf-16"}.get(encoding, encoding)


@pytest.mark.parametrize("encoding, article", MATRIX)
@pytest.mark.parametrize("declaration", ["correct", "none", "lying"])
def test_every_variant_decodes_to_the_same_text(encoding, article, declaration):
    meta = {"correct": f'<meta charset="{label(encoding)}">', "none": "",
            "lying": '<meta charset="utf-8">'}[declaration]
    original = page(article, meta)
    assert decode(encode(original, encoding)) == original


@pytest.mark.parametrize("encoding, article", MATRIX)
def test_every_variant_cleans_to_the_same_article(encoding, article):
    expected = clean(page(article, "")).text
    assert ARTICLES[article] in expected
    assert clean(encode(page(article, ""), encoding)).text == expected
