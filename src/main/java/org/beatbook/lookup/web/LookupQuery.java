package org.beatbook.lookup.web;

import java.util.ArrayList;
import java.util.List;

/**
 * What a resident asked, as typed (the page and the API share it): an address, or a point given as text so that
 * "abc" or "95" gets a message naming the parameter rather than a conversion error.
 */
record LookupQuery(String address, String lat, String lon) {

    static final int MAX_ADDRESS_LENGTH = 500;

    boolean isEmpty() {
        return blank(address) && blank(lat) && blank(lon);
    }

    boolean isPoint() {
        return blank(address) && !(blank(lat) && blank(lon));
    }

    double latitude() {
        return Double.parseDouble(lat.trim());
    }

    double longitude() {
        return Double.parseDouble(lon.trim());
    }

    /** Problems as (parameter, message key, arguments); empty when the query can be answered. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (isEmpty()) {
            problems.add(new Problem("address", "lookup.error.empty"));
        }
        else if (!blank(address) && !(blank(lat) && blank(lon))) {
            problems.add(new Problem("address", "lookup.error.both"));
        }
        else if (isPoint()) {
            checkCoordinate(problems, "lat", lat, 90);
            checkCoordinate(problems, "lon", lon, 180);
        }
        else if (address.strip().length() > MAX_ADDRESS_LENGTH) {
            problems.add(new Problem("address", "lookup.error.tooLong"));
        }
        return problems;
    }

    private static void checkCoordinate(List<Problem> problems, String name, String value, double limit) {
        if (blank(value)) {
            problems.add(new Problem(name, "lookup.error." + name + ".missing"));
            return;
        }
        try {
            double number = Double.parseDouble(value.trim());
            if (!Double.isFinite(number) || Math.abs(number) > limit) {
                problems.add(new Problem(name, "lookup.error." + name + ".range"));
            }
        }
        catch (NumberFormatException e) {
            problems.add(new Problem(name, "lookup.error." + name + ".number"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    record Problem(String parameter, String messageKey) {
    }
}
