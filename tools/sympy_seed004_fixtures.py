#!/usr/bin/env python3
"""Writes SymPy's LaTeX for the matrices of seed 004's derivation, for several convolutions.

The Swift tests compare `convmatrix ... --format latex --latex-style sympy` with these files
byte for byte, so that "prints any other size the way SymPy would" is checked, not assumed.
U is built here from the definition of a cross-correlation, independently of ConvMatrix:

    O[i, j] = sum_{a, b} k[a, b] * Ipad[i*s + a*d, j*s + b*d]

with zero padding; U (row convention, X·U = O) has one row per input and one column per output.
Symbol names follow ConvMatrix's rule: indices written together (k_{02}) unless one has two or
more digits (k_{0,10}).

Run from the repository root:  python3 tools/sympy_seed004_fixtures.py
Regenerate only deliberately: the files are the specification the tests hold the tool to.
"""
import itertools
import os

import sympy

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ConvMatrixCommandLineTests",
                   "Fixtures", "sympy")

# name, input sizes, kernel sizes, stride, padding (before, after) per axis, dilation
SPECS = [
    ("seed004", (5, 5), (3, 3), (2, 2), ((0, 0), (0, 0)), (1, 1)),
    ("pad1_4x4_k2", (4, 4), (2, 2), (1, 1), ((1, 1), (1, 1)), (1, 1)),
    ("rect_3x4_k2x3", (3, 4), (2, 3), (1, 1), ((0, 0), (0, 0)), (1, 1)),
    ("asym_4x5_k3_s2", (4, 5), (3, 3), (2, 1), ((0, 1), (1, 0)), (1, 1)),
    ("dilated_6x6_k2_d2", (6, 6), (2, 2), (1, 2), ((0, 0), (0, 0)), (2, 2)),
    ("two_digit_12x2_k2x1", (12, 2), (2, 1), (1, 1), ((0, 0), (0, 0)), (1, 1)),
    ("oned_7_k3_s2", (7,), (3,), (2,), ((1, 1),), (1,)),
]


def name(letter, index):
    sep = "," if any(v >= 10 or v < 0 for v in index) else ""
    return sympy.Symbol(f"{letter}_{{{sep.join(str(v) for v in index)}}}")


def derive(n, k, s, p, d):
    out = tuple((n[t] + p[t][0] + p[t][1] - d[t] * (k[t] - 1) - 1) // s[t] + 1 for t in range(len(n)))
    inputs = list(itertools.product(*[range(v) for v in n]))
    outputs = list(itertools.product(*[range(v) for v in out]))
    taps = list(itertools.product(*[range(v) for v in k]))
    U = sympy.zeros(len(inputs), len(outputs))
    for col, o in enumerate(outputs):
        for a in taps:
            q = tuple(o[t] * s[t] + a[t] * d[t] - p[t][0] for t in range(len(n)))
            if all(0 <= q[t] < n[t] for t in range(len(n))):
                U[inputs.index(q), col] += name("k", a)
    X = sympy.Matrix([[name("I", i) for i in inputs]])
    Ovec = sympy.Matrix([[name("O", o) for o in outputs]])
    O = X * U
    C = Ovec * U.T

    def grid(vector, sizes):
        if len(sizes) == 1:
            return sympy.Matrix([list(vector)])
        return sympy.Matrix(sizes[0], sizes[1], list(vector))

    return {
        "U": U,
        "UT": U.T,
        "X": X,
        "I": grid([name("I", i) for i in inputs], n),
        "O": grid([name("O", o) for o in outputs], out),
        "apply": grid(list(O), out),
        "C": grid(list(C), n),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    for label, n, k, s, p, d in SPECS:
        for key, matrix in derive(n, k, s, p, d).items():
            with open(os.path.join(OUT, f"{label}_{key}.tex"), "w") as f:
                f.write(sympy.latex(matrix) + "\n")
    print(f"wrote {len(SPECS)} specs to {os.path.normpath(OUT)} with SymPy {sympy.__version__}")


if __name__ == "__main__":
    main()
