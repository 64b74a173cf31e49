"""The files a forge and pre-commit read: they run the same checks as CI and keep the built site."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
STEPS = ("catalog check", "python -m pytest", "catalog build", "catalog publish --offline")


def load(relative: str) -> Any:
    return yaml.safe_load((REPO / relative).read_text("utf-8"))


def in_order(commands: list[str]) -> list[str]:
    """Which of STEPS the commands run, in the order they run them."""
    return [step for command in commands for step in STEPS if command.startswith(step)]


def test_gitlab_pipeline_checks_tests_builds_and_keeps_the_site() -> None:
    job = load(".gitlab-ci.yml")["check"]
    assert in_order(job["script"]) == list(STEPS)
    assert set(job["artifacts"]["paths"]) == {"site/", "site-offline.zip"}


def test_github_workflow_checks_tests_builds_and_keeps_the_site() -> None:
    steps = load(".github/workflows/check.yml")["jobs"]["check"]["steps"]
    assert in_order([s["run"] for s in steps if "run" in s]) == list(STEPS)
    uploaded = {s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/upload-artifact")}
    assert uploaded == {"site/", "site-offline.zip"}


def test_pre_commit_checks_changed_records_with_the_installed_command() -> None:
    hooks = {hook["id"]: hook for hook in load(".pre-commit-config.yaml")["repos"][0]["hooks"]}
    hook = hooks["catalog-check"]
    assert hook["entry"] == "catalog check"
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert "catalog" in scripts
    files = re.compile(hook["files"])
    assert files.search("practices/zhengzhou/zhengzhou-sicuo-bingju.yaml")
    assert files.search("reference/themes/louyuan-zhili.yaml")
    assert not files.search("content/about.md") and not files.search("schemas/practice.schema.json")


def test_pre_commit_runs_the_code_checks_ci_runs_from_the_locked_environment() -> None:
    hooks = {hook["id"]: hook for hook in load(".pre-commit-config.yaml")["repos"][0]["hooks"]}
    assert {hooks[h]["entry"].split(" --force-exclude")[0] for h in ("ruff-check", "ruff-format", "mypy")} == {
        "ruff check",
        "ruff format --check",
        "mypy",
    }
    assert {hook["language"] for hook in hooks.values()} == {"system"}  # no environment of pre-commit's own
    ci = (REPO / ".ci/run").read_text("utf-8")
    assert "ruff check scripts tests" in ci and "ruff format --check scripts tests" in ci and ".venv/bin/mypy" in ci


def test_every_install_is_from_the_lock_file() -> None:
    gitlab = load(".gitlab-ci.yml")["check"]["script"]
    github = [s["run"] for s in load(".github/workflows/check.yml")["jobs"]["check"]["steps"] if "run" in s]
    readme = (REPO / "README.md").read_text("utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    for commands in (gitlab, github, [(REPO / ".ci/run").read_text("utf-8")], [quick_start]):
        installs = [line for command in commands for line in command.splitlines() if "pip install" in line]
        assert installs and all(
            "--require-hashes -r requirements.lock" in line or "--no-deps -e ." in line or line.rstrip().endswith("\\")
            for line in installs
        ), installs


def test_both_forges_offer_the_same_review_checklist() -> None:
    github = (REPO / ".github/pull_request_template.md").read_text("utf-8")
    assert github == (REPO / ".gitlab/merge_request_templates/Default.md").read_text("utf-8")
    assert github.count("- [ ] ") >= 5
