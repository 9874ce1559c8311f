//! `Studio::search` against a real library on disk holding the example store and
//! personas written in every script the app supports.

use persona_api::model::{FixedClock, SystemClock};
use persona_api::{SearchQuery, SearchSort, Studio};

/// The filters part of a query (its text and order come apart).
type SearchFilters = SearchQuery;

fn studio(dir: &std::path::Path) -> Studio {
    let studio = Studio::open(dir, Box::new(SystemClock)).unwrap();
    studio.install_example(false).unwrap();
    let project = studio.create_project("Khách hàng").unwrap();
    for (name, quote) in [
        ("王芳", "我喜欢在网上比较价格"),
        ("Ирина Волкова", "Сначала читаю отзывы"),
        ("Đặng Thu Hà", "Tôi sống ở Hà Nội"),
        ("Rūta Žemaitė", "Perku tik su nuolaida"),
    ] {
        let mut p = studio
            .create_persona(&project.id.to_string(), name, None)
            .unwrap();
        p.quote = quote.to_owned();
        p.tags = vec!["intl".to_owned()];
        studio.save_persona(p).unwrap();
    }
    studio
}

fn names(studio: &Studio, query: &str, filters: &SearchFilters, sort: SearchSort) -> Vec<String> {
    let query = SearchQuery {
        text: query.to_owned(),
        sort,
        ..filters.clone()
    };
    studio
        .search(&query)
        .unwrap()
        .into_iter()
        .map(|h| h.card.name)
        .collect()
}

#[test]
fn finds_text_anywhere_on_the_sheet_in_every_script() {
    let dir = tempfile::tempdir().unwrap();
    let s = studio(dir.path());
    let all = SearchFilters::default();
    // A list item deep in Tara's sheet, a fact value of Fred's, a module title.
    assert_eq!(
        names(&s, "automation", &all, SearchSort::Name),
        ["Tech-savvy Tara"]
    );
    assert!(names(&s, "", &all, SearchSort::Name).len() == 7);
    assert_eq!(names(&s, "网上", &all, SearchSort::Name), ["王芳"]);
    assert_eq!(
        names(&s, "отзывы", &all, SearchSort::Name),
        ["Ирина Волкова"]
    );
    assert_eq!(names(&s, "ha noi", &all, SearchSort::Name), ["Đặng Thu Hà"]);
    assert_eq!(
        names(&s, "ŽEMAITĖ", &all, SearchSort::Name),
        ["Rūta Žemaitė"]
    );
    assert_eq!(
        names(&s, "zemaite nuolaida", &all, SearchSort::Name),
        ["Rūta Žemaitė"]
    );
    assert!(names(&s, "zemaite automation", &all, SearchSort::Name).is_empty());
}

#[test]
fn filters_by_project_template_and_tag_and_lists_the_tags() {
    let dir = tempfile::tempdir().unwrap();
    let s = studio(dir.path());
    let example = s.resolve_project("Example store").unwrap();
    let by_project = SearchFilters {
        project: Some(example.id),
        ..SearchFilters::default()
    };
    assert_eq!(
        names(&s, "", &by_project, SearchSort::Name),
        ["Frugal Fred", "Procurement Paul", "Tech-savvy Tara"]
    );
    let by_tag = SearchFilters {
        tag: Some("intl".into()),
        ..SearchFilters::default()
    };
    assert_eq!(names(&s, "", &by_tag, SearchSort::Name).len(), 4);
    let paul = s.resolve_persona("Procurement Paul").unwrap();
    let by_template = SearchFilters {
        template: Some(paul.template.clone()),
        ..SearchFilters::default()
    };
    assert_eq!(
        names(&s, "", &by_template, SearchSort::Name),
        ["Procurement Paul"]
    );

    let hits = s.search(&SearchQuery::default()).unwrap();
    assert_eq!(hits.len(), 7);
    let tags: Vec<&String> = hits.iter().flat_map(|h| &h.card.tags).collect();
    assert!(tags.contains(&&"intl".to_owned()));
    assert!(tags.contains(&&"coupons".to_owned()));
    // Cards carry what the library shows: quote and key facts.
    let fred = &hits
        .iter()
        .find(|h| h.card.name == "Frugal Fred")
        .unwrap()
        .card;
    assert!(!fred.quote.is_empty());
    assert_eq!(fred.key_facts.len(), 3);
    assert_eq!(fred.project, example.id);
}

#[test]
fn sorts_by_last_change_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let s = studio(dir.path());
    drop(s);
    let later = chrono::DateTime::from_timestamp(4_102_444_800, 0).unwrap();
    let s = Studio::open(dir.path(), Box::new(FixedClock(later))).unwrap();
    let fred = s.resolve_persona("Frugal Fred").unwrap();
    s.save_persona(fred).unwrap();
    let order = names(&s, "", &SearchFilters::default(), SearchSort::Updated);
    assert_eq!(order.first().map(String::as_str), Some("Frugal Fred"));
}

#[test]
fn sees_every_change_made_since_the_last_search() {
    let dir = tempfile::tempdir().unwrap();
    let s = studio(dir.path());
    let all = SearchFilters::default();
    assert!(names(&s, "sourdough", &all, SearchSort::Name).is_empty());
    let mut fred = s.resolve_persona("Frugal Fred").unwrap();
    fred.notes = "Bakes sourdough on Sundays".into();
    s.save_persona(fred.clone()).unwrap();
    assert_eq!(
        names(&s, "sourdough", &all, SearchSort::Name),
        ["Frugal Fred"]
    );
    let project = s.resolve_project("Example store").unwrap();
    s.create_persona(&project.id.to_string(), "Sourdough Sam", None)
        .unwrap();
    assert_eq!(
        names(&s, "sourdough", &all, SearchSort::Name),
        ["Frugal Fred", "Sourdough Sam"]
    );
    s.delete_persona(fred.id).unwrap();
    assert_eq!(
        names(&s, "sourdough", &all, SearchSort::Name),
        ["Sourdough Sam"]
    );
}
