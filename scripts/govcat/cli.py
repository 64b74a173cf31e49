"""The ``catalog`` command: check records, generate pages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .diagnostics import Diagnostic, summary
from .generate import generate
from .layout import Project
from .validate import check_project


def report(diagnostics: Sequence[Diagnostic]) -> int:
    """Print every problem and the count line; the exit status for them."""
    for diagnostic in diagnostics:
        print(diagnostic)
    print(summary(diagnostics))
    return 1 if diagnostics else 0


def command_check(project: Project, args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or None
    missing = [p for p in paths or [] if not p.is_file()]
    if missing:
        return report([Diagnostic(str(p), 1, 1, "文件不存在") for p in missing])
    return report(check_project(project, only=paths).diagnostics)


def command_generate(project: Project, args: argparse.Namespace) -> int:
    result, changes = generate(project)
    if changes is None:
        return report(result.diagnostics)
    print(f"已生成到 {project.relative(project.generated)}/：写入 {len(changes.written)} 个文件，"
          f"删除 {len(changes.removed)} 个，未变 {changes.unchanged} 个")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="catalog", description="基层治理实践库：校验记录、生成站点页面。")
    commands = root.add_subparsers(dest="command", required=True, metavar="命令")
    check = commands.add_parser("check", help="校验全部记录，列出所有问题（可只报告指定文件）")
    check.add_argument("paths", nargs="*", help="只报告这些文件的问题（引用仍对照整个实践库检查）")
    check.set_defaults(handler=command_check)
    gen = commands.add_parser("generate", help="校验后生成页面到 build/generated/（mkdocs build 也会自动执行）")
    gen.set_defaults(handler=command_generate)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        project = Project.find()
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return args.handler(project, args)


if __name__ == "__main__":
    sys.exit(main())
