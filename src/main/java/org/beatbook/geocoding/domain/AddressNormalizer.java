package org.beatbook.geocoding.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns free text into a {@link ParsedAddress}: case, accents, punctuation and spacing; USPS Publication 28 street
 * suffixes (Appendix C1, from a resource file) and directionals; unit designators (Appendix C2), city, state and ZIP
 * dropped; ordinals ("first", "67") written as in street names ("1ST", "67TH"); Chicago's hundred blocks
 * ({@code 013XX}); a few Spanish forms ("Avenida Sawyer Sur 1340", "Calle 26"). Immutable and thread-safe.
 */
public final class AddressNormalizer {

    /** Input beyond this is not an address; cutting it keeps the work per request bounded. */
    private static final int MAX_INPUT = 200;

    private static final Map<String, String> DIRECTIONALS = Map.ofEntries(
            Map.entry("N", "N"), Map.entry("NORTH", "N"), Map.entry("NORTE", "N"),
            Map.entry("S", "S"), Map.entry("SOUTH", "S"), Map.entry("SUR", "S"),
            Map.entry("E", "E"), Map.entry("EAST", "E"), Map.entry("ESTE", "E"),
            Map.entry("W", "W"), Map.entry("WEST", "W"), Map.entry("OESTE", "W"),
            Map.entry("NE", "NE"), Map.entry("NORTHEAST", "NE"), Map.entry("NORESTE", "NE"),
            Map.entry("NW", "NW"), Map.entry("NORTHWEST", "NW"), Map.entry("NOROESTE", "NW"),
            Map.entry("SE", "SE"), Map.entry("SOUTHEAST", "SE"), Map.entry("SURESTE", "SE"),
            Map.entry("SW", "SW"), Map.entry("SOUTHWEST", "SW"), Map.entry("SUROESTE", "SW"));

    /** Spanish street types come first ("Calle 26"); they become the English suffix. */
    private static final Map<String, String> LEADING_TYPES = Map.of(
            "CALLE", "ST", "AVENIDA", "AVE", "AVDA", "AVE", "BULEVAR", "BLVD", "CAMINO", "RD");

    /** Words written differently in street names: ordinals as numbers, SAINT as ST. */
    private static final Map<String, String> NAME_WORDS = Map.ofEntries(
            Map.entry("FIRST", "1ST"), Map.entry("SECOND", "2ND"), Map.entry("THIRD", "3RD"),
            Map.entry("FOURTH", "4TH"), Map.entry("FIFTH", "5TH"), Map.entry("SIXTH", "6TH"),
            Map.entry("SEVENTH", "7TH"), Map.entry("EIGHTH", "8TH"), Map.entry("NINTH", "9TH"),
            Map.entry("TENTH", "10TH"), Map.entry("ELEVENTH", "11TH"), Map.entry("TWELFTH", "12TH"),
            Map.entry("SAINT", "ST"));

    private static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
            "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT",
            "VT", "VA", "WA", "WV", "WI", "WY", "ILLINOIS", "USA", "US");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DROPPED = Pattern.compile("[.'’]");
    /** Hyphens join words ("WINSTON-SALEM") but also house numbers and units ("1340-A", "12-14"). */
    private static final Pattern WORD_HYPHEN = Pattern.compile("(?<=[A-Z])-|-(?=[A-Z]{2})");
    private static final Pattern OTHER_CHARACTERS = Pattern.compile("[^A-Z0-9#/,\\- ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern HUNDRED_BLOCK = Pattern.compile("\\d+X{1,2}");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("(\\d{1,7})(?:-?[A-Z]|-\\d{1,7}[A-Z]?)?");
    private static final Pattern FRACTION = Pattern.compile("\\d/\\d");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(?:-\\d{4})?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ORDINAL = Pattern.compile("\\d+(?:ST|ND|RD|TH)");

    private final Map<String, String> suffixes;
    /** Unit designator -> whether a unit number follows it ("APT 3B") or not ("REAR"). */
    private final Map<String, Boolean> unitDesignators;

    private AddressNormalizer(Map<String, String> suffixes, Map<String, Boolean> unitDesignators) {
        this.suffixes = Map.copyOf(suffixes);
        this.unitDesignators = Map.copyOf(unitDesignators);
    }

    /** The normaliser with the USPS lists shipped as resources next to this class. */
    public static AddressNormalizer standard() {
        Map<String, String> suffixes = new HashMap<>();
        for (String[] words : resourceLines("usps-street-suffixes.txt")) {
            for (String word : words) {
                suffixes.put(word, words[0]);
            }
        }
        Map<String, Boolean> units = new HashMap<>();
        for (String[] words : resourceLines("usps-unit-designators.txt")) {
            boolean numbered = !words[0].equals("-");
            for (String word : numbered ? words : Arrays.copyOfRange(words, 1, words.length)) {
                units.put(word, numbered);
            }
        }
        return new AddressNormalizer(suffixes, units);
    }

    private static List<String[]> resourceLines(String name) {
        try (InputStream in = AddressNormalizer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(SPACES::split)
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses what a resident typed (or a gazetteer entry such as {@code 013XX S SAWYER AVE}). */
    public ParsedAddress parse(String text) {
        List<String> tokens = streetLineTokens(text);
        if (tokens.isEmpty()) {
            return ParsedAddress.EMPTY;
        }
        dropCityStateZip(tokens);
        Integer houseNumber = null;
        Integer hundredBlock = null;
        String first = tokens.get(0);
        if (tokens.size() > 1 && HUNDRED_BLOCK.matcher(first).matches()) {
            hundredBlock = parseNumber(first.replace('X', '0'));
            tokens.remove(0);
        }
        else if (tokens.size() > 1 && HOUSE_NUMBER.matcher(first).matches()) {
            houseNumber = leadingNumber(first);
            tokens.remove(0);
            if (FRACTION.matcher(tokens.get(0)).matches() && tokens.size() > 1) {
                tokens.remove(0);
            }
        }
        else if (tokens.size() > 2 && DIGITS.matcher(tokens.get(tokens.size() - 1)).matches()
                && hasNameWord(tokens.subList(0, tokens.size() - 1))) {
            // Spanish order puts the number last: "Avenida Sawyer Sur 1340"
            houseNumber = leadingNumber(tokens.remove(tokens.size() - 1));
        }
        StreetName street = streetName(tokens);
        if (street.isEmpty()) {
            return ParsedAddress.EMPTY;
        }
        return new ParsedAddress(houseNumber, hundredBlock, street);
    }

    /** Normalises a street name on its own, e.g. the STREET column of an OpenAddresses file. */
    public StreetName street(String text) {
        List<String> tokens = streetLineTokens(text);
        return tokens.isEmpty() ? new StreetName(null, "", null, null) : streetName(tokens);
    }

    /** Uppercase ASCII words of the street line: the first comma-separated part that is not a unit. */
    private List<String> streetLineTokens(String text) {
        if (text == null) {
            return new ArrayList<>();
        }
        String cleaned = MARKS.matcher(Normalizer.normalize(
                text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text, Normalizer.Form.NFD))
                .replaceAll("")
                .toUpperCase(Locale.ROOT)
                .replace("#", " # ");
        cleaned = DROPPED.matcher(cleaned).replaceAll("");
        cleaned = WORD_HYPHEN.matcher(cleaned).replaceAll(" ");
        cleaned = OTHER_CHARACTERS.matcher(cleaned).replaceAll(" ");
        for (String part : cleaned.split(",")) {
            List<String> tokens = new ArrayList<>(Arrays.asList(SPACES.split(part.trim())));
            tokens.removeIf(String::isEmpty);
            if (!tokens.isEmpty() && !tokens.get(0).equals("#") && !unitDesignators.containsKey(tokens.get(0))) {
                return tokens;
            }
        }
        return new ArrayList<>();
    }

    private static void dropCityStateZip(List<String> tokens) {
        if (tokens.size() > 3 && ZIP.matcher(tokens.get(tokens.size() - 1)).matches()) {
            tokens.remove(tokens.size() - 1);
            if (STATES.contains(tokens.get(tokens.size() - 1))) {
                tokens.remove(tokens.size() - 1);
            }
        }
    }

    private StreetName streetName(List<String> tokens) {
        List<String> words = new ArrayList<>(tokens);
        dropUnit(words);
        words.removeIf(w -> w.equals("#") || w.equals("-") || w.contains("/"));
        if (words.isEmpty()) {
            return new StreetName(null, "", null, null);
        }
        String leadingType = null;
        if (words.size() > 1 && LEADING_TYPES.containsKey(words.get(0))) {
            leadingType = LEADING_TYPES.get(words.remove(0));
        }
        String preDirectional = null;
        if (words.size() > 1 && DIRECTIONALS.containsKey(words.get(0))
                && !(words.size() == 2 && isSuffix(words.get(1)))) {
            preDirectional = DIRECTIONALS.get(words.remove(0));
        }
        String postDirectional = null;
        int last = words.size() - 1;
        if (last >= 1 && DIRECTIONALS.containsKey(words.get(last))
                && (leadingType != null || (last >= 2 && isSuffix(words.get(last - 1))))) {
            postDirectional = DIRECTIONALS.get(words.remove(last));
        }
        String suffix = leadingType;
        last = words.size() - 1;
        if (last >= 1 && isSuffix(words.get(last))) {
            suffix = suffixes.get(words.remove(last));
        }
        List<String> name = words.stream().map(AddressNormalizer::nameWord).toList();
        return new StreetName(preDirectional, String.join(" ", name), suffix, postDirectional);
    }

    /** Drops a unit from the end of the street line: "APT 3B", "# 2", "2ND FL", "REAR". Never the first word. */
    private void dropUnit(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            Boolean numbered = unitDesignators.get(word);
            boolean floorAfterOrdinal = (word.equals("FL") || word.equals("FLOOR")) && i > 1
                    && ORDINAL.matcher(words.get(i - 1)).matches();
            boolean unit = word.equals("#") || floorAfterOrdinal
                    || (Boolean.TRUE.equals(numbered) && i < words.size() - 1)
                    || (Boolean.FALSE.equals(numbered) && i == words.size() - 1);
            if (unit) {
                words.subList(floorAfterOrdinal ? i - 1 : i, words.size()).clear();
                return;
            }
        }
    }

    private boolean isSuffix(String word) {
        return suffixes.containsKey(word);
    }

    private static boolean hasNameWord(List<String> words) {
        return words.stream().anyMatch(w -> w.chars().allMatch(Character::isLetter)
                && !LEADING_TYPES.containsKey(w) && !DIRECTIONALS.containsKey(w));
    }

    /** Street names write numbers as ordinals: "Calle 26" and "26 St" are 26TH ST. */
    private static String nameWord(String word) {
        String written = NAME_WORDS.get(word);
        if (written != null) {
            return written;
        }
        if (DIGITS.matcher(word).matches() && word.length() <= 4) {
            int n = Integer.parseInt(word);
            String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "TH"
                    : switch (n % 10) {
                        case 1 -> "ST";
                        case 2 -> "ND";
                        case 3 -> "RD";
                        default -> "TH";
                    };
            return n + suffix;
        }
        return word;
    }

    private static Integer leadingNumber(String token) {
        int end = 0;
        while (end < token.length() && Character.isDigit(token.charAt(end))) {
            end++;
        }
        return parseNumber(token.substring(0, end));
    }

    private static Integer parseNumber(String digits) {
        return digits.length() > 7 ? null : Integer.valueOf(digits);
    }
}
