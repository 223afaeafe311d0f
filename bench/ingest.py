"""Benchmark: articles through the partner API into PostgreSQL and through Celery workers on Redis
to extracted statements, against calling the extractor in a loop over the same texts.

    .venv/bin/python bench/ingest.py [--n 1000] [--workers 1,2] [--clients 4] [--repeat 1]
                                     [--baseline ../main] [--keep-logs]

N distinct articles of the team's own generated text (templated Traditional, Simplified and
English paragraphs with direct quotes and reported speech; speakers drawn from the registry in
claims/extraction/data/speakers.json) are generated deterministically. Then, in this one run:

  loop      claims.extraction.extract() over the N texts in this process (bundled gazetteer)
  pipeline  for each worker count k: a fresh database (factdesk_bench_ingest, cloned from a
            migrated template), gunicorn on 127.0.0.1 (2 processes), k `celery -A factdesk worker
            -c 1` processes on redis://127.0.0.1:6379/9 (flushed first); the N articles are POSTed
            to /api/v1/articles/ by --clients threads with an 'ingest' partner key; the clock runs
            from the first POST until every article is done or failed (polled in PostgreSQL)

  drain     the same, but the N articles are POSTed with no worker running; gunicorn is stopped, the
            queued task messages are set aside in Redis while k workers start, then put back in one
            transaction; the clock runs from that moment until every article is done or failed. This is the worker pipeline alone (Celery, the task,
            PostgreSQL) without the POSTs competing for the CPUs: on a 2-CPU host the end-to-end
            figure is bound by the POSTs (client threads, 2 gunicorn processes) as much as by the
            workers, so "do k workers scale" is answered here. --no-drain skips it.

Prints articles per second for the loop and for each k, and the overhead ratio pipeline/loop
(wall time for the same N texts), both figures side by side. The databases are dropped at the end.

--baseline PATH measures a second checkout's gunicorn and workers (e.g. a worktree of main) in the
same run, interleaved with this one's; --repeat R repeats everything and prints medians. Database
names start with BENCH_DB_PREFIX (default factdesk_bench) and the broker is BENCH_REDIS, so two
people's runs on one host do not collide.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/9")
# BENCH_DB_PREFIX keeps concurrent benchmark runs (other branches, other people) on their own databases.
DB_NAME = os.environ.get("BENCH_DB_PREFIX", "factdesk_bench") + "_ingest"
TEMPLATE = DB_NAME + "_tpl"
PYTHON = sys.executable

# --- the team's own generated texts ------------------------------------------------------------

ZH_DIRECT = [
    "{name}{day}日在{place}受訪時表示:「{topic}將在今年第{n}季完成,我們不會改變立場。」",
    "{title}{name}{day}日指出:「關於{topic},政府已經準備了{n}項措施。」",
    "{name}強調:「{topic}不是任何單一國家可以決定的事情,這是第{n}次重申。」",
    "對此,{name}回應說:「我們歡迎各方就{topic}進行對話。」",
]
ZH_INDIRECT = [
    "{name}{day}日表示,{topic}的進度符合預期,預計投入{n}億元。",
    "{title}{name}說,政府會在{place}繼續推動{topic}。",
    "{name}指出,有關{topic}的報導並不正確,相關數字只有{n}%。",
    "據{outlet}報導,{name}認為{topic}需要更多時間評估。",
]
ZH_FILLER = [
    "這項政策自去年起實施,已有超過{n}萬人受益。",
    "分析人士認為,{topic}將影響區域情勢。",
    "會議於{place}舉行,共有{n}個國家代表出席。",
    "根據統計,相關預算在過去{n}年間持續增加,其中以{topic}的比重最高。",
    "{place}當地多家媒體也關注此事,並以頭版報導{topic}的最新發展。",
]
EN_DIRECT = [
    '"{topic} will be completed in the {nth} quarter," {name} told reporters in {place} on {weekday}.',
    '{name}, the {title}, said: "We have prepared {n} measures on {topic}."',
    '"Nobody can decide {topic} alone," {name} said, adding that this was the {nth} time he had said so.',
]
EN_INDIRECT = [
    "{name} said on {weekday} that {topic} was on schedule and would cost {n} billion dollars.",
    "According to {outlet}, {name} believes {topic} needs more time.",
    "{name} told lawmakers that reports about {topic} were wrong.",
]
EN_FILLER = [
    "The policy took effect last year and has reached more than {n},000 people.",
    "Analysts said {topic} would shape the region for years.",
    "Figures published last month show spending on {topic} has grown for {n} years in a row.",
    "Several newspapers put {topic} on their front pages the next morning.",
]
ZH_TOPICS = ["兩岸交流", "國防預算", "能源轉型", "半導體出口管制", "區域安全", "疫苗採購", "氣候變遷", "貿易協定"]
EN_TOPICS = ["the trade agreement", "the defence budget", "energy transition", "chip export controls",
             "regional security", "the climate plan", "vaccine procurement"]
ZH_PLACES = ["立法院", "台北", "北京", "華盛頓", "東京", "布魯塞爾", "首爾"]
EN_PLACES = ["Taipei", "Beijing", "Washington", "Tokyo", "Brussels", "Seoul", "Geneva"]
OUTLETS_ZH = ["中央社", "聯合報", "新華社", "路透社"]
OUTLETS_EN = ["Reuters", "the Associated Press", "AFP", "Nikkei"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
NTH = ["first", "second", "third", "fourth"]


def registry_people() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(Chinese name, title) and (English name, title) of people in the speaker registry."""
    data = json.loads((ROOT / "claims" / "extraction" / "data" / "speakers.json").read_text(encoding="utf-8"))
    zh, en = [], []
    for entry in data:
        if entry.get("kind") != "person":
            continue
        han = [a for a in entry.get("aliases", []) if any("\u4e00" <= ch <= "\u9fff" for ch in a) and len(a) <= 6]
        if han:
            zh.append((han[0], ""))
        en.append((entry["name"], entry.get("title", "") or "official"))
    return zh, en


def make_articles(n: int, seed: int = 20250213) -> list[dict]:
    """N distinct articles: a third each in Traditional, Simplified and English, 6-10 paragraphs."""
    from claims.extraction import to_simplified

    rng = random.Random(seed)
    zh_people, en_people = registry_people()
    titles_zh = ["外交部長", "發言人", "行政院長", "國防部長", "經濟部長"]
    out = []
    for i in range(n):
        kind = ("zh-Hant", "zh-Hans", "en")[i % 3]
        paragraphs = [f"({i})"]
        for p in range(rng.randint(6, 10)):
            n_value = rng.randint(2, 99)
            if kind == "en":
                name, title = rng.choice(en_people)
                template = rng.choice(EN_DIRECT if p % 2 == 0 else EN_INDIRECT if p % 3 else EN_FILLER)
                text = template.format(
                    name=name, title=title.lower(), topic=rng.choice(EN_TOPICS), place=rng.choice(EN_PLACES),
                    weekday=rng.choice(WEEKDAYS), nth=rng.choice(NTH), n=n_value, outlet=rng.choice(OUTLETS_EN),
                )
                text += " " + rng.choice(EN_FILLER).format(n=rng.randint(2, 99), topic=rng.choice(EN_TOPICS))
            else:
                name, _ = rng.choice(zh_people)
                template = rng.choice(ZH_DIRECT if p % 2 == 0 else ZH_INDIRECT if p % 3 else ZH_FILLER)
                text = template.format(
                    name=name, title=rng.choice(titles_zh), topic=rng.choice(ZH_TOPICS), place=rng.choice(ZH_PLACES),
                    day=rng.randint(1, 28), n=n_value, outlet=rng.choice(OUTLETS_ZH),
                )
                text += "".join(rng.choice(ZH_FILLER).format(n=rng.randint(2, 99), topic=rng.choice(ZH_TOPICS),
                                                             place=rng.choice(ZH_PLACES)) for _ in range(2))
                if kind == "zh-Hans":
                    text = to_simplified(text)
            paragraphs.append(text)
        body = "\n".join(paragraphs)
        published = dt.date(2025, 1, 1) + dt.timedelta(days=i % 300)
        out.append({"text": body, "language": kind, "published_at": published.isoformat(),
                    "title": f"Bench article {i}", "outlet": OUTLETS_ZH[i % 4] if kind != "en" else OUTLETS_EN[i % 4]})
    return out


# --- infrastructure ----------------------------------------------------------------------------


def admin_sql(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def service_env(db: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FACTDESK_", "CELERY_", "DATABASE_"))}
    env.update(
        DATABASE_URL=f"{PG}/{db}",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        CELERY_BROKER_URL=REDIS,
        FACTDESK_THROTTLE_INGEST="1000000/min",
        FACTDESK_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


class Proc:
    """A subprocess in its own session, its output in a log file; stopped with its whole group."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], logdir: Path, root: Path = ROOT):
        self.name = name
        self.log_path = logdir / f"{name}.log"
        self.log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(args, cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_for_log(self, needle: str, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log_path.read_text()[-3000:]}")
            if needle in self.log_path.read_text(errors="replace"):
                return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready in {timeout}s:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        self.log.close()


_TICK = os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> tuple[int, float] | None:
    """(session id, user + system CPU seconds) of a live process, from /proc; None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return int(fields[3]), (int(fields[11]) + int(fields[12])) / _TICK


def session_cpu(sessions: dict[str, int]) -> dict[str, float]:
    """CPU seconds used so far by every live process of each named session (a Proc's whole tree:
    gunicorn's master and workers, a Celery worker's main and pool processes)."""
    totals = dict.fromkeys(sessions, 0.0)
    names = {sid: name for name, sid in sessions.items()}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (found := _proc_cpu(int(entry))) is not None and found[0] in names:
            totals[names[found[0]]] += found[1]
    return totals


def wait_settled(procs: list[Proc], timeout: float = 120) -> None:
    """Wait until the servers are idle: gunicorn logs "Booting worker" *before* a worker imports
    Django, and /healthz answers as soon as one of the two has, so the other could still be
    starting (most of a second of CPU) when the clock starts."""
    sessions = {str(proc.proc.pid): proc.proc.pid for proc in procs}
    deadline = time.monotonic() + timeout
    before = sum(session_cpu(sessions).values())
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = sum(session_cpu(sessions).values())
        if now - before < 0.02:  # under 4% of one CPU for half a second: nothing is starting
            return
        before = now
    raise RuntimeError(f"servers still busy after {timeout:.0f} s")


def backend_cpu(conn) -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend on the bench database but the caller's own
    (PostgreSQL runs on this host: its backends are processes here)."""
    pids = [row[0] for row in conn.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]
    return {pid: found[1] for pid in pids if (found := _proc_cpu(pid)) is not None}


class CpuMeter:
    """CPU seconds spent between start() and stop() by the web server, the workers and PostgreSQL's
    backends: per article, these do not depend on how busy the shared host is the way wall time does."""

    def __init__(self, conn, web: Proc | None, workers: list[Proc]):
        self.conn = conn
        self.groups = {"web": [web] if web is not None else [], "workers": workers}
        self.spent = {"web": 0.0, "workers": 0.0, "postgres": 0.0}

    def _read(self) -> tuple[dict[str, float], dict[int, float]]:
        by_session = session_cpu({f"{g}:{p.proc.pid}": p.proc.pid for g, ps in self.groups.items() for p in ps})
        totals = {g: sum(v for k, v in by_session.items() if k.startswith(g + ":")) for g in self.groups}
        return totals, backend_cpu(self.conn)

    def start(self) -> None:
        self._start = self._read()

    def stop(self) -> dict[str, float]:
        (totals, backends), (totals0, backends0) = self._read(), self._start
        for group in self.groups:
            self.spent[group] += totals[group] - totals0[group]
        self.spent["postgres"] += sum(cpu - backends0.get(pid, 0.0) for pid, cpu in backends.items())
        return self.spent


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS).flushdb()


def count_finished(conn) -> tuple[int, int, int]:
    """(done, failed, statements) in the bench database, on the poller's one connection (a new
    connection per poll would fork a PostgreSQL backend 20 times a second on the measured host)."""
    done, failed = conn.execute(
        "SELECT count(*) FILTER (WHERE extraction_status='done'),"
        " count(*) FILTER (WHERE extraction_status='failed') FROM sources_article"
    ).fetchone()
    (statements,) = conn.execute("SELECT count(*) FROM claims_statement").fetchone()
    return done, failed, statements


def create_key(db: str) -> str:
    """An 'ingest' partner key, made by the service in a child process on the bench database."""
    code = (
        "import django; django.setup();"
        "from claims.services import partner_key_create;"
        "print('KEY', partner_key_create('bench', ['ingest', 'read'])[1])"
    )
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env={**service_env(db), "DJANGO_SETTINGS_MODULE":
                            "factdesk.settings"}, capture_output=True, text=True, timeout=120, check=True)
    return next(line.split()[1] for line in result.stdout.splitlines() if line.startswith("KEY "))


def post_all(base: str, key: str, articles: list[dict], clients: int) -> list[int]:
    """POST every article with ``clients`` threads (one keep-alive connection each); the statuses."""
    import requests

    statuses: list[int] = [0] * len(articles)
    next_index = iter(range(len(articles)))
    lock = threading.Lock()

    def run() -> None:
        session = requests.Session()
        session.headers["Authorization"] = f"Api-Key {key}"
        while True:
            with lock:
                i = next(next_index, None)
            if i is None:
                return
            response = session.post(f"{base}/api/v1/articles/", json=articles[i], timeout=120)
            statuses[i] = response.status_code

    threads = [threading.Thread(target=run) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


# The drain's queued tasks wait under this Redis key while the workers start (see hold_queue).
HELD_QUEUE = "factdesk-bench-held"
DEFAULT_QUEUE = "celery"  # kombu's Redis list of Celery's default queue (default priority)


def hold_queue(n: int) -> None:
    """Move the queued task messages aside, so workers can start and settle on an empty queue."""
    import redis

    client = redis.Redis.from_url(REDIS)
    queued = client.llen(DEFAULT_QUEUE)
    if queued != n:
        raise RuntimeError(f"{queued} task messages queued for {n} articles")
    client.rename(DEFAULT_QUEUE, HELD_QUEUE)


def release_queue() -> None:
    """Put the held messages back in one transaction (RPOPLPUSH keeps their order): the workers,
    already blocked on the empty queue, are woken by the pushes at once."""
    import redis

    client = redis.Redis.from_url(REDIS)
    pipe = client.pipeline(transaction=True)
    for _ in range(client.llen(HELD_QUEUE)):
        pipe.rpoplpush(HELD_QUEUE, DEFAULT_QUEUE)
    pipe.execute()


def start_web(env: dict[str, str], logdir: Path, root: Path, name: str, access_log: Path) -> tuple[Proc, str]:
    """gunicorn (2 processes) on a free port, answering; the process and its base URL."""
    port = free_port()
    # The access log records each request's server time in microseconds (%(D)s): the POST's own cost.
    web = Proc(name, [PYTHON, "-m", "gunicorn", "factdesk.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2",
                      "--log-level", "info", "--access-logfile", str(access_log),
                      "--access-logformat", "%(m)s %(s)s %(D)s"], env, logdir, root)
    web.wait_for_log("Booting worker")
    base = f"http://127.0.0.1:{port}"
    import requests

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # a busy host can take seconds over the first request
        try:
            if requests.get(f"{base}/healthz", timeout=30).status_code == 200:
                break
        except requests.RequestException:
            pass
        time.sleep(0.2)
    return web, base


def start_workers(count: int, env: dict[str, str], logdir: Path, root: Path, tag: str,
                  wait: bool = True) -> list[Proc]:
    """``count`` Celery workers (one prefork process each), ready unless not ``wait``."""
    workers = []
    for w in range(count):
        args = [PYTHON, "-m", "celery", "-A", "factdesk", "worker", "-c", "1", "-P", "prefork", "-l", "INFO",
                "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"bench{count}-{w}@%h"]
        workers.append(Proc(f"worker-{tag}{count}-{w}", args, env, logdir, root))
    for worker in workers if wait else []:
        worker.wait_for_log(" ready.")
    return workers


def wait_finished(poller, n: int, timeout: float) -> tuple[int, int, int]:
    """Poll PostgreSQL until all ``n`` articles are done or failed; (done, failed, statements)."""
    deadline = time.monotonic() + timeout
    while True:
        done, failed, statements = count_finished(poller)
        if done + failed >= n:
            return done, failed, statements
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {done + failed} of {n} extracted after {timeout:.0f} s")
        time.sleep(0.05)


def run_pipeline(articles: list[dict], workers: int, clients: int, logdir: Path, timeout: float,
                 root: Path = ROOT, tag: str = "", drain: bool = False) -> dict:
    """One measured run on a fresh database: API -> PostgreSQL -> Redis -> k workers -> statements.

    ``root`` is the checkout whose code gunicorn and the workers run (the baseline of --baseline).
    ``drain``: every article is POSTed (and queued) first, gunicorn is stopped, and the clock times
    the k workers emptying the queue (see the module docstring)."""
    admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)", f"CREATE DATABASE {DB_NAME} TEMPLATE {TEMPLATE}")
    env = service_env(DB_NAME)
    key = create_key(DB_NAME)
    flush_redis()
    kind = "drain-" if drain else ""
    procs: list[Proc] = []
    n = len(articles)
    meter_conn = None
    try:
        access_log = logdir / f"access-{kind}{tag}{workers}.log"
        if not drain:  # started together with gunicorn, as before
            procs += start_workers(workers, env, logdir, root, tag, wait=False)
        web, base = start_web(env, logdir, root, f"gunicorn-{kind}{tag}{workers}", access_log)
        procs.insert(0, web)
        for worker in procs[1:]:
            worker.wait_for_log(" ready.")
        wait_settled(procs)
        import psycopg

        meter_conn = psycopg.connect(f"{PG}/{DB_NAME}", autocommit=True)
        meter = CpuMeter(meter_conn, None if drain else web, procs[1:])
        meter.start()
        started, client_cpu = time.perf_counter(), time.process_time()
        statuses = post_all(base, key, articles, clients)
        ingested, client_cpu = time.perf_counter() - started, time.process_time() - client_cpu
        refused = [s for s in statuses if s not in (200, 201)]
        if refused:
            raise RuntimeError(f"{len(refused)} submissions refused, e.g. HTTP {refused[0]}")
        if drain:
            web.stop()  # nothing left for it to do; its processes are not part of the drain
            hold_queue(n)
            procs += start_workers(workers, env, logdir, root, kind + tag)
            wait_settled(procs[1:])  # every worker started and blocked on the empty queue
            meter = CpuMeter(meter_conn, None, procs[1:])
            meter.start()  # the drain's CPU: from here, not the workers' start-up
            started = time.perf_counter()
            release_queue()
        done, failed, statements = wait_finished(meter_conn, n, timeout)  # its own CPU is not counted
        elapsed = time.perf_counter() - started
        cpu = meter.stop()
    finally:
        if meter_conn is not None:
            meter_conn.close()
        for proc in reversed(procs):
            proc.stop()
    # Per-article costs as the servers saw them (less sensitive to a shared host than the wall clock):
    # Celery's "succeeded in" per task, gunicorn's time per POST.
    task_ms = [float(m) * 1000 for proc in procs[1:] for m in re.findall(r"succeeded in ([0-9.]+)s",
                                                                          proc.log_path.read_text(errors="replace"))]
    post_ms = [int(line.split()[2]) / 1000 for line in access_log.read_text().splitlines()
               if line.startswith("POST ")] if access_log.exists() else []
    return {"workers": workers, "seconds": elapsed, "ingest_seconds": ingested, "done": done, "failed": failed,
            "statements": statements, "tag": tag, "drain": drain,
            # CPU ms per article while the clock ran; the client's is this process's (the POST threads)
            "cpu_ms": {**{k: v * 1000 / n for k, v in cpu.items()},
                       "client": 0.0 if drain else client_cpu * 1000 / n},
            "task_ms": statistics.median(task_ms) if task_ms else float("nan"),
            "post_ms": statistics.median(post_ms) if post_ms else float("nan")}


def run_loop(articles: list[dict]) -> dict:
    """The extractor alone, in this process, over the same texts (warmed up first)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.ERROR)
    from claims.extraction import Gazetteer, extract

    gazetteer = Gazetteer.bundled()
    extract(articles[0]["text"], gazetteer=gazetteer)
    statements = 0
    started = time.perf_counter()
    per_article = []
    for article in articles:
        t = time.perf_counter()
        result = extract(article["text"], published=dt.date.fromisoformat(article["published_at"]),
                         gazetteer=gazetteer)
        per_article.append(time.perf_counter() - t)
        statements += len(result.statements)
    return {"seconds": time.perf_counter() - started, "statements": statements,
            "median_ms": statistics.median(per_article) * 1000}


def cpu_text(cpu: dict[str, float]) -> str:
    parts = [f"{name} {cpu[name]:.1f}" for name in ("workers", "postgres", "web", "client") if cpu.get(name)]
    return ", ".join(parts) + f" (sum {sum(cpu.values()):.1f})"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def summarise(args, variants, counts: list[int], loops: list[dict], results: list[dict]) -> None:
    """The medians table, then k vs 1 workers end to end and as a backlog drain, side by side."""
    med = statistics.median
    loop_s = med(loop["seconds"] for loop in loops)
    print()
    print(f"medians of {args.repeat} run(s); ratios are taken within each repeat, then the median; "
          f"load average now {load_average()}")
    print("end to end = the clock from the first POST to the last article done (POSTs and workers share the "
          "CPUs);\nbacklog drain = the articles POSTed and queued first, the clock from the workers' start to the "
          "last done")
    print("CPU ms/article: CPU time of the workers' processes, PostgreSQL's backends, gunicorn and the POSTing "
          "client while the clock ran, divided by N\n(steadier than wall time on a busy host, though CPU time grows "
          "too when the CPUs are shared; a run cannot take less than its CPU sum over the CPUs it can use)")
    print(f"{'run':<44}{'seconds':>9}{'articles/s':>12}{'ratio vs loop':>15}{'lost/dup':>10}"
          f"{'task ms':>9}{'POST ms':>9}  CPU ms/article")
    print(f"{'extract() loop':<44}{loop_s:>9.1f}{args.n / loop_s:>12.1f}{1.0:>15.2f}{'':>10}"
          f"{med(loop['median_ms'] for loop in loops):>9.1f}")
    drains = (False, True) if args.drain else (False,)
    for name, _root in variants:
        for drain in drains:
            for k in counts:
                rows = [r for r in results if r["variant"] == name and r["workers"] == k and r["drain"] == drain]
                seconds = med(r["seconds"] for r in rows)
                ratio = med(r["seconds"] / r["loop_seconds"] for r in rows)
                bad = sum(r["done"] != args.n or r["statements"] != loops[0]["statements"] for r in rows)
                label = f"{name}: {'backlog drain' if drain else 'API+Celery'}, {k} worker" + ("s" if k > 1 else "")
                post = f"{'':>9}" if drain else f"{med(r['post_ms'] for r in rows):>9.1f}"
                cpu = {name: med(r["cpu_ms"][name] for r in rows) for name in rows[0]["cpu_ms"]}
                print(f"{label:<44}{seconds:>9.1f}{args.n / seconds:>12.1f}{ratio:>15.2f}{bad:>10}"
                      f"{med(r['task_ms'] for r in rows):>9.1f}{post}  {cpu_text(cpu)}")
    if len(counts) >= 2:
        lo, hi = counts[0], counts[-1]
        for name, _root in variants:
            for drain in drains:
                ups, normalised = [], []
                for rep in range(args.repeat):
                    one, two = ([r for r in results if r["variant"] == name and r["rep"] == rep and r["workers"] == k
                                 and r["drain"] == drain][0] for k in (lo, hi))
                    ups.append(one["seconds"] / two["seconds"])
                    # the same, each run's time first divided by its own loop (the host's speed at the time)
                    normalised.append((one["seconds"] / one["loop_seconds"]) / (two["seconds"] / two["loop_seconds"]))
                what = "backlog drain" if drain else "end to end   "
                print(f"speed-up {hi} vs {lo} workers ({name}), {what}: median {med(ups):.2f}x "
                      f"(runs: {', '.join(f'{u:.2f}' for u in ups)}); against each run's loop {med(normalised):.2f}x")
    if args.baseline:
        for drain in drains:
            for k in counts:
                gains = []
                for rep in range(args.repeat):
                    this, base = ([r for r in results if r["variant"] == v and r["rep"] == rep and r["workers"] == k
                                   and r["drain"] == drain][0] for v in ("this", "baseline"))
                    gains.append(base["seconds"] / this["seconds"])
                print(f"this vs baseline, {k} worker(s), {'backlog drain' if drain else 'end to end'}: median "
                      f"{med(gains):.2f}x faster (runs: {', '.join(f'{g:.2f}' for g in gains)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 1,000 (the figure) takes about 4 minutes on 2 CPUs; use a smaller --n on a slower machine.
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1,000)")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, comma-separated")
    parser.add_argument("--clients", type=int, default=4, help="concurrent HTTP clients posting articles")
    parser.add_argument("--timeout", type=float, default=1800, help="give up a run after this many seconds")
    parser.add_argument("--repeat", type=int, default=1, help="measure everything this many times (medians)")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another checkout whose gunicorn and workers are measured in the same run, "
                             "interleaved with this one's, on the same articles; e.g. a commit exported with "
                             "`mkdir /tmp/base && git archive 999a7d8 | tar -x -C /tmp/base` (it shares this "
                             "checkout's .venv, database template and broker)")
    parser.add_argument("--keep-logs", action="store_true", help="keep server and worker logs (path printed)")
    parser.add_argument("--no-drain", dest="drain", action="store_false",
                        help="skip the backlog-drain runs (workers emptying a queue filled before they start)")
    args = parser.parse_args()
    counts = [int(x) for x in args.workers.split(",") if x.strip()]
    variants = [("this", ROOT)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])

    articles = make_articles(args.n)
    chars = [len(a["text"]) for a in articles]
    print(f"N = {args.n} articles (zh-Hant/zh-Hans/en by thirds), median {statistics.median(chars):.0f} chars, "
          f"{sum(chars):,} chars in all; {args.clients} HTTP clients; machine: {os.cpu_count()} CPUs; "
          f"databases {DB_NAME}*, broker {REDIS}")
    for name, root in variants:
        commit = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h %s"], capture_output=True,
                                text=True).stdout.strip()
        print(f"code '{name}': {root} at {commit[:90]}")

    logdir = Path(tempfile.mkdtemp(prefix="factdesk-bench-ingest-"))
    admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)", f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)",
              f"CREATE DATABASE {TEMPLATE}")
    loops: list[dict] = []
    results: list[dict] = []
    try:
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=service_env(TEMPLATE),
                       check=True, timeout=600)
        for rep in range(args.repeat):
            order = variants if rep % 2 == 0 else variants[::-1]  # alternate to spread drift evenly
            for k in counts:
                for name, root in order:
                    # The loop right before each pipeline run: on a shared host the load moves by the
                    # minute, so each ratio compares two measurements taken back to back.
                    loop = run_loop(articles)
                    loops.append(loop)
                    print(f"[{rep + 1}] loop      extract() x {args.n}: {loop['seconds']:.1f} s, "
                          f"{args.n / loop['seconds']:.1f} articles/s, median {loop['median_ms']:.1f} ms/article, "
                          f"{loop['statements']} statements", flush=True)
                    for drain in (False, True) if args.drain else (False,):
                        result = run_pipeline(articles, k, args.clients, logdir, args.timeout, root=root,
                                              tag=f"{name}-{rep}-", drain=drain)
                        result.update(variant=name, rep=rep, loop_seconds=loop["seconds"])
                        results.append(result)
                        same = "same as" if result["statements"] == loop["statements"] else "DIFFERENT from"
                        what = ("drain of a queue filled first" if drain else
                                f"all POSTs answered after {result['ingest_seconds']:.1f} s")
                        print(f"[{rep + 1}] {name:<9} {k} worker(s){' DRAIN' if drain else ''}: "
                              f"{result['seconds']:.1f} s, {args.n / result['seconds']:.1f} articles/s ({what}); "
                              f"{result['done']} done, {result['failed']} failed, "
                              f"{result['statements']} statements ({same} the loop); "
                              f"overhead vs loop {result['seconds'] / loop['seconds']:.2f}x; median task "
                              f"{result['task_ms']:.1f} ms, median POST {result['post_ms']:.1f} ms "
                              f"(extract() {loop['median_ms']:.1f} ms); CPU ms per article: "
                              f"{cpu_text(result['cpu_ms'])}; load average {load_average()}", flush=True)
    finally:
        admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)", f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
        if args.keep_logs:
            print(f"logs: {logdir}")
        else:
            shutil.rmtree(logdir, ignore_errors=True)

    summarise(args, variants, counts, loops, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
