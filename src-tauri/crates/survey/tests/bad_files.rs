//! Hostile and broken input: each gets its own typed error, never a panic.

use std::io::Write;

use persona_survey::{import_bytes, inspect, ImportOptions, SurveyError, MAX_FILE_BYTES};

fn err(bytes: &[u8]) -> SurveyError {
    import_bytes(bytes, &ImportOptions::default()).unwrap_err()
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
    }
    buf.into_inner()
}

fn small_xlsx() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Question").unwrap();
    for r in 1..200u32 {
        ws.write_string(r, 0, format!("answer number {r}")).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn empty_and_blank_files() {
    assert!(matches!(err(b""), SurveyError::Empty));
    assert!(matches!(err(b"\xEF\xBB\xBF"), SurveyError::Empty));
    assert!(matches!(err(b" \r\n\n  "), SurveyError::Empty));
}

#[test]
fn header_without_rows() {
    let e = err(b"Name,Age,Colour\n");
    assert!(
        matches!(e, SurveyError::NoResponses { header_rows: 1 }),
        "{e}"
    );
    // SurveyMonkey's two header rows and nothing else.
    let e = err(b"Respondent ID,Q1\n,Response\n");
    assert!(
        matches!(e, SurveyError::NoResponses { header_rows: 2 }),
        "{e}"
    );
}

#[test]
fn binary_junk() {
    let mut junk = b"\x7fELF\x02\x01\x01".to_vec();
    junk.extend([0u8; 64]);
    let e = err(&junk);
    assert!(
        matches!(e, SurveyError::Binary { offset: 7, byte: 0 }),
        "{e}"
    );
}

#[test]
fn truncated_xlsx() {
    let xlsx = small_xlsx();
    let e = err(&xlsx[..xlsx.len() / 2]);
    assert!(matches!(e, SurveyError::CorruptSpreadsheet { .. }), "{e}");
}

#[test]
fn password_protected_workbook() {
    // Excel encrypts a workbook into an OLE container holding these streams.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    ole.extend([0u8; 64]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let e = err(&ole);
    assert!(matches!(e, SurveyError::PasswordProtected), "{e}");
}

#[test]
fn zip_bomb_inside_xlsx_is_refused_before_expanding() {
    let zeros = vec![b' '; 64 << 20];
    let bomb = zip_with(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/worksheets/sheet1.xml", &zeros),
    ]);
    assert!(
        bomb.len() < 1 << 20,
        "the bomb should be small: {}",
        bomb.len()
    );
    match err(&bomb) {
        SurveyError::ZipBomb {
            entry,
            uncompressed,
            ..
        } => {
            assert_eq!(entry, "xl/worksheets/sheet1.xml");
            assert_eq!(uncompressed, 64 << 20);
        }
        e => panic!("{e}"),
    }
}

#[test]
fn other_zips() {
    let numbers = zip_with(&[
        ("Index/Document.iwa", b"\x00\x01"),
        ("Metadata/x.plist", b""),
    ]);
    assert!(matches!(err(&numbers), SurveyError::AppleNumbers));
    let other = zip_with(&[("readme.txt", b"hello")]);
    assert!(matches!(err(&other), SurveyError::UnknownZip));
}

#[test]
fn huge_file_is_refused_by_size_without_reading() {
    let path = std::env::temp_dir().join(format!("persona-survey-huge-{}.csv", std::process::id()));
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: 2 GiB on paper, nothing written.
    file.set_len(2 << 30).unwrap();
    drop(file);
    let result = inspect(&path, &ImportOptions::default());
    std::fs::remove_file(&path).unwrap();
    match result {
        Err(SurveyError::TooLarge { size, limit }) => {
            assert_eq!(size, 2 << 30);
            assert_eq!(limit, MAX_FILE_BYTES);
        }
        other => panic!("{other:?}"),
    }
    let small_limit = ImportOptions {
        max_bytes: 10,
        ..ImportOptions::default()
    };
    assert!(matches!(
        import_bytes(b"a,b\n1,2\n3,4\n", &small_limit),
        Err(SurveyError::TooLarge {
            size: 12,
            limit: 10
        })
    ));
}

#[test]
fn missing_file_and_sheet_and_bad_options() {
    let e = inspect(
        std::path::Path::new("/nonexistent/survey.csv"),
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e, SurveyError::Io { .. }), "{e}");
    let sheet = ImportOptions {
        sheet: Some("Responses".into()),
        ..ImportOptions::default()
    };
    match import_bytes(&small_xlsx(), &sheet).unwrap_err() {
        SurveyError::SheetNotFound { sheet, available } => {
            assert_eq!(sheet, "Responses");
            assert_eq!(available, vec!["Sheet1".to_string()]);
        }
        e => panic!("{e}"),
    }
    let enc = ImportOptions {
        encoding: Some("klingon".into()),
        ..ImportOptions::default()
    };
    assert!(matches!(
        import_bytes(b"a\n1\n", &enc),
        Err(SurveyError::UnknownEncoding { .. })
    ));
    let rows = ImportOptions {
        header_rows: Some(9),
        ..ImportOptions::default()
    };
    assert!(matches!(
        import_bytes(b"a\n1\n", &rows),
        Err(SurveyError::BadOption {
            option: "header_rows",
            ..
        })
    ));
}

#[test]
fn random_bytes_never_panic() {
    // A fixed linear congruential generator: the same inputs every run.
    let mut state: u64 = 0x5eed;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as u8
    };
    let alphabet = b"a,;|\t\"\n\r 1.\xc3\xa9\xe2\x80\x9c\xff";
    for round in 0..300 {
        let len = (next() as usize * 3) % 400;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let b = next();
                if round % 3 == 0 {
                    b
                } else {
                    alphabet[b as usize % alphabet.len()]
                }
            })
            .collect();
        let _ = import_bytes(&bytes, &ImportOptions::default());
    }
    // Truncations of a real workbook at every 97th byte.
    let xlsx = small_xlsx();
    for cut in (0..xlsx.len()).step_by(97) {
        assert!(import_bytes(&xlsx[..cut], &ImportOptions::default()).is_err());
    }
}
