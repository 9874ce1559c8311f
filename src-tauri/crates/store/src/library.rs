use std::path::{Path, PathBuf};

use persona_model::{
    migrate, AssetHash, DatasetId, DatasetRecord, ModelError, Persona, PersonaDigest, PersonaId,
    Project, ProjectId, Template, TemplateId,
};
use sha2::{Digest, Sha256};
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use crate::lock::DirLock;

/// The tree of persona digests; the suffix is the digest format's version.
const DIGESTS_TREE: &str = "digests-2";
use crate::{StoreError, DB_DIR};

/// An open library. Dropping it releases the lock.
pub struct Library {
    dir: PathBuf,
    db: sled::Db,
    projects: sled::Tree,
    personas: sled::Tree,
    assets: sled::Tree,
    /// Dataset records (small: listed often), by dataset id.
    datasets: sled::Tree,
    /// Dataset answers (large: read when figures are computed), by dataset id.
    answers: sled::Tree,
    /// Templates the user saved or imported; the built-in ones live in the binary.
    templates: sled::Tree,
    /// A [`PersonaDigest`] per persona, written with it: what lists and search read.
    /// The tree's name carries the digest's format; a new format starts a new tree,
    /// filled from the personas when the library opens.
    digests: sled::Tree,
    /// Bumped by every write, so caches of the library (the search index) know when
    /// to refresh.
    generation: std::sync::atomic::AtomicU64,
    // Declared last so it is released after the database is closed.
    _lock: DirLock,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("dir", &self.dir).finish()
    }
}

/// Opens sled's database. sled releases its own file lock from its flusher thread a
/// moment after the last handle is dropped, so opening a library again in the same
/// process (a test, a reopened window) can find it still taken. With the directory lock
/// held no other process can hold it: a busy lock is our own closing handle, and is
/// waited for briefly.
fn open_db(path: &Path) -> Result<sled::Db, StoreError> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match sled::Config::new().path(path).open() {
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock")
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return Ok(other?),
        }
    }
}

impl Library {
    /// Opens (creating if needed) the library in `dir`, taking its lock first.
    pub fn open(dir: &Path) -> Result<Library, StoreError> {
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::BadDataDir {
                dir: dir.to_owned(),
                reason: "it is a file, not a folder".into(),
            });
        }
        std::fs::create_dir_all(dir).map_err(|e| StoreError::BadDataDir {
            dir: dir.to_owned(),
            reason: e.to_string(),
        })?;
        let lock = DirLock::acquire(dir)?;
        let db = open_db(&dir.join(DB_DIR))?;
        let library = Library {
            dir: dir.to_owned(),
            projects: db.open_tree("projects")?,
            personas: db.open_tree("personas")?,
            assets: db.open_tree("assets")?,
            datasets: db.open_tree("datasets")?,
            answers: db.open_tree("dataset_answers")?,
            templates: db.open_tree("templates")?,
            digests: db.open_tree(DIGESTS_TREE)?,
            generation: std::sync::atomic::AtomicU64::new(0),
            db,
            _lock: lock,
        };
        if library.digests.len() != library.personas.len() {
            library.rebuild_digests()?;
        }
        Ok(library)
    }

    /// Writes a digest for every persona (a library from before digests, or after a
    /// change of their format), dropping digests of personas that are gone.
    fn rebuild_digests(&self) -> Result<(), StoreError> {
        self.digests.clear()?;
        for p in self.personas()? {
            self.digests
                .insert(p.id.0.as_bytes(), encode(&p.digest()))?;
        }
        self.flush()
    }

    /// The digest of every persona, in storage order: what the library screen and
    /// search need, without reading whole personas.
    pub fn digests(&self) -> Result<Vec<PersonaDigest>, StoreError> {
        self.digests
            .iter()
            .map(|kv| {
                let (k, v) = kv?;
                serde_json::from_slice(&v).map_err(|e| {
                    corrupt(
                        "persona",
                        &k,
                        ModelError::InvalidJson {
                            kind: "persona digest",
                            source: e,
                        },
                    )
                })
            })
            .collect()
    }

    /// The data directory this library lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// True when the library holds no project and no persona.
    pub fn is_empty(&self) -> bool {
        self.projects.is_empty() && self.personas.is_empty()
    }

    /// Every project, in storage order.
    pub fn projects(&self) -> Result<Vec<Project>, StoreError> {
        self.projects
            .iter()
            .map(|kv| {
                let (k, v) = kv?;
                migrate::project(&v).map_err(|e| corrupt("project", &k, e))
            })
            .collect()
    }

    /// The project with this id, if there is one.
    pub fn project(&self, id: ProjectId) -> Result<Option<Project>, StoreError> {
        self.projects
            .get(id.0.as_bytes())?
            .map(|v| migrate::project(&v).map_err(|e| corrupt("project", id.0.as_bytes(), e)))
            .transpose()
    }

    /// Every persona, in storage order.
    pub fn personas(&self) -> Result<Vec<Persona>, StoreError> {
        self.personas
            .iter()
            .map(|kv| {
                let (k, v) = kv?;
                migrate::persona(&v).map_err(|e| corrupt("persona", &k, e))
            })
            .collect()
    }

    /// The persona with this id, if there is one.
    pub fn persona(&self, id: PersonaId) -> Result<Option<Persona>, StoreError> {
        self.personas
            .get(id.0.as_bytes())?
            .map(|v| migrate::persona(&v).map_err(|e| corrupt("persona", id.0.as_bytes(), e)))
            .transpose()
    }

    /// Stores a project (new or replacing the one with its id) and flushes it to disk.
    pub fn put_project(&self, project: &Project) -> Result<(), StoreError> {
        self.put_all(std::slice::from_ref(project), &[])
    }

    /// Stores a persona (new or replacing the one with its id) and flushes it to disk.
    pub fn put_persona(&self, persona: &Persona) -> Result<(), StoreError> {
        self.put_all(&[], std::slice::from_ref(persona))
    }

    /// Stores projects and personas in one transaction: all of them or none, then flushes.
    /// Everything is validated before anything is written.
    pub fn put_all(&self, projects: &[Project], personas: &[Persona]) -> Result<(), StoreError> {
        self.commit(&Batch {
            projects,
            personas,
            ..Batch::default()
        })
    }

    /// Stores everything in `batch` in one transaction (all of it or none), then flushes.
    /// Every document is validated before anything is written, so a bad one leaves the
    /// library as it was.
    pub fn commit(&self, batch: &Batch<'_>) -> Result<(), StoreError> {
        let projects = batch
            .projects
            .iter()
            .map(|p| {
                p.validate()?;
                Ok((p.id.0.as_bytes().to_vec(), encode(p)))
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let personas = batch
            .personas
            .iter()
            .map(|p| {
                p.validate()?;
                Ok((p.id.0.as_bytes().to_vec(), encode(p), encode(&p.digest())))
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let templates = batch
            .templates
            .iter()
            .map(|t| {
                t.validate()?;
                Ok((t.id.0.as_bytes().to_vec(), encode(t)))
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let assets: Vec<(Vec<u8>, &[u8])> = batch
            .assets
            .iter()
            .map(|bytes| (asset_hash(bytes).0.into_bytes(), bytes.as_slice()))
            .collect();
        (
            &self.projects,
            &self.personas,
            &self.templates,
            &self.assets,
            &self.digests,
        )
            .transaction(|(tp, tq, tt, ta, td)| {
                for (id, bytes) in &projects {
                    tp.insert(id.as_slice(), bytes.as_slice())?;
                }
                for (id, bytes, digest) in &personas {
                    tq.insert(id.as_slice(), bytes.as_slice())?;
                    td.insert(id.as_slice(), digest.as_slice())?;
                }
                for (id, bytes) in &templates {
                    tt.insert(id.as_slice(), bytes.as_slice())?;
                }
                for (hash, bytes) in &assets {
                    ta.insert(hash.as_slice(), *bytes)?;
                }
                Ok::<(), ConflictableTransactionError<StoreError>>(())
            })
            .map_err(flatten)?;
        self.flush()
    }

    /// Every template stored in the library (not the built-in ones), in id order.
    pub fn templates(&self) -> Result<Vec<Template>, StoreError> {
        self.templates
            .iter()
            .map(|kv| {
                let (k, v) = kv?;
                migrate::template(&v).map_err(|e| corrupt_named("template", &k, e))
            })
            .collect()
    }

    /// The stored template with this id, if there is one.
    pub fn template(&self, id: &TemplateId) -> Result<Option<Template>, StoreError> {
        self.templates
            .get(id.0.as_bytes())?
            .map(|v| {
                migrate::template(&v).map_err(|e| corrupt_named("template", id.0.as_bytes(), e))
            })
            .transpose()
    }

    /// Stores a template (new or replacing the one with its id) and flushes it to disk.
    pub fn put_template(&self, template: &Template) -> Result<(), StoreError> {
        self.commit(&Batch {
            templates: std::slice::from_ref(template),
            ..Batch::default()
        })
    }

    /// Deletes a stored template; answers whether it existed. Flushed before it returns.
    pub fn delete_template(&self, id: &TemplateId) -> Result<bool, StoreError> {
        let existed = self.templates.remove(id.0.as_bytes())?.is_some();
        self.flush()?;
        Ok(existed)
    }

    /// The hashes of every stored asset.
    pub fn asset_hashes(&self) -> Result<std::collections::BTreeSet<AssetHash>, StoreError> {
        self.assets
            .iter()
            .keys()
            .map(|k| Ok(AssetHash(String::from_utf8_lossy(&k?).into_owned())))
            .collect()
    }

    /// True when an asset with this hash is stored.
    pub fn has_asset(&self, hash: &AssetHash) -> Result<bool, StoreError> {
        Ok(self.assets.contains_key(hash.0.as_bytes())?)
    }

    /// Deletes a persona; answers whether it existed. Flushed before it returns.
    pub fn delete_persona(&self, id: PersonaId) -> Result<bool, StoreError> {
        let existed = (&self.personas, &self.digests)
            .transaction(|(tq, td)| {
                td.remove(id.0.as_bytes())?;
                Ok::<bool, ConflictableTransactionError<StoreError>>(
                    tq.remove(id.0.as_bytes())?.is_some(),
                )
            })
            .map_err(flatten)?;
        self.flush()?;
        Ok(existed)
    }

    /// Stores bytes once under their SHA-256 and returns the hash.
    pub fn put_asset(&self, bytes: &[u8]) -> Result<AssetHash, StoreError> {
        let hash = asset_hash(bytes);
        if !self.assets.contains_key(hash.0.as_bytes())? {
            self.assets.insert(hash.0.as_bytes(), bytes)?;
            self.flush()?;
        }
        Ok(hash)
    }

    /// The bytes of a stored asset.
    pub fn asset(&self, hash: &AssetHash) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.assets.get(hash.0.as_bytes())?.map(|v| v.to_vec()))
    }

    /// Every dataset record, in storage order.
    pub fn datasets(&self) -> Result<Vec<DatasetRecord>, StoreError> {
        self.datasets
            .iter()
            .map(|kv| {
                let (k, v) = kv?;
                migrate::dataset_record(&v).map_err(|e| corrupt("dataset", &k, e))
            })
            .collect()
    }

    /// The record of the dataset with this id, if there is one.
    pub fn dataset(&self, id: DatasetId) -> Result<Option<DatasetRecord>, StoreError> {
        self.datasets
            .get(id.0.as_bytes())?
            .map(|v| {
                migrate::dataset_record(&v).map_err(|e| corrupt("dataset", id.0.as_bytes(), e))
            })
            .transpose()
    }

    /// The stored answers of a dataset, as the bytes [`Library::put_dataset`] was given.
    pub fn dataset_answers(&self, id: DatasetId) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.answers.get(id.0.as_bytes())?.map(|v| v.to_vec()))
    }

    /// Stores a dataset (its record and its encoded answers, new or replacing the one
    /// with its id) together with personas whose evidence changed with it: all in one
    /// transaction, then flushed. A failure leaves the library as it was.
    pub fn put_dataset(
        &self,
        record: &DatasetRecord,
        answers: &[u8],
        personas: &[Persona],
    ) -> Result<(), StoreError> {
        // Personas go in with their search digests, as in `commit`.
        let encoded_personas = personas
            .iter()
            .map(|p| {
                p.validate()?;
                Ok((p.id.0, encode(p), encode(&p.digest())))
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let key = record.id.0;
        let encoded_record = encode(record);
        (&self.datasets, &self.answers, &self.personas, &self.digests)
            .transaction(|(td, ta, tq, tg)| {
                ta.insert(key.as_bytes(), answers)?;
                td.insert(key.as_bytes(), encoded_record.as_slice())?;
                for (id, bytes, digest) in &encoded_personas {
                    tq.insert(id.as_bytes(), bytes.as_slice())?;
                    tg.insert(id.as_bytes(), digest.as_slice())?;
                }
                Ok::<(), ConflictableTransactionError<StoreError>>(())
            })
            .map_err(flatten)?;
        self.flush()
    }

    /// Deletes a dataset and its answers; answers whether it existed.
    pub fn delete_dataset(&self, id: DatasetId) -> Result<bool, StoreError> {
        let existed = (&self.datasets, &self.answers)
            .transaction(|(td, ta)| {
                ta.remove(id.0.as_bytes())?;
                Ok::<bool, ConflictableTransactionError<StoreError>>(
                    td.remove(id.0.as_bytes())?.is_some(),
                )
            })
            .map_err(flatten)?;
        self.flush()?;
        Ok(existed)
    }

    /// A number that changes whenever anything is written through this library.
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Every write ends here: count it, then make it durable.
    fn flush(&self) -> Result<(), StoreError> {
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.db.flush()?;
        Ok(())
    }
}

/// Documents to store together in one transaction: see [`Library::commit`].
#[derive(Debug, Default, Clone, Copy)]
pub struct Batch<'a> {
    pub projects: &'a [Project],
    pub personas: &'a [Persona],
    pub templates: &'a [Template],
    /// Raw bytes of images, stored under their SHA-256 like [`Library::put_asset`].
    pub assets: &'a [Vec<u8>],
}

/// The key an asset is stored under: the SHA-256 of its bytes, in lowercase hex.
pub fn asset_hash(bytes: &[u8]) -> AssetHash {
    AssetHash(hex(&Sha256::digest(bytes)))
}

fn encode<T: serde::Serialize>(doc: &T) -> Vec<u8> {
    // Model documents are plain data (strings, numbers, vectors); serialising them
    // to a Vec cannot fail, so an empty fallback is unreachable rather than hidden.
    serde_json::to_vec(doc).unwrap_or_default()
}

fn corrupt(kind: &'static str, key: &[u8], source: ModelError) -> StoreError {
    StoreError::Corrupt {
        kind,
        id: uuid_text(key),
        source,
    }
}

fn corrupt_named(kind: &'static str, key: &[u8], source: ModelError) -> StoreError {
    StoreError::Corrupt {
        kind,
        id: String::from_utf8_lossy(key).into_owned(),
        source,
    }
}

fn uuid_text(key: &[u8]) -> String {
    uuid::Uuid::from_slice(key)
        .map(|u| u.to_string())
        .unwrap_or_else(|_| hex(key))
}

fn flatten(e: TransactionError<StoreError>) -> StoreError {
    match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => StoreError::Db(e),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
