# SPDX-License-Identifier: MIT
"""Safe output: devices, links, full disks, long names, terminal and CSV injection.

Oracles: the file system itself (os.lstat / stat.S_IS* before and after),
bytes compared with the output the same command prints to a pipe, and the
OWASP "CSV injection" rule (a cell starting with = + - @ tab or CR is a
formula to a spreadsheet unless it is a number).
"""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

import healthnet as hn

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT_USER, reason="mknod and mount need root")


def run(cli, *args, cwd=None, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("capture_output", True)
    return subprocess.run([cli, *map(str, args)], text=True, cwd=cwd, timeout=300, **kwargs)


def report_md(cli) -> str:
    r = run(cli, "report", "--example", "--format", "md")
    assert r.returncode == 0, r.stderr
    return r.stdout


# ---- standard output -------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["metrics", "--example"],  # small: fails at the final flush
        ["metrics", "--example", "--by", "sector", "--format", "json"],  # larger than the stdio buffer
        ["report", "--example"],  # one big write
        ["--version"],
    ],
)
def test_full_stdout_fails_with_exit_1(cli, args):
    """Output to /dev/full (every write fails with ENOSPC): exit 1 and one clear message, not exit 0."""
    with open("/dev/full", "w") as full:
        r = subprocess.run([cli, *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=300)
    assert r.returncode == 1
    assert r.stderr == "healthnet: error: cannot write to standard output: No space left on device\n"


def test_python_writer_to_full_device_raises():
    """hn.write_json onto /dev/full raises OSError naming the path and the reason; /dev/full stays a device."""
    with pytest.raises(OSError, match=r"^/dev/full: write failed: No space left on device$"):
        hn.write_json(hn.example(), "/dev/full")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_output_to_dev_stdout_reaches_the_pipe(cli):
    """-o /dev/stdout (a link to /proc/self/fd/1, here a pipe) writes through: the pipe gets the report."""
    expected = report_md(cli)
    r = run(cli, "report", "--example", "--format", "md", "-o", "/dev/stdout")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(expected)
    assert r.stdout[len(expected) :].startswith("wrote /dev/stdout: md report")
    assert os.path.islink("/dev/stdout")


@pytest.mark.parametrize("name", ["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1"])
def test_output_to_redirected_stdout_keeps_the_file(cli, tmp_path: Path, name):
    """-o /dev/stdout with stdout appended (>>) to a regular file: the report is appended to that
    same file (same inode, the earlier content kept), not put in its place by a rename."""
    expected = report_md(cli)
    out = tmp_path / "out.md"
    out.write_text("earlier\n")
    inode = out.stat().st_ino
    with open(out, "a") as f:
        r = subprocess.run(
            [cli, "report", "--example", "--format", "md", "-o", name],
            stdout=f, stderr=subprocess.PIPE, text=True, timeout=300,
        )
    assert r.returncode == 0, r.stderr
    assert out.stat().st_ino == inode
    text = out.read_text()
    assert text.startswith("earlier\n" + expected)
    assert text[len("earlier\n" + expected) :].startswith(f"wrote {name}: md report")
    assert not list(tmp_path.glob(".hn-*"))


# ---- devices, FIFOs, links, directories ----------------------------------------


@needs_root
def test_output_to_a_character_device_writes_through(cli, tmp_path: Path):
    """-o onto a char device (a copy of /dev/null, 1:3, made with mknod) writes through; the node stays."""
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    os.chmod(node, 0o666)  # mknod's mode is masked by the umask
    for args in (["report", "--example", "-o", node], ["convert", "--example", node.with_suffix(".json")]):
        if args[0] == "convert":
            os.rename(node, node.with_suffix(".json"))
            node = node.with_suffix(".json")
        r = run(cli, *args)
        assert r.returncode == 0, r.stderr
        st = os.lstat(node)
        assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
        assert stat.S_IMODE(st.st_mode) == 0o666
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null.json"]


@needs_root
def test_python_writer_to_a_character_device(tmp_path: Path):
    """hn.write_json and hn.report onto a char device node: written through, the node stays a device."""
    node = tmp_path / "null"
    os.mknod(node, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    hn.write_json(hn.example(), node)
    hn.report(hn.example(), node, format="md")
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert os.listdir(tmp_path) == ["null"]


def test_link_to_dev_null_is_kept(cli, tmp_path: Path):
    """-o onto a link to /dev/null: the link stays a link and /dev/null a device."""
    link = tmp_path / "out.html"
    link.symlink_to("/dev/null")
    r = run(cli, "report", "--example", "-o", link)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_to_a_fifo_writes_through(cli, tmp_path: Path):
    """-o onto a FIFO: a reader gets the whole report; the FIFO stays a FIFO."""
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = run(cli, "report", "--example", "--format", "md", "-o", fifo)
    reader.join(timeout=60)
    assert r.returncode == 0, r.stderr
    assert got == [report_md(cli).encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@needs_root
def test_block_device_is_refused(cli, tmp_path: Path):
    """-o onto a block device node: refused (exit 1, the message names the path), the node unchanged."""
    node = tmp_path / "disk.html"
    os.mknod(node, 0o600 | stat.S_IFBLK, os.makedev(7, 200))
    r = run(cli, "report", "--example", "-o", node)
    assert r.returncode == 1
    assert r.stderr == f"healthnet: error: {node}: is a block device, not a regular file; refusing to replace it\n"
    assert stat.S_ISBLK(os.lstat(node).st_mode)
    assert os.listdir(tmp_path) == ["disk.html"]


def test_directory_and_link_to_directory_are_refused(cli, tmp_path: Path):
    """-o onto a directory, or a link to one: exit 1, nothing changes."""
    (tmp_path / "d.html").mkdir()
    (tmp_path / "l.html").symlink_to("d.html")
    r = run(cli, "report", "--example", "-o", tmp_path / "d.html")
    assert r.returncode == 1 and r.stderr.endswith("d.html: is a directory\n")
    r = run(cli, "report", "--example", "-o", tmp_path / "l.html")
    assert r.returncode == 1 and "l.html: is a link to a directory, not to a regular file" in r.stderr
    assert (tmp_path / "l.html").is_symlink() and list((tmp_path / "d.html").iterdir()) == []


def test_symlink_output_keeps_the_link_and_writes_its_target(cli, tmp_path: Path):
    """A link (relative, into another folder) stays; its target gets the content and keeps its mode."""
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "report.md"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "report.md"
    link.symlink_to("real/report.md")
    r = run(cli, "report", "--example", "--format", "md", "-o", link)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and os.readlink(link) == "real/report.md"
    assert target.read_text() == report_md(cli)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["report.md"]


def test_dangling_symlink_creates_its_target(cli, tmp_path: Path):
    """A link to a file that does not exist yet: the link stays, the target is created (as a shell's > does)."""
    link = tmp_path / "out.json"
    link.symlink_to("made.json")
    r = run(cli, "convert", "--example", link)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink()
    assert hn.read_json(tmp_path / "made.json") == hn.example()


# ---- names and folders ------------------------------------------------------


def test_long_output_name(cli, tmp_path: Path):
    """A 250-character name (NAME_MAX is 255): the temporary name is short, so the write succeeds."""
    name = "r" * 245 + ".json"
    assert len(name) == 250
    r = run(cli, "convert", "--example", name, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert os.listdir(tmp_path) == [name]
    assert hn.read_json(tmp_path / name) == hn.example()
    hn.report(hn.example(), tmp_path / ("m" * 247 + ".md"))
    assert len(os.listdir(tmp_path)) == 2


def test_missing_folder_is_named(cli, tmp_path: Path):
    """Writing into a folder that does not exist: the message names the folder."""
    out = tmp_path / "nope" / "r.html"
    r = run(cli, "report", "--example", "-o", out)
    assert r.returncode == 1
    assert r.stderr == f"healthnet: error: {out}: cannot write: folder '{tmp_path / 'nope'}' does not exist\n"
    with pytest.raises(OSError, match="folder '.*nope' does not exist"):
        hn.write_json(hn.example(), out)


def test_messages_name_the_output_not_the_temporary_file(cli, tmp_path: Path):
    """A folder where no file can be created (/proc): the message names the user's path, never .hn-*.tmp."""
    r = run(cli, "report", "--example", "-o", "/proc/version")  # not writable even for root
    assert r.returncode == 1
    assert ".hn-" not in r.stderr and ".tmp" not in r.stderr
    assert r.stderr.startswith("healthnet: error: /proc/version: ")


# ---- modes ------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o644, 0o640, 0o604])
def test_final_mode_is_the_replaced_files_mode(cli, tmp_path: Path, mode: int):
    """Replacing a file keeps its mode exactly (the temporary file is 0600 until just before the rename)."""
    out = tmp_path / "r.json"
    out.write_text("old")
    out.chmod(mode)
    r = run(cli, "convert", "--example", out)
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o027])
def test_new_file_mode_follows_umask(cli, tmp_path: Path, umask: int):
    """A new file gets 0666 & ~umask, as open(O_CREAT, 0666) would give it."""
    out = tmp_path / "r.json"
    r = subprocess.run(
        [cli, "convert", "--example", str(out)], capture_output=True, text=True, preexec_fn=lambda: os.umask(umask)
    )
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


# ---- a full file system -----------------------------------------------------


@pytest.fixture
def tiny_tmpfs(tmp_path: Path):
    """A 64 kB tmpfs mounted on a temporary folder (skipped where mounting is not permitted)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


def test_full_file_system_keeps_the_old_file(cli, tiny_tmpfs: Path):
    """A report larger than the free space: exit 1 naming the output, the old file intact, no temporary file."""
    big = run(cli, "report", "--example").stdout.encode()
    assert len(big) > 64 * 1024, "the example report must be larger than the file system"
    out = tiny_tmpfs / "report.html"
    out.write_bytes(b"old report")
    r = run(cli, "report", "--example", "-o", out)
    assert r.returncode == 1
    assert r.stderr == f"healthnet: error: {out}: write failed: No space left on device\n"
    assert out.read_bytes() == b"old report"
    assert os.listdir(tiny_tmpfs) == ["report.html"]
    with pytest.raises(OSError, match="No space left on device"):
        hn.report(hn.example(), out)
    assert out.read_bytes() == b"old report" and os.listdir(tiny_tmpfs) == ["report.html"]


# ---- terminal injection -----------------------------------------------------

# Input data that would retitle the window, erase a line, ring the bell or
# start a CSI sequence (C1 U+009B) if printed raw.
NASTY_NAME = "\x1b]0;TITLE\x07"
NASTY_ID = "\r\x1b[K\x7f"
NASTY_SECTOR = "\u009b31m"


def nasty_pair(directory: Path, unknown_target: str | None = None) -> list[str]:
    actors = directory / "actors.csv"
    ties = directory / "ties.csv"
    with open(actors, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "sector"])
        w.writerow(["a" + NASTY_ID, NASTY_NAME, NASTY_SECTOR])
        w.writerow(["b", "plain", "pharmacy"])
        w.writerow(["c", "plain", "nursing_care"])
    with open(ties, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target"])
        w.writerow(["b", "a" + NASTY_ID])
        w.writerow(["a" + NASTY_ID, "c"])
        if unknown_target is not None:
            w.writerow(["b", unknown_target])
    return ["--actors", str(actors), "--ties", str(ties), "--unknown-sectors", "keep"]


def assert_no_controls(text: str) -> None:
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\n") or 0x7F <= ord(c) <= 0x9F]
    assert not bad, bad


def test_table_output_escapes_controls(cli, tmp_path: Path):
    """metrics tables (with --by sector): ids, names and sectors print with \\x1b, \\x07, \\r, \\x7f, \\u009b escaped."""
    r = run(cli, "metrics", *nasty_pair(tmp_path), "--by", "sector")
    assert r.returncode == 0, r.stderr
    assert_no_controls(r.stdout)
    assert "\\x1b]0;TITLE\\x07" in r.stdout  # the name, in "actors tied to the most other groups"
    assert "a\\x0d\\x1b[K\\x7f" in r.stdout  # the id
    assert "\\u009b31m" in r.stdout  # the sector, in the sector table


def test_json_output_is_unchanged_by_terminal_escaping(cli, tmp_path: Path):
    """--format json keeps its own (JSON) escaping: the id reads back exactly."""
    import json

    r = run(cli, "metrics", *nasty_pair(tmp_path), "--by", "sector", "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert "a" + NASTY_ID in [b["id"] for b in doc["groups"]["bridges"]]


def test_error_message_escapes_controls(cli, tmp_path: Path):
    """An unknown actor id with ESC in a ties CSV: the message on stderr shows it escaped, on one line."""
    r = run(cli, "validate", *nasty_pair(tmp_path, unknown_target="zz\x1b[2J\n\x1b[31mfake"))
    assert r.returncode == 1
    assert_no_controls(r.stderr[:-1])
    assert r.stderr.count("\n") == 1
    assert "zz\\x1b[2J\\x0a\\x1b[31mfake" in r.stderr
    assert "unknown actor id" in r.stderr


def test_usage_error_escapes_controls(cli):
    """A bad option or command name with controls is escaped in the usage message too."""
    r = run(cli, "metrics", "--example", "--format", "\x1b[2J")
    assert r.returncode == 2
    assert "\\x1b[2J not in {table,json}" in r.stderr  # CLI11's wording (was "..., not '\\x1b[2J'")
    assert_no_controls(r.stderr.replace("\n", ""))


# ---- CSV injection ----------------------------------------------------------


def test_csv_export_neutralises_formulas(cli, tmp_path: Path):
    """convert to a CSV pair: cells starting with = + - @ tab CR get a leading ', numbers such as -3.5 do not.

    The project's reader keeps the ' as text, and numbers read back as numbers.
    """
    net = hn.Network(directed=True)
    formula = '=HYPERLINK("http://evil.example","click")'
    net.add_actor("-cmd", name=formula, sectors=["pharmacy"], attributes={"score": -3.5, "note": "+SUM(A1)"})
    net.add_actor("@x", name="\tTab", sectors=["nursing_care"], attributes={"score": 2, "note": "-2+3"})
    net.add_actor("plain", name="Praxis - Mitte", sectors=["pharmacy"], attributes={"note": "+49 511"})
    net.add_tie("-cmd", "@x", relations=["=rel"], weight=2.5, attributes={"delta": -1})
    hn.write_json(net, tmp_path / "in.json")
    r = run(cli, "convert", "in.json", "a.csv", "t.csv", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("wrote a.csv and t.csv: 3 actors, 1 ties")
    with open(tmp_path / "a.csv", newline="", encoding="utf-8") as f:
        rows = {row["id"]: row for row in csv.DictReader(f)}
    assert rows["'-cmd"]["name"] == "'" + formula
    assert rows["'-cmd"]["score"] == "-3.5"
    assert rows["'-cmd"]["note"] == "'+SUM(A1)"
    assert rows["'@x"]["name"] == "'\tTab"
    assert rows["'@x"]["note"] == "'-2+3"
    assert rows["plain"]["name"] == "Praxis - Mitte"
    assert rows["plain"]["note"] == "'+49 511"
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as f:
        ties = list(csv.DictReader(f))
    assert ties == [
        {"source": "'-cmd", "target": "'@x", "relations": "'=rel", "weight": "2.5", "since": "", "delta": "-1"}
    ]
    back = hn.read_csv(tmp_path / "a.csv", tmp_path / "t.csv", weight="weight")
    assert back.actor("'-cmd").name == "'" + formula
    assert back.actor("'-cmd").attributes["score"] == -3.5
    assert back.actor("'@x").attributes["score"] == 2
    assert back.n_ties == 1


def test_csv_export_round_trips_plain_data(cli, tmp_path: Path):
    """The example region (no risky cells) survives JSON -> CSV pair -> read_csv in actors, sectors and ties."""
    r = run(cli, "convert", "--example", "a.csv", "t.csv", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    back = hn.read_csv(tmp_path / "a.csv", tmp_path / "t.csv", weight="weight", directed=hn.example().directed)
    net = hn.example()
    assert [a.id for a in back.actors] == [a.id for a in net.actors]
    assert [a.sectors for a in back.actors] == [a.sectors for a in net.actors]
    assert [(t.source, t.target, t.weight, sorted(t.relations)) for t in back.ties] == [
        (t.source, t.target, t.weight, sorted(t.relations)) for t in net.ties
    ]


def test_csv_export_refuses_what_would_read_back_differently(cli, tmp_path: Path):
    """A sector holding '|' (the list separator) would read back as two sectors: exit 1, no file written."""
    net = hn.Network(directed=True)
    net.add_actor("a", sectors=["x|y"])
    hn.write_json(net, tmp_path / "in.json")
    r = run(cli, "convert", "in.json", "a.csv", "t.csv", cwd=tmp_path)
    assert r.returncode == 1
    assert "actors[0].sectors: cannot write as csv: sector 'x|y' is empty or holds '|'" in r.stderr
    assert sorted(os.listdir(tmp_path)) == ["in.json"]
