#!/usr/bin/env python3
"""Generate `src/geo_data.rs` (compact SVG paths for the pilot-zone map) from Natural Earth.

Python 3.11, standard library only. See tools/geo/README.md.

    python3 tools/geo/build_map.py [--geo ../shared/geo] [--out src/geo_data.rs] [--check]
                                   [--preview /tmp]

Pipeline (per view):
  1. project lon/lat with a spherical Albers equal-area conic (ALBERS_*), then a per-view
     affine `x = scale*ax + dx`, `y = dy - scale*ay` into SVG user units (~1000 wide);
  2. topology-aware simplification: every ring is cut at junctions (vertices where the
     boundary network branches, i.e. with != 2 distinct neighbours over all features of both
     input files), each arc is simplified once (Douglas-Peucker, in view units) and reused,
     reversed where needed, by every ring that runs along it -> shared borders stay identical;
  3. clip to the view rectangle (neighbours in MAIN; everything in the insets), drop rings
     below an area threshold (never the largest ring of a feature, never any ring of
     MUST_KEEP), quantise to integers, emit `M x y l dx dy ... z` paths.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import os
import sys

# --------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------

# Spherical Albers equal-area conic, R = 1 (radians of the unit sphere). lat0 only shifts the
# projected y origin (absorbed by each view's affine); 0 keeps the formula simplest.
ALBERS_LON0 = 105.0
ALBERS_LAT0 = 0.0
ALBERS_LAT1 = 25.0
ALBERS_LAT2 = 47.0

INPUT_FILES = ("china-admin1.geojson", "neighbours.geojson", "points.geojson")

# Pudong New Area label position (a label for the district, not an outline): 31°14'05"N
# 121°30'23"E, the coordinate of the Pudong article (Lujiazui), dataset source S79
# (https://talk.dob.jp/enwiki/w/index.php?oldid=970578624&title=Pudong). A single coordinate is
# a fact; no outline is drawn because no openly licensed Pudong boundary was found.
PUDONG_LABEL = (121.5064, 31.2347)

ZONES = {"CN-BJ": "beijing", "CN-SH": "shanghai", "CN-HI": "hainan"}
OUTSIDE = {"CN-HK", "CN-MO", "CN-TW"}
# Features whose rings are never dropped by the area filter (and which fall back to 0.1-unit
# precision if integer quantisation would collapse them).
MUST_KEEP = {"CN-HI", "CN-BJ", "CN-SH", "CN-HK", "CN-MO", "paracel"}

# Markers: view marker id -> points.geojson id.
MAIN_MARKERS = [("beijing", "beijing"), ("shanghai", "lingang"), ("hainan", "haikou"),
                ("shenzhen", "shenzhen")]

VIEWS = [
    # per view: SVG width, margin (units), Douglas-Peucker tolerance and min ring area (view units)
    dict(name="MAIN", width=1000.0, margin=12.0, tol=1.2, min_area=4.0,
         markers=MAIN_MARKERS, include_neighbours=True),
    dict(name="INSET_SHANGHAI", width=1000.0, margin=0.0, tol=0.6, min_area=8.0,
         box=(120.55, 30.5, 122.35, 32.0), markers=[("lingang", "lingang")],
         include_neighbours=False),
    dict(name="INSET_SHENZHEN", width=1000.0, margin=0.0, tol=0.6, min_area=8.0,
         box=(112.9, 21.9, 114.9, 23.3), markers=[("shenzhen", "shenzhen")],
         include_neighbours=False),
]
# neighbours.geojson is clipped to lon 70..140, lat 15..55; the MAIN rectangle reaches a little
# beyond that box in its corners (e.g. lon 66.8 top-left, lat 12.4 bottom-left). Boundary runs
# lying ON that artificial clip box are pushed outwards (lon 70 -> 60, lat 15 -> 10, ...) so the
# faint neighbour land continues to the view edge instead of leaving a fake "sea" wedge; the
# view rectangle then clips it again. Geometry in these corner strips is approximate.
DATA_BOX = (70.0, 15.0, 140.0, 55.0)
DATA_BOX_PUSH = 10.0  # degrees
CLIP_PAD = 3.0  # clip rectangle = viewBox grown by this many units (clip edges stay off-screen)
CLASS_ORDER = {"Neighbour": 0, "Province": 1, "Outside": 2, "Zone": 3}  # draw order

# --------------------------------------------------------------------------------------------
# Projection
# --------------------------------------------------------------------------------------------

_r = math.radians
_N = (math.sin(_r(ALBERS_LAT1)) + math.sin(_r(ALBERS_LAT2))) / 2.0
_C = math.cos(_r(ALBERS_LAT1)) ** 2 + 2.0 * _N * math.sin(_r(ALBERS_LAT1))
_RHO0 = math.sqrt(_C - 2.0 * _N * math.sin(_r(ALBERS_LAT0))) / _N


def albers(lon: float, lat: float) -> tuple[float, float]:
    """Snyder (1987) eq. 14-1..14-4 on the unit sphere. y grows northwards."""
    rho = math.sqrt(_C - 2.0 * _N * math.sin(_r(lat))) / _N
    theta = _N * _r(lon - ALBERS_LON0)
    return rho * math.sin(theta), _RHO0 - rho * math.cos(theta)


# --------------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------------


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def polygons(geom: dict) -> list:
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    raise ValueError(geom["type"])


def key(p) -> tuple[int, int]:
    """Exact vertex identity: inputs are on a 0.001 degree grid in one shared topology."""
    return (round(p[0] * 1000), round(p[1] * 1000))


def load(geo: str):
    china = json.load(open(os.path.join(geo, "china-admin1.geojson"), encoding="utf-8"))
    nbrs = json.load(open(os.path.join(geo, "neighbours.geojson"), encoding="utf-8"))
    pts = json.load(open(os.path.join(geo, "points.geojson"), encoding="utf-8"))
    feats = []
    for f in china["features"]:
        p = f["properties"]
        iso = p["iso_3166_2"]
        fid = iso if iso else "paracel"
        if fid == "paracel":
            assert p["name_en"] == "Paracel Islands", p
        cls = "Zone" if fid in ZONES else "Outside" if fid in OUTSIDE else "Province"
        feats.append(dict(id=fid, cls=cls, zone=ZONES.get(fid), name_en=p["name_en"],
                          name_zh=p["name_zh"] or "", geom=f["geometry"]))
    for f in nbrs["features"]:
        p = f["properties"]
        feats.append(dict(id=p["adm0_a3"], cls="Neighbour", zone=None, name_en=p["name_en"],
                          name_zh="", geom=f["geometry"]))
    # rings as lists of grid keys, closing vertex removed, consecutive duplicates removed
    for ft in feats:
        rings = []
        for poly in polygons(ft["geom"]):
            for ring in poly:
                r = [key(p) for p in ring]
                if r[0] == r[-1]:
                    r.pop()
                out = []
                for k in r:
                    if not out or out[-1] != k:
                        out.append(k)
                while len(out) > 1 and out[0] == out[-1]:
                    out.pop()
                if len(out) >= 3:
                    rings.append(out)
        ft["rings"] = rings
    # vertices on runs along the neighbours' artificial clip box (see DATA_BOX)
    lines = [(0, round(DATA_BOX[0] * 1000), -1), (1, round(DATA_BOX[1] * 1000), -1),
             (0, round(DATA_BOX[2] * 1000), 1), (1, round(DATA_BOX[3] * 1000), 1)]
    moved = {}
    for ft in feats:
        if ft["cls"] != "Neighbour":
            continue
        for r in ft["rings"]:
            n = len(r)
            for i, k in enumerate(r):
                for axis, v, sign in lines:
                    if k[axis] == v and (r[i - 1][axis] == v or r[(i + 1) % n][axis] == v):
                        moved.setdefault(k, set()).add((axis, sign))
    push = {}
    for k, on in moved.items():
        lon, lat = k[0] / 1000, k[1] / 1000
        for axis, sign in on:
            if axis == 0:
                lon += sign * DATA_BOX_PUSH
            else:
                lat += sign * DATA_BOX_PUSH
        push[k] = (lon, lat)
    points = {f["properties"]["id"]: tuple(f["geometry"]["coordinates"]) for f in pts["features"]}
    return feats, points, push


# --------------------------------------------------------------------------------------------
# Topology: junctions and arcs
# --------------------------------------------------------------------------------------------


def junctions(feats) -> set:
    nb: dict = {}
    for ft in feats:
        for r in ft["rings"]:
            n = len(r)
            for i, k in enumerate(r):
                s = nb.setdefault(k, set())
                s.add(r[i - 1])
                s.add(r[(i + 1) % n])
    return {k for k, s in nb.items() if len(s) != 2}


def split_ring(ring: list, junc: set) -> list[tuple]:
    """Cut a ring into arcs (tuples of keys, endpoints included) at junction vertices."""
    idx = [i for i, k in enumerate(ring) if k in junc]
    n = len(ring)
    if not idx:
        # closed arc without junctions: canonical start = smallest key, canonical direction
        i0 = min(range(n), key=lambda i: ring[i])
        r = ring[i0:] + ring[:i0]
        if r[-1] < r[1]:
            r = [r[0]] + r[1:][::-1]
        return [tuple(r + [r[0]])]
    arcs = []
    for a, b in zip(idx, idx[1:] + [idx[0] + n]):
        arcs.append(tuple(ring[(i % n)] for i in range(a, b + 1)))
    return arcs


def _seg_dist2(p, a, b) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    if L == 0.0:
        return (p[0] - ax) ** 2 + (p[1] - ay) ** 2
    t = ((p[0] - ax) * dx + (p[1] - ay) * dy) / L
    t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
    qx, qy = ax + t * dx, ay + t * dy
    return (p[0] - qx) ** 2 + (p[1] - qy) ** 2


def douglas_peucker(pts: list, tol: float) -> list:
    """Iterative Douglas-Peucker on a polyline; endpoints kept. Closed arcs (first == last)
    are first split at the vertex farthest from the start so they keep some area."""
    n = len(pts)
    if n <= 2:
        return list(pts)
    keep = [False] * n
    keep[0] = keep[-1] = True
    t2 = tol * tol
    stack = [(0, n - 1)]
    if pts[0] == pts[-1]:
        far = max(range(1, n - 1), key=lambda i: _seg_dist2(pts[i], pts[0], pts[0]))
        keep[far] = True
        stack = [(0, far), (far, n - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        best, bi = -1.0, -1
        pa, pb = pts[a], pts[b]
        for i in range(a + 1, b):
            d = _seg_dist2(pts[i], pa, pb)
            if d > best:
                best, bi = d, i
        if best > t2:
            keep[bi] = True
            stack.append((a, bi))
            stack.append((bi, b))
    return [p for p, k in zip(pts, keep) if k]


# --------------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------------


def area(r) -> float:
    s = 0.0
    n = len(r)
    for i in range(n):
        x1, y1 = r[i]
        x2, y2 = r[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def clip_rect(ring, x0, y0, x1, y1):
    """Sutherland-Hodgman against an axis-aligned rectangle (fine for filled polygons)."""
    def clip(pts, inside, inter):
        out = []
        n = len(pts)
        for i in range(n):
            cur, prev = pts[i], pts[i - 1]
            ci, pi = inside(cur), inside(prev)
            if ci:
                if not pi:
                    out.append(inter(prev, cur))
                out.append(cur)
            elif pi:
                out.append(inter(prev, cur))
        return out

    def ix(x):
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def iy(y):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    pts = list(ring)
    for inside, inter in ((lambda p: p[0] >= x0, ix(x0)), (lambda p: p[0] <= x1, ix(x1)),
                          (lambda p: p[1] >= y0, iy(y0)), (lambda p: p[1] <= y1, iy(y1))):
        if not pts:
            break
        pts = clip(pts, inside, inter)
    return pts


def point_in_rings(x, y, rings) -> bool:
    inside = False
    for r in rings:
        n = len(r)
        for i in range(n):
            (x1, y1), (x2, y2) = r[i - 1], r[i]
            if (y1 > y) != (y2 > y) and x < x1 + (x2 - x1) * (y - y1) / (y2 - y1):
                inside = not inside
    return inside


def fmt_num(v: float) -> str:
    if v == int(v):
        return str(int(v))
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def path_d(rings) -> str:
    """rings of already-quantised absolute points -> 'M x y l dx dy ... z' per ring."""
    out = []

    def nums(vals):
        s = ""
        for v in vals:
            t = fmt_num(v)
            if s and not t.startswith("-"):
                s += " "
            s += t
        return s

    for r in rings:
        x0, y0 = r[0]
        deltas = []
        px, py = x0, y0
        for x, y in r[1:]:
            deltas += [round(x - px, 1), round(y - py, 1)]
            px, py = x, y
        out.append("M" + nums([x0, y0]) + "l" + nums(deltas) + "z")
    return "".join(out)


def quantise(ring, q: float):
    out = []
    for x, y in ring:
        p = (round(x / q) * q, round(y / q) * q)
        p = (round(p[0], 1), round(p[1], 1))
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    # remove spikes A,B,A created by rounding
    changed = True
    while changed and len(out) >= 3:
        changed = False
        n = len(out)
        for i in range(n):
            if out[i - 1] == out[(i + 1) % n]:
                del out[i]
                j = i % len(out) if out else 0
                if out and out[j - 1] == out[j]:
                    del out[j]
                changed = True
                break
    return out


# --------------------------------------------------------------------------------------------
# Views
# --------------------------------------------------------------------------------------------


def lonlat_bbox(ft):
    xs = [k[0] for r in ft["rings"] for k in r]
    ys = [k[1] for r in ft["rings"] for k in r]
    return min(xs) / 1000, min(ys) / 1000, max(xs) / 1000, max(ys) / 1000


def build_view(cfg, feats, points, junc, push):
    name = cfg["name"]
    width, margin, tol = cfg["width"], cfg["margin"], cfg["tol"]
    if "box" in cfg:
        lo0, la0, lo1, la1 = cfg["box"]
        sel = []
        for ft in feats:
            if ft["cls"] == "Neighbour" and not cfg["include_neighbours"]:
                continue
            b = lonlat_bbox(ft)
            if b[0] <= lo1 and b[2] >= lo0 and b[1] <= la1 and b[3] >= la0:
                sel.append(ft)
        # projected extent of the lon/lat box (edges sampled: Albers parallels are arcs)
        samp = []
        for i in range(41):
            t = i / 40
            samp += [albers(lo0 + t * (lo1 - lo0), la0), albers(lo0 + t * (lo1 - lo0), la1),
                     albers(lo0, la0 + t * (la1 - la0)), albers(lo1, la0 + t * (la1 - la0))]
        clip_all = True
    else:
        sel = [f for f in feats if f["cls"] != "Neighbour" or cfg["include_neighbours"]]
        samp = [albers(k[0] / 1000, k[1] / 1000)
                for f in feats if f["cls"] != "Neighbour" for r in f["rings"] for k in r]
        clip_all = False
    ax0 = min(p[0] for p in samp)
    ax1 = max(p[0] for p in samp)
    ay0 = min(p[1] for p in samp)
    ay1 = max(p[1] for p in samp)
    scale = (width - 2 * margin) / (ax1 - ax0)
    dx = margin - scale * ax0
    dy = margin + scale * ay1
    height = round(2 * margin + scale * (ay1 - ay0))
    vb = (0.0, 0.0, width, float(height))

    pcache: dict = {}

    def proj(k):
        p = pcache.get(k)
        if p is None:
            lon, lat = push.get(k) or (k[0] / 1000, k[1] / 1000)
            ax, ay = albers(lon, lat)
            p = pcache[k] = (scale * ax + dx, dy - scale * ay)
        return p

    arc_cache: dict = {}

    def simp_arc(arc):
        rev = arc[::-1]
        canon = min(arc, rev)
        s = arc_cache.get(canon)
        if s is None:
            s = arc_cache[canon] = douglas_peucker([proj(k) for k in canon], tol)
        return s if canon == arc else s[::-1]

    cx0, cy0 = -CLIP_PAD, -CLIP_PAD
    cx1, cy1 = width + CLIP_PAD, height + CLIP_PAD
    shapes = []
    stats = dict(rings_in=0, rings_out=0, dropped=0, fallback=[])
    for ft in sel:
        rings = []
        for ring in ft["rings"]:
            stats["rings_in"] += 1
            pts = []
            for arc in split_ring(ring, junc):
                s = simp_arc(arc)
                pts.extend(s[:-1])
            if len(pts) < 3 and ft["id"] in MUST_KEEP:
                pts = [proj(k) for k in ring]  # tiny required ring (e.g. a Paracel islet): unsimplified
            if clip_all or ft["cls"] == "Neighbour":
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                if max(xs) < cx0 or min(xs) > cx1 or max(ys) < cy0 or min(ys) > cy1:
                    continue
                if not (min(xs) >= cx0 and max(xs) <= cx1 and min(ys) >= cy0 and max(ys) <= cy1):
                    pts = clip_rect(pts, cx0, cy0, cx1, cy1)
            if len(pts) >= 3:
                rings.append(pts)
        if not rings:
            continue
        big = max(range(len(rings)), key=lambda i: abs(area(rings[i])))
        out = []
        for i, r in enumerate(rings):
            q = quantise(r, 1.0)
            a = abs(area(q)) if len(q) >= 3 else 0.0
            must = ft["id"] in MUST_KEEP
            if a < cfg["min_area"] and not must and i != big:
                stats["dropped"] += 1
                continue
            if (len(q) < 3 or a == 0.0) and (must or i == big):
                q = quantise(r, 0.1)  # tiny but required: keep at 0.1-unit precision
                a = abs(area(q)) if len(q) >= 3 else 0.0
                stats["fallback"].append(ft["id"])
            if len(q) < 3 or a == 0.0:
                stats["dropped"] += 1
                continue
            out.append(q)
        if not out:
            continue
        stats["rings_out"] += len(out)
        shapes.append(dict(ft, rings_q=out, d=path_d(out)))
    shapes.sort(key=lambda s: (CLASS_ORDER[s["cls"]], s["id"]))

    markers = []
    for mid, pid in cfg["markers"] + ([("pudong", None)] if name == "INSET_SHANGHAI" and PUDONG_LABEL else []):
        lon, lat = PUDONG_LABEL if pid is None else points[pid]
        ax, ay = albers(lon, lat)
        markers.append(dict(id=mid, x=round(scale * ax + dx, 1), y=round(dy - scale * ay, 1),
                            lon=lon, lat=lat))
    return dict(name=name, view_box=vb, shapes=shapes, markers=markers,
                affine=(scale, dx, dy), stats=stats, tol=tol, min_area=cfg["min_area"],
                box=cfg.get("box"))


def sanity(view) -> list[str]:
    """Markers must fall inside the polygon they represent (after simplification)."""
    where = {"beijing": "CN-BJ", "shanghai": "CN-SH", "lingang": "CN-SH", "hainan": "CN-HI",
             "shenzhen": "CN-GD", "pudong": "CN-SH"}
    msgs = []
    by_id = {s["id"]: s for s in view["shapes"]}
    for m in view["markers"]:
        s = by_id.get(where[m["id"]])
        if s is None:
            msgs.append(f"WARNING: {view['name']}: no shape {where[m['id']]} for marker {m['id']}")
        elif not point_in_rings(m["x"], m["y"], s["rings_q"]):
            p = (m["x"], m["y"])
            d = min(math.sqrt(_seg_dist2(p, r[i - 1], r[i])) for r in s["rings_q"] for i in range(len(r)))
            level = "note" if d <= 1.5 else "WARNING"
            msgs.append(f"{level}: {view['name']}: marker {m['id']} lies {d:.1f} units outside the "
                        f"simplified {where[m['id']]} outline (coastal point)")
    return msgs


# --------------------------------------------------------------------------------------------
# Rust output
# --------------------------------------------------------------------------------------------


def rs_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rs_f64(v: float) -> str:
    s = repr(float(v))
    if "e" in s or "E" in s:
        s = f"{v:.17f}".rstrip("0")
    if "." not in s:
        s += ".0"
    return s


def rs_f32(v: float) -> str:
    s = fmt_num(round(v, 1))
    return s if "." in s else s + ".0"


def gz_len(b: bytes) -> int:
    return len(gzip.compress(b, compresslevel=9, mtime=0))


def emit_rust(views, hashes) -> str:
    L = []
    L.append("// @generated by tools/geo/build_map.py from Natural Earth (public domain) via "
             "../shared/geo — do not edit by hand.")
    L.append("// Regenerate: python3 tools/geo/build_map.py   (verify: --check)")
    L.append("// Inputs (sha256):")
    for fn in INPUT_FILES:
        L.append(f"//   {fn}  {hashes[fn]}")
    L.append("// Boundaries are Natural Earth de facto lines, illustrative only. Taiwan, Hong Kong and")
    L.append("// Macau are class Outside (outside the checker's scope): never label them; the Paracels")
    L.append("// (id \"paracel\") and neighbours are not labelled either. No dash line is drawn.")
    L.append("// Paths: one `M x y l dx dy ... z` subpath per ring, integer units (a ring may fall back")
    L.append("// to 0.1 units when it would otherwise vanish). Holes are wound opposite to their outer")
    L.append("// ring, so the default nonzero fill rule is right.")
    L.append("")
    L.append("#![allow(clippy::unreadable_literal, clippy::excessive_precision)]")
    L.append("")
    L.append("use crate::geo::{Affine, MapView, Marker, Shape, ShapeClass};")
    L.append("")
    L.append("/// Projection `(lon0, lat0, lat1, lat2)` in degrees: spherical Albers equal-area conic on the")
    L.append("/// unit sphere (R = 1), Snyder (1987) eqs. 14-1..14-4, with")
    L.append("/// `n = (sin lat1 + sin lat2) / 2`, `C = cos² lat1 + 2 n sin lat1`,")
    L.append("/// `rho(lat) = sqrt(C - 2 n sin lat) / n`, `theta = n (lon - lon0)` (radians),")
    L.append("/// `ax = rho(lat) sin theta`, `ay = rho(lat0) - rho(lat) cos theta`.")
    L.append("/// Each view then applies its [`Affine`]: `x = scale * ax + dx`, `y = dy - scale * ay`.")
    L.append(f"pub const ALBERS: (f64, f64, f64, f64) = ({rs_f64(ALBERS_LON0)}, {rs_f64(ALBERS_LAT0)}, "
             f"{rs_f64(ALBERS_LAT1)}, {rs_f64(ALBERS_LAT2)});")
    for v in views:
        n = v["name"]
        L.append("")
        st = v["stats"]
        raw = sum(len(s["d"]) for s in v["shapes"])
        desc = {"MAIN": "Mainland China with Hong Kong, Macau, Taiwan, the Paracels and clipped neighbours.",
                "INSET_SHANGHAI": "Shanghai municipality with the surrounding parts of Jiangsu and Zhejiang.",
                "INSET_SHENZHEN": "Pearl River Delta: Guangdong (Shenzhen is inside it; no licensed city "
                                  "outline exists), Hong Kong and Macau."}[n]
        L.append(f"/// {desc}")
        if v["box"]:
            L.append(f"/// Window lon {v['box'][0]}..{v['box'][2]}, lat {v['box'][1]}..{v['box'][3]} "
                     "(everything clipped to it).")
        L.append(f"/// Douglas-Peucker tolerance {v['tol']} units, rings under {v['min_area']} sq. units "
                 f"dropped; {len(v['shapes'])} shapes, {st['rings_out']} rings, {raw} bytes of path data.")
        vb = ", ".join(rs_f32(x) for x in v["view_box"])
        sc, adx, ady = v["affine"]
        L.append(f"pub const {n}: MapView = MapView {{")
        L.append(f"    view_box: [{vb}],")
        L.append(f"    view_box_text: {rs_str(' '.join(fmt_num(round(x, 1)) for x in v['view_box']))},")
        L.append(f"    shapes: {n}_SHAPES,")
        L.append(f"    markers: {n}_MARKERS,")
        L.append("    affine: Affine {")
        L.append(f"        scale: {rs_f64(sc)},")
        L.append(f"        dx: {rs_f64(adx)},")
        L.append(f"        dy: {rs_f64(ady)},")
        L.append("    },")
        L.append("};")
        L.append("")
        # laid out exactly as rustfmt would (a one-element array hugs its only struct)
        fields = [[f"id: {rs_str(m['id'])},", f"x: {rs_f32(m['x'])},", f"y: {rs_f32(m['y'])},",
                   f"cx: {rs_str(fmt_num(round(m['x'], 1)))},", f"cy: {rs_str(fmt_num(round(m['y'], 1)))},",
                   f"lon: {rs_f64(m['lon'])},", f"lat: {rs_f64(m['lat'])},"] for m in v["markers"]]
        if len(fields) == 1:
            L.append(f"pub const {n}_MARKERS: &[Marker] = &[Marker {{")
            L += ["    " + f for f in fields[0]]
            L.append("}];")
        else:
            L.append(f"pub const {n}_MARKERS: &[Marker] = &[")
            for fs in fields:
                L.append("    Marker {")
                L += ["        " + f for f in fs]
                L.append("    },")
            L.append("];")
        L.append("")
        L.append(f"pub const {n}_SHAPES: &[Shape] = &[")
        for s in v["shapes"]:
            zone = f"Some({rs_str(s['zone'])})" if s["zone"] else "None"
            L.append("    Shape {")
            L.append(f"        id: {rs_str(s['id'])},")
            L.append(f"        class: ShapeClass::{s['cls']},")
            L.append(f"        zone: {zone},")
            L.append(f"        name_en: {rs_str(s['name_en'])},")
            L.append(f"        name_zh: {rs_str(s['name_zh'])},")
            L.append(f"        d: {rs_str(s['d'])},")
            L.append("    },")
        L.append("];")
    return "\n".join(L) + "\n"


# --------------------------------------------------------------------------------------------
# Preview
# --------------------------------------------------------------------------------------------

FILL = {"Zone": "#1f4e79", "Province": "#d9d9d9", "Outside": "#efefef", "Neighbour": "#f4f1ea"}


def preview_svg(v) -> str:
    x, y, w, h = v["view_box"]
    sw = w / 1000 * 0.9
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{fmt_num(x)} {fmt_num(y)} {fmt_num(w)} {fmt_num(h)}">',
           f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#dcebf5"/>']
    for s in v["shapes"]:
        stroke = "#ffffff" if s["cls"] != "Neighbour" else "#d8d2c4"
        out.append(f'<path d="{s["d"]}" fill="{FILL[s["cls"]]}" stroke="{stroke}" '
                   f'stroke-width="{sw:.2f}" stroke-linejoin="round"><title>{s["id"]}</title></path>')
    for m in v["markers"]:
        out.append(f'<circle cx="{m["x"]}" cy="{m["y"]}" r="{4 * w / 1000:.1f}" fill="#e4572e" '
                   f'stroke="#fff" stroke-width="{sw:.2f}"/>')
    out.append("</svg>")
    return "\n".join(out)


def write_preview(views, d):
    for v in views:
        stem = "map-" + v["name"].lower().replace("inset_", "")
        svg = preview_svg(v)
        with open(os.path.join(d, stem + ".svg"), "w", encoding="utf-8") as f:
            f.write(svg)
        with open(os.path.join(d, stem + ".html"), "w", encoding="utf-8") as f:
            f.write('<!doctype html><meta charset="utf-8"><style>html,body{margin:0;background:#fff}'
                    'svg{display:block;width:100%;height:auto}</style>' + svg)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geo", default=os.path.join(repo, "..", "shared", "geo"))
    ap.add_argument("--out", default=os.path.join(repo, "src", "geo_data.rs"))
    ap.add_argument("--check", action="store_true",
                    help="regenerate in memory; exit 1 if --out differs")
    ap.add_argument("--preview", metavar="DIR", help="also write map-*.svg/.html previews to DIR")
    a = ap.parse_args()

    if not os.path.isdir(a.geo):
        # Without the inputs nothing can be verified: say so and fail, even with --check.
        print(f"error: input folder {a.geo} not found (pass --geo DIR)", file=sys.stderr)
        return 2

    hashes = {fn: sha256(os.path.join(a.geo, fn)) for fn in INPUT_FILES}
    feats, points, push = load(a.geo)
    junc = junctions(feats)
    views = [build_view(cfg, feats, points, junc, push) for cfg in VIEWS]
    warnings = [w for v in views for w in sanity(v)]
    rust = emit_rust(views, hashes)

    all_d = []
    for v in views:
        ds = [s["d"] for s in v["shapes"]]
        all_d += ds
        blob = "\n".join(ds).encode()
        st = v["stats"]
        fb = f", 0.1-unit fallback: {','.join(sorted(set(st['fallback'])))}" if st["fallback"] else ""
        print(f"  {v['name']}: {len(ds)} shapes, {st['rings_out']}/{st['rings_in']} rings, "
              f"{sum(map(len, ds))} bytes raw, {gz_len(blob)} bytes gzip{fb}")
    # raw = sum of the path strings; gzip = the strings joined by newlines, gzip -9
    blob = "\n".join(all_d).encode()
    gz = gz_len(blob)
    rb = rust.encode()
    print(f"geometry: {len(all_d)} shapes, {sum(map(len, all_d))} bytes raw, {gz} bytes gzip")
    print(f"{os.path.relpath(a.out, repo) if a.out.startswith(repo) else a.out}: "
          f"{len(rb)} bytes raw, {gz_len(rb)} bytes gzip")
    for w in warnings:
        print(w, file=sys.stderr)
    if gz > 40 * 1024:
        print("ERROR: path data exceeds the 40 KB gzip budget", file=sys.stderr)
        return 1
    if a.preview:
        write_preview(views, a.preview)
    if a.check:
        try:
            cur = open(a.out, "rb").read()
        except FileNotFoundError:
            cur = b""
        if cur != rb:
            print(f"{a.out} is out of date: run python3 tools/geo/build_map.py", file=sys.stderr)
            return 1
        print(f"{a.out} is up to date")
        return 0
    with open(a.out, "wb") as f:
        f.write(rb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
