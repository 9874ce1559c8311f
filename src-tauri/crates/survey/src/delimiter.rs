//! Delimiter sniffing: which of comma, semicolon, tab and pipe splits the
//! first records of a file into the most consistent number of fields.

/// The delimiters tried, in order of preference when they tie.
pub const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How much text the sniffer parses per candidate.
const SAMPLE_BYTES: usize = 256 * 1024;
/// How many records per candidate are compared.
const SAMPLE_RECORDS: usize = 50;

/// Picks the delimiter of `text`. Quote-aware: a delimiter inside a quoted
/// field does not count. A file with a single column gets a comma.
pub fn sniff(text: &str) -> u8 {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text.as_bytes()[..end];
    let cut = end < text.len();
    let mut best = (b',', (false, 0u32, 0usize));
    for &delim in &CANDIDATES {
        let score = score(sample, delim, cut);
        if score > best.1 {
            best = (delim, score);
        }
    }
    best.0
}

/// (splits at all, % of records with the most common field count, that count)
fn score(sample: &[u8], delim: u8, cut: bool) -> (bool, u32, usize) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(sample);
    let mut counts: Vec<usize> = Vec::new();
    let mut record = csv::ByteRecord::new();
    while counts.len() < SAMPLE_RECORDS + 1 {
        match reader.read_byte_record(&mut record) {
            Ok(true) => counts.push(record.len()),
            Ok(false) | Err(_) => break,
        }
    }
    // The sample may end mid-record; that record says nothing.
    if cut && counts.len() > 1 {
        counts.pop();
    }
    if counts.is_empty() {
        return (false, 0, 0);
    }
    let mut sorted = counts.clone();
    sorted.sort_unstable();
    let (mut mode, mut mode_n, mut run) = (sorted[0], 0usize, 0usize);
    for (i, &c) in sorted.iter().enumerate() {
        run = if i > 0 && sorted[i - 1] == c {
            run + 1
        } else {
            1
        };
        if run > mode_n || (run == mode_n && c > mode) {
            mode = c;
            mode_n = run;
        }
    }
    let consistency = (mode_n * 100 / counts.len()) as u32;
    (mode > 1, consistency, mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_each_delimiter() {
        assert_eq!(sniff("a,b,c\n1,2,3\n4,5,6\n"), b',');
        assert_eq!(sniff("a;b;c\n1,5;2;3\n4;5;6\n"), b';');
        assert_eq!(sniff("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(sniff("a|b|c\n1|2|3\n"), b'|');
    }

    #[test]
    fn quoted_delimiters_do_not_count() {
        let text = "q1,q2\n\"a;b;c;d\",x\n\"e;f;g;h\",y\n";
        assert_eq!(sniff(text), b',');
    }

    #[test]
    fn single_column_defaults_to_comma() {
        assert_eq!(sniff("vote\nyes\nno\n"), b',');
    }
}
