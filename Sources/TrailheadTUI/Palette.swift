import CNcursesw
import TrailheadCore

/// Maps styles to ncurses attributes: colours when the terminal has them and `NO_COLOR` is unset,
/// otherwise bold, dim, underline and reverse only, so the interface stays usable in monochrome;
/// with `NO_COLOR`, not even dim (faint text is a colour change on many terminals, and the README
/// promises bold, underline and reverse only).
struct Palette {
    private var attributes: [Style: Int32] = [:]

    init(useColor: Bool, useDim: Bool) {
        let bold = th_attr_bold()
        let dim = useDim ? th_attr_dim() : th_attr_normal()
        let reverse = th_attr_reverse()
        let underline = th_attr_underline()
        var pairs: [Style: Int32] = [:]
        if useColor {
            start_color()
            // The terminal's own background and foreground, so light and dark themes both work.
            use_default_colors()
            let colors: [(Style, Int32)] = [
                (.match, Int32(COLOR_GREEN)), (.selectedMatch, Int32(COLOR_GREEN)), (.link, Int32(COLOR_CYAN)),
                (.command, Int32(COLOR_GREEN)), (.warning, Int32(COLOR_RED)), (.frame, Int32(COLOR_CYAN)),
                (.title, Int32(COLOR_CYAN)),
            ]
            for (index, (style, color)) in colors.enumerated() {
                let pair = Int16(index + 1)
                init_pair(pair, Int16(color), -1)
                pairs[style] = th_color_pair(Int32(pair))
            }
        }
        let base: [Style: Int32] = [
            .plain: th_attr_normal(),
            .bold: bold,
            .dim: dim,
            .title: bold,
            .selected: reverse | bold,
            .selectedDim: reverse,
            .match: bold | underline,
            .selectedMatch: reverse | bold | underline,
            .bar: reverse | bold,
            .barDim: reverse,
            .link: underline,
            .command: th_attr_normal(),
            .warning: bold,
            .frame: th_attr_normal(),
        ]
        for style in Style.allCases {
            // Selected text keeps reverse video and no colour, which reads well on any theme.
            let color = style == .selectedMatch ? 0 : (pairs[style] ?? 0)
            attributes[style] = (base[style] ?? 0) | color
        }
    }

    func attribute(for style: Style) -> Int32 {
        attributes[style] ?? 0
    }
}
