//! Large UTF-8 files are parsed as they are read (not held whole in memory); the
//! dataset is exactly the one the whole-file reader makes, and a file that turns
//! out part-way not to be UTF-8 is read again whole, as if it had never been
//! streamed.

use std::path::PathBuf;

use persona_survey::{
    import, import_bytes, import_with, Flow, ImportOptions, Phase, SurveyError, WarningCode,
};

/// A file in the temp folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!(
            "persona-survey-stream-{}-{name}",
            std::process::id()
        ));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Over 8 MiB of a Windows-made export: BOM, CRLF rows, answers over several
/// lines, Vietnamese and Russian text, a ragged row, and mojibake to repair.
fn big_export(rows: usize) -> String {
    let mut text = String::from("\u{FEFF}Respondent ID,Kênh,Почему,Age\r\n");
    for r in 0..rows {
        let why = match r % 5 {
            0 => format!("\"Nhanh,\r\nrẻ và tiện {}\"", r % 97),
            1 => "\"скажем \"\"да\"\"\"".to_string(),
            2 => "CÃ¡ch táº¡o há»“ sÆ¡".to_string(),
            _ => format!("ответ {}", r % 31),
        };
        let channel = ["Zalo", "Facebook", "Tìm kiếm", "NA"][r % 4];
        if r == 777 {
            text.push_str(&format!("{r},{channel}\r\n"));
        } else {
            text.push_str(&format!("{r},{channel},{why},{}\r\n", 18 + r % 60));
        }
    }
    assert!(text.len() > 8 << 20, "{} bytes", text.len());
    text
}

#[test]
fn a_streamed_file_gives_the_dataset_of_the_whole_file_reader() {
    let text = big_export(220_000);
    let file = TempFile::new("utf8.csv", text.as_bytes());
    let mut phases = Vec::new();
    let streamed = import_with(&file.0, &ImportOptions::default(), &mut |p| {
        if phases.last() != Some(&p.phase) {
            phases.push(p.phase);
        }
        Flow::Continue
    })
    .unwrap();
    // No reading phase: the file is read while it is parsed.
    assert_eq!(phases, [Phase::Parsing, Phase::Typing]);
    let whole = import_bytes(text.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(streamed, whole);
    assert!(streamed.source.bom);
    assert_eq!(streamed.respondents(), 220_000);
    let ragged = streamed
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::RaggedRow)
        .unwrap();
    // Row 777 follows the header (line 1) and 156 two-line answers.
    assert_eq!(ragged.line, Some(2 + 777 + 156));
    assert!(streamed.columns[2]
        .values
        .iter()
        .any(|v| v.starts_with("Nhanh,\nrẻ")));
    assert!(streamed
        .repairs
        .iter()
        .any(|r| r.repaired == "Cách tạo hồ sơ"));
}

#[test]
fn a_large_file_that_is_not_utf8_past_its_start_is_read_whole() {
    let mut bytes = big_export(220_000).into_bytes();
    // Windows-1252 "café" near the end: the first MiB is UTF-8, the file is not.
    let at = bytes.len() - 200;
    bytes.splice(at..at, *b"caf\xE9,");
    let file = TempFile::new("latin.csv", &bytes);
    let dataset = import(&file.0, &ImportOptions::default()).unwrap();
    assert_eq!(
        dataset,
        import_bytes(&bytes, &ImportOptions::default()).unwrap()
    );
    // Detected from the file's first MiB, as UTF-8 with one byte replaced.
    assert!(dataset
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::InvalidBytes));
}

#[test]
fn a_streamed_import_can_be_cancelled_while_parsing() {
    let file = TempFile::new("cancel.csv", big_export(220_000).as_bytes());
    let mut parsing = 0;
    let outcome = import_with(&file.0, &ImportOptions::default(), &mut |p| {
        if p.phase == Phase::Parsing && p.done > 0 {
            parsing += 1;
            return Flow::Cancel;
        }
        Flow::Continue
    });
    assert!(
        matches!(outcome, Err(SurveyError::Cancelled)),
        "{outcome:?}"
    );
    assert_eq!(parsing, 1);
}
