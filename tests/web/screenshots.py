"""Screenshots for the README: the real server over the demo database, driven by headless Chromium.

Run after `make demo` (which fills demo.db from examples/articles):

    NEWSGRAPH_TEST_CHROMIUM=/usr/bin/chromium .venv/bin/python tests/web/screenshots.py --db demo.db
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.web.harness import CHROMIUM_ARGS, CHROMIUM_ENV, running  # noqa: E402

from newsgraph.queries import DocumentQuery  # noqa: E402
from newsgraph.server import create_app  # noqa: E402
from newsgraph.store import Store  # noqa: E402

SHOTS = (
    # (file name, path, full page)
    ("dashboard-overview.png", "/", False),
    ("dashboard-document.png", "/documents/{doc}", False),
    ("dashboard-network.png", "/network", False),
    ("dashboard-timeline.png", "/timeline", False),
    ("dossier.png", "/dossier?q=Putin", False),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="demo.db", help="The demo database (make demo).")
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"), help="Folder for the PNGs.")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    executable = os.environ.get(CHROMIUM_ENV, "/usr/bin/chromium")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with Store.open(args.db) as store:
        documents = store.documents(DocumentQuery(limit=None))
        if not documents:
            raise SystemExit(f"{args.db} is empty: run `make demo` first")
        # The Yomiuri editorial: the seed with an outlet, the richest marks.
        doc = next((d for d in documents if d.outlet), documents[0]).doc_id
        with running(create_app(store, token="")) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
            for name, path, full in SHOTS:
                page.goto(base + path.format(doc=doc))
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(out / name), full_page=full)
                print(f"wrote {out / name}")
            browser.close()


if __name__ == "__main__":
    main()
