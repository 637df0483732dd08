// Map geometry: an equirectangular projection and SVG paths from GeoJSON.
//
// The map is small-area (the Middle East by default), where an equirectangular projection
// whose standard parallel runs through the data keeps shapes and distances close to true with a
// few lines of code. Projected units are degrees of latitude, so zooming and panning only move
// the SVG viewBox and the basemap is turned into paths once.

/** The Middle East, [minLon, minLat, maxLon, maxLat]: the view when there is nothing to fit. */
export const DEFAULT_BOUNDS = [25, 12, 63, 42];

const KM_PER_DEGREE = 111.32;

export class Projection {
  /** ``parallel``: the latitude (degrees) where east-west scale is true. */
  constructor(parallel) {
    this.cosParallel = Math.cos((parallel * Math.PI) / 180);
  }

  /** [x, y] in projected units (y grows southwards, as in SVG). */
  point(lon, lat) {
    return [lon * this.cosParallel, -lat];
  }

  /** Half-axes [rx, ry] in projected units of a circle of ``km`` around latitude ``lat``. */
  radius(km, lat) {
    const ry = km / KM_PER_DEGREE;
    const rx = (ry / Math.max(Math.cos((lat * Math.PI) / 180), 0.01)) * this.cosParallel;
    return [rx, ry];
  }

  /** The SVG path data of a GeoJSON Polygon or MultiPolygon geometry. */
  path(geometry) {
    if (!geometry) return "";
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    const parts = [];
    for (const polygon of polygons) {
      for (const ring of polygon) parts.push(this.ring(ring));
    }
    return parts.join("");
  }

  ring(ring) {
    let out = "";
    let last = null;
    for (const [lon, lat] of ring) {
      const [x, y] = this.point(lon, lat);
      const key = `${x.toFixed(2)},${y.toFixed(2)}`;
      if (key === last) continue; // 1:50m detail below ~1 km adds bytes, not shape
      out += (out ? "L" : "M") + key;
      last = key;
    }
    return out ? `${out}Z` : "";
  }
}

/** [minLon, minLat, maxLon, maxLat] around ``points`` ([lon, lat] pairs), padded by ``pad``
 *  degrees and never smaller than ``minSpan``; DEFAULT_BOUNDS when there are none. The
 *  outermost ``trim`` share on each side is left out, so one report placed in Washington does
 *  not zoom a Middle East picture out to the whole world. */
export function boundsOf(points, { pad = 1.5, minSpan = 8, trim = 0.04 } = {}) {
  if (!points.length) return DEFAULT_BOUNDS;
  const range = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const cut = Math.floor(sorted.length * trim);
    const [lo, hi] = [sorted[cut], sorted[sorted.length - 1 - cut]];
    const extra = Math.max(0, minSpan - (hi - lo)) / 2 + pad;
    return [lo - extra, hi + extra];
  };
  const [x0, x1] = range(points.map((p) => p[0]));
  const [y0, y1] = range(points.map((p) => p[1]));
  return [Math.max(x0, -180), Math.max(y0, -85), Math.min(x1, 180), Math.min(y1, 85)];
}

/** The viewBox {x, y, w, h} showing ``bounds`` in a box of aspect ``width / height``. */
export function fitBox(projection, bounds, width, height) {
  const [x0, y0] = projection.point(bounds[0], bounds[3]);
  const [x1, y1] = projection.point(bounds[2], bounds[1]);
  let w = x1 - x0;
  let h = y1 - y0;
  const aspect = width / Math.max(height, 1);
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  return { x: (x0 + x1 - w) / 2, y: (y0 + y1 - h) / 2, w, h };
}
