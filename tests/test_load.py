"""Loading a catalog: every record that reads is indexed, nothing is judged, and the generator
does not depend on the checks."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from govcat.checks.validate import validate
from govcat.layout import Project
from govcat.model.load import load_catalog

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
THEME = "reference/themes/shequ-fuwu.yaml"
Write = Callable[[str, str], Path]


def test_a_file_that_does_not_read_leaves_the_others_loaded(project: Project, write: Write) -> None:
    write(THEME, "id: shequ-fuwu\nname: [社区服务\n")
    catalog = load_catalog(project)
    assert catalog.has("practice", "zhengzhou-dangqun-fuwu-zhongxin")
    assert not catalog.has("theme", "shequ-fuwu")
    assert catalog.unreadable == {"theme": {"shequ-fuwu"}}
    assert [(d.path, d.line) for d in catalog.reading_problems] == [(THEME, 3)]


def test_loading_judges_nothing_and_validating_reports_what_reading_found(project: Project, write: Write) -> None:
    write(THEME, "id: shequ-fuwu\nname: [社区服务\n")
    write("reference/themes/other.yaml", "id: shequ-fuwu\nname: 别的主题\n")  # the id of the file that did not read
    catalog = load_catalog(project)
    assert catalog.get("theme", "shequ-fuwu")["name"] == "别的主题"  # the only one that read
    assert [r.display_path for r in catalog.loaded if r.kind.name == "theme"] == ["reference/themes/other.yaml"]
    assert [str(d).split("（")[0] for d in validate(catalog)] == [
        "reference/themes/other.yaml:1:1: error: description: 缺少必填字段。主题说明：这一类做法要解决什么问题",
        "reference/themes/other.yaml:1:5: error: id: 编号“shequ-fuwu”与文件名“other.yaml”不一致：把编号改为“other”，或把文件改名为“shequ-fuwu.yaml”",
        f"{THEME}:3:1: error: YAML 语法错误",
    ]


def test_of_two_records_with_one_id_the_first_is_indexed_and_the_second_reported(
    project: Project, write: Write
) -> None:
    original = (project.root / THEME).read_text("utf-8")
    write("reference/themes/zz-copy.yaml", original.replace("name: 社区服务", "name: 副本"))
    catalog = load_catalog(project)
    assert catalog.get("theme", "shequ-fuwu")["name"] == "社区服务"
    assert len([r for r in catalog.loaded if r.id == "shequ-fuwu"]) == 2
    assert (
        "reference/themes/zz-copy.yaml:1:5: error: id: 编号“shequ-fuwu”重复，另见 reference/themes/shequ-fuwu.yaml"
        in [str(d) for d in validate(catalog)]
    )


def test_the_generator_does_not_import_the_checks() -> None:
    """Pages are made from checked records; what makes a record wrong is not the generator's concern."""
    code = "import sys, govcat.site.generate; print(sorted(m for m in sys.modules if m.startswith('govcat.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "govcat.checks.rules" not in loaded and "govcat.checks.validate" not in loaded
    assert "govcat.site.generate.practices" in loaded
