"""Every check of ``govcat.checks.rules``: each of its messages, exactly, on the fixture catalog.

Each case changes the fixture catalog a little (files written, lines replaced) and lists every
message ``catalog check`` then prints. ``test_every_check_has_a_case`` keeps the table complete:
a new check without a case here fails it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from govcat.checks.rules import CHECKS
from govcat.checks.validate import check_project
from govcat.layout import Project

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "catalog"
PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
SOURCE = "reference/sources/zgsqb-excerpt.yaml"
HENAN = "reference/regions/henan.yaml"
ZHENGZHOU = "reference/regions/zhengzhou.yaml"
POLICY = "reference/policies/zhengzhou-shequ-tongzhi.yaml"
POLICY_TEXT = (
    "id: zhengzhou-shequ-tongzhi\ntitle: 关于完善社区党群服务中心功能的通知\nregion: zhengzhou\n"
    "citations:\n  - source: zgsqb-excerpt\n    quote: 完善社区党群服务中心功能。\n"
)
THEME = "reference/themes/shequ-fuwu.yaml"
TERM = "reference/terms/yichuangban.yaml"
SYNONYMS = "reference/synonyms/gongzi.yaml"
OTHER_SYNONYMS = "reference/synonyms/yichuang.yaml"
CHILD = "practices/zhengzhou/zhengzhou-yichuangban.yaml"
CHILD_TEXT = (
    "id: zhengzhou-yichuangban\ntitle: 郑州市：一窗办\nregion: zhengzhou\nlevel: city\n"
    "parent: zhengzhou-dangqun-fuwu-zhongxin\nthemes: [shequ-fuwu]\nsummary: 一窗办。\n"
    "measures:\n  - title: 一窗办\nsources:\n  - source: zgsqb-excerpt\n    quote: 完善社区党群服务中心功能。\n"
    "last_reviewed: 2026-11-28\n"
)

OTHER_SOURCE = "reference/sources/other.yaml"
OTHER_SOURCE_FILE = "reference/sources/other.txt"
OTHER_SOURCE_TEXT = "id: other\npublisher: 报\ntitle: 另一篇\npublished: 2024-08-06\ntext_file: other.txt\n"


def metric(value: str, unit: str, qualifier: str = "", source: str = "other", quote: str = "") -> str:
    """A ``metrics:`` list of one metric, as YAML lines."""
    quote = quote or "全市新发展党员50余名，建成服务站1.2万个。"
    return (
        f'metrics:\n  - indicator: 指标\n    value: "{value}"\n    unit: {unit}\n'
        + (f"    qualifier: {qualifier}\n" if qualifier else "")
        + f"    citation:\n      source: {source}\n      quote: {quote}\n"
    )


@dataclass(frozen=True)
class Case:
    """Changes to the fixture catalog and every message they must cause."""

    expected: list[str]
    edits: list[tuple[str, str, str]] = field(default_factory=list)  # (file, old text, new text)
    writes: dict[str, str] = field(default_factory=dict)


CASES: dict[str, dict[str, Case]] = {
    "check_id_matches_file": {
        "differs from the file name": Case(
            edits=[("reference/themes/shequ-fuwu.yaml", "id: shequ-fuwu", "id: shequfuwu")],
            expected=[
                # The record is indexed under the id it declares, so references to the file name break too.
                f"{PRACTICE}:7:10: error: themes[0]: 找不到主题“shequ-fuwu”，是不是“shequfuwu”？",
                (
                    "reference/themes/shequ-fuwu.yaml:1:5: error: id: 编号“shequfuwu”与文件名“shequ-fuwu.yaml”不一致："
                    "把编号改为“shequ-fuwu”，或把文件改名为“shequfuwu.yaml”"
                ),
            ],
        ),
        "a name Windows reserves": Case(
            writes={"reference/themes/con.yaml": "id: con\nname: 控制\ndescription: 说明。\n"},
            expected=[
                "reference/themes/con.yaml:1:5: error: id: “con”是 Windows 保留的文件名，不能用作编号：换一个编号"
            ],
        ),
        "a YAML keyword": Case(
            writes={"reference/themes/yes.yaml": 'id: "yes"\nname: 是\ndescription: 说明。\n'},
            expected=[
                (
                    "reference/themes/yes.yaml:1:5: error: id: “yes”在 YAML 中会被读成是非值而不是文字，"
                    "不能用作编号：换一个编号，例如在前面加上地区拼音"
                )
            ],
        ),
    },
    "check_references": {
        "close to an id": Case(
            edits=[(PRACTICE, "themes: [shequ-fuwu]", "themes: [shequ-fuw, no-such-theme]")],
            expected=[
                f"{PRACTICE}:7:10: error: themes[0]: 找不到主题“shequ-fuw”，是不是“shequ-fuwu”？",
                (
                    f"{PRACTICE}:7:21: error: themes[1]: 找不到主题“no-such-theme”，已有的主题：社区服务（shequ-fuwu）；"
                    "都不合适时用 catalog new theme --id <编号> --title <名称> 新建"
                ),
            ],
        ),
        "never the record itself": Case(
            edits=[
                (
                    PRACTICE,
                    "  - title: 实行“一窗办”“全岗通”\n",
                    "  - title: 实行“一窗办”“全岗通”\n    practice: zhengzhou-dangqun-fuwu\n",
                )
            ],
            expected=[
                (
                    f"{PRACTICE}:11:15: error: measures[0].practice: 找不到做法“zhengzhou-dangqun-fuwu”，"
                    "请先用 catalog new practice --id <编号> --title <名称> 在 practices/ 中添加它"
                )
            ],
        ),
        "a source": Case(
            edits=[
                (PRACTICE, "  - source: zgsqb-excerpt\n    quote: 完善", "  - source: zgsqb-exerpt\n    quote: 完善")
            ],
            expected=[f"{PRACTICE}:16:13: error: sources[0].source: 找不到来源“zgsqb-exerpt”，是不是“zgsqb-excerpt”？"],
        ),
    },
    "check_dates": {
        "not a real day": Case(
            edits=[(PRACTICE, "last_reviewed: 2026-11-28", "last_reviewed: 2026-02-30")],
            expected=[f"{PRACTICE}:18:16: error: last_reviewed: “2026-02-30”不是真实存在的日期：2026年2月没有30日"],
        ),
        "a source dated to the month only": Case(
            edits=[(SOURCE, "published: 2024-08-05", "published: 2023-02")],
            expected=[],
        ),
        "reviewed after today": Case(
            edits=[(PRACTICE, "last_reviewed: 2026-11-28", "last_reviewed: 2026-11-29")],
            expected=[f"{PRACTICE}:18:16: error: last_reviewed: 核对日期“2026-11-29”晚于今天"],
        ),
        "a source's publication day": Case(
            edits=[(SOURCE, "published: 2024-08-05", "published: 2024-13-05")],
            expected=[f"{SOURCE}:5:12: error: published: “2024-13-05”不是真实存在的日期：没有13月"],
        ),
    },
    "check_quotes": {
        "a full-width comma": Case(
            edits=[(PRACTICE, "quote: 实行“一窗办”“全岗通”,同时", "quote: 实行“一窗办”“全岗通”，同时")],
            expected=[
                (
                    f"{PRACTICE}:13:16: error: measures[0].citations[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。"
                    "原文第 2 行最接近的是「…窗办”“全岗通”【,】同时落实错时、延…」，引文是「…窗办”“全岗通”【，】同时落实错时、延…」"
                    "（【】中是不同之处）。全角、半角不同：原文是半角的“,”，引文写成了全角的“，”。请从原文逐字复制，标点和空格也要一致"
                ),
            ],
        ),
        "a traditional character and a missing space": Case(
            edits=[(PRACTICE, "quote: 完善社区党群服务中心功能。", "quote: 完善社區党群服务中心功能 。")],
            expected=[
                (
                    f"{PRACTICE}:17:12: error: sources[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。"
                    "原文第 2 行最接近的是「完善社【区】党群服务中心功能【】。」，引文是「完善社【區】党群服务中心功能【 】。」"
                    "（【】中是不同之处）。简体、繁体写法不同：原文是“区”，引文写成了“區”；引文多了空格，原文这里没有。"
                    "请从原文逐字复制，标点和空格也要一致"
                ),
            ],
        ),
        "across a line break of the source": Case(
            edits=[
                (
                    PRACTICE,
                    "quote: 完善社区党群服务中心功能。",
                    "quote: 促进社区治理与服务水平不断提升。完善社区党群服务中心功能。",
                )
            ],
            expected=[
                (
                    f"{PRACTICE}:17:12: error: sources[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。"
                    "原文第 1 行最接近的是「…务水平不断提升。【↵】完善社区党群服务…」，引文是「…务水平不断提升。【】完善社区党群服务…」"
                    "（【】中是不同之处）。原文在此换行：引文不能跨过换行，在换行处把它分成两条引文。请从原文逐字复制，标点和空格也要一致"
                ),
            ],
        ),
        "a changed last character": Case(
            edits=[(PRACTICE, "quote: 完善社区党群服务中心功能。", "quote: 郑州市聚焦基层治理难点堵点,重围")],
            expected=[
                (
                    f"{PRACTICE}:17:12: error: sources[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。"
                    "原文第 1 行最接近的是「…治理难点堵点,重【点】」，引文是「…治理难点堵点,重【围】」（【】中是不同之处）。"
                    "请从原文逐字复制，标点和空格也要一致"
                ),
            ],
        ),
        "nothing like it": Case(
            edits=[(PRACTICE, "quote: 完善社区党群服务中心功能。", "quote: 全省推进乡镇改革。")],
            expected=[
                (
                    f"{PRACTICE}:17:12: error: sources[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。"
                    "原文中没有相近的句子：请确认来源编号，再从原文逐字复制"
                )
            ],
        ),
        "in another source": Case(
            writes={
                "reference/sources/other.yaml": "id: other\npublisher: 报\ntitle: 另一篇\npublished: 2024-08-06\n"
                "text_file: other.txt\n",
                "reference/sources/other.txt": "全省推进乡镇改革。\n",
            },
            edits=[(PRACTICE, "quote: 完善社区党群服务中心功能。", "quote: 全省推进乡镇改革。")],
            expected=[
                (
                    f"{PRACTICE}:17:12: error: sources[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到，"
                    "但在来源“other”中有：把 source 改为 other"
                )
            ],
        ),
    },
    "check_metric_figures": {
        "a typo": Case(
            edits=[
                (
                    PRACTICE,
                    "terms: [yichuangban]",
                    (
                        'terms: [yichuangban]\nmetrics:\n  - indicator: 无主管楼院\n    value: "287"\n    unit: 个\n'
                        "    citation:\n      source: zgsqb-excerpt\n      quote: 区内278个无主管楼院全部实现了\n"
                    ),
                )
            ],
            expected=[
                f"{PRACTICE}:17:12: error: metrics[0].value: 数值“287”没有出现在它的引文中（引文中的数字：278）：数值要照抄原文，引文要包含这个数字"
            ],
        ),
        "only part of a number": Case(
            edits=[
                (
                    PRACTICE,
                    "terms: [yichuangban]",
                    (
                        'terms: [yichuangban]\nmetrics:\n  - indicator: 无主管楼院\n    value: "27"\n    unit: 个\n'
                        "    citation:\n      source: zgsqb-excerpt\n      quote: 区内278个无主管楼院全部实现了\n"
                    ),
                )
            ],
            expected=[
                f"{PRACTICE}:17:12: error: metrics[0].value: 数值“27”没有出现在它的引文中（引文中的数字：278）：数值要照抄原文，引文要包含这个数字"
            ],
        ),
    },
    "check_metric_wording": {
        "a qualifier and unit the source does not write": Case(
            writes={OTHER_SOURCE: OTHER_SOURCE_TEXT, OTHER_SOURCE_FILE: "全市新发展党员50余名，建成服务站1.2万个。\n"},
            edits=[(PRACTICE, "terms: [yichuangban]", "terms: [yichuangban]\n" + metric("50", "万人", "多"))],
            expected=[
                f"{PRACTICE}:18:11: error: metrics[0].unit: 原文写作“50余名”，本条会显示为“50万多人”：qualifier 写 余，unit 写 名"
            ],
        ),
        "a qualifier the source has, left out": Case(
            writes={OTHER_SOURCE: OTHER_SOURCE_TEXT, OTHER_SOURCE_FILE: "全市新发展党员50余名，建成服务站1.2万个。\n"},
            edits=[(PRACTICE, "terms: [yichuangban]", "terms: [yichuangban]\n" + metric("50", "名"))],
            expected=[
                f"{PRACTICE}:18:11: error: metrics[0].unit: 原文写作“50余名”，本条会显示为“50名”：qualifier 写 余"
            ],
        ),
        "万 left out of the unit": Case(
            writes={OTHER_SOURCE: OTHER_SOURCE_TEXT, OTHER_SOURCE_FILE: "全市新发展党员50余名，建成服务站1.2万个。\n"},
            edits=[(PRACTICE, "terms: [yichuangban]", "terms: [yichuangban]\n" + metric("1.2", "个"))],
            expected=[
                f"{PRACTICE}:18:11: error: metrics[0].unit: 原文写作“1.2万个”，本条会显示为“1.2个”：unit 写 万个"
            ],
        ),
        "a qualifier the source does not have": Case(
            edits=[
                (
                    PRACTICE,
                    "terms: [yichuangban]",
                    "terms: [yichuangban]\n"
                    + metric("278", "个", "以上", "zgsqb-excerpt", "区内278个无主管楼院全部实现了"),
                )
            ],
            expected=[
                f"{PRACTICE}:18:11: error: metrics[0].unit: 原文写作“278个”，本条会显示为“278个以上”：删去 qualifier（原文没有限定词）"
            ],
        ),
    },
    "check_practice_level": {
        "a province's level on a city": Case(
            edits=[(PRACTICE, "level: city", "level: province")],
            expected=[
                (
                    f"{PRACTICE}:6:8: error: level: 做法层级 province（省级）高于所在地区“zhengzhou”（郑州市）的层级 city（市级）："
                    "把 level 改为 city，或把 region 改为省级地区 henan"
                )
            ],
        ),
    },
    "check_term_definition": {
        "a quoted definition that is not a quote": Case(
            edits=[("reference/terms/yichuangban.yaml", "definition_basis: editor", "definition_basis: quote")],
            expected=[
                (
                    "reference/terms/yichuangban.yaml:3:13: error: definition: definition_basis 为 quote，"
                    "释义却不是所引来源原文的逐字摘录：照抄原文，或把 definition_basis 改为 editor（编者注）"
                )
            ],
        ),
    },
    "check_region_hierarchy": {
        "a province with a parent": Case(
            writes={"reference/regions/hubei.yaml": 'id: hubei\nname: 湖北省\ncode: "420000"\nlevel: province\n'},
            edits=[(HENAN, "level: province", "level: province\nparent: hubei")],
            expected=[f"{HENAN}:5:9: error: parent: 省级地区没有上级，请删除 parent"],
        ),
        "no parent below a province": Case(
            edits=[(ZHENGZHOU, "parent: henan\n", "")],
            expected=[f"{ZHENGZHOU}:4:8: error: parent: 非省级地区必须填写上级地区编号"],
        ),
        "a parent at the same level": Case(
            writes={
                "reference/regions/luoyang.yaml": 'id: luoyang\nname: 洛阳市\ncode: "410300"\nlevel: city\nparent: zhengzhou\n'
            },
            expected=[
                "reference/regions/luoyang.yaml:5:9: error: parent: 上级地区“zhengzhou”的层级不高于本地区（city）",
                (  # the division table says the same, and names the parent to write
                    "reference/regions/luoyang.yaml:5:9: error: parent: 全国区划表中河南省洛阳市（410300，市级）的上级是"
                    "河南省（410000，省级），这里的上级“zhengzhou”是河南省郑州市（410100，市级）：把 parent 改为 henan"
                ),
            ],
        ),
        "a circle": Case(
            writes={
                "reference/regions/a.yaml": "id: a\nname: 甲村\nlevel: community\nparent: b\n",
                "reference/regions/b.yaml": "id: b\nname: 乙村\nlevel: community\nparent: a\n",
            },
            expected=[
                "reference/regions/a.yaml:4:9: error: parent: 上级关系绕成了圈：a → b → a",
                "reference/regions/b.yaml:4:9: error: parent: 上级关系绕成了圈：b → a → b",
            ],
        ),
    },
    "check_region_division": {
        "a code not in the table": Case(
            writes={
                "reference/regions/shaanxi.yaml": 'id: shaanxi\nname: 陕西省\ncode: "610000"\nlevel: province\n',
                "reference/regions/baoji.yaml": 'id: baoji\nname: 宝鸡市\ncode: "999999"\nlevel: city\nparent: shaanxi\n',
            },
            expected=[
                "reference/regions/baoji.yaml:3:7: error: code: 全国区划表（截至 2026-09-11）中没有代码“999999”：“宝鸡市”在表中是陕西省宝鸡市（610300，市级）：把 code 改为 610300",
            ],
        ),
        "a province with another province's code": Case(
            writes={
                "reference/regions/shaanxi.yaml": 'id: shaanxi\nname: 陕西省\ncode: "410000"\nlevel: province\n',
            },
            expected=[
                "reference/regions/shaanxi.yaml:3:7: error: code: 代码“410000”在全国区划表中是河南省（410000，省级），不是“陕西省”：“陕西省”在表中是陕西省（610000，省级）：把 code 改为 610000；确实与区划表不同（如不是行政区划的开发区、示范区）时，写 division_note 说明原因",
                "reference/regions/shaanxi.yaml:3:7: error: code: 代码“410000”已是地区“henan”（reference/regions/henan.yaml）的代码：一个代码只能属于一个地区，按全国区划表改正",
            ],
        ),
        "a Henan code under a Shaanxi parent": Case(
            writes={
                "reference/regions/shaanxi.yaml": 'id: shaanxi\nname: 陕西省\ncode: "610000"\nlevel: province\n',
                "reference/regions/baoji.yaml": 'id: baoji\nname: 宝鸡市\ncode: "410300"\nlevel: city\nparent: shaanxi\n',
            },
            expected=[
                "reference/regions/baoji.yaml:3:7: error: code: 代码“410300”在全国区划表中是河南省洛阳市（410300，市级），不是“宝鸡市”：“宝鸡市”在表中是陕西省宝鸡市（610300，市级）：把 code 改为 610300；确实与区划表不同（如不是行政区划的开发区、示范区）时，写 division_note 说明原因",
            ],
        ),
        "a city's code on a province": Case(
            writes={
                "reference/regions/shaanxi.yaml": 'id: shaanxi\nname: 陕西省\ncode: "610300"\nlevel: province\n',
            },
            expected=[
                "reference/regions/shaanxi.yaml:3:7: error: code: 代码“610300”在全国区划表中是陕西省宝鸡市（610300，市级），不是“陕西省”：“陕西省”在表中是陕西省（610000，省级）：把 code 改为 610000；确实与区划表不同（如不是行政区划的开发区、示范区）时，写 division_note 说明原因",
            ],
        ),
        "a level the table does not give": Case(
            writes={
                "reference/regions/shaanxi.yaml": 'id: shaanxi\nname: 陕西省\ncode: "610000"\nlevel: province\n',
                "reference/regions/baoji.yaml": 'id: baoji\nname: 宝鸡市\ncode: "610300"\nlevel: county\nparent: shaanxi\n',
            },
            expected=[
                "reference/regions/baoji.yaml:4:8: error: level: 全国区划表中陕西省宝鸡市（610300）是市级（city），这里写的是 county：把 level 改为 city，或删去 level（按区划表推断）；确实要按别的层级处理（如把省直管的县级市按市级）时，写 division_note 说明原因",
            ],
        ),
        "no level: the table's": Case(
            writes={
                "reference/regions/shaanxi.yaml": 'id: shaanxi\nname: 陕西省\ncode: "610000"\n',
                "reference/regions/baoji.yaml": 'id: baoji\nname: 宝鸡市\ncode: "610300"\nparent: shaanxi\n',
            },
            expected=[],
        ),
        "a level nothing tells": Case(
            writes={
                "reference/regions/x.yaml": "id: x\nname: 某某\nparent: zhengzhou\n",
            },
            expected=[
                "reference/regions/x.yaml:2:7: error: level: 必填字段还没有填写：从代码和名称“某某”都看不出层级，写上 level（province、city、county、township、community 之一）",
            ],
        ),
        "an old code": Case(
            writes={
                "reference/regions/sanmenxia.yaml": 'id: sanmenxia\nname: 三门峡市\ncode: "411200"\nlevel: city\nparent: henan\n',
                "reference/regions/shanxian.yaml": 'id: shanxian\nname: 陕县\ncode: "411222"\nlevel: county\nparent: sanmenxia\n',
            },
            expected=[
                "reference/regions/shanxian.yaml:3:7: error: code: 代码“411222”已停用（2015 年撤县设区：陕县（411222） → 陕州区（411203））：今天是河南省三门峡市陕州区（411203，县级），把 code 改为 411203、name 改为“陕州区”",
            ],
        ),
        "an old name": Case(
            writes={
                "reference/regions/hubei.yaml": 'id: hubei\nname: 湖北省\ncode: "420000"\nlevel: province\n',
                "reference/regions/xiangfan.yaml": 'id: xiangfan\nname: 襄樊市\ncode: "420600"\nlevel: city\nparent: hubei\n',
            },
            expected=[
                "reference/regions/xiangfan.yaml:2:7: error: name: “襄樊市”是旧名（2010 年更名：襄樊市（420600） → 襄阳市（420600））：今天是湖北省襄阳市（420600，市级），把 name 改为“襄阳市”",
            ],
        ),
        "an old name without a code": Case(
            writes={
                "reference/regions/hubei.yaml": 'id: hubei\nname: 湖北省\ncode: "420000"\nlevel: province\n',
                "reference/regions/xiangfan.yaml": "id: xiangfan\nname: 襄樊市\nlevel: city\nparent: hubei\n",
            },
            expected=[
                'reference/regions/xiangfan.yaml:2:7: error: name: “襄樊市”是旧名（2010 年更名：襄樊市（420600） → 襄阳市（420600））：今天是湖北省襄阳市（420600，市级），把 name 改为“襄阳市”，写上 code: "420600"',
            ],
        ),
        "no code": Case(
            writes={
                "reference/regions/shaanxi.yaml": 'id: shaanxi\nname: 陕西省\ncode: "610000"\nlevel: province\n',
                "reference/regions/baoji.yaml": "id: baoji\nname: 宝鸡市\nlevel: city\nparent: shaanxi\n",
            },
            expected=[
                'reference/regions/baoji.yaml:2:7: error: code: 缺少行政区划代码：“宝鸡市”在全国区划表中是陕西省宝鸡市（610300，市级），写上 code: "610300"',
            ],
        ),
        "a parent the table does not give": Case(
            writes={
                "reference/regions/baoji.yaml": 'id: baoji\nname: 宝鸡市\ncode: "610300"\nlevel: city\nparent: henan\n',
            },
            expected=[
                "reference/regions/baoji.yaml:5:9: error: parent: 全国区划表中陕西省宝鸡市（610300，市级）的上级是陕西省（610000，省级），这里的上级“henan”是河南省（410000，省级）：先添加上级（catalog new region --code 610000），再把 parent 改为它的编号",
            ],
        ),
        "not a division": Case(
            writes={
                "reference/regions/shifanqu.yaml": "id: shifanqu\nname: 济源产城融合示范区\nlevel: city\nparent: henan\n",
            },
            expected=[
                "reference/regions/shifanqu.yaml:2:7: error: name: 全国区划表（截至 2026-09-11）中没有“济源产城融合示范区”：按表改正名称并写上代码；确实与区划表不同（如不是行政区划的开发区、示范区）时，写 division_note 说明原因",
            ],
        ),
        "not a division, and says so": Case(
            writes={
                "reference/regions/shifanqu.yaml": "id: shifanqu\nname: 济源产城融合示范区\nlevel: city\nparent: henan\ndivision_note: 开发区，不是行政区划\n",
            },
            expected=[],
        ),
        "a township not in its county": Case(
            writes={
                "reference/regions/zhongyuan.yaml": 'id: zhongyuan\nname: 中原区\ncode: "410102"\nlevel: county\nparent: zhengzhou\n',
                "reference/regions/linshan.yaml": "id: linshan\nname: 林山街道\nparent: zhongyuan\n",
            },
            expected=[
                "reference/regions/linshan.yaml:2:7: error: name: 全国区划表中河南省郑州市中原区（410102，县级）下没有乡镇（街道）“林山街道”：是不是“林山寨街道”？按表改正名称；确实与区划表不同（如不是行政区划的开发区、示范区）时，写 division_note 说明原因",
            ],
        ),
        "a township of its county": Case(
            writes={
                "reference/regions/zhongyuan.yaml": 'id: zhongyuan\nname: 中原区\ncode: "410102"\nparent: zhengzhou\n',
                "reference/regions/linshan.yaml": "id: linshan\nname: 林山寨街道\nparent: zhongyuan\n",
            },
            expected=[],
        ),
    },
    "check_practice_nesting": {
        "a measure's practice with another parent": Case(
            writes={CHILD: CHILD_TEXT.replace("parent: zhengzhou-dangqun-fuwu-zhongxin\n", "")},
            edits=[
                (
                    PRACTICE,
                    "  - title: 实行“一窗办”“全岗通”\n",
                    "  - title: 实行“一窗办”“全岗通”\n    practice: zhengzhou-yichuangban\n",
                )
            ],
            expected=[
                (
                    f"{PRACTICE}:11:15: error: measures[0].practice: 做法“zhengzhou-yichuangban”的 parent 不是"
                    "“zhengzhou-dangqun-fuwu-zhongxin”：在 zhengzhou-yichuangban.yaml 中写 parent: zhengzhou-dangqun-fuwu-zhongxin"
                )
            ],
        ),
        "parents in a circle": Case(
            writes={CHILD: CHILD_TEXT},
            edits=[(PRACTICE, "level: city\n", "level: city\nparent: zhengzhou-yichuangban\n")],
            expected=[
                (
                    f"{PRACTICE}:7:9: error: parent: 上级做法关系绕成了圈：zhengzhou-dangqun-fuwu-zhongxin → "
                    "zhengzhou-yichuangban → zhengzhou-dangqun-fuwu-zhongxin"
                ),
                (
                    f"{CHILD}:5:9: error: parent: 上级做法关系绕成了圈：zhengzhou-yichuangban → "
                    "zhengzhou-dangqun-fuwu-zhongxin → zhengzhou-yichuangban"
                ),
            ],
        ),
        "related to itself": Case(
            edits=[
                (PRACTICE, "terms: [yichuangban]", "terms: [yichuangban]\nrelated: [zhengzhou-dangqun-fuwu-zhongxin]")
            ],
            expected=[f"{PRACTICE}:15:10: error: related: 不要把本做法列为自己的相关做法"],
        ),
    },
    "check_source_text": {
        "no text file": Case(
            edits=[(SOURCE, "text_file: zgsqb-excerpt.txt", "text_file: zgsqb-excerpt-full.txt")],
            expected=[
                f"{SOURCE}:6:12: error: text_file: 找不到全文文件“zgsqb-excerpt-full.txt”（应与本记录在同一目录，UTF-8 编码）"
            ],
        ),
        "the same article under two ids": Case(
            writes={
                "reference/sources/copy.yaml": "id: copy\npublisher: 报\ntitle: 副本\npublished: 2024-08-06\ntext_file: copy.txt\n",
                "reference/sources/copy.txt": (FIXTURE / "reference/sources/zgsqb-excerpt.txt").read_text("utf-8"),
            },
            expected=[
                (
                    "reference/sources/copy.yaml:5:12: error: text_file: 全文与来源“zgsqb-excerpt”（reference/sources/zgsqb-excerpt.yaml）"
                    "的全文相同：同一篇文章只存一份，删去其中一个来源，把引用它的 source 改为留下的编号"
                ),
                (
                    f"{SOURCE}:6:12: error: text_file: 全文与来源“copy”（reference/sources/copy.yaml）"
                    "的全文相同：同一篇文章只存一份，删去其中一个来源，把引用它的 source 改为留下的编号"
                ),
            ],
        ),
    },
    "check_policy_title": {
        "a title the source does not write": Case(
            writes={POLICY: POLICY_TEXT},
            expected=[
                (
                    f"{POLICY}:2:8: error: title: 所引来源的原文中没有“《关于完善社区党群服务中心功能的通知》”："
                    "照抄原文书名号中的文件名（不加书名号）；来源没有写出正式名称时，加上 title_basis: editor（编者拟定）"
                )
            ],
        ),
    },
    "check_not_metrics": {
        "a passage not in the text": Case(
            edits=[
                (
                    SOURCE,
                    "text_file: zgsqb-excerpt.txt",
                    (
                        "text_file: zgsqb-excerpt.txt\nnot_metrics:\n"
                        '  - number: "278"\n    quote: 区内287个无主管楼院\n    reason: 范围'
                    ),
                )
            ],
            expected=[
                (
                    f"{SOURCE}:9:12: error: not_metrics[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。"
                    "原文第 3 行最接近的是「区内2【78】个无主管楼院」，引文是「区内2【87】个无主管楼院」（【】中是不同之处）。"
                    "请从原文逐字复制，标点和空格也要一致"
                )
            ],
        ),
        "a number not in its passage": Case(
            edits=[
                (
                    SOURCE,
                    "text_file: zgsqb-excerpt.txt",
                    (
                        "text_file: zgsqb-excerpt.txt\nnot_metrics:\n"
                        '  - number: "27"\n    quote: 区内278个无主管楼院\n    reason: 范围'
                    ),
                )
            ],
            expected=[
                (
                    f"{SOURCE}:8:13: error: not_metrics[0].number: 数字“27”没有出现在它的 quote 中（引文中的数字：278）："
                    "数字要照抄原文，quote 要包含这个数字"
                )
            ],
        ),
    },
    "check_aliases": {
        "the record's own name": Case(
            edits=[(THEME, "name: 社区服务\n", "name: 社区服务\naliases: [“社区服务”]\n")],
            expected=[
                f"{THEME}:3:11: error: aliases[0]: 别称““社区服务””与本记录的名称相同（不计引号和空格）：删去这一项"
            ],
        ),
        "another record's name or alias": Case(
            edits=[
                (THEME, "name: 社区服务\n", "name: 社区服务\naliases: [便民服务, 一窗办]\n"),
                (TERM, "name: 一窗办\n", "name: 一窗办\naliases: [便民服务]\n"),
            ],
            expected=[
                (
                    f"{TERM}:3:11: error: aliases[0]: 别称“便民服务”与主题“shequ-fuwu”的别称相同（{THEME}）："
                    "一个说法只能指一个记录，删去这一项，或改用更具体的说法"
                ),
                (
                    f"{THEME}:3:11: error: aliases[0]: 别称“便民服务”与术语“yichuangban”的别称相同（{TERM}）："
                    "一个说法只能指一个记录，删去这一项，或改用更具体的说法"
                ),
                (
                    f"{THEME}:3:17: error: aliases[1]: 别称“一窗办”与术语“yichuangban”的名称相同（{TERM}）："
                    "一个说法只能指一个记录，删去这一项，或改用更具体的说法"
                ),
            ],
        ),
    },
    "check_synonym_words": {
        "words that are not Chinese, single characters, or in two groups": Case(
            writes={
                SYNONYMS: "id: gongzi\nname: 工资\nwords: [工资, salary, 薪, 一窗办]\n",
                OTHER_SYNONYMS: "id: yichuang\nname: 一窗\nwords: [一窗办, 一个窗口]\n",
            },
            expected=[
                f"{SYNONYMS}:3:13: error: words[1]: “salary”不是中文说法：同义词组只收中文词语，可以带数字，如“35岁以下”",
                f"{SYNONYMS}:3:21: error: words[2]: “薪”只有一个字：单字会让搜索找到太多无关页面，请写成词语",
                (
                    f"{OTHER_SYNONYMS}:3:9: error: words[0]: “一窗办”已在同义词组“gongzi”（{SYNONYMS}）中："
                    "一个词只能属于一组，把两组合并成一组"
                ),
            ],
        ),
        "no word used in the catalog": Case(
            writes={SYNONYMS: "id: gongzi\nname: 工资\nwords: [工资, 薪酬]\n"},
            expected=[
                (
                    f"{SYNONYMS}:3:8: error: words: 组内没有一个词在本库的记录或来源原文中出现：这组词搜不到任何页面，"
                    "至少要有一个是本库用到的说法"
                )
            ],
        ),
    },
}


def apply(project: Project, case: Case) -> None:
    for relative, text in case.writes.items():
        (project.root / relative).parent.mkdir(parents=True, exist_ok=True)
        (project.root / relative).write_text(text, "utf-8")
    for relative, old, new in case.edits:
        path = project.root / relative
        text = path.read_text("utf-8")
        assert text.count(old) == 1, f"{relative} lacks {old!r}"
        path.write_text(text.replace(old, new), "utf-8")


@pytest.mark.parametrize(
    ("check", "name"), [(c, n) for c in CASES for n in CASES[c]], ids=[f"{c}: {n}" for c in CASES for n in CASES[c]]
)
def test_check_message(project: Project, check: str, name: str) -> None:
    case = CASES[check][name]
    apply(project, case)
    assert [str(d) for d in check_project(project).diagnostics] == case.expected


def test_every_check_has_a_case() -> None:
    every = {check.__name__ for checks in CHECKS.values() for check in checks}
    assert set(CASES) == every


def test_the_fixture_is_unchanged_by_the_table(project: Project) -> None:
    assert check_project(project).diagnostics == [] and Path(project.root / PRACTICE).is_file()
