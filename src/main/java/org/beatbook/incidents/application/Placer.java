package org.beatbook.incidents.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beatbook.geocoding.AddressGeocoder;
import org.beatbook.geocoding.GeocodedAddress;
import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitLevel;
import org.beatbook.geography.UnitLocator;
import org.beatbook.geography.UnitRef;
import org.beatbook.incidents.domain.Classification;
import org.beatbook.incidents.domain.IdentityMemo;
import org.beatbook.incidents.domain.SourceRow;
import org.beatbook.incidents.domain.StagedIncident;
import org.beatbook.incidents.persistence.IncidentStore;

/**
 * Places incidents in the unit hierarchy for one import. The source's own unit label is the authority; the
 * coordinates' placement fills in deeper levels and is checked against it: a disagreement is a warning only when the
 * source's unit is neither the unit found nor one of the units within the boundary tolerance. Rows without
 * coordinates are placed by geocoding their address. Not thread-safe (its caches belong to one import or one
 * re-placement run).
 */
final class Placer {

    private static final int MEMO_LIMIT = 20_000;

    private final UnitLocator locator;
    private final UnitCatalogue catalogue;
    private final AddressGeocoder geocoder;
    private final Map<String, Integer> depth = new HashMap<>();
    private final Map<String, Map<String, UnitRef>> unitsByCode = new HashMap<>();
    private final Map<UnitRef, List<String>> chains = new HashMap<>();
    private final Map<String, Optional<GeocodedAddress>> geocoded = new HashMap<>();
    private final Map<String, Map<String, Optional<UnitRef>>> labels = new HashMap<>();

    Placer(UnitLocator locator, UnitCatalogue catalogue, AddressGeocoder geocoder) {
        this.locator = locator;
        this.catalogue = catalogue;
        this.geocoder = geocoder;
        for (UnitLevel level : catalogue.levels()) {
            depth.put(level.key(), level.depth());
            Map<String, UnitRef> codes = new HashMap<>();
            catalogue.units(level.key()).forEach(u -> codes.put(normal(u.code()), u));
            unitsByCode.put(level.key(), codes);
        }
    }

    /** Source codes "004" and catalogue codes "4" are the same district. */
    static String normal(String code) {
        String trimmed = code.trim();
        if (trimmed.isEmpty() || !trimmed.chars().allMatch(Character::isDigit)) {
            return trimmed.toUpperCase(java.util.Locale.ROOT);
        }
        int zeros = 0;
        while (zeros < trimmed.length() - 1 && trimmed.charAt(zeros) == '0') {
            zeros++;
        }
        return trimmed.substring(zeros);
    }

    /** The catalogue's unit for a source label, remembered per label (a file repeats the same few hundred). */
    private UnitRef unitFor(String level, String label) {
        return labels.computeIfAbsent(level, l -> new HashMap<>()).computeIfAbsent(label,
                raw -> Optional.ofNullable(unitsByCode.getOrDefault(level, Map.of()).get(normal(raw)))).orElse(null);
    }

    /** What a combination of source labels means, worked out once per combination. */
    private record SourceLabels(List<String> labels, List<UnitRef> known, UnitRef deepest, List<String> chain,
                                List<String> warnings) {
    }

    /**
     * Keyed by level, label, level, label...: a map's hash is the sum of its entries' (key ^ value) hashes, which
     * collides so often for labels like "004" and "0422" that the cache's buckets turned into trees.
     */
    private final Map<List<String>, SourceLabels> resolved = new HashMap<>();

    private SourceLabels resolve(Map<String, String> labels) {
        List<String> key = new ArrayList<>(labels.size() * 2);
        labels.forEach((level, label) -> {
            key.add(level);
            key.add(label);
        });
        return resolved.computeIfAbsent(key, k -> {
            List<String> warnings = new ArrayList<>();
            List<UnitRef> known = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            labels.forEach((level, label) -> {
                texts.add(level + ":" + label);
                UnitRef unit = unitFor(level, label);
                if (unit == null) {
                    warnings.add("The source's " + level + " \"" + label + "\" is not a known unit");
                }
                else {
                    known.add(unit);
                }
            });
            UnitRef deepest = known.stream()
                    .max(java.util.Comparator.comparingInt(u -> depth.getOrDefault(u.level(), -1))).orElse(null);
            return new SourceLabels(List.copyOf(texts), List.copyOf(known), deepest,
                    deepest == null ? List.of() : chain(deepest), List.copyOf(warnings));
        });
    }

    StagedIncident place(SourceRow row, Classification classification, boolean sensitive) {
        SourceLabels source = resolve(row.sourceUnits());
        double lat = row.latitude();
        double lon = row.longitude();
        boolean byGeocoding = false;
        if (!row.hasCoordinates() && row.address() != null) {
            Optional<GeocodedAddress> found = geocoded.computeIfAbsent(row.address(),
                    a -> geocoder.geocode(a).match());
            if (found.isPresent()) {
                lat = found.get().latitude();
                lon = found.get().longitude();
                byGeocoding = true;
            }
        }
        IncidentStore.Placed placed = placeAt(source, lat, lon, byGeocoding);
        return new StagedIncident(row, classification, sensitive, lat, lon, byGeocoding, placed.unitPath(),
                source.labels(), placed.warning());
    }

    /**
     * Places a stored incident again, after boundaries changed: its source labels and its point (from the source
     * or geocoded at import; the address is not geocoded again) by the same rules as at import.
     */
    IncidentStore.Placed placeAgain(IncidentStore.Stored incident) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String unit : incident.sourceUnits()) {
            int colon = unit.indexOf(':');
            labels.put(unit.substring(0, colon), unit.substring(colon + 1));
        }
        return placeAt(resolve(labels), incident.latitude() == null ? Double.NaN : incident.latitude(),
                incident.longitude() == null ? Double.NaN : incident.longitude(), incident.geocoded());
    }

    /**
     * What a placement means for a combination of source labels, remembered by the identity of its units: when no
     * other unit is near, the placement depends on nothing else, and the locator answers most points (those inside
     * one grid cell of a unit, or away from its boundaries) with the same shared list per combination of units, so a
     * file repeats the same few thousand pairs. Placements near a boundary are made afresh for each point and are
     * worked out directly: remembering them only filled the memo with keys never met again.
     */
    private final IdentityMemo<List<UnitRef>, IdentityMemo<SourceLabels, IncidentStore.Placed>> placedFor =
            new IdentityMemo<>(MEMO_LIMIT);

    private IncidentStore.Placed placeAt(SourceLabels source, double lat, double lon, boolean byGeocoding) {
        Placement placement = Double.isNaN(lat) ? null : locator.locate(lat, lon);
        if (placement == null || byGeocoding || !placement.alternatives().isEmpty()) {
            return placeAt(source, placement, byGeocoding);
        }
        return placedFor.computeIfAbsent(placement.units(), u -> new IdentityMemo<>(MEMO_LIMIT))
                .computeIfAbsent(source, s -> placeAt(s, placement, false));
    }

    private IncidentStore.Placed placeAt(SourceLabels source, Placement placement, boolean byGeocoding) {
        List<String> warnings = new ArrayList<>(source.warnings());
        UnitRef deepestSource = source.deepest();
        List<String> path;
        if (deepestSource != null) {
            path = source.chain();
            if (placement != null) {
                int sourceDepth = depth.getOrDefault(deepestSource.level(), -1);
                if (placement.units().contains(deepestSource)) {
                    for (UnitRef placed : placement.units()) {
                        if (depth.getOrDefault(placed.level(), -1) > sourceDepth) {
                            path = new ArrayList<>(path);
                            path.add(placed.level() + ":" + placed.code());
                        }
                    }
                }
                if (!byGeocoding) {
                    source.known().forEach(s -> disagreement(s, placement).ifPresent(warnings::add));
                }
            }
        }
        else if (placement != null && placement.insideServiceArea()) {
            path = placement.units().stream().map(u -> u.level() + ":" + u.code()).toList();
        }
        else {
            path = List.of();
            warnings.add(placement == null
                    ? "No location: no coordinates, and the address could not be geocoded"
                    : "The location is outside every unit");
        }
        return new IncidentStore.Placed(shared(path), warnings.isEmpty() ? null : String.join("; ", warnings));
    }

    /** One unchangeable list per distinct path: later stages (the COPY encoder, the tally) remember paths by identity. */
    private final Map<List<String>, List<String>> paths = new HashMap<>();

    private List<String> shared(List<String> path) {
        List<String> known = paths.get(path);
        if (known != null) {
            return known;
        }
        if (paths.size() >= MEMO_LIMIT) {
            paths.clear();
        }
        List<String> copy = List.copyOf(path);
        paths.put(copy, copy);
        return copy;
    }

    private Optional<String> disagreement(UnitRef source, Placement placement) {
        if (placement.units().contains(source)
                || placement.alternatives().stream().map(NearbyUnit::unit).anyMatch(source::equals)) {
            return Optional.empty();
        }
        String found = placement.units().stream().filter(u -> u.level().equals(source.level())).findFirst()
                .map(UnitRef::label).orElse("no " + source.levelName().toLowerCase());
        return Optional.of("The source says " + source.label() + "; the coordinates lie in " + found);
    }

    private List<String> chain(UnitRef unit) {
        return chains.computeIfAbsent(unit, u -> catalogue.chain(u.key()).stream()
                .map(c -> c.level() + ":" + c.code()).toList());
    }
}
