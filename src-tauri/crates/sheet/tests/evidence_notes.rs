//! Evidence on the sheet (numbered markers and a notes band, read back with
//! pdftotext), modules placed below the template's last row, and names that must not
//! break inside a word.

mod common;

use chrono::NaiveDate;
use common::{attach, fonts, input, list_items, run, samples, scratch};
use persona_model::{
    Brand, DatasetId, EvidenceSource, GridArea, Module, ModuleBody, Orientation, PageSize, Persona,
    SurveyRef,
};
use persona_sheet::{export_pdf, NoAssets, PageOptions, SheetOptions, Warning};

fn pdf_text(name: &str, bytes: &[u8], page: Option<usize>) -> String {
    let path = scratch("notes").join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    let path = path.to_string_lossy().into_owned();
    let mut args = vec!["-raw", "-enc", "UTF-8"];
    let n;
    if let Some(p) = page {
        n = p.to_string();
        args.extend(["-f", &n, "-l", &n]);
    }
    args.extend([path.as_str(), "-"]);
    run("pdftotext", &args)
}

fn survey() -> SurveyRef {
    SurveyRef {
        dataset: DatasetId(uuid::Uuid::nil()),
        dataset_name: "Shopper survey 2026".into(),
        question: "q4".into(),
        question_text: "What matters most when you buy?".into(),
        collected: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
    }
}

fn statistic(option: &str, count: u64, n: u64) -> EvidenceSource {
    EvidenceSource::Statistic {
        survey: survey(),
        options: vec![option.into()],
        segment: None,
        count,
        n,
        percent: 100.0 * count as f64 / n as f64,
        ci_low: 40.0,
        ci_high: 60.0,
    }
}

/// The sheet of `p` on `t` with the default brand and options.
fn sheet_pdf(p: &Persona, t: &persona_model::Template) -> persona_sheet::PdfExport {
    export_pdf(
        &input(p, t, &Brand::default()),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap()
}

#[test]
fn evidenced_fields_carry_numbered_markers_and_the_sheet_lists_their_sources() {
    let t = samples::template("user-persona");
    let mut p = samples::persona("user-persona", "en");
    let goal = list_items(&p, "goals")[1].clone();
    // Attached out of reading order on purpose: numbers follow the sheet, not time.
    attach(&mut p, "goals/1", statistic("Price", 31, 50));
    attach(
        &mut p,
        "quote",
        EvidenceSource::Manual {
            name: "Interview with Ana".into(),
            date: NaiveDate::from_ymd_opt(2026, 3, 2),
            url: None,
            note: String::new(),
        },
    );
    attach(
        &mut p,
        "goals/1",
        EvidenceSource::Manual {
            name: "Checkout analytics".into(),
            date: None,
            url: Some("https://example.com/report".into()),
            note: String::new(),
        },
    );
    attach(&mut p, "bio", statistic("Weekly", 44, 120));
    let pdf = sheet_pdf(&p, &t);
    assert_eq!(pdf.pages, 1);
    assert!(
        pdf.warnings
            .iter()
            .all(|w| !matches!(w, Warning::NotesCut { .. } | Warning::Truncated { .. })),
        "{:?}",
        pdf.warnings
    );
    let text = pdf_text("notes", &pdf.bytes, None);
    // Markers sit right after what they support: the quote first, then the bio (a
    // whole module: on its title), then the goal, which has two sources and one note.
    assert!(text.contains("”¹"), "no marker after the quote:\n{text}");
    assert!(
        text.contains("BIO²"),
        "no marker on the bio's title:\n{text}"
    );
    let goal_words: Vec<&str> = goal.split_whitespace().collect();
    let last_word = goal_words.last().unwrap();
    assert!(
        text.contains(&format!("{last_word}³")),
        "no marker after “{goal}”:\n{text}"
    );
    assert!(
        !text.contains('⁴'),
        "one note per field, not per source:\n{text}"
    );
    // The notes band, numbered, in order, after the modules' text.
    let band = text
        .rfind("Interview with Ana")
        .expect("the quote's source is listed");
    let one = text[..band].rfind('1').unwrap();
    assert!(
        text[one..band].trim() == "1",
        "note 1 is not numbered: {:?}",
        &text[one..band + 20]
    );
    let two = text
        .find("Shopper survey 2026 — Weekly: 37% (44 of 120; 95% CI 40–60%)")
        .expect("note 2");
    let three = text.find("Shopper survey 2026 — Price: 62% (31 of 50; 95% CI 40–60%); Checkout analytics, https://example.com/report").expect("note 3 joins both sources");
    assert!(band < two && two < three, "notes out of order:\n{text}");
    let last_module = text.find("BRANDS").unwrap();
    assert!(
        last_module < band,
        "the notes come after the modules:\n{text}"
    );
}

#[test]
fn a_persona_without_evidence_has_no_notes_band_and_keeps_its_layout() {
    let t = samples::template("user-persona");
    let p = samples::persona("user-persona", "en");
    let pdf = sheet_pdf(&p, &t);
    let text = pdf_text("no-notes", &pdf.bytes, None);
    for mark in ['¹', '²', '³'] {
        assert!(!text.contains(mark), "unexpected marker {mark}:\n{text}");
    }
}

#[test]
fn more_notes_than_the_band_holds_are_counted_and_reported() {
    let t = samples::template("user-persona");
    let mut p = samples::persona("user-persona", "en");
    let goals = list_items(&p, "goals").len();
    let frustrations = list_items(&p, "frustrations").len();
    for i in 0..goals {
        attach(
            &mut p,
            &format!("goals/{i}"),
            statistic(&format!("Goal option {i}"), 20 + i as u64, 80),
        );
    }
    for i in 0..frustrations {
        attach(
            &mut p,
            &format!("frustrations/{i}"),
            statistic(&format!("Frustration option {i}"), 10, 80),
        );
    }
    for i in 0..4 {
        attach(
            &mut p,
            &format!("facts/{i}"),
            statistic("Some fact", 12, 90),
        );
    }
    let total = goals + frustrations + 4;
    assert!(
        total > 9,
        "the sample needs more notes than the band's lines ({total})"
    );
    let pdf = sheet_pdf(&p, &t);
    let cut = pdf.warnings.iter().find_map(|w| match w {
        Warning::NotesCut { shown, total } => Some((*shown, *total)),
        _ => None,
    });
    let (shown, reported_total) = cut.expect("a NotesCut warning");
    assert_eq!(reported_total, total);
    assert!(shown >= 4 && shown < total, "shown {shown} of {total}");
    let text = pdf_text("many-notes", &pdf.bytes, None);
    assert!(
        text.contains(&format!("+ {} more source notes", total - shown)),
        "the band says how many notes are not on it:\n{text}"
    );
}

#[test]
fn modules_below_the_templates_last_row_go_on_a_second_grid_page() {
    let t = samples::template("user-persona");
    let mut p = samples::persona("user-persona", "en");
    let rows = t.grid.rows;
    p.modules.push(Module {
        id: "extra".into(),
        title: "Below the edge".into(),
        hint: String::new(),
        area: GridArea {
            col: 0,
            row: rows + 1,
            cols: 6,
            rows: 2,
        },
        body: ModuleBody::Text {
            text: "This module was placed under the page edge in the editor.".into(),
        },
    });
    let pdf = sheet_pdf(&p, &t);
    assert_eq!(pdf.pages, 2, "{:?}", pdf.warnings);
    let first = pdf_text("edge-1", &pdf.bytes, Some(1));
    let second = pdf_text("edge-2", &pdf.bytes, Some(2));
    assert!(
        !first.contains("BELOW THE EDGE"),
        "the module overlaps page 1:\n{first}"
    );
    assert!(second.contains("BELOW THE EDGE"), "{second}");
    assert!(second.contains("placed under the page edge"), "{second}");
    assert!(
        second.contains("1 / 2") || second.contains("2 / 2"),
        "{second}"
    );
    // Page 1 is exactly what it was without the extra module.
    p.modules.pop();
    let alone = sheet_pdf(&p, &t);
    let alone_text = pdf_text("edge-alone", &alone.bytes, Some(1));
    let strip = |s: &str| s.replace(char::is_whitespace, "").replace("·1/2", "");
    assert_eq!(strip(&first), strip(&alone_text));
}

#[test]
fn long_names_and_labels_shrink_instead_of_breaking_inside_a_word() {
    let t = samples::template("user-persona");
    let brand = Brand::default();
    for name in [
        "Žygimantas Vaitkevičius",
        "Константинопольский",
        "Nguyễn Thị Phương Thảo",
    ] {
        let mut p = samples::persona("user-persona", "lt");
        p.name = name.into();
        let options = SheetOptions {
            page: PageOptions {
                size: Some(PageSize::A4),
                orientation: Some(Orientation::Portrait),
            },
            ..SheetOptions::default()
        };
        let pdf = export_pdf(&input(&p, &t, &brand), &options, fonts(), &NoAssets).unwrap();
        let text = pdf_text("long-name", &pdf.bytes, Some(1));
        let mut words: Vec<&str> = name.split_whitespace().collect();
        // Slider labels in a narrow column keep their words whole too.
        words.extend(["Adventurous", "Extrovert"]);
        for word in words {
            assert!(
                text.lines().any(|l| l.contains(word)),
                "“{word}” is broken across lines on A4 portrait:\n{}",
                text.lines().take(8).collect::<Vec<_>>().join("\n")
            );
        }
    }
}
