import Foundation
import Testing

@testable import ConvMatrixPictures
@testable import ConvMatrixRendering

/// One palette for every picture and for other programs (the explorer reads the export).
@Suite("Tap palette")
struct TapPaletteTests {
    @Test("tap t and t + 12 share a colour; a 3×3 kernel's nine taps are distinct")
    func cycle() {
        #expect(TapPalette.hex(0) == TapPalette.hex(12))
        #expect(Set((0..<9).map { TapPalette.hex($0) }).count == 9)
        #expect(TapPalette.hex(-1) == TapPalette.hex(11))
    }

    @Test("a tint is the colour 60 % of the way to white")
    func tint() {
        #expect(TapPalette.tint(0) == "A5C9E1")  // 1F77B4 → (31+0.6·224, 119+0.6·136, 180+0.6·75)
        #expect(TapPalette.hex(.tint(3)) == TapPalette.tint(3))
        #expect(TapPalette.hex(.ramp(level: 0, levels: 4)) == "FFFFFF")
    }

    @Test("CSS and JSON exports carry the same colours")
    func exports() throws {
        for (t, color) in TapPalette.colors.enumerated() {
            #expect(TapPalette.css.contains("--cm-tap-\(t): #\(color);"))
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(TapPalette.json.utf8)) as? [String: Any])
        #expect((json["taps"] as? [String]) == TapPalette.colors.map { "#" + $0 })
        #expect((json["tints"] as? [String])?.count == 12)
        #expect(json["input"] as? String == "#" + TapPalette.inputCell)
    }
}
