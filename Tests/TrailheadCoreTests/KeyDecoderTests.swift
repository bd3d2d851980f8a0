import Testing
@testable import TrailheadCore

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (true, KeyDecoder.Code.up, KeyEvent.up), (true, KeyDecoder.Code.down, .down),
        (true, KeyDecoder.Code.left, .left), (true, KeyDecoder.Code.right, .right),
        (true, KeyDecoder.Code.home, .home), (true, KeyDecoder.Code.end, .end),
        (true, KeyDecoder.Code.pageUp, .pageUp), (true, KeyDecoder.Code.pageDown, .pageDown),
        (true, KeyDecoder.Code.backspace, .backspace), (true, KeyDecoder.Code.enter, .enter),
        (true, KeyDecoder.Code.resize, .resize), (true, KeyDecoder.Code.backTab, .backTab),
        (false, 0x0D, .enter), (false, 0x0A, .enter), (false, 0x1B, .escape), (false, 0x7F, .backspace),
        (false, 0x09, .tab), (false, 0x03, .control("c")), (false, 0x17, .control("w")),
        (false, 0x71, .character("q")), (false, 0x65E5, .character("日")),
    ] as [(Bool, UInt32, KeyEvent)])
    func decodesKeys(isKeyCode: Bool, value: UInt32, expected: KeyEvent) {
        #expect(KeyDecoder.decode(isKeyCode: isKeyCode, value: value) == expected)
    }

    @Test func dropsUnknownCodesAndInvisibleCharacters() {
        #expect(KeyDecoder.decode(isKeyCode: true, value: 0o777) == nil)
        #expect(KeyDecoder.decode(isKeyCode: false, value: 0x202E) == nil)
        #expect(KeyDecoder.decode(isKeyCode: false, value: 0x9B) == nil)
        #expect(KeyDecoder.decode(isKeyCode: false, value: 0) == nil)
    }

    @Test func decodesMouseButtonsByMask() {
        let masks = KeyDecoder.MouseMasks(click: 0b100, wheelUp: 0b1000, wheelDown: 0b10000)
        #expect(KeyDecoder.decodeMouse(state: 0b100, column: 3, row: 4, masks: masks) == .mouse(MouseEvent(kind: .click, column: 3, row: 4)))
        #expect(KeyDecoder.decodeMouse(state: 0b1000, column: 0, row: 0, masks: masks) == .mouse(MouseEvent(kind: .wheelUp, column: 0, row: 0)))
        #expect(KeyDecoder.decodeMouse(state: 0b10000, column: 0, row: 0, masks: masks) == .mouse(MouseEvent(kind: .wheelDown, column: 0, row: 0)))
        #expect(KeyDecoder.decodeMouse(state: 0b1, column: 0, row: 0, masks: masks) == nil)
    }

    @Test func bindingsDependOnTheMode() {
        var navigator = NavigatorTests.navigator()
        #expect(KeyBindings.action(for: .character("j"), in: navigator.state) == .move(1))
        #expect(KeyBindings.action(for: .character("3"), in: navigator.state) == .chooseNumber(3))
        #expect(KeyBindings.action(for: .escape, in: navigator.state) == .back)
        #expect(KeyBindings.action(for: .control("c"), in: navigator.state) == .interrupt)
        navigator.handle(.openSearch)
        #expect(KeyBindings.action(for: .character("j"), in: navigator.state) == .type("j"))
        #expect(KeyBindings.action(for: .escape, in: navigator.state) == .closeOverlay)
        #expect(KeyBindings.action(for: .control("n"), in: navigator.state) == .move(1))
        navigator.handle(.closeOverlay)
        navigator.handle(.toggleHelp)
        #expect(KeyBindings.action(for: .character("j"), in: navigator.state) == .scroll(1))
        #expect(KeyBindings.action(for: .character("x"), in: navigator.state) == .closeOverlay)
        #expect(KeyBindings.action(for: .mouse(MouseEvent(kind: .wheelDown, column: 0, row: 0)), in: navigator.state) == .scroll(3))
    }
}
