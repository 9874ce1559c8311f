//! Dialects and encodings with no real public sample, generated here
//! following each tool's documented layout.

mod common;

use common::{count, question};
use persona_survey::{
    import_bytes, inspect_bytes, ImportOptions, Layout, QuestionKind, Tool, WarningCode,
};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use QuestionKind::*;

fn inspect(bytes: &[u8]) -> persona_survey::Inspection {
    inspect_bytes(bytes, &ImportOptions::default()).unwrap()
}

#[test]
fn jotform_submission_date() {
    let csv = "Submission Date,Full Name,E-mail,How did you hear about us?,Submission ID\n\
        2024-05-01 10:00:00,Ann Lee,ann@example.org,Friend,5912\n\
        2024-05-01 11:30:00,Bo Chen,bo@example.org,Search,5913\n\
        2024-05-02 09:15:00,Cy Diaz,cy@example.org,Friend,5914\n\
        2024-05-03 16:45:00,Di Eko,di@example.org,Friend,5915\n";
    let i = inspect(csv.as_bytes());
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::Jotform, 1, 4)
    );
    assert_eq!(question(&i, "Submission Date").kind, Datetime);
    assert_eq!(question(&i, "Full Name").kind, Personal);
    assert_eq!(question(&i, "E-mail").kind, Personal);
    assert!(question(&i, "E-mail").options.is_empty());
    assert_eq!(question(&i, "Submission ID").kind, Id);
    assert_eq!(count(question(&i, "How did you hear"), "Friend"), 3);
}

#[test]
fn tally_submission_and_respondent_ids() {
    let csv = "Submission ID,Respondent ID,Submitted at,Which plan?,Features you use\n\
        mRkq1a,w2Lp9z,2024-06-01 08:00:00,Pro,\"Export, Sharing\"\n\
        nB7x2b,x9Kd3q,2024-06-01 09:00:00,Free,Export\n\
        pQ4r8c,y1Hs7w,2024-06-02 10:00:00,Pro,\"Sharing, Search\"\n\
        qZ6t1d,z5Jv2e,2024-06-03 11:00:00,Pro,\"Export, Search, Sharing\"\n";
    let i = inspect(csv.as_bytes());
    assert_eq!((i.tool, i.header_rows, i.respondents), (Tool::Tally, 1, 4));
    assert_eq!(question(&i, "Submission ID").kind, Id);
    assert_eq!(question(&i, "Respondent ID").kind, Id);
    assert_eq!(question(&i, "Submitted at").kind, Datetime);
    let features = question(&i, "Features you use");
    assert_eq!(features.kind, MultipleChoice);
    assert_eq!(
        (
            count(features, "Export"),
            count(features, "Sharing"),
            count(features, "Search")
        ),
        (3, 3, 2)
    );
}

/// A native Microsoft Forms workbook: real date cells, ";"-joined
/// multi-select with the trailing ";" Forms writes.
fn microsoft_forms_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").unwrap();
    let header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Which drinks do you like?",
        "How likely are you to recommend us?",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let fmt = Format::new().set_num_format("m/d/yy h:mm");
    let rows = [
        ("Tea;Coffee;", 9.0),
        ("Coffee;", 10.0),
        ("Tea;Juice;", 7.0),
        ("Coffee;Juice;", 9.0),
        ("Tea;", 3.0),
    ];
    for (r, (drinks, nps)) in rows.iter().enumerate() {
        let row = r as u32 + 1;
        ws.write_number(row, 0, row as f64).unwrap();
        let t = ExcelDateTime::parse_from_str(&format!("2024-09-0{row} 11:27:00")).unwrap();
        ws.write_datetime_with_format(row, 1, &t, &fmt).unwrap();
        ws.write_datetime_with_format(row, 2, &t, &fmt).unwrap();
        ws.write_string(row, 3, "anonymous").unwrap();
        ws.write_string(row, 5, *drinks).unwrap();
        ws.write_number(row, 6, *nps).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn microsoft_forms_native_xlsx() {
    let bytes = microsoft_forms_xlsx();
    let d = import_bytes(&bytes, &ImportOptions::default()).unwrap();
    assert_eq!(
        (d.source.tool, d.source.format.as_str()),
        (Tool::MicrosoftForms, "xlsx")
    );
    assert_eq!(d.source.delimiter, None);
    assert_eq!(d.columns[1].get(0), Some("2024-09-01 11:27:00"));
    let i = persona_survey::inspection(&d);
    assert_eq!(i.respondents, 5);
    assert_eq!(question(&i, "ID").kind, Id);
    assert_eq!(question(&i, "Start time").kind, Datetime);
    assert_eq!(question(&i, "Email").kind, Personal);
    let drinks = question(&i, "Which drinks");
    assert_eq!(drinks.kind, MultipleChoice);
    assert_eq!(
        (
            count(drinks, "Tea"),
            count(drinks, "Coffee"),
            count(drinks, "Juice")
        ),
        (3, 3, 2)
    );
    let nps = question(&i, "How likely");
    assert_eq!(nps.kind, Scale);
    assert_eq!(count(nps, "9"), 2);
}

const SURVEYMONKEY_ROWS: [[&str; 14]; 5] = [
    [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
        "How satisfied are you?",
        "Which features do you use?",
        "",
        "",
        "",
    ],
    [
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "Response",
        "Search",
        "Export",
        "Sharing",
        "Other (please specify)",
    ],
    [
        "11432189765",
        "431234567",
        "06/01/2024 10:01:22 AM",
        "06/01/2024 10:04:10 AM",
        "203.0.113.7",
        "ann@example.org",
        "Ann",
        "Lee",
        "",
        "Very satisfied",
        "Search",
        "",
        "Sharing",
        "",
    ],
    [
        "11432189766",
        "431234567",
        "06/01/2024 11:11:02 AM",
        "06/01/2024 11:15:40 AM",
        "203.0.113.8",
        "",
        "",
        "",
        "",
        "Satisfied",
        "",
        "Export",
        "",
        "a plugin",
    ],
    [
        "11432189767",
        "431234567",
        "06/02/2024 09:00:00 AM",
        "06/02/2024 09:03:00 AM",
        "198.51.100.2",
        "cy@example.org",
        "Cy",
        "Diaz",
        "",
        "Very satisfied",
        "Search",
        "Export",
        "Sharing",
        "",
    ],
];

fn assert_surveymonkey(i: &persona_survey::Inspection) {
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::SurveyMonkey, 2, 3)
    );
    for (name, kind) in [
        ("Respondent ID", Id),
        ("Collector ID", Id),
        ("Start Date", Datetime),
        ("End Date", Datetime),
        ("IP Address", Personal),
        ("Email Address", Personal),
        ("First Name", Personal),
        ("Last Name", Personal),
    ] {
        assert_eq!(question(i, name).kind, kind, "{name}");
    }
    let features = question(i, "Which features do you use?");
    assert_eq!(features.kind, MultipleChoice);
    assert_eq!(features.columns, vec![10, 11, 12]);
    assert_eq!(
        (
            count(features, "Search"),
            count(features, "Export"),
            count(features, "Sharing")
        ),
        (2, 2, 2)
    );
    let other = question(i, "Which features do you use? — Other (please specify)");
    assert_eq!(other.columns, vec![13]);
    assert_eq!(count(question(i, "How satisfied"), "Very satisfied"), 2);
}

#[test]
fn surveymonkey_full_metadata_csv_and_xlsx() {
    let csv: String = SURVEYMONKEY_ROWS
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| {
                    if c.contains(',') {
                        format!("\"{c}\"")
                    } else {
                        c.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(",")
                + "\r\n"
        })
        .collect();
    assert_surveymonkey(&inspect(csv.as_bytes()));

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in SURVEYMONKEY_ROWS.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    let xlsx = wb.save_to_buffer().unwrap();
    let i = inspect(&xlsx);
    assert_eq!(i.delimiter, None);
    assert_surveymonkey(&i);
}

const RUSSIAN: &str = "Город,Как часто вы покупаете онлайн?,Что для вас важнее всего?\n\
    Москва,Каждую неделю,Низкая цена и быстрая доставка\n\
    Казань,Раз в месяц,Качество товара\n\
    Новосибирск,Каждую неделю,Отзывы других покупателей\n\
    Москва,Редко,Низкая цена и быстрая доставка\n\
    Самара,Раз в месяц,Удобный возврат товара\n";

fn encode(enc: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, errors) = enc.encode(text);
    assert!(!errors, "{} cannot encode the sample", enc.name());
    bytes.into_owned()
}

#[test]
fn cyrillic_code_pages_are_told_apart() {
    for enc in [
        encoding_rs::WINDOWS_1251,
        encoding_rs::KOI8_R,
        encoding_rs::X_MAC_CYRILLIC,
    ] {
        let i = inspect(&encode(enc, RUSSIAN));
        assert_eq!(i.encoding, enc.name());
        let q = question(&i, "Как часто вы покупаете онлайн?");
        assert_eq!(count(q, "Каждую неделю"), 2, "{}", enc.name());
    }
}

#[test]
fn chinese_gbk_and_big5() {
    let simplified = "性别,您的年龄,您最常使用的购物平台\n女,18-20岁,淘宝\n男,21-23岁,京东\n女,18-20岁,拼多多\n女,24岁及以上,淘宝\n男,18-20岁,淘宝\n";
    let i = inspect(&encode(encoding_rs::GBK, simplified));
    assert_eq!(i.encoding, "GBK");
    assert_eq!(count(question(&i, "您最常使用的购物平台"), "淘宝"), 3);
    let traditional = "性別,您的年齡,您最常使用的購物平台\n女,18-20歲,蝦皮購物\n男,21-23歲,露天拍賣\n女,18-20歲,蝦皮購物\n女,24歲以上,momo購物網\n男,18-20歲,蝦皮購物\n";
    let i = inspect(&encode(encoding_rs::BIG5, traditional));
    assert_eq!(i.encoding, "Big5");
    assert_eq!(count(question(&i, "您最常使用的購物平台"), "蝦皮購物"), 3);
}

#[test]
fn baltic_vietnamese_and_western_code_pages() {
    let lithuanian = "Lytis,Amžius,Kaip dažnai sportuojate?,Kokią įtaką sveikatai daro mityba?\n\
        Moteris,34,Kartą per savaitę,Labai didelę įtaką nes valgau daržoves\n\
        Vyras,51,Niekada,Mažą įtaką; gyvenu kaime ir dirbu ūkyje\n\
        Moteris,27,Kartą per savaitę,Didelę įtaką sveikatos būklei ir nuotaikai\n\
        Vyras,45,Kasdien,Nežinau; gydytojų patarimų nesilaikau\n\
        Moteris,62,Retai,Vidutinę įtaką; mėgstu žuvį ir uogas\n";
    let i = inspect(&encode(encoding_rs::WINDOWS_1257, lithuanian));
    assert_eq!(i.encoding, "windows-1257");
    assert_eq!(
        count(
            question(&i, "Kaip dažnai sportuojate?"),
            "Kartą per savaitę"
        ),
        2
    );
    let polish = "Płeć,Wiek,Jak często robisz zakupy przez internet?\n\
        Kobieta,34,Raz w tygodniu; zwykle wieczorem\n\
        Mężczyzna,51,Rzadko, bo wolę sklepy\n\
        Kobieta,27,Raz w tygodniu; zwykle wieczorem\n\
        Mężczyzna,45,Codziennie, jeśli są zniżki\n";
    let i = inspect(&encode(
        encoding_rs::WINDOWS_1250,
        &polish.replace(", ", " "),
    ));
    assert_eq!(i.encoding, "windows-1250");
    assert_eq!(count(question(&i, "Płeć"), "Kobieta"), 2);
    // Windows-1258 writes Vietnamese tones as combining marks.
    let vietnamese = "Gio\u{301}i ti\u{301}nh,Ba\u{323}n mua ha\u{300}ng o\u{309} đâu?\n\
        Nư\u{303},Trên ma\u{323}ng\nNam,Cư\u{309}a ha\u{300}ng\nNư\u{303},Trên ma\u{323}ng\nNư\u{303},Trên ma\u{323}ng\n";
    let i = inspect(&encode(encoding_rs::WINDOWS_1258, vietnamese));
    assert_eq!(i.encoding, "windows-1258");
    assert_eq!(count(question(&i, "Ba\u{323}n mua"), "Trên ma\u{323}ng"), 3);
    let french = "Âge,Où achetez-vous ?,Remarque\n25,Marché,“Très” bien – merci\n31,Supermarché,Prix élevés\n44,Marché,Qualité\n";
    let i = inspect(&encode(encoding_rs::WINDOWS_1252, french));
    assert_eq!(i.encoding, "windows-1252");
    assert_eq!(count(question(&i, "Où achetez-vous ?"), "Marché"), 2);
}

#[test]
fn utf16_tsv_as_excel_unicode_text_writes_it() {
    let tsv = "Name\tWie oft kaufen Sie online?\tAlter\nAnna\tJede Woche\t31\nBernd\tSelten\t45\nCleo\tJede Woche\t28\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(tsv.encode_utf16().flat_map(u16::to_le_bytes));
    let i = inspect(&le);
    assert_eq!(
        (i.encoding.as_str(), i.delimiter.as_deref()),
        ("UTF-16LE", Some("\t"))
    );
    assert_eq!(count(question(&i, "Wie oft"), "Jede Woche"), 2);
    assert_eq!(question(&i, "Name").kind, Personal);
    let be: Vec<u8> = tsv.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let i = inspect(&be);
    assert_eq!(i.encoding, "UTF-16BE");
    assert_eq!(i.respondents, 3);
}

#[test]
fn semicolon_and_pipe_delimiters_with_quoted_newlines() {
    let csv = "Frage;Kommentar\nJa;\"zwei\nZeilen; mit Semikolon\"\nNein;kurz\nJa;\"noch\neine\"\n";
    let i = inspect(csv.as_bytes());
    assert_eq!(i.delimiter.as_deref(), Some(";"));
    assert_eq!(i.respondents, 3);
    assert_eq!(count(question(&i, "Frage"), "Ja"), 2);
    let d = import_bytes(csv.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(d.columns[1].get(0), Some("zwei\nZeilen; mit Semikolon"));
    // Each respondent's record starts where the file says.
    assert_eq!(d.lines, vec![2, 4, 5]);
    let psv = "a|b\n1|x\n2|y\n3|x\n";
    assert_eq!(inspect(psv.as_bytes()).delimiter.as_deref(), Some("|"));
}

#[test]
fn ragged_rows_are_reported_with_their_lines() {
    let csv = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n";
    let i = inspect(csv.as_bytes());
    assert_eq!(i.respondents, 4);
    let lines: Vec<Option<u64>> = i
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::RaggedRow)
        .map(|w| w.line)
        .collect();
    assert_eq!(lines, vec![Some(3), Some(4)]);
}

#[test]
fn mojibake_is_repaired_and_the_original_kept() {
    let csv = "Câu hỏi,Ghi chú\nCÃ¡ch táº¡o há»“ sÆ¡,ok\nCách tạo hồ sơ,ok\nKhác,ok\n";
    let d = import_bytes(csv.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(d.repairs.len(), 1);
    let r = &d.repairs[0];
    assert_eq!(
        (r.original.as_str(), r.repaired.as_str(), r.column, r.line),
        ("CÃ¡ch táº¡o há»“ sÆ¡", "Cách tạo hồ sơ", Some(0), 2)
    );
    // The repaired cell and the intact one are the same answer now.
    assert_eq!(d.columns[0].codes[0], d.columns[0].codes[1]);
    assert!(d
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::MojibakeRepaired));
    let off = ImportOptions {
        repair_mojibake: false,
        ..ImportOptions::default()
    };
    let d = import_bytes(csv.as_bytes(), &off).unwrap();
    assert!(d.repairs.is_empty());
    assert_eq!(d.columns[0].get(0), Some("CÃ¡ch táº¡o há»“ sÆ¡"));
}

#[test]
fn overrides_win_over_detection() {
    let csv = "Timestamp;Colours;Score\n2024-01-01 10:00;red|blue;4\n2024-01-02 11:00;blue;5\n2024-01-03 12:00;red;3\n2024-01-04 09:00;red|blue;4\n";
    let mut options = ImportOptions {
        delimiter: Some(';'),
        tool: Some(Tool::Generic),
        encoding: Some("windows-1252".into()),
        ..ImportOptions::default()
    };
    options.kinds.insert("q3".into(), Numeric);
    options.kinds.insert("q2".into(), SingleChoice);
    let d = import_bytes(csv.as_bytes(), &options).unwrap();
    assert_eq!(d.source.tool, Tool::Generic);
    assert_eq!(d.source.encoding, "windows-1252");
    let score = d.question("q3").unwrap();
    assert_eq!((score.kind, score.detected_kind), (Numeric, Scale));
    let colours = d.question("q2").unwrap();
    assert_eq!(
        (colours.kind, colours.detected_kind),
        (SingleChoice, MultipleChoice)
    );
    assert_eq!(colours.layout, Layout::Column { column: 1 });
    let two_rows = ImportOptions {
        header_rows: Some(2),
        ..ImportOptions::default()
    };
    let d = import_bytes(csv.as_bytes(), &two_rows).unwrap();
    assert_eq!((d.source.header_rows, d.respondents()), (2, 3));
}

#[test]
fn dataset_round_trips_through_json_and_fingerprints_are_stable() {
    let a = "Q1,Q2\nyes,1\nno,2\nyes,3\n";
    let b = "Q1,Q2\nyes,1\nno,2\nyes,3\nno,4\n";
    let da = import_bytes(a.as_bytes(), &ImportOptions::default()).unwrap();
    let db = import_bytes(b.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(da.survey_fingerprint, db.survey_fingerprint);
    assert_ne!(da.content_fingerprint, db.content_fingerprint);
    let json = serde_json::to_string(&da).unwrap();
    let back: persona_survey::Dataset = serde_json::from_str(&json).unwrap();
    assert_eq!(back, da);
}

#[test]
fn a_workbook_lists_its_worksheets_and_any_of_them_can_be_read() {
    let mut wb = Workbook::new();
    // An empty cover sheet first: the first sheet with data is read by default.
    wb.add_worksheet().set_name("Обложка").unwrap();
    let answers = wb.add_worksheet().set_name("Responses").unwrap();
    answers.write_string(0, 0, "Channel").unwrap();
    for r in 1..=30u32 {
        answers
            .write_string(r, 0, ["Zalo", "Search", "Email"][r as usize % 3])
            .unwrap();
    }
    let summary = wb.add_worksheet().set_name("Summary").unwrap();
    summary.write_string(0, 0, "Question").unwrap();
    summary.write_string(1, 0, "Channel").unwrap();
    summary.write_string(2, 0, "Age").unwrap();
    let xlsx = wb.save_to_buffer().unwrap();

    let d = import_bytes(&xlsx, &ImportOptions::default()).unwrap();
    assert_eq!(d.source.sheet.as_deref(), Some("Responses"));
    assert_eq!(d.source.sheets, ["Обложка", "Responses", "Summary"]);
    assert_eq!(d.respondents(), 30);

    let other = ImportOptions {
        sheet: Some("Summary".into()),
        ..ImportOptions::default()
    };
    let d = import_bytes(&xlsx, &other).unwrap();
    assert_eq!(d.source.sheet.as_deref(), Some("Summary"));
    assert_eq!(d.source.sheets.len(), 3);
    assert_eq!(d.respondents(), 2);

    // A text file has no worksheets.
    let d = import_bytes(b"Channel\nZalo\nSearch\n", &ImportOptions::default()).unwrap();
    assert!(d.source.sheets.is_empty());
}
