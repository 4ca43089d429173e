import CCairo

/// Font settings for one kind of text. Sizes are in points; the face is DejaVu Sans through
/// Cairo's toy text API (present on every Debian with fonts-dejavu-core).
public struct TextStyle: Hashable, Sendable {
    public var size: Double
    public var bold: Bool
    public var color: Color

    public init(size: Double, bold: Bool = false, color: Color = Theme.textColor) {
        self.size = size; self.bold = bold; self.color = color
    }
}

/// The measured box of a piece of text: advance width and the font's ascent and descent, so
/// every line of one style has the same height whatever its letters.
public struct TextSize: Hashable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public var height: Double { ascent + descent }
}

public enum HorizontalAlignment: Sendable { case left, center, right }
public enum VerticalAlignment: Sendable { case top, middle, baseline, bottom }

extension Canvas {
    static let fontFace = "DejaVu Sans"

    private func select(_ style: TextStyle) {
        cairo_select_font_face(
            cairo, Canvas.fontFace, CAIRO_FONT_SLANT_NORMAL,
            style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cairo, style.size)
    }

    /// Measures `text` with `cairo_text_extents` (width) and `cairo_font_extents` (height).
    public func measure(_ text: String, _ style: TextStyle) -> TextSize {
        select(style)
        var textExtents = cairo_text_extents_t()
        var fontExtents = cairo_font_extents_t()
        cairo_text_extents(cairo, text, &textExtents)
        cairo_font_extents(cairo, &fontExtents)
        return TextSize(
            width: max(textExtents.x_advance, textExtents.width), ascent: fontExtents.ascent,
            descent: fontExtents.descent)
    }

    /// The box `text` would occupy when anchored at `point` with the given alignment.
    public func box(
        _ text: String, _ style: TextStyle, at point: Point,
        _ horizontal: HorizontalAlignment = .left, _ vertical: VerticalAlignment = .baseline
    ) -> Rect {
        let size = measure(text, style)
        let left: Double
        switch horizontal {
        case .left: left = point.x
        case .center: left = point.x - size.width / 2
        case .right: left = point.x - size.width
        }
        let top: Double
        switch vertical {
        case .top: top = point.y
        case .middle: top = point.y - size.height / 2
        case .baseline: top = point.y - size.ascent
        case .bottom: top = point.y - size.height
        }
        return Rect(x: left, y: top, width: size.width, height: size.height)
    }

    /// Draws `text` inside `box` (as computed by `box(_:_:at:_:_:)`).
    func draw(_ text: String, _ style: TextStyle, in box: Rect) {
        select(style)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(cairo, &fontExtents)
        setColor(style.color)
        cairo_move_to(cairo, box.x, box.y + fontExtents.ascent)
        cairo_show_text(cairo, text)
        cairo_new_path(cairo)
    }

    /// Draws `text` turned 90° anticlockwise (reading upwards), centred on `center`; returns
    /// the rotated box.
    func drawRotated(_ text: String, _ style: TextStyle, center: Point) -> Rect {
        let size = measure(text, style)
        cairo_save(cairo)
        cairo_translate(cairo, center.x, center.y)
        cairo_rotate(cairo, -Double.pi / 2)
        setColor(style.color)
        cairo_move_to(cairo, -size.width / 2, -size.height / 2 + size.ascent)
        cairo_show_text(cairo, text)
        cairo_new_path(cairo)
        cairo_restore(cairo)
        return Rect(x: center.x - size.height / 2, y: center.y - size.width / 2, width: size.height, height: size.width)
    }

    /// `text` shortened with "…" until it fits `maxWidth`; nil when not even one letter fits.
    public func fitting(_ text: String, _ style: TextStyle, maxWidth: Double) -> String? {
        if measure(text, style).width <= maxWidth { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces() + "…"
            if measure(candidate, style).width <= maxWidth { return characters.isEmpty ? nil : candidate }
        }
        return nil
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
