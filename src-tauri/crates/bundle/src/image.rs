//! Images in a bundle: which kinds are allowed and how big they claim to be.
//!
//! Images are never decoded here. The kind is judged from the first bytes and the size
//! from the header alone, so a small file that claims a gigapixel picture is refused
//! before anything would allocate for it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ReadError;
use crate::limits::Limits;

/// The image kinds a bundle may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Jpeg,
    Webp,
}

impl ImageFormat {
    /// The file extension used in bundles.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Webp => "webp",
        }
    }

    /// The kind named by an extension used in bundles.
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext {
            "png" => Some(ImageFormat::Png),
            "jpg" => Some(ImageFormat::Jpeg),
            "webp" => Some(ImageFormat::Webp),
            _ => None,
        }
    }

    /// The kind the bytes start like, if it is one of the allowed ones.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageFormat::Png)
        } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
            Some(ImageFormat::Jpeg)
        } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(ImageFormat::Webp)
        } else {
            None
        }
    }

    fn describe(self) -> &'static str {
        match self {
            ImageFormat::Png => "a PNG",
            ImageFormat::Jpeg => "a JPEG",
            ImageFormat::Webp => "a WebP",
        }
    }
}

/// What an image's header says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImageInfo {
    pub format: ImageFormat,
    #[ts(type = "number")]
    pub width: u64,
    #[ts(type = "number")]
    pub height: u64,
}

/// Checks that `bytes` are an allowed image of the kind `named`, with a readable
/// header and at most `limits.max_image_pixels` pixels.
pub(crate) fn check_image(
    entry: &str,
    named: ImageFormat,
    bytes: &[u8],
    limits: &Limits,
) -> Result<ImageInfo, ReadError> {
    let actual = ImageFormat::sniff(bytes).ok_or_else(|| ReadError::UnsupportedImage {
        entry: entry.to_owned(),
    })?;
    if actual != named {
        return Err(ReadError::ImageTypeMismatch {
            entry: entry.to_owned(),
            named: named.extension(),
            actual: actual.describe(),
        });
    }
    let size = imagesize::blob_size(bytes).map_err(|_| ReadError::UnreadableImage {
        entry: entry.to_owned(),
    })?;
    let (width, height) = (size.width as u64, size.height as u64);
    let pixels = width.saturating_mul(height);
    if pixels == 0 || pixels > limits.max_image_pixels {
        return Err(ReadError::ImageTooLarge {
            entry: entry.to_owned(),
            width,
            height,
            limit: limits.max_image_pixels,
        });
    }
    Ok(ImageInfo {
        format: actual,
        width,
        height,
    })
}
