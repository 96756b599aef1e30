package org.beatbook.geography.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks the features of one level and merges them into units: coordinates that are not WGS84 longitude/latitude,
 * invalid polygons (repaired only when asked), and units of the level that overlap each other.
 * Overlaps and gaps below the tolerance are slivers that every real boundary file has; they are only warnings.
 */
public final class BoundaryValidator {

    /** Two units overlapping by more than this many square metres cannot both serve the area: an error. */
    public static final double OVERLAP_ERROR_SQUARE_METERS = 1_000;
    /** ...or by more than this share of the smaller unit. */
    public static final double OVERLAP_ERROR_SHARE = 0.01;
    /** Overlaps and gaps smaller than this are floating-point noise along shared edges, not worth a warning. */
    static final double NOISE_SQUARE_METERS = 1;
    /** Web maps stop at 85.05 degrees; no police beat lies beyond, so such latitudes mean swapped axes. */
    private static final double MAX_PLAUSIBLE_LATITUDE = 85.06;

    public record Result(List<BoundaryUnit> units, List<String> multiPartUnits, List<ImportProblem> errors,
                         List<ImportProblem> warnings) {
    }

    private enum Axes { FINE, SWAPPED, PROJECTED }

    public Result validate(List<BoundaryFeature> features, boolean repairInvalid) {
        List<ImportProblem> errors = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        List<BoundaryFeature> usable = checkCoordinates(features, errors);
        usable = checkValidity(usable, repairInvalid, errors, warnings);
        List<BoundaryUnit> units = mergeParts(usable, errors);
        List<String> multiPart = units.stream().filter(u -> u.partCount() > 1).map(BoundaryUnit::code).toList();
        if (!units.isEmpty()) {
            checkOverlapsAndGaps(units, errors, warnings);
        }
        return new Result(errors.isEmpty() ? units : List.of(), multiPart, errors, warnings);
    }

    private static List<BoundaryFeature> checkCoordinates(List<BoundaryFeature> features, List<ImportProblem> errors) {
        List<BoundaryFeature> fine = new ArrayList<>();
        Map<Axes, List<BoundaryFeature>> wrong = new LinkedHashMap<>();
        for (BoundaryFeature f : features) {
            Axes axes = axes(f.geometry().getEnvelopeInternal());
            if (axes == Axes.FINE) {
                fine.add(f);
            }
            else {
                wrong.computeIfAbsent(axes, a -> new ArrayList<>()).add(f);
            }
        }
        wrong.forEach((axes, offenders) -> {
            String key = axes == Axes.SWAPPED ? "geography.problem.swapped" : "geography.problem.projected";
            if (offenders.size() == features.size() && offenders.size() > 1) {
                // the whole file is in the wrong system: one message, not one per feature
                BoundaryFeature first = offenders.get(0);
                errors.add(ImportProblem.of(key + ".all", offenders.size(), first.ref(), range(first)));
            }
            else {
                offenders.forEach(f -> errors.add(ImportProblem.of(key, f.ref(), range(f))));
            }
        });
        return fine;
    }

    private static Axes axes(Envelope e) {
        double maxAbsX = Math.max(Math.abs(e.getMinX()), Math.abs(e.getMaxX()));
        double maxAbsY = Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY()));
        if (maxAbsY > MAX_PLAUSIBLE_LATITUDE && maxAbsX <= MAX_PLAUSIBLE_LATITUDE) {
            return Axes.SWAPPED;
        }
        if (maxAbsX > 180 || maxAbsY > 90) {
            return Axes.PROJECTED;
        }
        return Axes.FINE;
    }

    private static String range(BoundaryFeature f) {
        Envelope e = f.geometry().getEnvelopeInternal();
        return String.format(Locale.ROOT, "x %.6g..%.6g, y %.6g..%.6g", e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY());
    }

    private static List<BoundaryFeature> checkValidity(List<BoundaryFeature> features, boolean repair,
                                                       List<ImportProblem> errors, List<ImportProblem> warnings) {
        List<BoundaryFeature> valid = new ArrayList<>();
        for (BoundaryFeature f : features) {
            if (f.geometry().isEmpty()) {
                errors.add(ImportProblem.of("geography.problem.empty-geometry", f.ref()));
                continue;
            }
            TopologyValidationError error = new IsValidOp(f.geometry()).getValidationError();
            if (error == null) {
                valid.add(f);
                continue;
            }
            String where = latLon(error.getCoordinate());
            if (!repair) {
                errors.add(ImportProblem.of("geography.problem.invalid", f.ref(), error.getMessage(), where));
                continue;
            }
            Geometry fixed = GeometryFixer.fix(f.geometry());
            if (fixed.isEmpty() || !(fixed instanceof Polygonal)) {
                errors.add(ImportProblem.of("geography.problem.unrepairable", f.ref(), error.getMessage(), where));
            }
            else {
                warnings.add(ImportProblem.of("geography.problem.repaired", f.ref(), error.getMessage(), where));
                valid.add(new BoundaryFeature(f.index(), f.code(), f.name(), f.parentCode(), fixed));
            }
        }
        return valid;
    }

    /** Features that share a code are the parts of one unit (Chicago's beat 3100 is three polygons). */
    private static List<BoundaryUnit> mergeParts(List<BoundaryFeature> features, List<ImportProblem> errors) {
        Map<String, List<BoundaryFeature>> byCode = new LinkedHashMap<>();
        features.forEach(f -> byCode.computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f));
        List<BoundaryUnit> units = new ArrayList<>();
        byCode.forEach((code, parts) -> {
            BoundaryFeature first = parts.get(0);
            String name = parts.stream().map(BoundaryFeature::name).filter(Objects::nonNull).findFirst().orElse(code);
            String parent = first.parentCode();
            parts.stream().filter(p -> !Objects.equals(p.parentCode(), parent)).findFirst().ifPresent(p -> errors.add(
                    ImportProblem.of("geography.problem.parent-conflict", p.ref(), p.parentCode(), parent, first.index())));
            Geometry boundary = parts.size() == 1 ? first.geometry()
                    : UnaryUnionOp.union(parts.stream().map(BoundaryFeature::geometry).toList());
            units.add(new BoundaryUnit(code, name, parent, boundary, parts.size(), first.index()));
        });
        return units;
    }

    private static void checkOverlapsAndGaps(List<BoundaryUnit> units, List<ImportProblem> errors,
                                             List<ImportProblem> warnings) {
        Envelope all = new Envelope();
        units.forEach(u -> all.expandToInclude(u.boundary().getEnvelopeInternal()));
        LocalProjection projection = LocalProjection.around(all);
        List<Geometry> meters = units.stream().map(u -> projection.project(u.boundary())).toList();
        STRtree tree = new STRtree();
        for (int i = 0; i < meters.size(); i++) {
            tree.insert(meters.get(i).getEnvelopeInternal(), i);
        }
        for (int i = 0; i < meters.size(); i++) {
            for (Object candidate : tree.query(meters.get(i).getEnvelopeInternal())) {
                int j = (Integer) candidate;
                if (j <= i) {
                    continue;
                }
                Geometry a = meters.get(i);
                Geometry b = meters.get(j);
                Geometry overlap = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
                double area = overlap.getArea();
                if (area < NOISE_SQUARE_METERS) {
                    continue;
                }
                double share = area / Math.min(a.getArea(), b.getArea());
                String where = latLon(projection.toWgs84(overlap.getInteriorPoint().getCoordinate()));
                boolean tooMuch = area > OVERLAP_ERROR_SQUARE_METERS || share > OVERLAP_ERROR_SHARE;
                (tooMuch ? errors : warnings).add(ImportProblem.of(
                        tooMuch ? "geography.problem.overlap" : "geography.problem.sliver-overlap",
                        units.get(i).ref(), units.get(j).ref(), Math.round(area),
                        String.format(Locale.ROOT, "%.2f", share * 100), where));
            }
        }
        reportGaps(UnaryUnionOp.union(meters), projection, warnings);
    }

    /** Small holes inside the level's union are gaps no unit covers; large ones may be real (a lake, an airport). */
    private static void reportGaps(Geometry union, LocalProjection projection, List<ImportProblem> warnings) {
        for (int p = 0; p < union.getNumGeometries(); p++) {
            if (!(union.getGeometryN(p) instanceof Polygon polygon)) {
                continue;
            }
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                Geometry hole = polygon.getFactory().createPolygon(polygon.getInteriorRingN(h).getCoordinates());
                double area = hole.getArea();
                if (area >= NOISE_SQUARE_METERS && area <= OVERLAP_ERROR_SQUARE_METERS) {
                    warnings.add(ImportProblem.of("geography.problem.sliver-gap", Math.round(area),
                            latLon(projection.toWgs84(hole.getInteriorPoint().getCoordinate()))));
                }
            }
        }
    }

    /** "41.80123, -87.60123": latitude first, as people read coordinates. */
    static String latLon(Coordinate lonLat) {
        return lonLat == null ? "?" : String.format(Locale.ROOT, "%.5f, %.5f", lonLat.y, lonLat.x);
    }
}
