import Symbolic
import Testing

@Suite("Rational: exact fractions that throw instead of trapping")
struct RationalTests {
    @Test("is stored in lowest terms with the sign on the numerator")
    func reduction() throws {
        let r = try Rational(6, -8)
        #expect(r.numerator == -3)
        #expect(r.denominator == 4)
        #expect(try Rational(-6, -8) == Rational(3, 4))
        #expect(try Rational(0, -5) == .zero)
        #expect(try Rational(0, -5).denominator == 1)
        #expect(try Rational(Int.min, 2).numerator == Int.min / 2)
        #expect(try Rational(Int.min, Int.min) == .one)
    }

    @Test("prints as an integer or as numerator/denominator")
    func description() throws {
        #expect(Rational(3).description == "3")
        #expect(try Rational(1, -9).description == "-1/9")
        #expect(Rational.zero.description == "0")
    }

    @Test("knows whether it is zero or an integer and converts to Double")
    func properties() throws {
        #expect(Rational.zero.isZero)
        #expect(!Rational.one.isZero)
        #expect(try Rational(4, 2).isInteger)
        #expect(try !Rational(1, 2).isInteger)
        #expect(try Rational(-1, 4).doubleValue == -0.25)
    }

    @Test("adds, subtracts, multiplies and divides exactly")
    func arithmetic() throws {
        #expect(try q(1, 2) + q(1, 3) == q(5, 6))
        #expect(try q(1, 2) - q(1, 3) == q(1, 6))
        #expect(try q(2, 3) * q(9, 4) == q(3, 2))
        #expect(try q(2, 3) / q(4, 9) == q(3, 2))
        #expect(try -q(2, 3) == q(-2, 3))
        #expect(try q(2, 3).negated() == q(-2, 3))
        #expect(try q(-2, 3).power(3) == q(-8, 27))
        #expect(try q(2, 3).power(0) == .one)
        #expect(try q(2, 3).reciprocal() == q(3, 2))
    }

    @Test("orders numerically, also near the ends of Int")
    func order() throws {
        #expect(try q(-1, 2) < .zero)
        #expect(try q(1, 3) < q(1, 2))
        #expect(try q(Int.max, 2) < q(Int.max, 1))
        #expect(try q(Int.min, 1) < q(Int.min, 3))
        #expect(try [q(1, 2), q(-3), q(1, 3)].sorted() == [q(-3), q(1, 3), q(1, 2)])
    }

    @Test("a zero denominator throws divisionByZero")
    func divisionByZero() throws {
        #expect(throws: SymbolicError.divisionByZero) { try Rational(1, 0) }
        #expect(throws: SymbolicError.divisionByZero) { try q(1, 2) / .zero }
        #expect(throws: SymbolicError.divisionByZero) { try Rational.zero.reciprocal() }
    }

    @Test("overflow throws instead of trapping")
    func overflow() throws {
        #expect(
            throws: SymbolicError.overflow(
                "rational arithmetic overflowed Int in 9223372036854775807 + 1")
        ) {
            try Rational(Int.max) + Rational(1)
        }
        #expect(throws: SymbolicError.self) { try Rational(Int.min).negated() }
        #expect(throws: SymbolicError.self) { try -Rational(Int.min) }
        #expect(throws: SymbolicError.self) { try Rational(Int.min, -1) }
        #expect(throws: SymbolicError.self) { try Rational(1, Int.min) }
        #expect(throws: SymbolicError.self) { try Rational(Int.min) / Rational(-1) }
        #expect(throws: SymbolicError.self) { try Rational(Int.min) * Rational(-1) }
        #expect(throws: SymbolicError.self) { try Rational(Int.min) - Rational(1) }
        #expect(throws: SymbolicError.self) { try q(1, Int.max) + q(1, Int.max - 1) }
        #expect(throws: SymbolicError.self) { try Rational(2).power(64) }
        #expect(throws: SymbolicError.self) { try Rational(1) - Rational(Int.min) }
    }

    @Test("results that fit are computed even when naive intermediates would overflow")
    func nearLimits() throws {
        #expect(try Rational(Int.min) + Rational(Int.max) == Rational(-1))
        #expect(try Rational(Int.max) - Rational(Int.max) == .zero)
        #expect(try q(Int.max, 3) * q(3, Int.max) == .one)
        #expect(try Rational(Int.min) / Rational(Int.min) == .one)
        #expect(try Rational(-1) - Rational(Int.min) == Rational(Int.max))
    }
}
