package org.beatbook.geocoding.domain;

/** Checks of coordinates read from files. */
final class Coordinates {

    private Coordinates() {
    }

    /** What is wrong with the coordinates, or null when they are a usable WGS84 position. */
    static String problem(double latitude, double longitude) {
        if (Double.isNaN(latitude) || Double.isNaN(longitude)) {
            return "no coordinates";
        }
        if (!(latitude >= -90 && latitude <= 90)) {
            return "latitude " + latitude + " is outside -90..90";
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            return "longitude " + longitude + " is outside -180..180";
        }
        if (latitude == 0 && longitude == 0) {
            // 0,0 is how many exports write "unknown"; nobody lives there
            return "coordinates 0, 0 mean unknown";
        }
        return null;
    }

    /** Parses a coordinate, NaN when blank; throws with a message naming the column when it is not a number. */
    static double parse(String column, String value) {
        if (value == null || value.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.strip());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " \"" + value + "\" is not a number");
        }
    }
}
