#!/usr/bin/env bash
# Installs every engine the checks in .ci/ use, on a fresh machine, from Debian's packages and the
# default Python package index only:
#   Debian: texlive (base, recommended, pictures), katex, chromium, librsvg2-bin, poppler-utils,
#           node-typescript;
#   PyPI, into a virtual environment this script creates (never the system Python's packages):
#           torch, numpy, scipy, sympy, jax[cpu], keras, onnx, onnxruntime, pillow, playwright,
#           mkdocs, pymdown-extensions.
# The environment lives outside the clone, in a cache folder, so that every fresh clone on the
# machine reuses it: $CONVMATRIX_ENGINES, or else $XDG_CACHE_HOME/convmatrix/engines, or else
# ~/.cache/convmatrix/engines. Idempotent: a second run checks and returns in about a second.
# `source tools/engines-env.sh` puts the environment's python first on PATH.
# Usage: bash tools/install-engines.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tools/engines-env.sh
source "$here/engines-env.sh"

started=$(date +%s)
say() { echo "engines: $*" >&2; }

# --- Debian ---------------------------------------------------------------------------------
debian_packages=(texlive-latex-base texlive-latex-recommended texlive-pictures katex chromium
    librsvg2-bin poppler-utils node-typescript)
missing=()
for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing from Debian: ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        >/dev/null
fi

# --- PyPI, in a virtual environment ------------------------------------------------------------
# Pinned to the versions the checks were written against; a change here is a deliberate bump.
python_requirements=(
    "torch==2.15.0" "numpy==2.4.6" "scipy==1.17.1" "sympy==1.14.0"
    "jax[cpu]==0.10.2" "keras==3.15.1" "onnx==1.23.2" "onnxruntime==1.32.0"
    "pillow==13.0.0" "playwright==1.65.3" "mkdocs==1.6.1" "pymdown-extensions==13.1.2"
)
stamp="$CONVMATRIX_ENGINES/requirements.txt"
wanted=$(printf '%s\n' "${python_requirements[@]}")
if [ ! -x "$CONVMATRIX_ENGINES/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    # The interpreter behind whatever python3 is first on PATH (the venv's own, when it is there).
    base_python="${CONVMATRIX_BASE_PYTHON:-$(python3 -c 'import sys; print(getattr(sys, "_base_executable", sys.executable))')}"
    say "creating $CONVMATRIX_ENGINES from $base_python (no system site-packages)"
    rm -rf "$CONVMATRIX_ENGINES"
    mkdir -p "$(dirname "$CONVMATRIX_ENGINES")"
    "$base_python" -m venv "$CONVMATRIX_ENGINES"
    "$CONVMATRIX_ENGINES/bin/python" -m pip install --quiet --disable-pip-version-check \
        --upgrade pip
    say "installing from PyPI: ${python_requirements[*]}"
    "$CONVMATRIX_ENGINES/bin/python" -m pip install --quiet --disable-pip-version-check \
        --no-cache-dir "${python_requirements[@]}"
    # Written only after every engine imports, so a broken install is redone next time.
    "$CONVMATRIX_ENGINES/bin/python" -c "import torch, numpy, scipy, sympy, jax, keras, onnx, onnxruntime, PIL, playwright, mkdocs, pymdownx" \
        || { say "the environment at $CONVMATRIX_ENGINES does not import every engine"; exit 1; }
    printf '%s\n' "$wanted" > "$stamp"
    say "installed in $(( $(date +%s) - started )) s: $CONVMATRIX_ENGINES ($(du -sh "$CONVMATRIX_ENGINES" | cut -f1))"
else
    say "ready: $CONVMATRIX_ENGINES"
fi
