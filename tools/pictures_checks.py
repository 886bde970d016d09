#!/usr/bin/env python3
"""Real-engine checks of `convmatrix draw` output (called by .ci/pictures-checks.sh).

Usage: pictures_checks.py DIR
  DIR holds *.svg, *.gif and a manifest `frames.txt` with lines `name.gif frames width height`.
- every GIF decodes with Pillow, with the frame count and size the manifest gives, looping
  forever;
- every SVG loads in Chromium (Playwright) without errors; an animated SVG (with <animate>)
  shows frame 0 at time 0 and frame 1 once the clock passes the first slot (SMIL plays).
Exits non-zero on the first failure, naming the file.
"""
import pathlib
import sys

from PIL import Image
from playwright.sync_api import sync_playwright


def fail(message):
    print(f"pictures check failed: {message}", file=sys.stderr)
    sys.exit(1)


def check_gifs(folder):
    manifest = folder / "frames.txt"
    count = 0
    for line in manifest.read_text().splitlines():
        name, frames, width, height = line.split()
        path = folder / name
        with Image.open(path) as im:
            if im.format != "GIF":
                fail(f"{name}: Pillow reads {im.format}, not GIF")
            if im.n_frames != int(frames):
                fail(f"{name}: {im.n_frames} frames, expected {frames}")
            if im.size != (int(width), int(height)):
                fail(f"{name}: size {im.size}, expected {width}x{height}")
            if im.info.get("loop") != 0:
                fail(f"{name}: does not loop forever (loop={im.info.get('loop')})")
            for k in range(im.n_frames):
                im.seek(k)
                im.convert("RGB").load()
        count += 1
    print(f"{count} GIFs decode with Pillow")


def check_svgs(folder):
    svgs = sorted(folder.glob("*.svg"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for svg in svgs:
            page.goto(svg.resolve().as_uri())
            root = page.evaluate("document.documentElement.localName")
            if root != "svg" or errors:
                fail(f"{svg.name}: Chromium loaded <{root}> with errors {errors}")
            animated = page.evaluate("document.querySelectorAll('animate').length")
            if animated:
                state = page.evaluate(
                    """() => {
                    const svg = document.documentElement;
                    const groups = [...document.querySelectorAll('g')];
                    const anim = groups[0].querySelector('animate');
                    const slot = anim.getSimpleDuration() / groups.length;
                    svg.pauseAnimations();
                    svg.setCurrentTime(0.0001);
                    const at0 = groups.map(g => getComputedStyle(g).visibility);
                    svg.setCurrentTime(slot * 1.5);
                    const at1 = groups.map(g => getComputedStyle(g).visibility);
                    return [at0, at1];
                }"""
                )
                at0, at1 = state
                if at0.count("visible") != 1 or at0[0] != "visible":
                    fail(f"{svg.name}: at time 0 the visible frames are {at0}")
                if at1.count("visible") != 1 or at1[1] != "visible":
                    fail(f"{svg.name}: after one slot the visible frames are {at1}")
        browser.close()
    print(f"{len(svgs)} SVGs load in Chromium (animations play)")


def main():
    folder = pathlib.Path(sys.argv[1])
    check_gifs(folder)
    check_svgs(folder)


if __name__ == "__main__":
    main()
