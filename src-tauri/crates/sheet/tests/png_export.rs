//! The PNG back end: resolutions, determinism, and agreement with poppler's
//! rendering of the PDF of the same scene.

mod common;

use common::{diff, failed_dir, fonts, input, run, samples, scratch};
use persona_model::{AssetHash, Brand};
use persona_sheet::{
    export_png, layout, raster_size, render_pdf, render_png, Dpi, MemoryAssets, NoAssets,
    SheetError, SheetOptions,
};

#[test]
fn resolutions_outside_72_to_600_dpi_are_refused() {
    assert!(matches!(
        Dpi::new(71),
        Err(SheetError::DpiOutOfRange { dpi: 71, .. })
    ));
    assert!(matches!(
        Dpi::new(601),
        Err(SheetError::DpiOutOfRange { dpi: 601, .. })
    ));
    assert_eq!(Dpi::new(72).unwrap().get(), 72);
    assert_eq!(Dpi::new(600).unwrap().get(), 600);
}

#[test]
fn pixel_sizes_follow_the_resolution() {
    let brand = Brand::default();
    let p = samples::persona("user-persona", "en");
    let t = samples::template("user-persona");
    let laid = layout(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap();
    // A4 landscape: 297 × 210 mm.
    assert_eq!(
        raster_size(&laid.scene, 0, Dpi::new(72).unwrap()).unwrap(),
        (842, 595)
    );
    assert_eq!(
        raster_size(&laid.scene, 0, Dpi::SCREEN_1X).unwrap(),
        (1123, 794)
    );
    assert_eq!(
        raster_size(&laid.scene, 0, Dpi::SCREEN_2X).unwrap(),
        (2245, 1587)
    );
    let png = render_png(&laid.scene, 0, Dpi::SCREEN_2X, fonts()).unwrap();
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (2245, 1587));
    assert!(matches!(
        render_png(&laid.scene, 5, Dpi::SCREEN_1X, fonts()),
        Err(SheetError::NoSuchPage { page: 5, pages: 1 })
    ));
}

#[test]
fn the_same_input_gives_the_same_png() {
    let brand = Brand::default();
    let p = samples::mixed();
    let t = samples::template("user-persona");
    let dpi = Dpi::new(80).unwrap();
    let a = export_png(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        dpi,
        fonts(),
        &NoAssets,
    )
    .unwrap();
    let b = export_png(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        dpi,
        fonts(),
        &NoAssets,
    )
    .unwrap();
    assert!(a.pages == b.pages, "two renders differ");
}

/// Renders the sheet with our PNG back end and with pdftoppm from our PDF, and
/// bounds the difference.
fn compare_with_poppler(
    name: &str,
    lang: &str,
    dpi: u32,
    assets: &MemoryAssets,
    photo: Option<AssetHash>,
) {
    let brand = Brand::default();
    let mut p = samples::persona("user-persona", lang);
    p.photo = photo;
    let t = samples::template("user-persona");
    let laid = layout(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        assets,
    )
    .unwrap();
    let ours = render_png(&laid.scene, 0, Dpi::new(dpi).unwrap(), fonts()).unwrap();
    let dir = scratch("png");
    let pdf_path = dir.join(format!("{name}.pdf"));
    std::fs::write(&pdf_path, render_pdf(&laid.scene, fonts()).unwrap()).unwrap();
    let prefix = dir.join(format!("{name}-poppler"));
    run(
        "pdftoppm",
        &[
            "-r",
            &dpi.to_string(),
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            &pdf_path.to_string_lossy(),
            &prefix.to_string_lossy(),
        ],
    );
    let theirs = image::open(prefix.with_extension("png"))
        .unwrap()
        .into_rgb8();
    let ours = image::load_from_memory(&ours).unwrap().into_rgb8();
    assert!(
        ours.width().abs_diff(theirs.width()) <= 1 && ours.height().abs_diff(theirs.height()) <= 1
    );
    let d = diff(&ours, &theirs);
    // Anti-aliasing differs between tiny-skia and Splash along every glyph edge;
    // a shifted or missing element would show as far more strong differences.
    let ok = d.mean < 3.0 && d.strong < 0.02;
    // PERSONA_SHEET_KEEP_DIFF=1 keeps the images of passing comparisons too.
    if !ok || std::env::var_os("PERSONA_SHEET_KEEP_DIFF").is_some() {
        let out = failed_dir().join(format!("poppler-{name}-diff.png"));
        d.image.save(&out).unwrap();
        ours.save(failed_dir().join(format!("poppler-{name}-ours.png")))
            .unwrap();
        theirs
            .save(failed_dir().join(format!("poppler-{name}-poppler.png")))
            .unwrap();
    }
    if !ok {
        let out = failed_dir().join(format!("poppler-{name}-diff.png"));
        panic!(
            "{name} at {dpi} dpi: mean {:.2}, strong {:.4}; diff in {}",
            d.mean,
            d.strong,
            out.display()
        );
    }
    eprintln!(
        "{name} at {dpi} dpi: mean {:.3}, strong {:.5}",
        d.mean, d.strong
    );
}

#[test]
fn png_matches_poppler_rendering_of_the_pdf() {
    let none = MemoryAssets::default();
    compare_with_poppler("en-72", "en", 72, &none, None);
    compare_with_poppler("vi-150", "vi", 150, &none, None);
    compare_with_poppler("zh-100", "zh", 100, &none, None);
}

#[test]
fn png_matches_poppler_with_a_photo() {
    let img = image::RgbImage::from_fn(120, 90, |x, y| {
        image::Rgb([(x * 2) as u8, 90, (y * 2) as u8])
    });
    let mut jpeg = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut jpeg),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    let hash = AssetHash("photo".to_owned());
    let assets = MemoryAssets([(hash.clone(), jpeg)].into_iter().collect());
    compare_with_poppler("ru-photo-120", "ru", 120, &assets, Some(hash));
}
