#!/usr/bin/env python3
"""Print SymPy's LaTeX for random polynomials as JSON fixtures for the Swift `Symbolic` tests.

Each Swift `Symbol` is modelled as a SymPy `Symbol` whose name is its LaTeX text
(`k_{02}`, `k_{0,10}`, `k^{(1,0)}_{22}`, `k`). The output is a JSON list of objects:

    {"description": "<SymPy str() of the expression>",
     "terms": [{"coefficient": [p, q],
                "factors": [{"name": "k", "indices": [0, 2], "superscript": [],
                             "exponent": 1}, ...]}, ...],
     "latex": "<sympy.latex(expression)>"}

The Swift test rebuilds each expression from "terms" (the raw, un-merged summands) and checks
that `LaTeXPrinter()` reproduces "latex" byte for byte.

Usage: python3 tools/sympy_printing_fixtures.py > Tests/SymbolicTests/Fixtures/sympy_latex.json
"""

import json
import random

import sympy

SEED = 20240604
COUNT = 400


def latex_name(name, indices, superscript):
    """The LaTeX text of a symbol, as the Swift LaTeXPrinter writes it."""
    text = name
    if superscript:
        text += "^{(" + ",".join(str(i) for i in superscript) + ")}"
    if indices:
        separator = "," if any(i < 0 or i > 9 for i in indices) else ""
        text += "_{" + separator.join(str(i) for i in indices) + "}"
    return text


def random_symbol(rng):
    name = rng.choice(["I", "k", "O"])
    count = rng.choice([0, 1, 2, 2, 2, 2, 3])
    indices = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.75:
            indices.append(rng.randint(0, 9))
        elif roll < 0.95:
            indices.append(rng.randint(10, 12))
        else:
            indices.append(-rng.randint(1, 2))
    superscript = []
    if rng.random() < 0.15:
        superscript = [rng.randint(0, 2) for _ in range(rng.choice([1, 2]))]
    return name, indices, superscript


def random_coefficient(rng):
    numerator = rng.choice([1, 1, 1, 1, 2, 3, 5, 12]) * rng.choice([1, 1, -1])
    denominator = rng.choice([1, 1, 1, 2, 3, 9, 10])
    return numerator, denominator


def main():
    rng = random.Random(SEED)
    # Distinct structured symbols must have distinct LaTeX names ([10] and [1, 0] clash).
    by_latex = {}
    fixtures = []

    def add(raw_terms):
        expression = sympy.Integer(0)
        for (p, q), factors in raw_terms:
            term = sympy.Rational(p, q)
            for (name, indices, superscript), exponent in factors:
                term *= sympy.Symbol(latex_name(name, indices, superscript)) ** exponent
            expression += term
        fixtures.append(
            {
                "description": str(expression),
                "terms": [
                    {
                        "coefficient": [p, q],
                        "factors": [
                            {
                                "name": name,
                                "indices": indices,
                                "superscript": superscript,
                                "exponent": exponent,
                            }
                            for (name, indices, superscript), exponent in factors
                        ],
                    }
                    for (p, q), factors in raw_terms
                ],
                "latex": sympy.latex(expression),
            }
        )

    def symbol(rng):
        while True:
            name, indices, superscript = random_symbol(rng)
            key = latex_name(name, indices, superscript)
            known = by_latex.setdefault(key, (name, indices, superscript))
            if known == (name, indices, superscript):
                return name, indices, superscript

    # Hand-picked cases from the course and SymPy's quirks.
    k02, k010, O00, x = ("k", [0, 2], []), ("k", [0, 10], []), ("O", [0, 0], []), ("x", [], [])
    for key in [k02, k010, O00, x]:
        by_latex[latex_name(*key)] = key
    add([])
    add([((1, 1), [(k02, 1)])])
    add([((1, 1), [(k010, 1)]), ((1, 1), [(k02, 1)])])
    add([((1, 1), [(k010, 1)]), ((2, 1), [(k02, 1)])])
    add([((1, 9), [(k02, 1)])])
    add([((1, 1), [(k010, 1)]), ((-1, 1), [(k02, 1)])])
    add([((-1, 1), [(k010, 1)]), ((-1, 1), [(k02, 1)])])
    add([((1, 9), [])])
    add([((-1, 9), [])])
    add([((-3, 1), [])])
    add([((1, 9), [(k010, 1)]), ((-2, 9), [(k02, 1)])])
    add([((1, 1), [(k02, 2)])])
    add([((2, 3), [(O00, 1), (k02, 1)])])
    add([((1, 1), [(O00, 1), (k02, 1)]), ((1, 1), [(("O", [0, 1], []), 1), (k010, 1)])])
    add([((1, 1), []), ((-1, 1), [(x, 1)])])
    add([((1, 1), []), ((-1, 1), [(x, 1), (k02, 1)])])
    add([((1, 2), []), ((-1, 3), [(x, 2)])])
    add([((-1, 2), []), ((1, 1), [(x, 1)])])
    add([((1, 1), [(x, 2)]), ((1, 1), [(x, 1)]), ((1, 1), [])])
    add([((2, 3), [(("k", [2, 2], [1, 0]), 2)])])

    while len(fixtures) < COUNT:
        raw_terms = []
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
            factors = []
            for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3])):
                factors.append((symbol(rng), rng.choice([1, 1, 1, 2])))
            raw_terms.append((random_coefficient(rng), factors))
        add(raw_terms)

    # One fixture per line keeps the file small and its diffs readable.
    print("[\n" + ",\n".join(json.dumps(f, ensure_ascii=False) for f in fixtures) + "\n]")


if __name__ == "__main__":
    main()
