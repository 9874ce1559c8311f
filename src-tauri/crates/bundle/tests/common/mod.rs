//! Shared test data: a small project in several scripts, with real images, and helpers
//! to take bundles apart and put them back together in hostile ways.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use chrono::DateTime;
use persona_bundle::{sha256_hex, BundleContents, EvidenceSnapshot, Scope, WriteOptions};
use persona_model::{
    builtin_template, AssetHash, Fact, GridArea, Module, ModuleBody, Persona, PersonaId, Project,
    ProjectId, Template, TemplateId, Timestamp,
};
use uuid::Uuid;
use zip::write::SimpleFileOptions;

pub const PNG: &[u8] = include_bytes!("../images/photo.png");
pub const JPEG: &[u8] = include_bytes!("../images/logo.jpg");
pub const WEBP: &[u8] = include_bytes!("../images/picture.webp");

pub fn at(secs: i64) -> Timestamp {
    DateTime::from_timestamp(secs, 0).expect("a valid test timestamp")
}

pub fn hash(bytes: &[u8]) -> AssetHash {
    AssetHash(sha256_hex(bytes))
}

pub fn options(scope: Scope) -> WriteOptions {
    WriteOptions {
        app_version: "0.1.0".into(),
        scope,
    }
}

/// The templates the samples use. `user-persona` is frozen as it was when the format 1.0
/// fixtures were written: a bundle carries its own templates, so editing a built-in
/// template later must not change what those files are expected to read as.
pub fn template(id: &str) -> Template {
    if id == "user-persona" {
        return persona_model::migrate::template(include_bytes!(
            "../fixtures/user-persona-template-1.0.json"
        ))
        .expect("the frozen template parses");
    }
    builtin_template(&TemplateId::from(id))
        .expect("a built-in template")
        .clone()
}

/// One persona filled from the user-persona template with text in the given script.
pub fn persona(n: u128, project: ProjectId, name: &str, words: [&str; 4]) -> Persona {
    let t = template("user-persona");
    let mut p = Persona::from_template(&t, project, name, at(1_700_000_000)).expect("persona");
    p.id = PersonaId(Uuid::from_u128(n));
    p.archetype = words[0].into();
    p.quote = words[1].into();
    p.notes = words[2].into();
    p.tags = vec![words[3].into(), "B2C".into()];
    p.updated = at(1_700_000_000 + n as i64);
    for m in &mut p.modules {
        match &mut m.body {
            ModuleBody::Facts { rows } => {
                for (i, r) in rows.iter_mut().enumerate() {
                    r.value = format!("{} {i}", words[3]);
                }
                rows.push(Fact {
                    label: words[0].into(),
                    value: words[1].into(),
                });
            }
            ModuleBody::Text { text } => *text = words.join("\n"),
            ModuleBody::List { items } => *items = words.iter().map(|w| w.to_string()).collect(),
            ModuleBody::Tags { tags } => *tags = vec![words[3].into()],
            ModuleBody::Sliders { rows, .. } => {
                for (i, s) in rows.iter_mut().enumerate() {
                    s.value = (i as u8 * 17) % 101;
                }
            }
            _ => {}
        }
    }
    p
}

/// A project with a JPEG logo, four personas (Chinese with a PNG photo, Russian,
/// Vietnamese with a WebP picture module, Lithuanian on a custom template).
pub fn sample() -> BundleContents {
    let project_id = ProjectId(Uuid::from_u128(0xac3e));
    let mut project = Project::new("Acme 咖啡 — Кофе", at(1_690_000_000)).expect("project");
    project.id = project_id;
    project.brand.logo = Some(hash(JPEG));
    project.brand.font = Some("Noto Sans".into());

    let mut zh = persona(
        1,
        project_id,
        "王芳",
        [
            "精打细算的妈妈",
            "我总是先比较价格。",
            "上海，两个孩子",
            "优惠券",
        ],
    );
    zh.photo = Some(hash(PNG));
    let ru = persona(
        2,
        project_id,
        "Ирина Волкова",
        [
            "Экономный покупатель",
            "Сначала я сравниваю цены.",
            "Москва, двое детей",
            "скидки",
        ],
    );
    let mut vi = persona(
        3,
        project_id,
        "Đặng Thu Hà",
        [
            "Người mua sắm tiết kiệm",
            "Tôi luôn so sánh giá trước.",
            "Hà Nội, hai con",
            "giảm giá",
        ],
    );
    vi.modules.push(Module {
        id: "moodboard".into(),
        title: "Hình ảnh".into(),
        hint: String::new(),
        area: GridArea {
            col: 0,
            row: 0,
            cols: 1,
            rows: 1,
        },
        body: ModuleBody::Image {
            asset: Some(hash(WEBP)),
            caption: "Cửa hàng yêu thích".into(),
        },
    });
    let mut custom = template("user-persona");
    custom.id = "acme-custom".into();
    custom.name = "Acme — Žalias".into();
    let mut lt = persona(
        4,
        project_id,
        "Žydrūnė Čiurlionytė",
        [
            "Taupi pirkėja",
            "Pirmiausia palyginu kainas.",
            "Vilnius, du vaikai",
            "nuolaidos",
        ],
    );
    lt.template = custom.id.clone();

    let assets = [PNG, JPEG, WEBP]
        .iter()
        .map(|b| (hash(b), b.to_vec()))
        .collect();
    BundleContents {
        project: Some(project),
        personas: vec![zh, ru, vi, lt],
        templates: vec![template("user-persona"), custom],
        assets,
        evidence: EvidenceSnapshot::default(),
    }
}

/// The contents sorted as a reader returns them: personas and templates by id.
pub fn sorted(mut c: BundleContents) -> BundleContents {
    c.personas.sort_by_key(|p| p.id);
    c.templates.sort_by(|a, b| a.id.cmp(&b.id));
    c
}

/// The entries of a zip, in order, as (name, bytes).
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("an entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("entry bytes");
            (f.name().expect("a name").into_owned(), data)
        })
        .collect()
}

/// A zip of the given entries, deflated.
pub fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        z.start_file(name.as_str(), o).expect("start");
        z.write_all(data).expect("write");
    }
    z.finish().expect("finish").into_inner()
}

/// Rewrites the manifest so its listing matches the entries again (sizes and
/// hashes), so that a test reaches the check it is aimed at.
pub fn relist(entries: &mut [(String, Vec<u8>)]) {
    let listing: Vec<serde_json::Value> = entries
        .iter()
        .filter(|(n, _)| n != "manifest.json")
        .map(|(n, d)| serde_json::json!({"path": n, "size": d.len(), "sha256": sha256_hex(d)}))
        .collect();
    // A manifest that is not a JSON object is left as the test made it.
    if let Some((_, m)) = entries.iter_mut().find(|(n, _)| n == "manifest.json") {
        if let Ok(serde_json::Value::Object(mut v)) = serde_json::from_slice(m) {
            if v.contains_key("contents") {
                v.insert("contents".into(), serde_json::Value::Array(listing));
                *m = serde_json::to_vec_pretty(&v).expect("json");
            }
        }
    }
}

/// Applies `change` to the entries of the sample bundle, relists, and zips again.
pub fn tampered(change: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> Vec<u8> {
    let bytes = persona_bundle::write(&sample(), &options(Scope::Project)).expect("write");
    let mut entries = unzip(&bytes);
    change(&mut entries);
    relist(&mut entries);
    zip_of(&entries)
}

/// The entries of the sample bundle by name.
pub fn sample_entries() -> BTreeMap<String, Vec<u8>> {
    let bytes = persona_bundle::write(&sample(), &options(Scope::Project)).expect("write");
    unzip(&bytes).into_iter().collect()
}
