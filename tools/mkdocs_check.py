#!/usr/bin/env python3
"""Build a real MkDocs 1.6 site of `convmatrix derive --format markdown` pages with the set-up
docs/course-sites.md documents (pymdownx.arithmatex, generic mode, KaTeX auto-render), render
every page in Chromium (Playwright) and fail when

* a KaTeX error element (`.katex-error`) appears, or a formula was left unrendered;
* anything overflows horizontally: the page is wider than the window, or a formula is wider
  than the content column it sits in.

Usage: python3 tools/mkdocs_check.py path/to/convmatrix [--keep DIR]
KaTeX comes from Debian's `katex` package (/usr/share/nodejs/katex/dist), copied into the site,
so the check needs no network.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KATEX = Path("/usr/share/nodejs/katex/dist")

CASES = [
    ("stride2-en", ["--input", "5x5", "--kernel", "3x3", "--stride", "2"]),
    ("stride2-es", ["--input", "5x5", "--kernel", "3x3", "--stride", "2", "--lang", "es"]),
    ("padded-es-1", ["--input", "5x5", "--kernel", "3x3", "--stride", "2", "--padding", "1",
                     "--lang", "es", "--index-base", "1", "--names", "x,w,y"]),
    ("wide", ["--input", "28x28", "--kernel", "5x5", "--max-terms", "9", "--max-cols", "25"]),
    ("channels", ["--input", "7x7", "--kernel", "3x3", "--stride", "2", "--padding", "1",
                  "--in-channels", "3", "--out-channels", "2"]),
    ("equations-numpy-lab", ["--input", "3x3", "--kernel", "2x2", "--style", "equations",
                             "--names", "x,w,y", "--index-base", "1", "--show-zeros"]),
    ("equations-strided-es", ["--input", "5x5", "--kernel", "3x3", "--stride", "2",
                              "--padding", "1", "--style", "equations", "--lang", "es"]),
    ("equations-wide", ["--input", "28x28", "--kernel", "5x5", "--style", "equations",
                        "--max-terms", "9"]),
]

MKDOCS_YML = """site_name: ConvMatrix notes check
use_directory_urls: false
theme:
  name: mkdocs
  highlightjs: false
markdown_extensions:
  - pymdownx.arithmatex:
      generic: true
extra_javascript:
  - katex/katex.min.js
  - katex/contrib/auto-render.js
  - javascripts/katex.js
extra_css:
  - katex/katex.min.css
nav:
{nav}
"""

KATEX_JS = """window.addEventListener("DOMContentLoaded", function () {
  renderMathInElement(document.body, {
    delimiters: [
      { left: "\\\\[", right: "\\\\]", display: true },
      { left: "\\\\(", right: "\\\\)", display: false },
    ],
    throwOnError: false,
  });
  document.body.setAttribute("data-math-done", "1");
});
"""

CHECK_JS = """() => {
  const problems = [];
  const errors = document.querySelectorAll('.katex-error');
  errors.forEach(e => problems.push('KaTeX error: ' + (e.getAttribute('title') || e.textContent).slice(0, 200)));
  document.querySelectorAll('.arithmatex').forEach(e => {
    if (!e.querySelector('.katex')) problems.push('unrendered math: ' + e.textContent.slice(0, 120));
  });
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth + 1)
    problems.push('page overflows: ' + root.scrollWidth + ' px in a ' + window.innerWidth + ' px window');
  document.querySelectorAll('.katex-display').forEach(e => {
    if (e.scrollWidth > e.clientWidth + 1)
      problems.push('display formula ' + e.scrollWidth + ' px wide in a ' + e.clientWidth + ' px column: ' + e.textContent.slice(0, 80));
  });
  const formulas = document.querySelectorAll('.katex').length;
  return {problems, formulas};
}"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tool")
    parser.add_argument("--keep")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="convmatrix-mkdocs-"))
    docs = work / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    (docs / "javascripts").mkdir(parents=True)
    shutil.copytree(KATEX, docs / "katex")
    (docs / "javascripts" / "katex.js").write_text(KATEX_JS)
    nav = []
    for name, flags in CASES:
        page = subprocess.run([args.tool, "derive", *flags, "--format", "markdown"],
                              capture_output=True, text=True, check=True).stdout
        (docs / f"{name}.md").write_text(page)
        nav.append(f"  - {name}: {name}.md")
    (docs / "index.md").write_text("# Notes\n\nPages made by `convmatrix derive`.\n")
    (work / "mkdocs.yml").write_text(MKDOCS_YML.format(nav="  - index.md\n" + "\n".join(nav)))
    # --strict fails on warnings, such as a heading id MkDocs rejects.
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=work,
                   check=True)

    from playwright.sync_api import sync_playwright

    failures = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, _ in CASES:
            page.goto((work / "site" / f"{name}.html").resolve().as_uri())
            page.wait_for_selector("body[data-math-done]", state="attached", timeout=30000)
            result = page.evaluate(CHECK_JS)
            if result["formulas"] == 0:
                result["problems"].append("no formula rendered")
            for problem in result["problems"][:10]:
                print(f"{name}: {problem}", file=sys.stderr)
            failures += len(result["problems"])
            print(f"{name}: {result['formulas']} formulas, {len(result['problems'])} problems")
        browser.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
