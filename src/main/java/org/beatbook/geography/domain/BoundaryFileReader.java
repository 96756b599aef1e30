package org.beatbook.geography.domain;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.beatbook.platform.NulCharacters;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an RFC 7946 FeatureCollection one feature at a time (a city's file may be tens of megabytes), keeping the
 * features with a code and a polygonal geometry and collecting a problem for every other one.
 */
public final class BoundaryFileReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final String codeProperty;
    private final String nameProperty;
    private final String parentProperty;

    /** @param nameProperty and parentProperty may be null */
    public BoundaryFileReader(String codeProperty, String nameProperty, String parentProperty) {
        this.codeProperty = codeProperty;
        this.nameProperty = nameProperty;
        this.parentProperty = parentProperty;
    }

    public record Result(int featureCount, List<BoundaryFeature> features, List<ImportProblem> errors) {
    }

    public Result read(InputStream in) {
        List<BoundaryFeature> features = new ArrayList<>();
        List<ImportProblem> errors = new ArrayList<>();
        int count = 0;
        String type = null;
        boolean sawFeatures = false;
        try (JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Result(0, List.of(), List.of(ImportProblem.of("geography.problem.not-feature-collection", "-")));
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                    type = parser.getString();
                }
                else if (field.equals("features") && value == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode feature = parser.readValueAsTree();
                        readFeature(count++, feature, features, errors);
                    }
                }
                else {
                    parser.skipChildren();
                }
            }
        }
        catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            return new Result(count, List.of(), List.of(ImportProblem.of("geography.problem.not-json",
                    where == null ? -1 : where.getLineNr(), where == null ? -1 : where.getColumnNr(),
                    e.getOriginalMessage())));
        }
        if (!"FeatureCollection".equals(type) || !sawFeatures) {
            return new Result(count, List.of(),
                    List.of(ImportProblem.of("geography.problem.not-feature-collection", type == null ? "-" : type)));
        }
        if (count == 0) {
            errors.add(ImportProblem.of("geography.problem.no-features"));
        }
        return new Result(count, features, errors);
    }

    private void readFeature(int index, JsonNode feature, List<BoundaryFeature> features, List<ImportProblem> errors) {
        JsonNode properties = feature.path("properties");
        String code = text(properties.get(codeProperty));
        ImportProblem.FeatureRef ref = new ImportProblem.FeatureRef(index, NulCharacters.shown(code));
        int before = errors.size();
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
            errors.add(ImportProblem.of("geography.problem.not-a-feature", ref));
            return;
        }
        if (code == null) {
            errors.add(ImportProblem.of("geography.problem.missing-code", ref, codeProperty));
        }
        // a unit holding a NUL could not be stored (PostgreSQL text), and the insert's error would name no feature
        for (String property : new String[] {codeProperty, nameProperty, parentProperty}) {
            if (property != null && NulCharacters.in(text(properties.get(property)))) {
                errors.add(ImportProblem.of("geography.problem.nul", ref, property));
            }
        }
        Geometry geometry = readGeometry(ref, feature.get("geometry"), errors);
        if (errors.size() == before) {
            String name = nameProperty == null ? null : text(properties.get(nameProperty));
            String parent = parentProperty == null ? null : text(properties.get(parentProperty));
            if (parentProperty != null && parent == null) {
                errors.add(ImportProblem.of("geography.problem.missing-parent", ref, parentProperty));
                return;
            }
            features.add(new BoundaryFeature(index, code, name, parent, geometry));
        }
    }

    private static Geometry readGeometry(ImportProblem.FeatureRef ref, JsonNode geometry, List<ImportProblem> errors) {
        if (geometry == null || geometry.isNull()) {
            errors.add(ImportProblem.of("geography.problem.no-geometry", ref));
            return null;
        }
        String type = geometry.path("type").asString("");
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            errors.add(ImportProblem.of("geography.problem.geometry-type", ref, type.isEmpty() ? "-" : type));
            return null;
        }
        try {
            return new GeoJsonReader().read(geometry.toString());
        }
        catch (ParseException | RuntimeException e) {
            // e.g. an unclosed ring or a ring of fewer than four positions
            errors.add(ImportProblem.of("geography.problem.unreadable-geometry", ref, String.valueOf(e.getMessage())));
            return null;
        }
    }

    /** A property as text: strings trimmed, numbers as written; null when absent or blank. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().trim();
        return text.isEmpty() ? null : text;
    }
}
