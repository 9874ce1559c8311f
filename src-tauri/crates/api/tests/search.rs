//! Search over a real library: text in any script, filters, order, and an index that
//! follows every change.

use chrono::{TimeZone, Utc};
use persona_api::model::{FixedClock, PersonaId};
use persona_api::{SearchQuery, SearchSort, Studio};

fn names(s: &Studio, q: &SearchQuery) -> Vec<String> {
    s.search(q)
        .unwrap()
        .into_iter()
        .map(|h| h.card.name)
        .collect()
}

fn text(t: &str) -> SearchQuery {
    SearchQuery {
        text: t.into(),
        ..Default::default()
    }
}

#[test]
fn search_text_filters_order_and_freshness() {
    let dir = tempfile::tempdir().unwrap();
    let when = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
    let s = Studio::open(dir.path(), Box::new(FixedClock(when))).unwrap();
    s.create_project("Shop").unwrap();
    let b2b = s.create_project("B2B").unwrap();
    let mut ira = s.create_persona("Shop", "Ирина", None).unwrap();
    ira.quote = "Сначала читаю ОТЗЫВЫ".into();
    ira.tags = vec!["Careful".into()];
    s.save_persona(ira.clone()).unwrap();
    let mut ha = s
        .create_persona("Shop", "Đặng Thu Hà", Some("ecommerce-shopper"))
        .unwrap();
    // Decomposed Vietnamese, as some keyboards and pastes produce it.
    ha.archetype = "Ngu\u{31b}o\u{31b}\u{300}i mua sắm".into();
    s.save_persona(ha.clone()).unwrap();
    let paul = s
        .create_persona("B2B", "Procurement Paul", Some("b2b-buyer"))
        .unwrap();

    assert_eq!(names(&s, &text("отзывы")), ["Ирина"]);
    assert_eq!(names(&s, &text("người")), ["Đặng Thu Hà"]);
    assert_eq!(names(&s, &text("ирина отзывы")), ["Ирина"]);
    assert!(names(&s, &text("ирина zzz")).is_empty());
    // Module titles and labels are text too: every user persona has "Goals".
    assert_eq!(names(&s, &text("")).len(), 3);

    let in_b2b = SearchQuery {
        project: Some(b2b.id),
        ..Default::default()
    };
    assert_eq!(names(&s, &in_b2b), ["Procurement Paul"]);
    let shopper = SearchQuery {
        template: Some("ecommerce-shopper".into()),
        ..Default::default()
    };
    assert_eq!(names(&s, &shopper), ["Đặng Thu Hà"]);
    let tagged = SearchQuery {
        tag: Some("CAREFUL".into()),
        ..Default::default()
    };
    assert_eq!(names(&s, &tagged), ["Ирина"]);

    // By name (case-insensitive), and by last change once Paul is edited later.
    assert_eq!(
        names(&s, &SearchQuery::default()),
        ["Procurement Paul", "Đặng Thu Hà", "Ирина"]
    );
    drop(s);
    let later = Utc.with_ymd_and_hms(2026, 5, 2, 12, 0, 0).unwrap();
    let s = Studio::open(dir.path(), Box::new(FixedClock(later))).unwrap();
    let mut ha2 = s.persona(ha.id).unwrap();
    ha2.notes = "loyal to Shopee".into();
    s.save_persona(ha2).unwrap();
    let recent = SearchQuery {
        sort: SearchSort::Updated,
        ..Default::default()
    };
    assert_eq!(names(&s, &recent)[0], "Đặng Thu Hà");
    assert_eq!(names(&s, &text("shopee")), ["Đặng Thu Hà"]);

    // The index follows deletes, moves and duplicates.
    s.delete_persona(paul.id).unwrap();
    assert!(names(&s, &text("procurement")).is_empty());
    let copy = s.duplicate_persona(ira.id).unwrap();
    assert_eq!(names(&s, &text("отзывы")), ["Ирина", "Ирина (copy)"]);
    s.move_persona(copy.id, "B2B").unwrap();
    assert_eq!(names(&s, &in_b2b), ["Ирина (copy)"]);
    let overview = s.overview().unwrap();
    let b2b_cards: Vec<PersonaId> = overview
        .projects
        .iter()
        .find(|p| p.id == b2b.id)
        .unwrap()
        .personas
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(b2b_cards, [copy.id]);
}
