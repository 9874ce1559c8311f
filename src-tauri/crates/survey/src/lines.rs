//! Line numbers as people count them, for the messages that point at a row.

/// The line a record starts on, as an editor numbers it. After a `\r\n` the CSV
/// reader places the next record at the `\n` and numbers it with the line before:
/// one too few, on every row of a file with Windows line endings.
pub(crate) fn human_line(text: &[u8], position: &csv::Position) -> u64 {
    let line = position.line();
    match text.get(position.byte() as usize) {
        Some(b'\n') => line + 1,
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[u8]) -> Vec<u64> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        let mut record = csv::ByteRecord::new();
        let mut lines = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            lines.push(human_line(text, record.position().unwrap()));
        }
        lines
    }

    #[test]
    fn rows_after_crlf_lf_and_quoted_newlines_are_on_the_lines_an_editor_shows() {
        assert_eq!(lines(b"a,b\r\n1,2\r\n3\r\n4,5\n6\n"), [1, 2, 3, 4, 5]);
        assert_eq!(lines(b"a,b\n\"x\ny\",2\r\n3,4\r\n"), [1, 2, 4]);
    }
}
