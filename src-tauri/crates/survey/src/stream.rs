//! Text handed to the CSV reader: every line break as `\n`, and large UTF-8
//! files read as they are parsed instead of held whole in memory.
//!
//! A `\r\n` is read as `\n`, whether it ends a row or sits inside a quoted
//! answer, so an answer's line breaks look the same whatever system exported
//! it, and the reader numbers rows the way an editor does (after a `\r\n` it
//! would otherwise start the next row at the `\n`, one line too early).

use std::io::{self, Read};

use memchr::memchr;

/// Bytes asked of the file at a time.
const CHUNK: usize = 256 * 1024;
/// UTF-8's byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Drops every `\r` directly followed by `\n` in `buf`, moving the rest
/// forward; answers the new length.
pub(crate) fn join_crlf(buf: &mut [u8]) -> usize {
    let (mut write, mut read) = (0, 0);
    while let Some(i) = memchr(b'\r', &buf[read..]) {
        let at = read + i;
        let keep_cr = buf.get(at + 1) != Some(&b'\n');
        let end = if keep_cr { at + 1 } else { at };
        if write != read {
            buf.copy_within(read..end, write);
        }
        write += end - read;
        read = at + 1;
    }
    if write != read {
        buf.copy_within(read.., write);
    }
    write + (buf.len() - read)
}

/// The error a [`Utf8Text`] stops with when the file turns out not to be
/// UTF-8 after all; the import then starts again on the whole file, whose
/// encoding is detected from all of it.
#[derive(Debug)]
pub(crate) struct NotUtf8;

impl std::fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the text is not UTF-8")
    }
}

impl std::error::Error for NotUtf8 {}

/// Whether `e` is a [`NotUtf8`] stop.
pub(crate) fn is_not_utf8(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<NotUtf8>())
}

/// A UTF-8 file read in chunks: each chunk is checked to be UTF-8 (a
/// character cut by the chunk's end waits for the next one), a leading
/// byte-order mark is left out and `\r\n` becomes `\n`.
pub(crate) struct Utf8Text<R> {
    inner: R,
    buf: Vec<u8>,
    /// The next byte to hand out.
    start: usize,
    /// The end of the checked bytes; after it, at most a cut character or a
    /// `\r` waiting to see whether `\n` follows.
    ready: usize,
    /// The end of the bytes read.
    filled: usize,
    /// Whether the start of the file has been looked at for a BOM.
    began: bool,
    /// Whether a byte-order mark was left out.
    pub bom: bool,
}

impl<R: Read> Utf8Text<R> {
    pub(crate) fn new(inner: R) -> Self {
        Utf8Text {
            inner,
            buf: vec![0; CHUNK],
            start: 0,
            ready: 0,
            filled: 0,
            began: false,
            bom: false,
        }
    }

    /// Reads until some checked bytes are ready, or the file ends.
    fn refill(&mut self) -> io::Result<()> {
        self.buf.copy_within(self.ready..self.filled, 0);
        self.filled -= self.ready;
        self.start = 0;
        self.ready = 0;
        loop {
            let n = self.inner.read(&mut self.buf[self.filled..])?;
            let end_of_file = n == 0;
            self.filled += n;
            if !self.began {
                let head = &self.buf[..self.filled];
                if head.starts_with(BOM) {
                    self.buf.copy_within(BOM.len()..self.filled, 0);
                    self.filled -= BOM.len();
                    self.bom = true;
                } else if BOM.starts_with(head) && !end_of_file {
                    // Too few bytes yet to tell.
                    continue;
                }
                self.began = true;
            }
            let valid = match std::str::from_utf8(&self.buf[..self.filled]) {
                Ok(_) => self.filled,
                Err(e) if e.error_len().is_none() && !end_of_file => e.valid_up_to(),
                Err(_) => return Err(io::Error::new(io::ErrorKind::InvalidData, NotUtf8)),
            };
            let mut checked = valid;
            if !end_of_file && checked > 0 && self.buf[checked - 1] == b'\r' {
                checked -= 1;
            }
            let kept = join_crlf(&mut self.buf[..checked]);
            self.buf.copy_within(checked..self.filled, kept);
            self.filled = kept + (self.filled - checked);
            self.ready = kept;
            if self.ready > 0 || end_of_file {
                return Ok(());
            }
        }
    }
}

impl<R: Read> Read for Utf8Text<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.start == self.ready {
            self.refill()?;
        }
        let n = out.len().min(self.ready - self.start);
        out[..n].copy_from_slice(&self.buf[self.start..self.start + n]);
        self.start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out `step` bytes at a time, to cut characters
    /// and `\r\n` pairs at every possible place.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(out.len()).min(self.bytes.len());
            out[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn through(bytes: &[u8], step: usize) -> io::Result<(Vec<u8>, bool)> {
        let mut text = Utf8Text::new(Trickle { bytes, step });
        let mut out = Vec::new();
        text.read_to_end(&mut out)?;
        Ok((out, text.bom))
    }

    #[test]
    fn crlf_becomes_lf_and_lone_cr_stays() {
        let mut buf = b"a\r\nb\rc\r\n\r\n\"x\r\ny\"\r".to_vec();
        let n = join_crlf(&mut buf);
        assert_eq!(&buf[..n], b"a\nb\rc\n\n\"x\ny\"\r");
    }

    #[test]
    fn any_cut_gives_the_same_text() {
        let source = "\u{FEFF}Kanal,Ý kiến\r\nМосква,\"Cách tạo\r\nhồ sơ\"\r\n成都,好\r\r\n😀,end"
            .as_bytes();
        let want = "Kanal,Ý kiến\nМосква,\"Cách tạo\nhồ sơ\"\n成都,好\r\n😀,end".as_bytes();
        for step in 1..=source.len() {
            let (text, bom) = through(source, step).unwrap();
            assert_eq!(text, want, "step {step}");
            assert!(bom);
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_stop_the_read() {
        for bad in [&b"abc,\xE9t\xE9\n"[..], b"ok\n\xF0\x9F", b"\xC3"] {
            for step in 1..=bad.len() {
                let e = through(bad, step).unwrap_err();
                assert!(is_not_utf8(&e), "{bad:?} step {step}: {e}");
            }
        }
    }
}
