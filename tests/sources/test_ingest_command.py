"""The `ingest` command on a folder: anything that is not a readable regular file inside the folder,
or whose NAME.meta.json is unusable, is skipped with a reason; the rest of the run goes on and the
summary counts what was skipped. A FIFO never blocks the run (each test has a hard time limit)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sources.management.commands import ingest
from sources.models import Article
from tests.conftest import ROOT, _database_url

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(60)]


def _text(name: str) -> str:
    return f"外交部發言人表示:「{name} 這是一篇測試文章，內容與其他文章不同。」他並強調,台灣不會挑釁。\n"


def _fifo(folder: Path, outside: Path) -> tuple[str, str, dict]:
    os.mkfifo(folder / "m-pipe.txt")
    return "m-pipe.txt", "SKIP_NOT_REGULAR", {}


def _self_link(folder: Path, outside: Path) -> tuple[str, str, dict]:
    (folder / "m-loop.txt").symlink_to("m-loop.txt")
    return "m-loop.txt", "SKIP_BROKEN_LINK", {}


def _dangling_link(folder: Path, outside: Path) -> tuple[str, str, dict]:
    (folder / "m-gone.txt").symlink_to(folder / "nowhere.txt")
    return "m-gone.txt", "SKIP_BROKEN_LINK", {}


def _folder_named_txt(folder: Path, outside: Path) -> tuple[str, str, dict]:
    (folder / "m-folder.txt").mkdir()
    return "m-folder.txt", "SKIP_NOT_REGULAR", {}


def _link_outside(folder: Path, outside: Path) -> tuple[str, str, dict]:
    secret = outside / "secret.txt"
    secret.write_text(_text("folder-outside"), encoding="utf-8")
    (folder / "m-outside.txt").symlink_to(secret)
    return "m-outside.txt", "SKIP_OUTSIDE", dict(root=folder.resolve())


def _invalid_meta(folder: Path, outside: Path) -> tuple[str, str, dict]:
    (folder / "m-meta.txt").write_text(_text("bad meta"), encoding="utf-8")
    (folder / "m-meta.meta.json").write_text('{"title": "unterminated', encoding="utf-8")
    return "m-meta.txt", "SKIP_META", dict(name="m-meta.meta.json", error="")


def _meta_not_an_object(folder: Path, outside: Path) -> tuple[str, str, dict]:
    (folder / "m-list.txt").write_text(_text("list meta"), encoding="utf-8")
    (folder / "m-list.meta.json").write_text("[1, 2, 3]", encoding="utf-8")
    return "m-list.txt", "SKIP_META", dict(name="m-list.meta.json", error="")


def _meta_bad_date(folder: Path, outside: Path) -> tuple[str, str, dict]:
    (folder / "m-date.txt").write_text(_text("bad date"), encoding="utf-8")
    (folder / "m-date.meta.json").write_text(json.dumps({"published": "last Tuesday"}), encoding="utf-8")
    return "m-date.txt", "SKIP_META", dict(name="m-date.meta.json", error="")


def _meta_is_a_fifo(folder: Path, outside: Path) -> tuple[str, str, dict]:
    (folder / "m-metapipe.txt").write_text(_text("meta pipe"), encoding="utf-8")
    os.mkfifo(folder / "m-metapipe.meta.json")
    return "m-metapipe.txt", "SKIP_META", dict(name="m-metapipe.meta.json", error="")


CASES: dict[str, Callable[[Path, Path], tuple[str, str, dict]]] = {
    "fifo": _fifo,
    "self-referencing-symlink": _self_link,
    "dangling-symlink": _dangling_link,
    "folder-named-txt": _folder_named_txt,
    "symlink-outside-the-folder": _link_outside,
    "invalid-meta-json": _invalid_meta,
    "meta-not-an-object": _meta_not_an_object,
    "meta-bad-date": _meta_bad_date,
    "meta-is-a-fifo": _meta_is_a_fifo,
}


def _reason(constant: str, fields: dict) -> str:
    """The reason the command prints (a prefix when the message ends with the error's own text)."""
    return getattr(ingest, constant).format(**fields)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    folder, outside = tmp_path / "inbox", tmp_path / "elsewhere"
    folder.mkdir()
    outside.mkdir()
    # Good files sort before and after every bad one ("m-..."), so a run that stops is seen.
    (folder / "a-first.txt").write_text(_text("first"), encoding="utf-8")
    (folder / "z-last.txt").write_text(_text("last"), encoding="utf-8")
    return folder, outside


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_bad_entry_is_skipped_with_its_reason_and_the_run_goes_on(case: str, folders):
    folder, outside = folders
    name, constant, fields = CASES[case](folder, outside)
    out, err = io.StringIO(), io.StringIO()

    call_command("ingest", str(folder), "--no-progress", stdout=out, stderr=err)

    bodies = sorted(Article.objects.values_list("body", flat=True))
    assert bodies == sorted([_text("first"), _text("last")]), out.getvalue() + err.getvalue()
    reason = _reason(constant, fields)
    [line] = [line for line in err.getvalue().splitlines() if name in line]
    assert line.startswith(f"{folder / name}: skipped: {reason}"), line
    assert "Traceback" not in err.getvalue()
    assert "2 ingested, 0 duplicates, 0 refused, 1 skipped" in out.getvalue()


def test_a_symlink_inside_the_folder_is_followed(folders):
    folder, _ = folders
    (folder / "b-alias.txt").symlink_to(folder / "a-first.txt")
    out = io.StringIO()
    call_command("ingest", str(folder), "--no-progress", stdout=out, stderr=io.StringIO())
    assert "2 ingested, 1 duplicates, 0 refused, 0 skipped" in out.getvalue()


def test_a_linked_folder_loop_is_not_walked_forever(folders):
    folder, _ = folders
    (folder / "again").symlink_to(folder, target_is_directory=True)
    out = io.StringIO()
    call_command("ingest", str(folder), "--no-progress", stdout=out, stderr=io.StringIO())
    assert "2 ingested, 0 duplicates, 0 refused, 0 skipped" in out.getvalue()


def test_a_fifo_named_directly_is_skipped_and_nothing_ingested_fails_the_run(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was ingested"):
        call_command("ingest", str(tmp_path / "pipe.txt"), "--no-progress", stdout=io.StringIO(), stderr=err)
    assert f"{tmp_path / 'pipe.txt'}: skipped: {_reason('SKIP_NOT_REGULAR', {})}" in err.getvalue()


@pytest.mark.timeout(150)
@pytest.mark.django_db(transaction=True)
def test_the_command_line_run_reports_every_skip_and_its_count(folders):
    """The whole folder at once, as an operator runs it: bounded by a subprocess timeout."""
    folder, outside = folders
    expected = [CASES[case](folder, outside) for case in CASES]
    env = {**os.environ, "DATABASE_URL": _database_url(), "CELERY_TASK_ALWAYS_EAGER": "1"}
    env.pop("CELERY_BROKER_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "ingest", str(folder), "--no-progress"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"2 ingested, 0 duplicates, 0 refused, {len(CASES)} skipped" in result.stdout
    for name, constant, fields in expected:
        reason = _reason(constant, fields)
        assert f"{folder / name}: skipped: {reason}" in result.stderr, (name, result.stderr[-3000:])
    assert "Traceback" not in result.stderr
    assert Article.objects.count() == 2
