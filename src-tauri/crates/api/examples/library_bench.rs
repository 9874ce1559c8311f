//! The library at scale: builds a library of 10,000 personas in a temporary folder,
//! then measures opening it (Studio::open + overview, what the library screen waits
//! for) and searches over it. Writes the figures to docs/benchmarks.md with `--write`.
//!
//! A small harness rather than criterion: each figure is a median of a few runs and the
//! point is the order of magnitude against the targets (300 ms open, 30 ms search).
//! Run (our crates optimised like the dependencies, without a release build):
//!
//! ```sh
//! cargo run -p persona-api --example library_bench \
//!   --config 'profile.dev.package.persona-api.opt-level=2' \
//!   --config 'profile.dev.package.persona-model.opt-level=2' \
//!   --config 'profile.dev.package.persona-store.opt-level=2' -- [--write]
//! ```

use std::time::{Duration, Instant};

use persona_api::model::{
    builtin_presets, builtin_templates, ModuleBody, Persona, Project, SystemClock,
};
use persona_api::{SearchQuery, SearchSort, Studio};

const PERSONAS: usize = 10_000;
const PROJECTS: usize = 20;

/// Sentences in the five languages of the app, mixed into the personas' text.
const WORDS: &[&str] = &[
    "Compares prices on three sites before buying",
    "Reads every review before a purchase over 50 euros",
    "先比较三个平台的价格，再决定在哪里下单",
    "担心商品评价真假难辨",
    "Сначала читаю отзывы, потом думаю ещё неделю",
    "Скрытые платежи при оформлении заказа",
    "Tôi luôn đọc kỹ đánh giá trước khi quyết định mua hàng",
    "Phí vận chuyển cao bất ngờ",
    "Perku tik tai, ką išbandžiau arba ką rekomenduoja draugai",
    "Per ilgas pristatymas iš užsienio",
    "Waits for the sale and collects coupon codes",
    "Orders on the phone during the commute",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn fill(p: &mut Persona, rng: &mut Lcg) {
    for m in &mut p.modules {
        match &mut m.body {
            ModuleBody::Facts { rows } => {
                for r in rows {
                    r.value = WORDS[rng.next(WORDS.len())].chars().take(24).collect();
                }
            }
            ModuleBody::Text { text } => {
                *text = (0..3)
                    .map(|_| WORDS[rng.next(WORDS.len())])
                    .collect::<Vec<_>>()
                    .join(". ")
            }
            ModuleBody::List { items } if items.is_empty() => {
                *items = (0..4)
                    .map(|_| WORDS[rng.next(WORDS.len())].to_owned())
                    .collect()
            }
            ModuleBody::Tags { tags } => {
                *tags = vec!["Amazon".into(), "淘宝".into(), "Ozon".into()];
            }
            _ => {}
        }
    }
}

fn build(dir: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let studio = Studio::open(dir, Box::new(SystemClock))?;
    let now = studio.now();
    let projects: Vec<Project> = (0..PROJECTS)
        .map(|i| Project::new(&format!("Client {i:02}"), now))
        .collect::<Result<_, _>>()?;
    studio.library().put_all(&projects, &[])?;
    let templates = builtin_templates();
    let presets = builtin_presets();
    let mut rng = Lcg(7);
    let mut batch = Vec::new();
    for i in 0..PERSONAS {
        let project = projects[i % PROJECTS].id;
        let template = &templates[i % templates.len()];
        let name = format!(
            "{} {i}",
            ["Frugal Fred", "王芳", "Ирина", "Đặng Thu Hà", "Žygimantas"][i % 5]
        );
        let mut p = Persona::from_template(template, project, &name, now)?;
        if template.id.as_str() == "ecommerce-shopper" {
            presets[(i / 5) % presets.len()].apply(&mut p)?;
        }
        fill(&mut p, &mut rng);
        p.tags = vec![["early adopter", "price-sensitive", "b2b", "loyal"][i % 4].to_owned()];
        p.updated = now - chrono::Duration::minutes(i as i64);
        batch.push(p);
        if batch.len() == 1000 {
            studio.library().put_all(&[], &batch)?;
            batch.clear();
        }
    }
    studio.library().put_all(&[], &batch)?;
    Ok(())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let write = std::env::args().any(|a| a == "--write");
    let dir = tempfile::tempdir()?;
    let t = Instant::now();
    build(dir.path())?;
    let built = t.elapsed();
    let size: u64 = walk_size(&dir.path().join("library.sled"));

    // Open + overview: what the library screen waits for. Each run opens afresh.
    let mut opens = Vec::new();
    let mut cards = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let studio = Studio::open(dir.path(), Box::new(SystemClock))?;
        let overview = studio.overview()?;
        opens.push(t.elapsed());
        cards = overview.projects.iter().map(|p| p.personas.len()).sum();
    }
    assert_eq!(cards, PERSONAS);

    let studio = Studio::open(dir.path(), Box::new(SystemClock))?;
    if std::env::var_os("BENCH_PARTS").is_some() {
        let t = Instant::now();
        let all = studio.library().personas()?;
        eprintln!("personas(): {}", ms(t.elapsed()));
        let t = Instant::now();
        let n: usize = all.iter().map(|p| p.search_text().len()).sum();
        eprintln!("search_text: {} ({n} bytes)", ms(t.elapsed()));
        let t = Instant::now();
        let n: usize = all
            .iter()
            .map(|p| p.search_text().to_lowercase().len())
            .sum();
        eprintln!("search_text+lower: {} ({n} bytes)", ms(t.elapsed()));
    }
    studio.overview()?;
    let t = Instant::now();
    studio.overview()?;
    let first_overview = t.elapsed();
    let project = studio.resolve_project("Client 06")?.id;
    let queries: Vec<(&str, SearchQuery)> = vec![
        (
            "one word, Latin (\"coupon\")",
            SearchQuery {
                text: "coupon".into(),
                ..Default::default()
            },
        ),
        (
            "two words, Cyrillic (\"скрытые платежи\")",
            SearchQuery {
                text: "СКРЫТЫЕ платежи".into(),
                ..Default::default()
            },
        ),
        (
            "Chinese (\"评价\") sorted by last change",
            SearchQuery {
                text: "评价".into(),
                sort: SearchSort::Updated,
                ..Default::default()
            },
        ),
        (
            "no match (\"zzzz\")",
            SearchQuery {
                text: "zzzz".into(),
                ..Default::default()
            },
        ),
        (
            "empty text, all 10,000 sorted by name",
            SearchQuery::default(),
        ),
        (
            "\"review\" in one project, one template, one tag",
            SearchQuery {
                text: "review".into(),
                project: Some(project),
                template: Some("ecommerce-shopper".into()),
                tag: Some("B2B".into()),
                sort: SearchSort::Name,
            },
        ),
    ];
    let mut rows = Vec::new();
    for (label, q) in &queries {
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..21 {
            let t = Instant::now();
            hits = studio.search(q)?.len();
            times.push(t.elapsed());
        }
        rows.push((label.to_string(), median(times), hits));
    }
    // The first search after an edit rebuilds the index.
    let some = studio.search(&SearchQuery {
        text: "coupon".into(),
        ..Default::default()
    })?;
    let id = some.first().map(|h| h.card.id).ok_or("no hit")?;
    let mut after_edit = Vec::new();
    for _ in 0..5 {
        let p = studio.persona(id)?;
        studio.save_persona(p)?;
        let t = Instant::now();
        studio.search(&SearchQuery {
            text: "coupon".into(),
            ..Default::default()
        })?;
        after_edit.push(t.elapsed());
    }

    let mut md = String::new();
    md.push_str("## Library with 10,000 personas\n\n");
    md.push_str("Made by `cargo run -p persona-api --example library_bench` with our crates at opt-level 2 like the dependencies (see the example's header; no release build), on the 2-core machine shared with other builds, so treat figures as rough. ");
    md.push_str(&format!("The library: {PERSONAS} personas in {PROJECTS} projects, all five built-in templates, text in English, Chinese, Russian, Vietnamese and Lithuanian; {:.0} MB on disk; built in {:.1} s.\n\n", size as f64 / 1e6, built.as_secs_f64()));
    md.push_str("| what | median | target |\n|---|---|---|\n");
    md.push_str(&format!("| open the library (`Studio::open` + `overview`, every persona's digest read and indexed) | {} | < 300 ms |\n", ms(median(opens))));
    md.push_str(&format!(
        "| `overview` again on an open library (index reused) | {} | |\n",
        ms(first_overview)
    ));
    for (label, d, hits) in &rows {
        md.push_str(&format!(
            "| search: {label} → {hits} hits | {} | < 30 ms |\n",
            ms(*d)
        ));
    }
    md.push_str(&format!(
        "| first search after an edit (the index is rebuilt from the library) | {} | |\n",
        ms(median(after_edit))
    ));
    md.push('\n');
    md.push_str("Search folds case in every script and composes (NFC) before comparing; all words of the query must occur. The store keeps a digest beside every persona (card fields and folded text, written in the same transaction); the index is built from the digests in memory and rebuilt when the library's write counter moves. Before digests, the same open took 1.3–5 s (every persona decoded through the migration path and folded) and a search 27–55 ms (`str::contains`); digests and `memchr::memmem` brought them to the figures above.\n");
    print!("{md}");
    if write {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../docs/benchmarks.md");
        let head = "# Benchmarks\n\nSheet exports: [benchmarks-sheet.md](benchmarks-sheet.md); survey import: [benchmarks-survey.md](benchmarks-survey.md).\n\n";
        std::fs::write(path, format!("{head}{md}"))?;
    }
    Ok(())
}

fn walk_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        walk_size(&p)
                    } else {
                        e.metadata().map(|m| m.len()).unwrap_or(0)
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}
