package org.beatbook.geography.domain.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.beatbook.geography.UnitRef;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real boundary files as {@link UnitShape}s, for tests and for the benchmark project (which compiles this one file
 * from the test sources, so keep it free of test libraries).
 */
public final class BoundaryFixtures {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private BoundaryFixtures() {
    }

    /** Chicago police: District (0) > Sector (1, the union of beats by the first three digits) > Beat (2). */
    public static List<UnitShape> chicago() {
        Map<String, Geometry> beats = unitsByCode("demo/chicago/police-beats.geojson", "BEAT_NUM");
        Map<String, Geometry> districts = unitsByCode("demo/chicago/police-districts.geojson", "DIST_NUM");
        Map<String, List<Geometry>> beatsBySector = new TreeMap<>();
        beats.forEach((code, shape) -> beatsBySector.computeIfAbsent(code.substring(0, 3), c -> new ArrayList<>()).add(shape));
        List<UnitShape> shapes = new ArrayList<>();
        districts.forEach((code, shape) -> shapes.add(shape(0, "district", "District", code, shape)));
        beatsBySector.forEach((code, parts) -> shapes.add(shape(1, "sector", "Sector", code, union(parts))));
        beats.forEach((code, shape) -> shapes.add(shape(2, "beat", "Beat", code, shape)));
        return shapes;
    }

    /** Seattle police: Precinct (0) > Beat (1); both files name their units in the property {@code name}. */
    public static List<UnitShape> seattle() {
        List<UnitShape> shapes = new ArrayList<>();
        unitsByCode("data/seattle/police-precincts.geojson", "name")
                .forEach((code, shape) -> shapes.add(shape(0, "precinct", "Precinct", code, shape)));
        unitsByCode("data/seattle/police-beats.geojson", "name")
                .forEach((code, shape) -> shapes.add(shape(1, "beat", "Beat", code, shape)));
        return shapes;
    }

    public static UnitRef ref(String level, String levelName, String code) {
        return new UnitRef(level, levelName, code, code);
    }

    private static UnitShape shape(int depth, String level, String levelName, String code, Geometry boundary) {
        return new UnitShape(ref(level, levelName, code), depth, boundary);
    }

    /** Features of a GeoJSON FeatureCollection on the classpath, grouped by a property; a group is one unit. */
    static Map<String, Geometry> unitsByCode(String resource, String codeProperty) {
        Map<String, List<Geometry>> parts = new TreeMap<>();
        GeoJsonReader reader = new GeoJsonReader(FACTORY);
        for (JsonNode feature : readJson(resource).get("features")) {
            String code = feature.get("properties").get(codeProperty).asString();
            parts.computeIfAbsent(code, c -> new ArrayList<>()).add(parse(reader, feature.get("geometry").toString(), resource));
        }
        Map<String, Geometry> units = new TreeMap<>();
        parts.forEach((code, geometries) -> units.put(code, union(geometries)));
        return units;
    }

    private static Geometry union(List<Geometry> parts) {
        return parts.size() == 1 ? parts.get(0) : FACTORY.buildGeometry(parts).union();
    }

    private static JsonNode readJson(String resource) {
        try (InputStream in = open(resource)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream open(String resource) {
        InputStream in = BoundaryFixtures.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        return in;
    }

    private static Geometry parse(GeoJsonReader reader, String json, String resource) {
        try {
            return reader.read(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Bad geometry in " + resource, e);
        }
    }
}
