/// Right-aligns `text` in a column of `width` characters (longer text is left whole): the
/// columns of `bench trace` and `bench topology`, which people read in a terminal.
func rightAligned(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
