//! Operations on single personas and projects beyond create/save/delete: presets,
//! duplicate, move, photos, brands.

use persona_model::{
    builtin_preset, builtin_presets, AssetHash, Brand, Color, ModuleBody, Persona, PersonaId,
    Preset, Project, ProjectId, DEFAULT_TEMPLATE,
};

use crate::photo::{self, CropRect};
use crate::{ApiError, Studio};

/// The suffix a duplicate's name gets.
pub const COPY_SUFFIX: &str = " (copy)";

impl Studio {
    /// The built-in presets (shopper archetypes), for the new-persona dialog.
    pub fn presets(&self) -> &'static [Preset] {
        builtin_presets()
    }

    /// The preset with this id.
    pub fn preset(&self, id: &str) -> Result<&'static Preset, ApiError> {
        builtin_preset(id).ok_or_else(|| ApiError::UnknownPreset(id.to_owned()))
    }

    /// `persona new --preset`: a persona laid out by a template and prefilled by a preset.
    /// Without a template, the preset's own template is used; a preset made for another
    /// template than the one named is refused before anything is stored.
    ///
    /// With `lang` (`ru`, `zh-CN`…), module titles, hints and labels come in that
    /// language where the template has it (English elsewhere). They are stored in the
    /// persona as created: changing the UI language later does not rename them.
    pub fn create_persona_from(
        &self,
        project: &str,
        name: &str,
        template: Option<&str>,
        preset: Option<&str>,
        lang: Option<&str>,
    ) -> Result<Persona, ApiError> {
        let preset = preset.map(|p| self.preset(p)).transpose()?;
        let template_id = match (template, preset) {
            (Some(t), _) => t,
            (None, Some(p)) => p.template.as_str(),
            (None, None) => DEFAULT_TEMPLATE,
        };
        if let Some(p) = preset {
            if p.template.as_str() != template_id {
                return Err(ApiError::PresetForOtherTemplate {
                    preset: p.id.clone(),
                    wants: p.template.to_string(),
                    template: template_id.to_owned(),
                });
            }
        }
        let project = self.resolve_project(project)?;
        let template = self.template(template_id)?;
        let mut persona = Persona::from_template(&template, project.id, name, self.now())?;
        if let Some(p) = preset {
            // Presets name sliders by the template's base labels, so they go first.
            p.apply(&mut persona)?;
        }
        if let Some(lang) = lang {
            template.localize_modules(lang, &mut persona.modules);
        }
        self.library().put_persona(&persona)?;
        Ok(persona)
    }

    /// A copy of a persona in the same project, with a new id and "(copy)" after its
    /// name; content, photo and evidence references are shared by value.
    pub fn duplicate_persona(&self, id: PersonaId) -> Result<Persona, ApiError> {
        let original = self.persona(id)?;
        let now = self.now();
        let copy = Persona {
            id: PersonaId::new(),
            name: copy_name(&original.name),
            created: now,
            updated: now,
            ..original
        };
        self.library().put_persona(&copy)?;
        Ok(copy)
    }

    /// Moves a persona into another project (given by id or exact name); its id stays.
    pub fn move_persona(&self, id: PersonaId, project: &str) -> Result<Persona, ApiError> {
        let mut persona = self.persona(id)?;
        persona.project = self.resolve_project(project)?.id;
        persona.updated = self.now();
        self.library().put_persona(&persona)?;
        Ok(persona)
    }

    /// Takes a photo's bytes (JPEG, PNG or WebP), crops it to the avatar frame (the
    /// centre square unless `crop` says otherwise), scales it to what the sheet needs,
    /// stores it once by content hash and sets it as the persona's photo. A refused
    /// image changes nothing.
    pub fn set_persona_photo(
        &self,
        id: PersonaId,
        bytes: &[u8],
        crop: Option<CropRect>,
    ) -> Result<Persona, ApiError> {
        let mut persona = self.persona(id)?;
        let avatar = photo::prepare_avatar(bytes, crop)?;
        persona.photo = Some(self.library().put_asset(&avatar)?);
        persona.updated = self.now();
        self.library().put_persona(&persona)?;
        Ok(persona)
    }

    /// Stores a picture for an image module (scaled to what a sheet can use) and
    /// answers its hash; the module refers to it when the persona is saved. A refused
    /// image stores nothing.
    pub fn store_picture(&self, bytes: &[u8]) -> Result<AssetHash, ApiError> {
        let picture = photo::prepare_picture(bytes)?;
        Ok(self.library().put_asset(&picture)?)
    }

    /// `persona image`: sets the picture of an image module (`bytes`, stored like
    /// [`Studio::store_picture`]) or clears it (`None`), and its caption when one is
    /// given. A refused image or a module that is not an image module changes nothing.
    pub fn set_module_image(
        &self,
        id: PersonaId,
        module: &str,
        bytes: Option<&[u8]>,
        caption: Option<&str>,
    ) -> Result<Persona, ApiError> {
        let mut persona = self.persona(id)?;
        let Some(at) = persona
            .modules
            .iter()
            .position(|m| m.id == module && matches!(m.body, ModuleBody::Image { .. }))
        else {
            let found: Vec<&str> = persona
                .modules
                .iter()
                .filter(|m| matches!(m.body, ModuleBody::Image { .. }))
                .map(|m| m.id.as_str())
                .collect();
            return Err(ApiError::NotAnImageModule {
                persona: persona.name.clone(),
                module: module.to_owned(),
                found: if found.is_empty() {
                    "none".to_owned()
                } else {
                    found.join(", ")
                },
            });
        };
        let picture = bytes.map(|b| self.store_picture(b)).transpose()?;
        if let ModuleBody::Image { asset, caption: c } = &mut persona.modules[at].body {
            *asset = picture;
            if let Some(text) = caption {
                *c = text.trim().to_owned();
            }
        }
        self.save_persona(persona)
    }

    /// Checks a photo before the user crops it: what [`Studio::set_persona_photo`]
    /// would refuse is refused here with the same sentence, and nothing is stored.
    pub fn check_photo(&self, bytes: &[u8]) -> Result<photo::ImageSize, ApiError> {
        Ok(photo::inspect(bytes)?)
    }

    /// Removes a persona's photo (the sheet shows initials again).
    pub fn remove_persona_photo(&self, id: PersonaId) -> Result<Persona, ApiError> {
        let mut persona = self.persona(id)?;
        persona.photo = None;
        persona.updated = self.now();
        self.library().put_persona(&persona)?;
        Ok(persona)
    }

    /// Renames a project and sets its brand (name, colours, font, logo). A blank brand
    /// name means none (sheets then show the project's name). A logo must already
    /// be stored (see [`Studio::set_brand_logo`]); a font the sheet does not know is
    /// kept and reported by exports as a warning.
    pub fn update_project(
        &self,
        id: ProjectId,
        name: &str,
        brand: Brand,
    ) -> Result<Project, ApiError> {
        let mut project = self.project(id)?;
        let name = name.trim();
        let brand = brand.normalized()?;
        if name != project.name
            && self
                .library()
                .projects()?
                .iter()
                .any(|p| p.id != id && p.name == name)
        {
            return Err(ApiError::DuplicateProject(name.to_owned()));
        }
        if let Some(logo) = &brand.logo {
            if self.library().asset(logo)?.is_none() {
                return Err(ApiError::UnknownAsset(logo.to_string()));
            }
        }
        project.name = name.to_owned();
        project.brand = brand;
        project.updated = self.now();
        self.library().put_project(&project)?;
        Ok(project)
    }

    /// Takes a logo's bytes (JPEG, PNG or WebP), scales it to at most 512 px, stores it
    /// and sets it on the project's brand. A refused image changes nothing.
    pub fn set_brand_logo(&self, id: ProjectId, bytes: &[u8]) -> Result<Project, ApiError> {
        let mut project = self.project(id)?;
        let logo = photo::prepare_logo(bytes)?;
        project.brand.logo = Some(self.library().put_asset(&logo)?);
        project.updated = self.now();
        self.library().put_project(&project)?;
        Ok(project)
    }

    /// `project brand`: changes what `change` names of a project's brand (id or exact
    /// name) in one write, and answers the project. A font the
    /// sheets cannot draw is refused here, with the ones they can; nothing changes then.
    pub fn change_brand(&self, reference: &str, change: BrandChange) -> Result<Project, ApiError> {
        let project = self.resolve_project(reference)?;
        if change.is_empty() {
            return Ok(project);
        }
        if let Some(font) = change.font.as_deref().filter(|f| !f.trim().is_empty()) {
            let known = self.brand_fonts();
            if !known.iter().any(|k| k == font.trim()) {
                return Err(ApiError::UnknownFont {
                    font: font.to_owned(),
                    known: known.join(", "),
                });
            }
        }
        let mut brand = project.brand.clone();
        if let Some(name) = change.name {
            brand.name = Some(name);
        }
        if let Some(c) = change.primary {
            brand.primary = Color::parse(&c)?;
        }
        if let Some(c) = change.accent {
            brand.accent = Color::parse(&c)?;
        }
        if let Some(font) = change.font {
            brand.font = Some(font.trim().to_owned());
        }
        if change.no_logo {
            brand.logo = None;
        }
        // Everything is checked before the logo is stored: a refused change stores nothing.
        let mut brand = brand.normalized()?;
        if let Some(bytes) = change.logo.as_deref() {
            let logo = photo::prepare_logo(bytes)?;
            brand.logo = Some(self.library().put_asset(&logo)?);
        }
        self.update_project(project.id, &project.name, brand)
    }

    /// The project with this id.
    pub fn project(&self, id: ProjectId) -> Result<Project, ApiError> {
        self.library()
            .project(id)?
            .ok_or_else(|| ApiError::UnknownProject(id.to_string()))
    }

    /// A stored image and its MIME type, for the UI to show.
    pub fn asset(&self, hash: &AssetHash) -> Result<(Vec<u8>, &'static str), ApiError> {
        let bytes = self
            .library()
            .asset(hash)?
            .ok_or_else(|| ApiError::UnknownAsset(hash.to_string()))?;
        let mime = photo::mime_type(&bytes);
        Ok((bytes, mime))
    }

    /// The font families a brand can choose from: those the sheet can draw with.
    pub fn brand_fonts(&self) -> Vec<String> {
        crate::font_book().0.families()
    }
}

/// What `project brand` changes; `None` keeps what is there. An empty name or font
/// means none (sheets then show the project's name, or the default font).
#[derive(Debug, Default, Clone)]
pub struct BrandChange {
    pub name: Option<String>,
    pub primary: Option<String>,
    pub accent: Option<String>,
    pub font: Option<String>,
    /// A new logo's image bytes (JPEG, PNG or WebP).
    pub logo: Option<Vec<u8>>,
    pub no_logo: bool,
}

impl BrandChange {
    /// Whether it changes nothing (`project brand` then only shows the brand).
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.primary.is_none()
            && self.accent.is_none()
            && self.font.is_none()
            && self.logo.is_none()
            && !self.no_logo
    }
}

/// "Frugal Fred" → "Frugal Fred (copy)", kept within the name limit.
fn copy_name(name: &str) -> String {
    let room = persona_model::MAX_NAME_CHARS - COPY_SUFFIX.chars().count();
    let base: String = name.chars().take(room).collect();
    format!("{}{COPY_SUFFIX}", base.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_names_stay_within_the_limit() {
        assert_eq!(copy_name("Frugal Fred"), "Frugal Fred (copy)");
        let long = "ж".repeat(persona_model::MAX_NAME_CHARS);
        let c = copy_name(&long);
        assert_eq!(c.chars().count(), persona_model::MAX_NAME_CHARS);
        assert!(c.ends_with(COPY_SUFFIX));
    }
}
