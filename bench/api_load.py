"""API load test: the picture endpoint with 100,000 claims stored, against `/api/v1/me`.

Run: .venv/bin/python bench/api_load.py [--claims 100000] [--clients 4] [--requests 1000]
                                         [--seconds 15] [--db FILE [--rebuild]]

Builds a fresh SQLite database in a temporary folder (migrated, claims bulk-inserted from
bench/corpus.py, events fused, one viewer with an API token), serves the app with uvicorn in a
subprocess on a free loopback port, then drives each endpoint with a few concurrent clients until
`--requests` requests or `--seconds` seconds, whichever comes first, and prints requests per
second and p50/p99 latency, the picture endpoint as a ratio to the baseline. Asserts nothing.
`--db FILE` keeps the prepared database and reuses it: migrated to the newest schema first, and
fused again (timed) with `--rebuild` or when its events predate event summaries.
"""

from __future__ import annotations

import argparse
import math
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, insert, select

from borderwatch.accounts import service as accounts
from borderwatch.extraction.service import PROPOSED
from borderwatch.flows.context import FlowContext
from borderwatch.fusion import service as fusion_service
from borderwatch.intake.service import EXTRACTED
from borderwatch.settings import Settings
from borderwatch.store.engine import make_engine
from borderwatch.store.migrate import upgrade
from borderwatch.store.session import Store
from borderwatch.store.tables.fusion import Event as EventRow
from borderwatch.store.tables.reports import Claim, Report, Source
from corpus import PUBLISHERS, ClaimReport, claim_reports

PICTURE = "/api/v1/picture?as_of=2021-07-06"
BASELINE = "/api/v1/me"
BATCH = 5000
CLAIMS_PER_REPORT = 8
PACK = "tj-af"
USERNAME = "load-test"


@dataclass
class Load:
    """What one endpoint did under load: latencies of answered requests, failures, wall time."""

    path: str
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    failures: int = 0
    elapsed: float = 0.0
    size: int = 0

    @property
    def rate(self) -> float:
        """Answered requests per second."""
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def percentile(self, share: float) -> float:
        """The latency below which `share` of the requests fell, in seconds (nearest rank)."""
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        rank = math.ceil(share * len(ordered) - 1e-9)  # nearest rank, 1-based
        return ordered[min(len(ordered), max(rank, 1)) - 1]


def _report_row(serial: int, report: ClaimReport, source_ids: dict[str, int]) -> dict[str, Any]:
    received = datetime.combine(report.published, clock(12), tzinfo=UTC) + timedelta(hours=6)
    return {
        "id": serial, "content_hash": report.content_hash, "raw": report.text.encode(),
        "filename": f"load-{serial}.txt", "title": f"Report {serial}",
        "clean_text": report.text, "language": "en", "source_id": source_ids[report.publisher],
        "published_on": report.published, "received_at": received, "status": EXTRACTED,
        "extracted_at": received,
    }  # fmt: skip


def _claim_rows(report_id: int, report: ClaimReport) -> Iterator[dict[str, Any]]:
    for seq, payload in enumerate(report.claims, start=1):
        yield {
            "report_id": report_id, "seq": seq, "type": payload["type"],
            "valid_on": datetime.fromisoformat(payload["date"]).date(),
            "date_precision": payload["date_precision"], "confidence": payload["confidence"],
            "status": PROPOSED, "payload": payload,
        }  # fmt: skip


def populate(store: Store, claims: int, seed: int) -> tuple[int, int]:
    """Bulk-insert sources, reports and `claims` claims; returns (reports, claims) stored."""
    reports = claims_stored = 0
    with store.unit_of_work() as session:
        grades = "ABCDEF"
        session.execute(
            insert(Source),
            [{"name": p, "reliability": grades[i % 6]} for i, p in enumerate(PUBLISHERS)],
        )
        source_ids = {s.name: s.id for s in session.scalars(select(Source))}
        report_rows: list[dict[str, Any]] = []
        claim_rows: list[dict[str, Any]] = []
        for report in claim_reports(claims, CLAIMS_PER_REPORT, seed, PACK):
            reports += 1
            report_rows.append(_report_row(reports, report, source_ids))
            claim_rows.extend(_claim_rows(reports, report))
            if len(claim_rows) >= BATCH:
                claims_stored += _flush_rows(session, report_rows, claim_rows)
        claims_stored += _flush_rows(session, report_rows, claim_rows)
    return reports, claims_stored


def _flush_rows(session: Any, reports: list[dict[str, Any]], claims: list[dict[str, Any]]) -> int:
    """One executemany per table; empties both lists; returns the number of claims written."""
    if reports:
        session.execute(insert(Report), reports)
    if claims:
        session.execute(insert(Claim), claims)
    written = len(claims)
    reports.clear()
    claims.clear()
    return written


def prepare(url: str, claims: int, seed: int) -> None:
    """Migrate, fill and fuse a fresh database, printing how long each step took."""
    engine = make_engine(url)
    store = Store(engine)
    started = time.perf_counter()
    upgrade(engine)
    print(f"migrated in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    reports, stored = populate(store, claims, seed)
    seconds = time.perf_counter() - started
    print(f"inserted {reports:,} reports and {stored:,} claims in {seconds:.1f} s")
    rebuild(store)
    store.dispose()


def bring_up_to_date(url: str, force_rebuild: bool) -> None:
    """Migrate a reused database; fuse it again (timed) when asked or when its events were
    stored before event summaries existed (the picture would read every full event body)."""
    engine = make_engine(url)
    store = Store(engine)
    started = time.perf_counter()
    upgrade(engine)
    print(f"migrated in {time.perf_counter() - started:.1f} s")
    with store.unit_of_work() as session:
        stale = session.scalar(select(func.count()).where(EventRow.summary.is_(None)))
    if force_rebuild or stale:
        rebuild(store)
    store.dispose()


def rebuild(store: Store) -> None:
    """Fusion's full rebuild, timed (alerts are not recorded: the picture does not read them)."""
    started = time.perf_counter()
    with store.unit_of_work() as session:
        events = fusion_service.rebuild(session, FlowContext.for_pack(PACK).frame.places)
    print(f"fused {len(events):,} events in {time.perf_counter() - started:.1f} s")


def api_token(url: str) -> str:
    """A fresh API token for the load test's viewer (created on first use)."""
    store = Store(make_engine(url))
    with store.unit_of_work() as session:
        user = accounts.get_user_by_username(session, USERNAME) or accounts.create_user(
            session, USERNAME, "load-test-password-1", "viewer"
        )
        token = accounts.create_token(session, user, "load test")
    store.dispose()
    return token


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(url: str, data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    """This script in `--serve` mode: the app on `url`, on 127.0.0.1:`port`."""
    command = [
        sys.executable,
        __file__,
        "--serve",
        url,
        "--port",
        str(port),
        "--data",
        str(data_dir),
    ]
    return subprocess.Popen(command)


def wait_ready(client: httpx.Client, server: subprocess.Popen[bytes], timeout: float) -> None:
    """Block until the server answers the baseline endpoint; SystemExit if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with code {server.returncode}")
        try:
            if client.get(BASELINE).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server did not answer within {timeout:.0f} s")


def drive(base: str, token: str, path: str, clients: int, requests: int, seconds: float) -> Load:
    """`clients` threads request `path` until `requests` were sent or `seconds` have passed."""
    load = Load(path)
    lock = threading.Lock()
    sent = 0
    deadline = time.monotonic() + seconds

    def client_loop() -> None:
        nonlocal sent
        headers = {"authorization": f"Bearer {token}", "accept": "application/json"}
        with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
            while True:
                with lock:
                    if sent >= requests or time.monotonic() >= deadline:
                        return
                    sent += 1
                _request(client, path, load, lock)

    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.elapsed = time.perf_counter() - started
    return load


def _request(client: httpx.Client, path: str, load: Load, lock: threading.Lock) -> None:
    started = time.perf_counter()
    try:
        response = client.get(path)
    except httpx.HTTPError:
        with lock:
            load.failures += 1
        return
    latency = time.perf_counter() - started
    with lock:
        load.statuses[response.status_code] = load.statuses.get(response.status_code, 0) + 1
        if response.status_code == 200:
            load.latencies.append(latency)
            load.size = len(response.content)
        else:
            load.failures += 1


def describe(load: Load) -> str:
    """One line of figures for an endpoint."""
    few = " (under 100 answers: p99 is the slowest)" if len(load.latencies) < 100 else ""
    return (
        f"{load.path}: {len(load.latencies):,} answered in {load.elapsed:.1f} s = "
        f"{load.rate:,.1f} req/s, p50 {load.percentile(0.5) * 1000:.1f} ms, "
        f"p99 {load.percentile(0.99) * 1000:.1f} ms{few}, {load.size:,} bytes each, "
        f"failures {load.failures} {dict(sorted(load.statuses.items()))}"
    )


def picture_path(client: httpx.Client) -> str:
    """The picture endpoint when the app has it, else the baseline (said on the output)."""
    status = client.get(PICTURE).status_code
    if status == 404:
        print(f"GET {PICTURE} answers 404: not written yet, driving {BASELINE} in its place")
        return BASELINE
    return PICTURE


def run_load(args: argparse.Namespace, url: str, data_dir: Path, token: str) -> None:
    """Serve the app, drive the baseline then the picture, print the figures and the ratios."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(url, data_dir, port)
    try:
        headers = {"authorization": f"Bearer {token}", "accept": "application/json"}
        with httpx.Client(base_url=base, headers=headers, timeout=120) as client:
            wait_ready(client, server, timeout=60)
            started = time.perf_counter()
            path = picture_path(client)
            print(f"first {path} request (cold): {(time.perf_counter() - started) * 1000:.0f} ms")
        limits = (args.clients, args.requests, args.seconds)
        baseline = drive(base, token, BASELINE, *limits)
        target = drive(base, token, path, *limits)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{args.clients} concurrent clients, at most {args.requests} requests or "
          f"{args.seconds:.0f} s per endpoint, loopback only")  # fmt: skip
    print("baseline " + describe(baseline))
    print("picture  " + describe(target))
    if target.latencies and baseline.latencies:
        print(
            f"picture / baseline: throughput {target.rate / baseline.rate:.2f}x, "
            f"p50 {target.percentile(0.5) / baseline.percentile(0.5):.1f}x, "
            f"p99 {target.percentile(0.99) / baseline.percentile(0.99):.1f}x slower"
        )


def serve(url: str, port: int, data_dir: Path) -> None:
    """The server side: the app on the prepared database, on loopback only."""
    import uvicorn

    from borderwatch.web.app import create_app

    settings = Settings(database_url=url, data_dir=data_dir, region_pack=PACK)
    app = create_app(settings, Store(make_engine(url)), FlowContext.for_pack(PACK))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def main() -> None:
    """Prepare the database, serve it, measure, clean up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=1000, help="per endpoint")
    parser.add_argument("--seconds", type=float, default=15.0, help="per endpoint")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument(
        "--db", type=Path, help="keep the prepared SQLite file here and reuse it when it exists"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="with --db: fuse the reused database again, timed"
    )
    parser.add_argument("--serve", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.data)
        return
    with tempfile.TemporaryDirectory(prefix="borderwatch-load-") as folder:
        database = args.db or Path(folder) / "load.db"
        url = f"sqlite:///{database}"
        if args.db and database.exists():
            print(f"reusing {database} (--claims ignored)")
            bring_up_to_date(url, force_rebuild=args.rebuild)
        else:
            prepare(url, args.claims, args.seed)
        run_load(args, url, database.parent, api_token(url))


if __name__ == "__main__":
    main()
