package org.beatbook.geography.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small hand-written boundary files. Squares are given by their south-west corner and side in degrees. */
final class GeoJsonSamples {

    private GeoJsonSamples() {
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String feature(String code, String geometry) {
        String properties = code == null ? "{}" : "{\"code\":\"" + code + "\"}";
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }

    static String polygon(double[]... ring) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + ring(ring) + "]}";
    }

    static String square(double lon, double lat, double side) {
        return polygon(new double[] {lon, lat}, new double[] {lon + side, lat}, new double[] {lon + side, lat + side},
                new double[] {lon, lat + side}, new double[] {lon, lat});
    }

    static String ring(double[]... positions) {
        return Arrays.stream(positions).map(p -> String.format(Locale.ROOT, "[%s,%s]", p[0], p[1]))
                .collect(Collectors.joining(",", "[", "]"));
    }

    static BoundaryFileReader.Result read(String json) {
        return new BoundaryFileReader("code", null, null)
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads and validates like an import does; the reader's errors come first. */
    static BoundaryValidator.Result check(String json, boolean repair) {
        BoundaryFileReader.Result read = read(json);
        BoundaryValidator.Result checked = new BoundaryValidator().validate(read.features(), repair);
        List<ImportProblem> errors = new java.util.ArrayList<>(read.errors());
        errors.addAll(checked.errors());
        return new BoundaryValidator.Result(errors.isEmpty() ? checked.units() : List.of(), checked.multiPartUnits(), errors,
                checked.warnings());
    }
}
