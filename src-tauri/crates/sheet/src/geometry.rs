//! Shapes as paths, built once here so that both back ends draw exactly the same
//! curves (the PNG/PDF comparison test depends on it).

use crate::scene::{Point, Rect};

/// Control-point distance for a quarter circle drawn with one cubic Bézier.
const KAPPA: f32 = 0.552_284_8;

/// One segment of a closed path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PathSeg {
    Move(Point),
    Line(Point),
    Cubic(Point, Point, Point),
}

fn pt(x: f32, y: f32) -> Point {
    Point { x, y }
}

/// A rectangle with corners of `radius` (clamped to half the shorter side).
pub(crate) fn rounded_rect_path(r: Rect, radius: f32) -> Vec<PathSeg> {
    let rad = radius.min(r.w / 2.0).min(r.h / 2.0).max(0.0);
    let (x0, y0, x1, y1) = (r.x, r.y, r.x + r.w, r.y + r.h);
    if rad <= 0.0 {
        return vec![
            PathSeg::Move(pt(x0, y0)),
            PathSeg::Line(pt(x1, y0)),
            PathSeg::Line(pt(x1, y1)),
            PathSeg::Line(pt(x0, y1)),
        ];
    }
    let k = rad * (1.0 - KAPPA);
    vec![
        PathSeg::Move(pt(x0 + rad, y0)),
        PathSeg::Line(pt(x1 - rad, y0)),
        PathSeg::Cubic(pt(x1 - k, y0), pt(x1, y0 + k), pt(x1, y0 + rad)),
        PathSeg::Line(pt(x1, y1 - rad)),
        PathSeg::Cubic(pt(x1, y1 - k), pt(x1 - k, y1), pt(x1 - rad, y1)),
        PathSeg::Line(pt(x0 + rad, y1)),
        PathSeg::Cubic(pt(x0 + k, y1), pt(x0, y1 - k), pt(x0, y1 - rad)),
        PathSeg::Line(pt(x0, y0 + rad)),
        PathSeg::Cubic(pt(x0, y0 + k), pt(x0 + k, y0), pt(x0 + rad, y0)),
    ]
}

/// A circle as four cubic Béziers.
pub(crate) fn circle_path(c: Point, r: f32) -> Vec<PathSeg> {
    let k = r * KAPPA;
    vec![
        PathSeg::Move(pt(c.x + r, c.y)),
        PathSeg::Cubic(pt(c.x + r, c.y + k), pt(c.x + k, c.y + r), pt(c.x, c.y + r)),
        PathSeg::Cubic(pt(c.x - k, c.y + r), pt(c.x - r, c.y + k), pt(c.x - r, c.y)),
        PathSeg::Cubic(pt(c.x - r, c.y - k), pt(c.x - k, c.y - r), pt(c.x, c.y - r)),
        PathSeg::Cubic(pt(c.x + k, c.y - r), pt(c.x + r, c.y - k), pt(c.x + r, c.y)),
    ]
}

/// The rectangle an image of `w`×`h` pixels covers when scaled to fill `frame`
/// without distortion, centred (the parts outside are clipped).
pub(crate) fn cover_rect(frame: Rect, w: u32, h: u32) -> Rect {
    let (w, h) = (w.max(1) as f32, h.max(1) as f32);
    let scale = (frame.w / w).max(frame.h / h);
    let (cw, ch) = (w * scale, h * scale);
    Rect {
        x: frame.x + (frame.w - cw) / 2.0,
        y: frame.y + (frame.h - ch) / 2.0,
        w: cw,
        h: ch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_fills_the_frame_and_keeps_the_aspect() {
        let f = Rect {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 100.0,
        };
        let r = cover_rect(f, 400, 200);
        assert_eq!((r.w, r.h), (200.0, 100.0));
        assert_eq!(r.x, -50.0);
    }
}
