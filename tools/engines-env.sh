# Sourced by tools/install-engines.sh and the .ci/ checks: where the engines' virtual environment
# lives, and that environment's python first on PATH (so `python3` in a check is the venv's).
CONVMATRIX_ENGINES="${CONVMATRIX_ENGINES:-${XDG_CACHE_HOME:-$HOME/.cache}/convmatrix/engines}"
export CONVMATRIX_ENGINES
export PATH="$CONVMATRIX_ENGINES/bin:$PATH"
export KERAS_BACKEND="${KERAS_BACKEND:-jax}"
