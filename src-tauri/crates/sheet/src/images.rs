//! Photos, logos and pictures: treated as hostile input. Dimensions are read from
//! the header and checked before anything is decoded; JPEGs are kept as they are so
//! the PDF embeds the original bytes without re-encoding.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};

use crate::scene::{ImageData, SceneImage};

/// Largest image file accepted.
pub const MAX_IMAGE_BYTES: usize = 40 * 1024 * 1024;
/// Longest side accepted, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 12_000;
/// Most pixels accepted (width × height).
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;

/// Why an image cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("the file is {bytes} bytes; at most {max} are accepted", max = MAX_IMAGE_BYTES)]
    FileTooLarge { bytes: usize },
    #[error("not a JPEG, PNG or WebP image")]
    UnknownFormat,
    #[error("{width}×{height} pixels is more than accepted ({max_side} px a side, {max_pixels} pixels)", max_side = MAX_IMAGE_SIDE, max_pixels = MAX_IMAGE_PIXELS)]
    TooManyPixels { width: u32, height: u32 },
    #[error("cannot decode the image: {reason}")]
    Decode { reason: String },
}

fn decode_error(e: impl std::fmt::Display) -> ImageError {
    ImageError::Decode {
        reason: e.to_string(),
    }
}

fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(MAX_IMAGE_SIDE);
    l.max_image_height = Some(MAX_IMAGE_SIDE);
    l.max_alloc = Some(MAX_IMAGE_PIXELS * 4 + 64 * 1024 * 1024);
    l
}

/// Checks and prepares an image for the scene.
pub(crate) fn load(bytes: Vec<u8>) -> Result<SceneImage, ImageError> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(ImageError::FileTooLarge { bytes: bytes.len() });
    }
    let reader = ImageReader::new(Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(decode_error)?;
    let format = reader.format();
    if !matches!(
        format,
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)
    ) {
        return Err(ImageError::UnknownFormat);
    }
    let (width, height) = reader.into_dimensions().map_err(decode_error)?;
    check_size(width, height)?;
    match format {
        Some(ImageFormat::Jpeg) => {
            let components = jpeg_components(&bytes).ok_or_else(|| ImageError::Decode {
                reason: "no JPEG frame header".to_owned(),
            })?;
            if components == 1 || components == 3 {
                return Ok(SceneImage {
                    width,
                    height,
                    data: ImageData::Jpeg { bytes, components },
                });
            }
            // CMYK JPEGs need colour conversion: decode them like any other image.
            decode(&bytes, width, height)
        }
        // PDF has no WebP filter: WebP photos (which bundles may carry) are decoded.
        Some(ImageFormat::Png | ImageFormat::WebP) => decode(&bytes, width, height),
        _ => Err(ImageError::UnknownFormat),
    }
}

fn check_size(width: u32, height: u32) -> Result<(), ImageError> {
    let too_many = width == 0
        || height == 0
        || width > MAX_IMAGE_SIDE
        || height > MAX_IMAGE_SIDE
        || u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS;
    if too_many {
        Err(ImageError::TooManyPixels { width, height })
    } else {
        Ok(())
    }
}

fn decode(bytes: &[u8], width: u32, height: u32) -> Result<SceneImage, ImageError> {
    let rgba = decode_rgba(bytes)?;
    Ok(SceneImage {
        width,
        height,
        data: ImageData::Rgba(rgba),
    })
}

/// Decodes (already size-checked) image bytes to straight RGBA.
pub(crate) fn decode_rgba(bytes: &[u8]) -> Result<Vec<u8>, ImageError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(decode_error)?;
    reader.limits(limits());
    let img = reader.decode().map_err(decode_error)?;
    Ok(img.into_rgba8().into_raw())
}

/// The number of colour components in a JPEG's frame header (SOF0–SOF15, except the
/// DHT/JPG/DAC markers that share the range).
fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xff {
            i += 1;
            continue;
        }
        let marker = bytes[i + 1];
        if marker == 0xff {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let is_sof = (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
        if is_sof {
            return bytes.get(i + 9).copied();
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_of(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(w, h, image::Rgba([10, 20, 30, 255]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_jpeg_is_kept_as_is() {
        let img = image::RgbImage::from_pixel(8, 6, image::Rgb([200, 10, 10]));
        let mut jpeg = Vec::new();
        img.write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        let s = load(jpeg.clone()).unwrap();
        assert_eq!((s.width, s.height), (8, 6));
        assert_eq!(
            s.data,
            ImageData::Jpeg {
                bytes: jpeg,
                components: 3
            }
        );
    }

    #[test]
    fn a_png_is_decoded_to_rgba() {
        let s = load(png_of(3, 2)).unwrap();
        match s.data {
            ImageData::Rgba(px) => assert_eq!(px.len(), 3 * 2 * 4),
            ImageData::Jpeg { .. } => panic!("a PNG must be decoded"),
        }
    }

    #[test]
    fn a_huge_image_is_refused_before_decoding() {
        // A PNG that claims 50 000 × 50 000 pixels and has no pixel data: only the
        // header may be read, or this would allocate 10 GB.
        let mut bytes = Vec::new();
        {
            let enc = png::Encoder::new(&mut bytes, 50_000, 50_000);
            let mut w = enc.write_header().unwrap();
            w.write_chunk(png::chunk::IDAT, &[0x78, 0x9c, 0x03, 0x00])
                .unwrap();
            drop(w);
        }
        let err = load(bytes).unwrap_err();
        assert!(
            matches!(err, ImageError::TooManyPixels { width: 50_000, .. }),
            "{err}"
        );
    }

    #[test]
    fn garbage_is_refused() {
        assert!(matches!(
            load(b"not an image at all".to_vec()),
            Err(ImageError::UnknownFormat)
        ));
    }
}
