package org.beatbook.geography.web;

import org.beatbook.geography.UnitLevel;
import org.beatbook.geography.application.GeographyService;
import org.beatbook.geography.persistence.GeographyRepository.ExportedUnit;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One level's units as an RFC 7946 FeatureCollection, optionally simplified for a web map. */
@Component
class GeoJsonExport {

    /** Beyond this a beat would lose its shape; the map needs a few metres at most. */
    static final double MAX_SIMPLIFY_METERS = 500;
    private static final double METERS_PER_DEGREE_LATITUDE = 111_195;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final GeographyService geography;

    GeoJsonExport(GeographyService geography) {
        this.geography = geography;
    }

    /** @param simplifyMeters tolerance for dropping vertices, or null to keep every vertex */
    String featureCollection(String levelKey, Double simplifyMeters) {
        UnitLevel level = geography.requireLevel(levelKey);
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        ObjectNode collection = MAPPER.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (ExportedUnit unit : geography.export(level.key())) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.putObject("properties").put("code", unit.code()).put("name", unit.name())
                    .put("level", level.key()).put("levelName", level.name()).put("parent", unit.parentCode());
            feature.set("geometry", MAPPER.readTree(writer.write(simplify(unit.boundary(), simplifyMeters))));
        }
        return MAPPER.writeValueAsString(collection);
    }

    private static Geometry simplify(Geometry boundary, Double meters) {
        // degrees of latitude; a degree of longitude is shorter, so east-west the tolerance is a little tighter
        return meters == null || meters <= 0 ? boundary
                : TopologyPreservingSimplifier.simplify(boundary, meters / METERS_PER_DEGREE_LATITUDE);
    }
}
