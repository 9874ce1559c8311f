//! Benchmark (not a test): generates a 100,000-respondent × 80-question CSV
//! (deterministic), then times import + a full per-question profile
//! (inspection counts for every question, numeric summaries) and reports
//! peak memory. `cargo run --release -p persona-survey --example bench -- OUT.csv`
//! writes the file (if absent) and prints one JSON line; `benches/compare.py`
//! runs pandas and polars on the same file.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use persona_survey::{import_with, inspection, stats, Flow, ImportOptions, QuestionKind};

const RESPONDENTS: usize = 100_000;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn generate(path: &PathBuf) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let choices = ["Very often", "Often", "Sometimes", "Rarely", "Never"];
    let features = [
        "Search",
        "Export",
        "Sharing",
        "Reports",
        "Mobile app",
        "API",
        "Alerts",
        "Themes",
    ];
    let words = [
        "fast", "cheap", "delivery", "support", "friendly", "quality", "price", "easy", "app",
        "slow",
    ];
    let mut header = vec!["Respondent ID".to_string()];
    for q in 1..80 {
        header.push(format!(
            "Question {q}: {}",
            ["choice", "multi", "rating", "number", "text", "date"][q % 6]
        ));
    }
    writeln!(out, "{}", header.join(","))?;
    let mut rng = Lcg(42);
    for r in 0..RESPONDENTS {
        let mut row = vec![format!("{}", 1_000_000 + r)];
        for q in 1..80 {
            let cell = match q % 6 {
                0 => choices[rng.below(5) as usize].to_string(),
                1 => {
                    let picked: Vec<&str> = features
                        .iter()
                        .copied()
                        .filter(|_| rng.below(3) == 0)
                        .collect();
                    format!("\"{}\"", picked.join(", "))
                }
                2 => format!("{}", 1 + rng.below(5)),
                3 => format!("{}", 18 + rng.below(60)),
                4 => (0..4)
                    .map(|_| words[rng.below(10) as usize])
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => format!(
                    "2024-{:02}-{:02} {:02}:{:02}:00",
                    1 + rng.below(12),
                    1 + rng.below(28),
                    rng.below(24),
                    rng.below(60)
                ),
            };
            row.push(cell);
        }
        writeln!(out, "{}", row.join(","))?;
    }
    out.flush()
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/survey-bench.csv".into()),
    );
    if !path.exists() {
        generate(&path)?;
    }
    let size = std::fs::metadata(&path)?.len();
    let before = peak_rss_kib();
    let start = Instant::now();
    // BENCH_PHASES=1: when each phase of the import starts, on stderr.
    let phases = std::env::var_os("BENCH_PHASES").is_some();
    let mut last = None;
    let dataset = import_with(&path, &ImportOptions::default(), &mut |p| {
        if phases && last != Some(p.phase) {
            last = Some(p.phase);
            eprintln!("{:>7.3} s  {:?}", start.elapsed().as_secs_f64(), p.phase);
        }
        Flow::Continue
    })?;
    if phases {
        eprintln!("{:>7.3} s  done", start.elapsed().as_secs_f64());
    }
    let imported = start.elapsed();
    let inspected = inspection(&dataset);
    let mut summaries = 0;
    for q in &dataset.questions {
        if matches!(q.kind, QuestionKind::Numeric | QuestionKind::Scale)
            && stats::numeric_summary(&dataset, q, None).is_some()
        {
            summaries += 1;
        }
    }
    let total = start.elapsed();
    // BENCH_DIGEST=1: a digest of the whole dataset, to check that a
    // faster import still produces exactly the same data.
    if std::env::var_os("BENCH_DIGEST").is_some() {
        use sha2::{Digest, Sha256};
        let json = serde_json::to_vec(&dataset)?;
        let digest: String = Sha256::digest(&json)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        eprintln!("dataset sha256 {digest}");
    }
    println!(
        "{{\"file_bytes\":{size},\"respondents\":{},\"questions\":{},\"numeric_summaries\":{summaries},\"import_s\":{:.3},\"import_and_profile_s\":{:.3},\"peak_rss_bytes\":{},\"rss_before_bytes\":{}}}",
        inspected.respondents,
        inspected.questions.len(),
        imported.as_secs_f64(),
        total.as_secs_f64(),
        peak_rss_kib() * 1024,
        before * 1024
    );
    Ok(())
}
