//! Photos and logos as they come from the user: a file chosen in the native dialog, or
//! bytes dropped or pasted on the UI. Treated as hostile input: the size, format and
//! pixel count are checked from the header before anything is decoded, and decoding
//! runs under `image`'s allocation limits, so a decompression bomb is refused rather
//! than exhausting memory. What is stored is re-encoded by us: a square JPEG for a
//! persona's avatar, a bounded PNG (transparency kept) for a brand's logo.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Largest file accepted, in bytes.
pub const MAX_PHOTO_BYTES: usize = 30 * 1024 * 1024;
/// Longest side accepted, in pixels.
pub const MAX_PHOTO_SIDE: u32 = 12_000;
/// Most pixels accepted (width × height): a 48-megapixel camera fits, a bomb does not.
pub const MAX_PHOTO_PIXELS: u64 = 50_000_000;
/// The side of a stored avatar, in pixels: a 36 mm frame on the sheet at 360 dpi.
pub const AVATAR_SIDE: u32 = 512;
/// The longest side of a stored logo, in pixels.
pub const LOGO_SIDE: u32 = 512;
/// The longest side of a stored picture for an image module, in pixels: a full A4
/// landscape page's width at about 200 dpi, more than any module needs.
pub const PICTURE_SIDE: u32 = 2000;

/// Why an image was refused. Each says what is wrong in one sentence.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("the image is empty")]
    Empty,
    #[error("the image is {bytes} bytes; at most {max} MB are accepted", max = MAX_PHOTO_BYTES / (1024 * 1024))]
    TooLarge { bytes: usize },
    #[error("{found} images are not supported; use a JPEG, PNG or WebP image")]
    Unsupported { found: String },
    #[error("the image is {width}×{height} pixels; at most {max} megapixels and {side} pixels a side are accepted", max = MAX_PHOTO_PIXELS / 1_000_000, side = MAX_PHOTO_SIDE)]
    TooManyPixels { width: u32, height: u32 },
    #[error("the image is damaged and cannot be read ({reason})")]
    Broken { reason: String },
    #[error("the crop {crop} lies outside the {width}×{height} image")]
    CropOutside {
        crop: String,
        width: u32,
        height: u32,
    },
}

/// A rectangle of the source image to keep, in the source's pixels (after the
/// camera's orientation is applied), counted from the top left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CropRect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl std::fmt::Display for CropRect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}×{} at ({}, {})",
            self.width, self.height, self.x, self.y
        )
    }
}

/// The avatar for a persona: the crop (or, by default, the centre square), made square,
/// scaled down to at most [`AVATAR_SIDE`] and encoded as JPEG.
pub fn prepare_avatar(bytes: &[u8], crop: Option<CropRect>) -> Result<Vec<u8>, PhotoError> {
    let image = decode(bytes)?;
    let (w, h) = (image.width(), image.height());
    let area = match crop {
        Some(c) => {
            let inside = c.width > 0
                && c.height > 0
                && u64::from(c.x) + u64::from(c.width) <= u64::from(w)
                && u64::from(c.y) + u64::from(c.height) <= u64::from(h);
            if !inside {
                return Err(PhotoError::CropOutside {
                    crop: c.to_string(),
                    width: w,
                    height: h,
                });
            }
            c
        }
        None => CropRect {
            x: 0,
            y: 0,
            width: w,
            height: h,
        },
    };
    // The frame is round: keep the centre square of whatever rectangle was chosen.
    let side = area.width.min(area.height);
    let square = image.crop_imm(
        area.x + (area.width - side) / 2,
        area.y + (area.height - side) / 2,
        side,
        side,
    );
    let scaled = if side > AVATAR_SIDE {
        square.resize_exact(
            AVATAR_SIDE,
            AVATAR_SIDE,
            image::imageops::FilterType::Lanczos3,
        )
    } else {
        square
    };
    jpeg(&scaled)
}

/// The size of an image as it stands (after the camera's orientation): the frame a
/// crop is chosen in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImageSize {
    pub width: u32,
    pub height: u32,
}

/// Checks a photo the way [`prepare_avatar`] will (size, format, pixel count, a full
/// decode) and answers its size, so that the UI shows only pictures the app will take:
/// a decompression bomb never reaches the webview's decoder.
pub fn inspect(bytes: &[u8]) -> Result<ImageSize, PhotoError> {
    let image = decode(bytes)?;
    Ok(ImageSize {
        width: image.width(),
        height: image.height(),
    })
}

/// A brand's logo: the whole image, scaled down to at most [`LOGO_SIDE`] on its longer
/// side, encoded as PNG with its transparency.
pub fn prepare_logo(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    png(&fit_within(decode(bytes)?, LOGO_SIDE))
}

/// A picture for an image module: the whole image, scaled down to at most
/// [`PICTURE_SIDE`] on its longer side; a JPEG when it is opaque, a PNG (transparency
/// kept) when it is not.
pub fn prepare_picture(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    let scaled = fit_within(decode(bytes)?, PICTURE_SIDE);
    if scaled.color().has_alpha() {
        png(&scaled)
    } else {
        jpeg(&scaled)
    }
}

/// The image scaled down (never up) so that its longer side is at most `side`.
fn fit_within(image: DynamicImage, side: u32) -> DynamicImage {
    if image.width().max(image.height()) > side {
        image.resize(side, side, image::imageops::FilterType::Lanczos3)
    } else {
        image
    }
}

/// A JPEG of the image, transparent pixels made white.
fn jpeg(image: &DynamicImage) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88)
        .encode_image(&flatten_on_white(image))
        .map_err(encode_failed)?;
    Ok(out)
}

/// A PNG of the image, transparency kept.
fn png(image: &DynamicImage) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    DynamicImage::ImageRgba8(image.to_rgba8())
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(encode_failed)?;
    Ok(out)
}

fn encode_failed(e: image::ImageError) -> PhotoError {
    PhotoError::Broken {
        reason: e.to_string(),
    }
}

/// The MIME type of stored image bytes, for the UI (`image/jpeg`, `image/png`, `image/webp`).
pub fn mime_type(bytes: &[u8]) -> &'static str {
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => "image/jpeg",
        Ok(ImageFormat::Png) => "image/png",
        Ok(ImageFormat::WebP) => "image/webp",
        _ => "application/octet-stream",
    }
}

fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(MAX_PHOTO_SIDE);
    l.max_image_height = Some(MAX_PHOTO_SIDE);
    // Four bytes a pixel for the decoded image, plus room for the decoder's own buffers.
    l.max_alloc = Some(MAX_PHOTO_PIXELS * 4 + 64 * 1024 * 1024);
    l
}

/// Checks and decodes, applying the camera's orientation (EXIF) so portraits stand up.
fn decode(bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty);
    }
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooLarge { bytes: bytes.len() });
    }
    let broken = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels {
            width: 0,
            height: 0,
        },
        other => PhotoError::Broken {
            reason: other.to_string(),
        },
    };
    let format = image::guess_format(bytes).map_err(|_| PhotoError::Unsupported {
        found: "Unknown".into(),
    })?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(PhotoError::Unsupported {
            found: format!("{format:?}").to_uppercase(),
        });
    }
    // The JPEG decoder fills a cut-off image with grey rather than failing; a JPEG
    // without its end-of-image marker has been cut off (a download or copy that stopped).
    if format == ImageFormat::Jpeg && !bytes.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err(PhotoError::Broken {
            reason: "the JPEG data ends early".into(),
        });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(broken)?;
    // The header's dimensions, checked before a single pixel is decoded.
    let (width, height) = decoder.dimensions();
    if width == 0
        || height == 0
        || width > MAX_PHOTO_SIDE
        || height > MAX_PHOTO_SIDE
        || u64::from(width) * u64::from(height) > MAX_PHOTO_PIXELS
    {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    let orientation = decoder.orientation().map_err(broken)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels { width, height },
        other => PhotoError::Broken {
            reason: other.to_string(),
        },
    })?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Transparent pixels of a PNG or WebP become white on the JPEG, not black.
fn flatten_on_white(image: &DynamicImage) -> DynamicImage {
    if !image.color().has_alpha() {
        return DynamicImage::ImageRgb8(image.to_rgb8());
    }
    let rgba = image.to_rgba8();
    let rgb = image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    });
    DynamicImage::ImageRgb8(rgb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(image: DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Vec::new();
        image.write_to(&mut Cursor::new(&mut out), format).unwrap();
        out
    }

    /// A landscape picture: left half red, right half blue, a green stripe in the middle.
    fn sample(width: u32, height: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, _| {
            if x.abs_diff(width / 2) < width / 20 {
                image::Rgb([0, 200, 0])
            } else if x < width / 2 {
                image::Rgb([220, 0, 0])
            } else {
                image::Rgb([0, 0, 220])
            }
        }))
    }

    fn decoded(jpeg: &[u8]) -> image::RgbImage {
        assert_eq!(image::guess_format(jpeg).unwrap(), ImageFormat::Jpeg);
        image::load_from_memory(jpeg).unwrap().to_rgb8()
    }

    #[test]
    fn a_large_landscape_photo_becomes_a_512_square_from_the_centre() {
        let out = prepare_avatar(&encode(sample(1600, 900), ImageFormat::Png), None).unwrap();
        let img = decoded(&out);
        assert_eq!(img.dimensions(), (AVATAR_SIDE, AVATAR_SIDE));
        // The centre square of 1600×900 spans x 350..1250: green in the middle,
        // red on the left edge, blue on the right edge.
        assert!(img.get_pixel(256, 256)[1] > 150);
        assert!(img.get_pixel(5, 256)[0] > 150);
        assert!(img.get_pixel(506, 256)[2] > 150);
    }

    #[test]
    fn inspect_answers_the_oriented_size_and_refuses_what_prepare_refuses() {
        let wide = encode(DynamicImage::new_rgb8(300, 200), ImageFormat::Png);
        assert_eq!(
            inspect(&wide).unwrap(),
            ImageSize {
                width: 300,
                height: 200
            }
        );
        assert!(matches!(inspect(&[]), Err(PhotoError::Empty)));
        let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00;";
        assert!(matches!(inspect(gif), Err(PhotoError::Unsupported { .. })));
        let cut = encode(DynamicImage::new_rgb8(64, 64), ImageFormat::Jpeg);
        assert!(matches!(
            inspect(&cut[..cut.len() - 2]),
            Err(PhotoError::Broken { .. })
        ));
    }

    #[test]
    fn a_picture_keeps_its_shape_and_transparency_and_is_bounded() {
        let wide = encode(DynamicImage::new_rgb8(4000, 1000), ImageFormat::Png);
        let out = prepare_picture(&wide).unwrap();
        assert_eq!(image::guess_format(&out).unwrap(), ImageFormat::Jpeg);
        let back = image::load_from_memory(&out).unwrap();
        assert_eq!((back.width(), back.height()), (2000, 500));
        let clear = encode(DynamicImage::new_rgba8(30, 20), ImageFormat::Png);
        let out = prepare_picture(&clear).unwrap();
        assert_eq!(image::guess_format(&out).unwrap(), ImageFormat::Png);
        let back = image::load_from_memory(&out).unwrap();
        assert_eq!((back.width(), back.height()), (30, 20));
        assert!(back.color().has_alpha());
        assert!(matches!(
            prepare_picture(b"not an image"),
            Err(PhotoError::Unsupported { .. })
        ));
    }

    #[test]
    fn a_crop_rect_picks_the_part_kept() {
        let png = encode(sample(1000, 600), ImageFormat::Png);
        let left = CropRect {
            x: 0,
            y: 100,
            width: 300,
            height: 300,
        };
        let img = decoded(&prepare_avatar(&png, Some(left)).unwrap());
        // Smaller than the avatar: kept at its size, not blown up.
        assert_eq!(img.dimensions(), (300, 300));
        assert!(img.pixels().all(|p| p[0] > 150 && p[2] < 80), "all red");
        let outside = CropRect {
            x: 900,
            y: 0,
            width: 200,
            height: 200,
        };
        let err = refused(&png, Some(outside));
        assert!(matches!(err, PhotoError::CropOutside { .. }));
        assert_eq!(
            err.to_string(),
            "the crop 200×200 at (900, 0) lies outside the 1000×600 image"
        );
    }

    #[test]
    fn jpeg_and_webp_are_accepted() {
        let jpeg = encode(sample(640, 480), ImageFormat::Jpeg);
        assert_eq!(
            decoded(&prepare_avatar(&jpeg, None).unwrap()).dimensions(),
            (480, 480)
        );
        let webp = encode(
            DynamicImage::ImageRgba8(sample(300, 400).to_rgba8()),
            ImageFormat::WebP,
        );
        assert_eq!(
            decoded(&prepare_avatar(&webp, None).unwrap()).dimensions(),
            (300, 300)
        );
    }

    #[test]
    fn transparency_turns_white_on_the_avatar_and_stays_on_the_logo() {
        let clear = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            800,
            200,
            image::Rgba([0, 0, 0, 0]),
        ));
        let png = encode(clear, ImageFormat::Png);
        let avatar = decoded(&prepare_avatar(&png, None).unwrap());
        assert!(avatar.get_pixel(10, 10).0.iter().all(|c| *c > 245));
        let logo = image::load_from_memory(&prepare_logo(&png).unwrap()).unwrap();
        assert_eq!((logo.width(), logo.height()), (512, 128));
        assert_eq!(logo.to_rgba8().get_pixel(3, 3)[3], 0);
    }

    #[test]
    fn gif_and_unknown_bytes_are_refused_by_name() {
        // A 1×1 GIF, byte for byte.
        let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
        let err = refused(gif, None);
        assert_eq!(
            err.to_string(),
            "GIF images are not supported; use a JPEG, PNG or WebP image"
        );
        let err = refused(b"%PDF-1.7 not a picture", None);
        assert!(matches!(err, PhotoError::Unsupported { .. }), "{err}");
        assert!(matches!(prepare_avatar(b"", None), Err(PhotoError::Empty)));
    }

    #[test]
    fn a_truncated_image_is_broken_not_a_panic() {
        let jpeg = encode(sample(800, 600), ImageFormat::Jpeg);
        let err = prepare_avatar(&jpeg[..jpeg.len() / 3], None).err();
        assert!(matches!(err, Some(PhotoError::Broken { .. })), "{err:?}");
        let png = encode(sample(800, 600), ImageFormat::Png);
        let Some(err) = prepare_avatar(&png[..png.len() / 2], None).err() else {
            panic!("a truncated PNG was accepted")
        };
        assert!(matches!(err, PhotoError::Broken { .. }), "{err}");
        assert!(err.to_string().starts_with("the image is damaged"));
    }

    /// A PNG whose header claims 60000×60000 pixels (14 GB decoded), in a few bytes:
    /// refused from the header, before any decoding or allocation.
    #[test]
    fn a_decompression_bomb_header_is_refused() {
        let mut png = encode(sample(8, 8), ImageFormat::Png);
        // IHDR's width and height sit at bytes 16..24; its CRC at 29..33.
        png[16..20].copy_from_slice(&60_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&60_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        let err = refused(&png, None);
        assert!(matches!(err, PhotoError::TooManyPixels { .. }), "{err}");
        assert!(
            err.to_string()
                .starts_with("the image is 60000×60000 pixels")
                || err.to_string().contains("megapixels"),
            "{err}"
        );
    }

    /// Within the side limit but over the pixel budget: 10000×10000 in a small file.
    #[test]
    fn too_many_pixels_within_the_side_limit_are_refused() {
        let mut png = encode(sample(8, 8), ImageFormat::Png);
        png[16..20].copy_from_slice(&10_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&10_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        let err = refused(&png, None);
        assert!(
            matches!(
                err,
                PhotoError::TooManyPixels {
                    width: 10_000,
                    height: 10_000
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn files_over_the_size_limit_are_refused_unread() {
        let big = vec![0u8; MAX_PHOTO_BYTES + 1];
        assert!(matches!(
            prepare_avatar(&big, None),
            Err(PhotoError::TooLarge { .. })
        ));
    }

    #[test]
    fn the_same_picture_gives_the_same_bytes() {
        let png = encode(sample(700, 500), ImageFormat::Png);
        assert_eq!(
            prepare_avatar(&png, None).unwrap(),
            prepare_avatar(&png, None).unwrap()
        );
        assert_eq!(
            mime_type(&prepare_avatar(&png, None).unwrap()),
            "image/jpeg"
        );
    }

    /// The error for an image that must be refused (without printing its bytes if not).
    fn refused(bytes: &[u8], crop: Option<CropRect>) -> PhotoError {
        match prepare_avatar(bytes, crop) {
            Ok(out) => panic!("accepted, giving {} bytes", out.len()),
            Err(e) => e,
        }
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
