//! Statistics, segments and re-import matching on a small survey whose
//! figures were computed independently (NumPy percentiles, the closed-form
//! Wilson interval in Python).

use persona_survey::segment::{filter, Condition, Segment};
use persona_survey::stats::{distribution, frequent_phrases, histogram, numeric_summary};
use persona_survey::{
    answer, import_bytes, match_questions, Answer, ImportOptions, QuestionKind, QuestionMatch,
};

const SURVEY: &str = "Age,Channels,Plan,Why did you choose us?\n\
34,\"Email, Social\",Pro,fast delivery and good prices\n\
26,Social,Free,good prices overall\n\
51,Email,Pro,fast delivery\n\
19,\"Social, Search\",Free,my friends use it\n\
44,\"Email, Search\",Pro,fast delivery and friendly support\n\
38,Email,Free,good prices and fast delivery\n\
29,\"Social, Email\",Pro,\n\
62,Search,Free,friendly support\n\
41,Email,Pro,really good prices\n\
33,\"Search, Social\",Free,very fast delivery\n";

fn dataset() -> persona_survey::Dataset {
    import_bytes(SURVEY.as_bytes(), &ImportOptions::default()).unwrap()
}

#[test]
fn counts_percentages_and_wilson_intervals() {
    let d = dataset();
    let channels = d.question("q2").unwrap();
    assert_eq!(channels.kind, QuestionKind::MultipleChoice);
    let dist = distribution(&d, channels, None);
    assert_eq!((dist.respondents, dist.n), (10, 10));
    let email = dist.options.iter().find(|o| o.label == "Email").unwrap();
    assert_eq!(email.count, 6);
    assert!((email.percent - 60.0).abs() < 1e-9);
    // Python: wilson(6, 10) = (0.312674, 0.831820)
    assert!((email.ci_low - 31.2674).abs() < 1e-4, "{}", email.ci_low);
    assert!((email.ci_high - 83.1820).abs() < 1e-4, "{}", email.ci_high);
}

#[test]
fn median_and_iqr_match_numpy() {
    let d = dataset();
    let age = d.question("q1").unwrap();
    assert_eq!(age.kind, QuestionKind::Numeric);
    // numpy.percentile([34,26,51,19,44,38,29,62,41,33], [0,25,50,75,100])
    //   = [19, 30, 36, 43.25, 62]; mean 37.7
    let s = numeric_summary(&d, age, None).unwrap();
    assert_eq!(
        (s.n, s.min, s.q1, s.median, s.q3, s.max),
        (10, 19.0, 30.0, 36.0, 43.25, 62.0)
    );
    assert!((s.iqr - 13.25).abs() < 1e-12);
    assert!((s.mean - 37.7).abs() < 1e-12);
}

#[test]
fn segments_by_conditions_and_by_predicate() {
    let d = dataset();
    let pro = Segment {
        name: "Pro customers".into(),
        conditions: vec![Condition::AnyOf {
            question: "q3".into(),
            options: vec!["Pro".into()],
        }],
    };
    let mask = pro.mask(&d).unwrap();
    assert_eq!(mask.iter().filter(|&&m| m).count(), 5);
    // Pro ages: 34, 51, 44, 29, 41 → numpy.percentile(..., [25,50,75]) = 34, 41, 44
    let s = numeric_summary(&d, d.question("q1").unwrap(), Some(&mask)).unwrap();
    assert_eq!((s.n, s.q1, s.median, s.q3), (5, 34.0, 41.0, 44.0));
    let dist = distribution(&d, d.question("q2").unwrap(), Some(&mask));
    let email = dist.options.iter().find(|o| o.label == "Email").unwrap();
    assert_eq!((dist.n, email.count), (5, 5));

    let young = Segment {
        name: "under 35, not on Search".into(),
        conditions: vec![
            Condition::Between {
                question: "q1".into(),
                min: None,
                max: Some(34.0),
            },
            Condition::Not {
                condition: Box::new(Condition::AnyOf {
                    question: "q2".into(),
                    options: vec!["Search".into()],
                }),
            },
        ],
    };
    // Ages ≤ 34: rows 1, 2, 4, 7, 10; rows 4 and 10 chose Search.
    let mask = young.mask(&d).unwrap();
    assert_eq!(
        mask,
        vec![true, true, false, false, false, false, true, false, false, false]
    );

    let by_closure = filter(
        &d,
        |r| matches!(r.answer("q1"), Answer::Number(n) if n >= 40.0),
    );
    assert_eq!(by_closure.iter().filter(|&&m| m).count(), 4);

    let bad = Segment {
        name: "typo".into(),
        conditions: vec![Condition::Answered {
            question: "q99".into(),
        }],
    };
    assert!(bad.mask(&d).is_err());
    let json = serde_json::to_string(&young).unwrap();
    assert_eq!(serde_json::from_str::<Segment>(&json).unwrap(), young);
}

#[test]
fn answers_per_respondent() {
    let d = dataset();
    assert_eq!(
        answer(&d, d.question("q1").unwrap(), 0),
        Answer::Number(34.0)
    );
    assert_eq!(
        answer(&d, d.question("q2").unwrap(), 0),
        Answer::Choices(vec!["Email", "Social"])
    );
    assert_eq!(answer(&d, d.question("q4").unwrap(), 6), Answer::Missing);
}

#[test]
fn frequent_phrases_of_free_text() {
    let d = dataset();
    let why = d.question("q4").unwrap();
    assert_eq!(why.kind, QuestionKind::Text);
    let phrases = frequent_phrases(&d, why, None, 10);
    // "fast delivery": rows 1, 3, 5, 6, 10; "good prices": rows 1, 2, 6, 9.
    assert_eq!(phrases[0].phrase, "fast delivery");
    assert_eq!(phrases[0].respondents, 5);
    assert!(phrases
        .iter()
        .any(|p| p.phrase == "good prices" && p.respondents == 4));
}

#[test]
fn reimport_matches_by_id_then_text() {
    let old = dataset();
    // The new export moved a column and renamed nothing.
    let moved = "Plan,Age,Channels,Why did you choose us?\nPro,30,Email,ok\nFree,40,Social,fine\nPro,50,Email,ok\n";
    let new = import_bytes(moved.as_bytes(), &ImportOptions::default()).unwrap();
    let m = match_questions(&old.questions, &new.questions);
    assert_eq!(
        m,
        vec![
            QuestionMatch::Text { old: 2 },
            QuestionMatch::Text { old: 0 },
            QuestionMatch::Text { old: 1 },
            QuestionMatch::Id { old: 3 },
        ]
    );
}

#[test]
fn histogram_bins_numbers_by_equal_width() {
    let d = dataset();
    let age = d.question("q1").unwrap();
    // Ages 19..62 in 5 bins of width 8.6: [19,27.6) 19,26 · [27.6,36.2) 29,33,34 ·
    // [36.2,44.8) 38,41,44 · [44.8,53.4) 51 · [53.4,62] 62.
    let bins = histogram(&d, age, None, 5);
    let counts: Vec<u64> = bins.iter().map(|b| b.count).collect();
    assert_eq!(counts, [2, 3, 3, 1, 1]);
    assert_eq!(bins[0].low, 19.0);
    assert!((bins[4].high - 62.0).abs() < 1e-9);
}

#[test]
fn histogram_of_a_small_whole_number_scale_has_a_bin_per_value() {
    let d = import_bytes(b"Rating\n1\n3\n3\n5\n", &ImportOptions::default()).unwrap();
    let q = &d.questions[0];
    let counts: Vec<u64> = histogram(&d, q, None, 10).iter().map(|b| b.count).collect();
    assert_eq!(counts, [1, 0, 2, 0, 1]);
}

#[test]
fn collection_date_is_the_latest_timestamp_in_the_data() {
    let d = import_bytes(
        b"Timestamp,Plan\n2024/03/01 10:00:00,Pro\n2024/05/17 09:30:00,Free\n2024/04/02 12:00:00,Pro\n",
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(
        persona_survey::latest_response_date(&d),
        chrono::NaiveDate::from_ymd_opt(2024, 5, 17)
    );
    assert_eq!(persona_survey::latest_response_date(&dataset()), None);
}
