use std::path::{Path, PathBuf};

use persona_model::{
    migrate, AssetHash, DatasetId, DatasetRecord, ModelError, Persona, PersonaId, Project,
    ProjectId,
};
use sha2::{Digest, Sha256};
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use crate::lock::DirLock;
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
    // Declared last so it is released after the database is closed.
    _lock: DirLock,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("dir", &self.dir).finish()
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
        let db = sled::Config::new().path(dir.join(DB_DIR)).open()?;
        Ok(Library {
            dir: dir.to_owned(),
            projects: db.open_tree("projects")?,
            personas: db.open_tree("personas")?,
            assets: db.open_tree("assets")?,
            datasets: db.open_tree("datasets")?,
            answers: db.open_tree("dataset_answers")?,
            db,
            _lock: lock,
        })
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
        let encoded_projects = projects
            .iter()
            .map(|p| {
                p.validate()?;
                Ok((p.id.0, encode(p)))
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let encoded_personas = personas
            .iter()
            .map(|p| {
                p.validate()?;
                Ok((p.id.0, encode(p)))
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        (&self.projects, &self.personas)
            .transaction(|(tp, tq)| {
                for (id, bytes) in &encoded_projects {
                    tp.insert(id.as_bytes(), bytes.as_slice())?;
                }
                for (id, bytes) in &encoded_personas {
                    tq.insert(id.as_bytes(), bytes.as_slice())?;
                }
                Ok::<(), ConflictableTransactionError<StoreError>>(())
            })
            .map_err(flatten)?;
        self.flush()
    }

    /// Deletes a persona; answers whether it existed. Flushed before it returns.
    pub fn delete_persona(&self, id: PersonaId) -> Result<bool, StoreError> {
        let existed = self.personas.remove(id.0.as_bytes())?.is_some();
        self.flush()?;
        Ok(existed)
    }

    /// Stores bytes once under their SHA-256 and returns the hash.
    pub fn put_asset(&self, bytes: &[u8]) -> Result<AssetHash, StoreError> {
        let hash = AssetHash(hex(&Sha256::digest(bytes)));
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
        let encoded_personas = personas
            .iter()
            .map(|p| {
                p.validate()?;
                Ok((p.id.0, encode(p)))
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let key = record.id.0;
        let encoded_record = encode(record);
        (&self.datasets, &self.answers, &self.personas)
            .transaction(|(td, ta, tq)| {
                ta.insert(key.as_bytes(), answers)?;
                td.insert(key.as_bytes(), encoded_record.as_slice())?;
                for (id, bytes) in &encoded_personas {
                    tq.insert(id.as_bytes(), bytes.as_slice())?;
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

    fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }
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
