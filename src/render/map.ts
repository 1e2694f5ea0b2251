/**
 * Maps drawn at build time: country outlines from world-atlas (Natural Earth, public domain),
 * projected with d3-geo (Mercator) onto the smallest frame that holds the places, clipped to it, as an
 * inline SVG. No tiles, no script, no request: the map works opened from disk, under the pages' CSP
 * (its colours come from classes in assets/site.css, never from style attributes).
 *
 * Deterministic: coordinates are rounded to MAP.digits, places are drawn in the caller's order (which
 * decides whose name gets the room when two would overlap), and a map is a pure function of its places and
 * label (memoized per process, since stories often share their places).
 */
import { createRequire } from "node:module";
import { geoBounds, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MAP } from "../settings.ts";

export interface MapPoint {
  name: string;
  lat: number;
  lon: number;
}

export type MapSettings = typeof MAP;

const require = createRequire(import.meta.url);

/** A country's outline with its bounding box in degrees (west > east when it crosses the antimeridian). */
interface Outline {
  feature: Feature<Geometry>;
  west: number;
  east: number;
  south: number;
  north: number;
}

const outlines = new Map<string, Outline[]>();

/** The world's countries at one scale ("110m" or "50m"), read once per process, with their bounds. */
function countries(scale: "110m" | "50m"): Outline[] {
  let list = outlines.get(scale);
  if (!list) {
    const topology = require(`world-atlas/countries-${scale}.json`) as Topology;
    const collection = feature(
      topology,
      topology.objects.countries as GeometryCollection,
    ) as FeatureCollection<Geometry>;
    list = collection.features.map((country) => {
      const [[west, south], [east, north]] = geoBounds(country);
      return { feature: country, west, east, south, north };
    });
    outlines.set(scale, list);
  }
  return list;
}

/**
 * Whether a country may show in the frame: only those that can are projected (projecting all of them for
 * every map cost 0.1 s a map). A degree of slack covers rounding; a country across the antimeridian is
 * always drawn (clipping drops it when it is out of the frame).
 */
function overlaps(country: Outline, box: { west: number; east: number; south: number; north: number }): boolean {
  if (country.west > country.east) return true;
  return (
    country.west <= box.east + 1 &&
    country.east >= box.west - 1 &&
    country.south <= box.north + 1 &&
    country.north >= box.south - 1
  );
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/** The frame around the places: their bounding box with a margin, in degrees, within Mercator's useful range. */
function frame(points: MapPoint[], settings: MapSettings) {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const margin = (span: number) => Math.max(settings.minMarginDegrees, span * settings.marginShare);
  const dx = margin(east - west);
  const dy = margin(north - south);
  // Widened to whole multiples of snapDegrees, so maps of nearby places share one frame and its outlines.
  const step = settings.snapDegrees;
  const down = (x: number) => Math.floor(x / step) * step;
  const up = (x: number) => Math.ceil(x / step) * step;
  return {
    west: Math.max(-180, down(west - dx)),
    east: Math.min(180, up(east + dx)),
    south: Math.max(-80, down(south - dy)),
    north: Math.min(84, up(north + dy)),
  };
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Where a place's name fits beside its circle at (x, y), and marks the space taken; null when it fits on
 * neither side. Text width is estimated (MAP.charWidth a character): no font is measured at build time.
 */
function placeLabel(name: string, x: number, y: number, settings: MapSettings, taken: Box[]) {
  const width = name.length * settings.charWidth;
  const gap = settings.pointRadius + 3;
  const top = y - settings.labelHeight / 2;
  const bottom = y + settings.labelHeight / 2;
  const sides = [
    { anchor: "start", x: x + gap, box: { left: x + gap, right: x + gap + width, top, bottom } },
    { anchor: "end", x: x - gap, box: { left: x - gap - width, right: x - gap, top, bottom } },
  ] as const;
  for (const side of sides) {
    const inside = side.box.left >= 0 && side.box.right <= settings.width && top >= 0 && bottom <= settings.height;
    if (inside && !taken.some((box) => overlap(box, side.box))) {
      taken.push(side.box);
      return side;
    }
  }
  return null;
}

/** The outlines drawn for a frame: maps of different places in one frame share them (the costly part). */
const lands = new Map<string, string>();

/**
 * An SVG map of `points` (which must all have coordinates), or null for none. The SVG is an image with
 * a text alternative (`label`); each circle carries its place's name as a title, and the first
 * MAP.labelledPoints places are named beside their circles where their names fit. Pages list the places beside the map, with
 * their links, and the places it cannot show.
 */
export function drawMap(points: MapPoint[], label: string, settings: MapSettings = MAP): string | null {
  if (points.length === 0) return null;
  // Not memoized: an archive's maps are as many as its places and stories (368 MiB of SVG at 10,000
  // articles); the frames' outlines, the costly part, are.
  return draw(points, label, settings);
}

function draw(points: MapPoint[], label: string, settings: MapSettings): string {
  const { width, height, inset, digits, pointRadius } = settings;
  const box = frame(points, settings);
  const corners = {
    type: "MultiPoint" as const,
    coordinates: [
      [box.west, box.south],
      [box.east, box.north],
      [box.west, box.north],
      [box.east, box.south],
    ],
  };
  const projection = geoMercator()
    .fitExtent(
      [
        [inset, inset],
        [width - inset, height - inset],
      ],
      corners,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(digits);
  const scale = box.east - box.west > settings.coarseAboveDegrees ? "110m" : "50m";
  // What the frame shows: the box, widened on the side the drawing's aspect ratio leaves room on.
  const [west, north] = projection.invert?.([0, 0]) ?? [-180, 84];
  const [east, south] = projection.invert?.([width, height]) ?? [180, -80];
  const shown = { west, east, south, north };
  const landKey = JSON.stringify([box, scale, width, height, inset, digits]);
  let land = lands.get(landKey);
  if (land === undefined) {
    land = countries(scale)
      .filter((country) => overlaps(country, shown))
      .map((country) => path(country.feature))
      .filter((d): d is string => Boolean(d))
      .map((d) => `<path class="map-land" d="${d}"/>`)
      .join("");
    lands.set(landKey, land);
  }
  const round = (x: number) => x.toFixed(digits).replace(/\.?0+$/, "") || "0";
  const projected = points.map((p) => ({ point: p, xy: projection([p.lon, p.lat]) ?? [0, 0] }));
  // Names go beside their circles in the callers' order (most important first), each where it overlaps
  // no circle and no name already placed: to the right, else to the left; a name that fits nowhere is left
  // to the circle's title and the list beside the map.
  const taken: Box[] = projected.map(({ xy: [x, y] }) => ({
    left: x - pointRadius,
    right: x + pointRadius,
    top: y - pointRadius,
    bottom: y + pointRadius,
  }));
  const marks = projected
    .map(({ point, xy: [x, y] }, at) => {
      const name = escapeXml(point.name);
      const circle = `<circle cx="${round(x)}" cy="${round(y)}" r="${pointRadius}"><title>${name}</title></circle>`;
      const label = at < settings.labelledPoints ? placeLabel(point.name, x, y, settings, taken) : null;
      if (!label) return `<g class="map-place">${circle}</g>`;
      const anchor = label.anchor === "end" ? ' text-anchor="end"' : "";
      return `<g class="map-place">${circle}<text x="${round(label.x)}" y="${round(y + 5)}"${anchor}>${name}</text></g>`;
    })
    .join("");
  return [
    `<svg class="map" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" xmlns="http://www.w3.org/2000/svg">`,
    `<rect class="map-sea" width="${width}" height="${height}"/>`,
    land,
    marks,
    "</svg>",
  ].join("");
}
