//! Every real export in shared/fixtures/surveys, imported in place. The
//! expected numbers were computed independently with Python's csv module
//! (and openpyxl for the XLSX files), not by this crate.

mod common;

use common::{assert_kind, count, fixture, inspect_fixture, question};
use persona_survey::{import, ImportOptions, QuestionKind, SurveyError, Tool};

use QuestionKind::*;

#[test]
fn surveymonkey_star_wars_mac_roman_two_header_rows() {
    let Some(i) = inspect_fixture("fivethirtyeight_surveymonkey/StarWars.csv") else {
        return;
    };
    assert_eq!(i.tool, Tool::SurveyMonkey);
    assert_eq!(i.encoding, "macintosh");
    assert_eq!(i.delimiter.as_deref(), Some(","));
    assert_eq!(i.header_rows, 2);
    assert_eq!(i.respondents, 1186);
    assert_kind(&i, "RespondentID", Id);
    let seen = question(&i, "Have you seen any of the 6 films");
    assert_eq!(seen.kind, SingleChoice);
    assert_eq!((count(seen, "Yes"), count(seen, "No")), (936, 250));
    // The checkbox question spread over six columns is ONE question.
    let films = question(&i, "Which of the following Star Wars films have you seen?");
    assert_eq!(films.kind, MultipleChoice);
    assert_eq!(films.columns, vec![3, 4, 5, 6, 7, 8]);
    assert_eq!(films.answered, 835);
    let counts: Vec<u64> = films.options.iter().map(|o| o.count).collect();
    assert_eq!(counts, vec![673, 571, 550, 607, 758, 738]);
    // The ranking matrix becomes one scale question per film.
    let rank = question(&i, "Please rank the Star Wars films");
    assert_eq!(rank.kind, Scale);
    assert!(rank
        .text
        .ends_with("— Star Wars: Episode I  The Phantom Menace"));
    assert_eq!(count(rank, "1"), 129);
    // The Mac Roman bytes 0x8C 0xE6 decode as "åÊ".
    assert!(i
        .questions
        .iter()
        .any(|q| q.text.ends_with("Expanded Universe?åÊ")));
}

#[test]
fn surveymonkey_steak_br_in_header() {
    let Some(i) = inspect_fixture("fivethirtyeight_surveymonkey/steak-risk-survey.csv") else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::SurveyMonkey, 2, 550)
    );
    assert_eq!(i.encoding, "UTF-8");
    let lottery = question(&i, "Consider the following hypothetical situations: <br>");
    assert_eq!(lottery.kind, SingleChoice);
    let steak = question(&i, "Do you eat steak?");
    assert_eq!(
        (count(steak, "Yes"), count(steak, "No"), steak.missing),
        (430, 109, 11)
    );
}

#[test]
fn google_forms_csv_and_xlsx_agree() {
    let Some(csv) = inspect_fixture(
        "googleforms_rstudio_community/2019 Spanish R Community Survey Responses.csv",
    ) else {
        return;
    };
    let Some(xlsx) = inspect_fixture(
        "googleforms_rstudio_community/2019 Spanish R Community Survey Responses.xlsx",
    ) else {
        return;
    };
    assert_eq!(
        (csv.tool, csv.header_rows, csv.respondents),
        (Tool::GoogleForms, 1, 338)
    );
    assert_eq!(
        (xlsx.tool, xlsx.header_rows, xlsx.respondents),
        (Tool::GoogleForms, 1, 338)
    );
    assert_eq!(xlsx.delimiter, None);
    assert_eq!(xlsx.encoding, "UTF-8");
    assert!(xlsx.warnings.is_empty(), "{:?}", xlsx.warnings);
    assert_kind(&csv, "Timestamp", Datetime);
    assert_kind(&xlsx, "Timestamp", Datetime);
    let level = question(&csv, "¿Cómo calificarías tu nivel de experiencia");
    assert_eq!(level.kind, SingleChoice);
    assert_eq!(count(level, "Intermedio"), 185);
    assert_eq!(count(level, "Sin experiencia"), 7);
    for i in [&csv, &xlsx] {
        let apps = question(i, "¿Para qué aplicaciones usas R más frecuentemente?");
        assert_eq!(apps.kind, MultipleChoice);
        assert_eq!(count(apps, "Análisis estadístico"), 292);
        assert_eq!(apps.answered, 331);
    }
    // Same kinds and option counts whatever the container.
    for (a, b) in csv.questions.iter().zip(&xlsx.questions) {
        assert_eq!(a.kind, b.kind, "{}", a.text);
        assert_eq!(a.options, b.options, "{}", a.text);
    }
}

#[test]
fn qualtrics_uw_three_header_rows_and_comma_multiselect() {
    let Some(i) = inspect_fixture("qualtrics_uw_open_source/survey_data.csv") else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::Qualtrics, 3, 384)
    );
    let affiliated = i.questions.iter().find(|q| q.id == "QID2").unwrap();
    assert_eq!(
        (count(affiliated, "Yes"), count(affiliated, "No")),
        (381, 3)
    );
    let benefits = i.questions.iter().find(|q| q.id == "QID18").unwrap();
    assert!(benefits.text.starts_with("8. What do you perceive"));
    assert_eq!(benefits.kind, MultipleChoice);
    assert_eq!(count(benefits, "Reproducibility"), 164);
    assert_eq!(benefits.answered, 322);
    let name = i.questions.iter().find(|q| q.id == "QID1").unwrap();
    assert_eq!(name.kind, Personal, "1. Name (first and last):");
    assert!(name.options.is_empty());
    assert_eq!(
        i.questions
            .iter()
            .find(|q| q.id == "IPAddress")
            .unwrap()
            .kind,
        Personal
    );
}

#[test]
fn qualtrics_german_sample_and_legacy_with_bom() {
    let Some(i) = inspect_fixture("qualtrics_qualtRics/sample.csv") else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::Qualtrics, 3, 1)
    );
    assert_eq!(
        i.questions
            .iter()
            .find(|q| q.id == "StartDate")
            .unwrap()
            .text,
        "Anfangsdatum"
    );
    assert_eq!(
        i.questions.iter().find(|q| q.id == "Q2").unwrap().kind,
        Text
    );
    let Some(path) = fixture("qualtrics_qualtRics/sample_legacy.csv") else {
        return;
    };
    let d = import(&path, &ImportOptions::default()).unwrap();
    assert_eq!((d.source.tool, d.source.header_rows), (Tool::Qualtrics, 2));
    assert!(d.source.bom);
    assert_eq!(d.source.encoding, "UTF-8");
    assert_eq!(d.respondents(), 1);
    // The trailing empty column of the legacy format is not a question.
    assert_eq!(d.questions.len(), 15);
    assert_eq!(d.questions[0].id, "ResponseID");
    assert_eq!(
        d.question("Q2").unwrap().text,
        "This is a free text question."
    );
}

#[test]
fn qualtrics_insights_multi_column_checkboxes() {
    let Some(i) = inspect_fixture("qualtrics_QualtricsTools/Sample_Survey (Insights).csv") else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::Qualtrics, 3, 5)
    );
    let fruits = i.questions.iter().find(|q| q.id == "Q2").unwrap();
    assert_eq!(fruits.kind, MultipleChoice);
    assert_eq!(fruits.columns, vec![12, 13, 14]);
    assert_eq!(count(fruits, "Oranges"), 5);
    assert_eq!(count(fruits, "Blueberries"), 4);
    assert_eq!(count(fruits, "Strawberries"), 5);
    // Matrix rows stay separate questions.
    assert!(i.questions.iter().any(|q| q.id == "Q3_1"));
    // Duplicate export tags get distinct ids.
    let ids: std::collections::BTreeSet<&str> = i.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), i.questions.len());
}

#[test]
fn google_forms_hotdog_csv() {
    let Some(i) =
        inspect_fixture("uvads_hotdog/hot_dog_survey_spring25.xlsx - Form Responses 1.csv")
    else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::GoogleForms, 1, 64)
    );
    let q = question(&i, "Do you believe that a hotdog");
    assert_eq!(q.kind, SingleChoice);
    assert_eq!(
        (count(q, "No"), count(q, "Yes"), count(q, "NO")),
        (31, 15, 3)
    );
    assert_kind(&i, "What is the rationale", Text);
}

#[test]
fn google_sheets_xlsx_hotdog_serial_timestamps() {
    let Some(path) = fixture("uvads_hotdog/Is hotdog a sandwich_ (Responses).xlsx") else {
        return;
    };
    let d = import(&path, &ImportOptions::default()).unwrap();
    assert_eq!((d.source.tool, d.respondents()), (Tool::GoogleForms, 207));
    assert_eq!(d.source.sheet.as_deref(), Some("Form Responses 1"));
    assert_eq!(d.source.format, "xlsx");
    // openpyxl reads the first timestamp as 2025-08-29 17:17:56.622.
    assert_eq!(d.columns[0].get(0), Some("2025-08-29 17:17:56"));
    // Integers stored as floats read as integers, like the CSV export.
    assert_eq!(d.columns[1].get(0), Some("4"));
    let i = persona_survey::inspection(&d);
    let q = question(&i, "Is hotdog a sandwich?");
    assert_eq!((count(q, "No"), count(q, "Yes")), (150, 57));
    let year = question(&i, "What year are you in?");
    assert_eq!(year.kind, Scale);
    let labels: Vec<&str> = year.options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, vec!["1", "2", "3", "4"]);
    assert_eq!(count(year, "4"), 114);
}

#[test]
fn microsoft_forms_converted_by_excel_windows_1252() {
    let Some(i) = inspect_fixture("uvads_hotdog/Hot-Dog-Form-Fa24.csv") else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::MicrosoftForms, 1, 187)
    );
    assert_eq!(i.encoding, "windows-1252");
    assert_kind(&i, "Id", Id);
    assert_kind(&i, "Start time", Datetime);
    assert_kind(&i, "Email", Personal);
    assert_kind(&i, "Name", Personal);
    let q = question(&i, "Is a hotdog a sandwich");
    assert_eq!((count(q, "No"), count(q, "Yes")), (126, 61));
}

#[test]
fn apple_numbers_named_csv_is_refused() {
    let Some(path) = fixture("uvads_hotdog/DS-4002-spr23-survey-results.csv") else {
        return;
    };
    let err = persona_survey::inspect(&path, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, SurveyError::AppleNumbers), "{err}");
    assert!(err.to_string().contains("Apple Numbers"));
}

#[test]
fn wenjuanxing_xlsx_fullwidth_separator_and_skips() {
    let Some(i) = inspect_fixture("wenjuanxing_chinese_consumer/d1.xlsx") else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::Wenjuanxing, 1, 208)
    );
    assert_kind(&i, "序号", Id);
    assert_kind(&i, "提交答卷时间", Datetime);
    let source = question(&i, "5、您的主要生活费来源是");
    assert_eq!(source.kind, MultipleChoice);
    assert_eq!(count(source, "家庭供给"), 165);
    // "(跳过)" means skipped: not an answer.
    let times = question(&i, "7、您平均每月使用数字消费券的次数");
    assert_eq!((times.answered, times.missing), (149, 59));
    assert!(times.options.iter().all(|o| o.label != "(跳过)"));
}

#[test]
fn lithuanian_numeric_codes() {
    let Some(i) = inspect_fixture("lithuanian_health_survey/Sveikatos_duomenys_analizei_2019.csv")
    else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::Generic, 1, 3438)
    );
    let sex = question(&i, "Lytis");
    assert_eq!(sex.kind, SingleChoice);
    assert_eq!((count(sex, "2"), count(sex, "1")), (2201, 1237));
    assert_kind(&i, "Amžius", Numeric);
    assert_kind(&i, "Ūgis, cm", Numeric);
    assert_kind(&i, "ID", Id);
}

#[test]
fn russian_poll_is_mac_cyrillic_not_cp1251() {
    let Some(i) = inspect_fixture("russian_poll_maccyrillic/опрос.csv") else {
        return;
    };
    assert_eq!(i.encoding, "x-mac-cyrillic");
    assert_eq!(i.respondents, 1000);
    let vote = question(&i, "vote");
    assert_eq!(vote.kind, SingleChoice);
    assert_eq!((count(vote, "Трамп"), count(vote, "Клинтон")), (511, 489));
}

#[test]
fn typeform_freecodecamp_joined_multiselect() {
    let Some(i) = inspect_fixture("fcc_typeform/2017-new-coder-survey-part-2.csv") else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::Typeform, 1, 609)
    );
    assert_kind(&i, "#", Id);
    assert_kind(&i, "Network ID", Id);
    assert_kind(&i, "Start Date (UTC)", Datetime);
    assert_kind(&i, "How old are you?", Numeric);
    assert_eq!(count(question(&i, "What's your gender?"), "male"), 519);
    let resources = question(&i, "learning_resources");
    assert_eq!(resources.kind, MultipleChoice);
    assert_eq!(count(resources, "Stack Overflow"), 460);
}

#[test]
fn typeform_with_group_row_checkbox_columns() {
    let Some(i) = inspect_fixture("typeform_cantera_user_survey/responses.csv") else {
        return;
    };
    assert_eq!(
        (i.tool, i.header_rows, i.respondents),
        (Tool::Typeform, 2, 60)
    );
    let os = question(&i, "What operating system(s) do you use?");
    assert_eq!(os.kind, MultipleChoice);
    assert_eq!(os.columns, vec![1, 2, 3, 4, 5, 6]);
    let counts: Vec<u64> = os.options.iter().map(|o| o.count).collect();
    assert_eq!(counts, vec![13, 1, 3, 40, 21, 10]);
    assert_eq!(os.answered, 58);
}

#[test]
fn stackoverflow_semicolon_multiselect_and_cut_last_record() {
    let Some(i) = inspect_fixture("stackoverflow2023/survey_results_public.csv") else {
        return;
    };
    assert_eq!((i.tool, i.respondents), (Tool::Generic, 596));
    let employment = question(&i, "Employment");
    assert_eq!(employment.kind, MultipleChoice);
    assert_eq!(count(employment, "Employed, full-time"), 426);
    // "NA" is missing, not an answer.
    assert_eq!(employment.answered, 592);
    // The file was cut at 1 MiB: the last record (line 597) is short.
    let ragged: Vec<_> = i.warnings.iter().filter(|w| w.line == Some(597)).collect();
    assert_eq!(ragged.len(), 1, "{:?}", i.warnings);
    assert!(ragged[0].message.contains("77 cells"));
}

#[test]
fn stackoverflow_schema_plain_csv() {
    let Some(i) = inspect_fixture("stackoverflow2023/survey_results_schema.csv") else {
        return;
    };
    assert_eq!((i.tool, i.respondents), (Tool::Generic, 87));
    let selector = question(&i, "selector");
    assert_eq!(selector.kind, SingleChoice);
    assert_eq!((count(selector, "MAVR"), count(selector, "SAVR")), (37, 26));
}

#[test]
fn osmi_pipe_multiselect() {
    let Some(i) = inspect_fixture("osmi2016/mental-heath-in-tech-2016_20161114.csv") else {
        return;
    };
    assert_eq!((i.tool, i.respondents), (Tool::Generic, 1433));
    let self_employed = question(&i, "Are you self-employed?");
    assert_eq!(count(self_employed, "0"), 1146);
    let position = question(
        &i,
        "Which of the following best describes your work position?",
    );
    assert_eq!(position.kind, MultipleChoice);
    assert_eq!(count(position, "Back-end Developer"), 737);
    assert_eq!(count(position, "Front-end Developer"), 502);
    let diagnosed = question(
        &i,
        "If yes, what condition(s) have you been diagnosed with?",
    );
    assert_eq!(diagnosed.kind, MultipleChoice);
    assert_eq!(
        count(
            diagnosed,
            "Mood Disorder (Depression, Bipolar Disorder, etc)"
        ),
        412
    );
    assert_eq!(diagnosed.answered, 568);
}

#[test]
fn inspection_json_has_the_cli_contract_shape() {
    let Some(i) = inspect_fixture("fivethirtyeight_surveymonkey/steak-risk-survey.csv") else {
        return;
    };
    let json = serde_json::to_value(&i).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "tool",
        "encoding",
        "delimiter",
        "header_rows",
        "respondents",
        "warnings",
        "questions",
    ] {
        assert!(keys.contains(&key), "{key}");
    }
    assert_eq!(json["tool"], "survey_monkey");
    assert_eq!(json["delimiter"], ",");
    let q = &json["questions"][8];
    assert_eq!(q["text"], "Do you eat steak?");
    assert_eq!(q["kind"], "single_choice");
    assert_eq!(q["columns"], serde_json::json!([8]));
    assert_eq!(
        q["options"][0],
        serde_json::json!({"label": "Yes", "count": 430})
    );
    assert_eq!(q["answered"], 539);
    assert_eq!(q["missing"], 11);
}
