//! A deterministic, libFuzzer-free fuzz loop over the bundle and persona JSON readers:
//! thousands of mutated valid bundles, each of which must be read or refused with a
//! typed error — never a panic — and, when accepted, must write again and read back
//! equal. It runs with every `cargo test`; for a long run:
//!
//! ```sh
//! PERSONA_BUNDLE_SMOKE_ITERATIONS=2000000 PERSONA_BUNDLE_SMOKE_SEED=7 \
//!   cargo test --release -p persona-bundle --test smoke_fuzz -- --nocapture
//! ```
//!
//! A failure prints the seed and the iteration, which regenerate the input exactly.

mod common;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use common::*;
use persona_bundle::{from_json, read, to_json, write, Limits, Scope};

/// xorshift64*: tiny, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const INTERESTING: &[&[u8]] = &[
    b"null",
    b"[]",
    b"{}",
    b"-1",
    b"0",
    b"1e999",
    b"18446744073709551616",
    b"\"\"",
    b"\"\\u0000\"",
    b"true",
    b"\"../x\"",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    b"\"2.0\"",
    b"\"9.9\"",
    b"\"1.99\"",
    b"\xff\xfe",
    b"\"\xe4\xb8\xad\"",
];

fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>) {
    for _ in 0..=rng.below(4) {
        match rng.below(8) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = [0, 0xff, 0x7f, 0x80, b'"', b'{', b'[', b'/'][rng.below(8)];
            }
            2 => {
                let at = rng.below(data.len() + 1);
                data.truncate(at);
            }
            3 if !data.is_empty() => {
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(64)).min(data.len());
                data.drain(start..end);
            }
            4 if !data.is_empty() => {
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(64)).min(data.len());
                let chunk = data[start..end].to_vec();
                let at = rng.below(data.len() + 1);
                data.splice(at..at, chunk);
            }
            5 => {
                let value = INTERESTING[rng.below(INTERESTING.len())];
                let at = rng.below(data.len() + 1);
                let end = (at + rng.below(8)).min(data.len());
                data.splice(at..end, value.iter().copied());
            }
            6 if !data.is_empty() => {
                // Rewrite a 2- or 4-byte little-endian field: sizes, counts, offsets.
                let i = rng.below(data.len());
                let v = [0u8, 0xff][rng.below(2)];
                for b in data.iter_mut().skip(i).take(2 + 2 * rng.below(2)) {
                    *b = v;
                }
            }
            _ => {
                let at = rng.below(data.len() + 1);
                let n = rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                data.splice(at..at, bytes);
            }
        }
    }
}

/// A mutated bundle: either raw bytes mutated, or entries mutated and zipped again
/// (mostly relisted, so the deeper checks are reached).
fn mutant(rng: &mut Rng, seeds: &[Vec<u8>], unzipped: &[Vec<(String, Vec<u8>)>]) -> Vec<u8> {
    let pick = rng.below(seeds.len());
    if rng.chance(30) {
        let mut data = seeds[pick].clone();
        mutate_bytes(rng, &mut data);
        return data;
    }
    let mut entries = unzipped[pick].clone();
    for _ in 0..=rng.below(2) {
        let i = rng.below(entries.len());
        match rng.below(10) {
            0 => {
                let mut name = entries[i].0.clone().into_bytes();
                mutate_bytes(rng, &mut name);
                entries[i].0 = String::from_utf8_lossy(&name).into_owned();
            }
            1 => {
                entries.remove(i);
                if entries.is_empty() {
                    break;
                }
            }
            2 => {
                let copy = entries[i].clone();
                entries.push(copy);
            }
            _ => mutate_bytes(rng, &mut entries[i].1),
        }
    }
    if rng.chance(80) {
        relist(&mut entries);
    }
    zip_leniently(rng, &entries)
}

/// Zips whatever the zip writer accepts (it refuses a repeated name, for one), each
/// entry stored or deflated at random.
fn zip_leniently(rng: &mut Rng, entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        let method = if rng.chance(50) {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let o = zip::write::SimpleFileOptions::default().compression_method(method);
        if z.start_file(name.as_str(), o).is_ok() && z.write_all(data).is_err() {
            let _ = z.abort_file();
        }
    }
    z.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn kind(e: &impl std::fmt::Debug) -> String {
    let text = format!("{e:?}");
    text.split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_owned()
}

#[test]
fn mutated_bundles_never_panic_and_accepted_ones_round_trip() {
    let iterations: u64 = std::env::var("PERSONA_BUNDLE_SMOKE_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let seed: u64 = std::env::var("PERSONA_BUNDLE_SMOKE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let mut one = sample();
    one.project = None;
    one.personas.truncate(1);
    one.templates.truncate(1);
    one.assets.retain(|h, _| *h == hash(PNG));
    let seeds = vec![
        write(&sample(), &options(Scope::Project)).unwrap(),
        write(&one, &options(Scope::Persona)).unwrap(),
    ];
    let unzipped: Vec<_> = seeds.iter().map(|s| unzip(s)).collect();
    let limits = Limits::default();
    let mut outcomes: BTreeMap<String, u64> = BTreeMap::new();
    let mut rng = Rng(seed | 1);
    for i in 0..iterations {
        let data = mutant(&mut rng, &seeds, &unzipped);
        let outcome = catch_unwind(AssertUnwindSafe(|| match read(&data, &limits) {
            Ok(bundle) => {
                let again = write(&bundle.contents, &options(Scope::Selection))
                    .unwrap_or_else(|e| panic!("accepted contents do not write again: {e}"));
                let back = read(&again, &limits).expect("a written bundle reads");
                assert_eq!(back.contents, bundle.contents, "round trip differs");
                "accepted".to_owned()
            }
            Err(e) => kind(&e),
        }));
        match outcome {
            Ok(k) => *outcomes.entry(k).or_default() += 1,
            Err(_) => panic!("seed {seed}, iteration {i}: the reader panicked (see above)"),
        }
    }
    eprintln!("smoke fuzz: seed {seed}, {iterations} bundles: {outcomes:#?}");
    assert!(
        outcomes.len() > 10,
        "mutations reach too few checks: {outcomes:?}"
    );
}

#[test]
fn mutated_persona_json_never_panics() {
    let iterations: u64 = std::env::var("PERSONA_BUNDLE_SMOKE_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let seeds: Vec<Vec<u8>> = sample()
        .personas
        .iter()
        .map(|p| to_json(p).unwrap())
        .collect();
    let mut rng = Rng(0x15_0a);
    let limits = Limits::default();
    let mut accepted = 0u64;
    for i in 0..iterations {
        let mut data = seeds[rng.below(seeds.len())].clone();
        mutate_bytes(&mut rng, &mut data);
        let ok = catch_unwind(AssertUnwindSafe(|| {
            if let Ok(p) = from_json(&data, &limits) {
                let again = to_json(&p).expect("accepted persona writes again");
                assert_eq!(from_json(&again, &limits).ok(), Some(p));
                true
            } else {
                false
            }
        }));
        match ok {
            Ok(true) => accepted += 1,
            Ok(false) => {}
            Err(_) => panic!("iteration {i}: the JSON reader panicked (see above)"),
        }
    }
    eprintln!("smoke fuzz: {iterations} persona JSON documents, {accepted} accepted");
}
