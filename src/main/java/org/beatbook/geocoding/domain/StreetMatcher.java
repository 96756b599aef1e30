package org.beatbook.geocoding.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Finds known streets for a typed street name: exactly, by prefix, or despite typos. Typo candidates come from a
 * trigram index over the distinct street names (a few dozen per query, never all streets and never the address
 * points), then Damerau-Levenshtein and Jaro-Winkler (commons-text) score them. Immutable.
 */
final class StreetMatcher {

    /** Below this score a street is not a match, only a suggestion. */
    static final double MATCH_THRESHOLD = 0.75;
    /** Below this score a street is not even worth suggesting. */
    static final double SUGGESTION_THRESHOLD = 0.6;
    private static final int TRIGRAM_CANDIDATES = 40;
    private static final int MAX_EDITS = 3;

    private static final double MISSING_DIRECTIONAL_PENALTY = 0.02;
    private static final double MISSING_SUFFIX_PENALTY = 0.03;
    private static final double WRONG_SUFFIX_PENALTY = 0.06;
    private static final double ALTERNATIVE_READING_PENALTY = 0.01;

    private static final Map<String, String> DIRECTIONAL_WORDS = Map.of("N", "NORTH", "S", "SOUTH", "E", "EAST",
            "W", "WEST", "NE", "NORTHEAST", "NW", "NORTHWEST", "SE", "SOUTHEAST", "SW", "SOUTHWEST");

    private static final DamerauLevenshteinDistance EDITS = new DamerauLevenshteinDistance(MAX_EDITS);
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** A street and how well it matches what was typed; accepted ones may be answered with. */
    record Scored(KnownStreet street, double score, boolean accepted) {
    }

    private final Map<String, KnownStreet> byText;
    /** Distinct compact names ("LASALLE") and the streets carrying each, index-aligned. */
    private final String[] names;
    private final String[] nameDigits;
    private final List<List<KnownStreet>> streetsByName;
    private final Map<String, Integer> nameIds;
    private final Map<String, int[]> trigrams;
    private final KnownStreet[] sortedByText;
    private final String[] sortedTexts;
    private final KnownStreet[] sortedByName;
    private final String[] sortedNames;

    StreetMatcher(List<KnownStreet> streets) {
        this.byText = new HashMap<>();
        Map<String, List<KnownStreet>> grouped = new LinkedHashMap<>();
        for (KnownStreet street : streets) {
            byText.put(street.text(), street);
            grouped.computeIfAbsent(street.name().compactName(), k -> new ArrayList<>()).add(street);
        }
        this.names = grouped.keySet().toArray(String[]::new);
        this.nameDigits = Arrays.stream(names).map(StreetMatcher::digits).toArray(String[]::new);
        this.streetsByName = List.copyOf(grouped.values());
        this.nameIds = new HashMap<>();
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int id = 0; id < names.length; id++) {
            nameIds.put(names[id], id);
            for (String trigram : trigrams(names[id])) {
                List<Integer> list = postings.computeIfAbsent(trigram, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != id) {
                    list.add(id);
                }
            }
        }
        this.trigrams = new HashMap<>();
        postings.forEach((k, v) -> trigrams.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.sortedByText = streets.stream().sorted(Comparator.comparing(KnownStreet::text))
                .toArray(KnownStreet[]::new);
        this.sortedTexts = Arrays.stream(sortedByText).map(KnownStreet::text).toArray(String[]::new);
        this.sortedByName = streets.stream().sorted(Comparator.comparing((KnownStreet s) -> s.name().name()))
                .toArray(KnownStreet[]::new);
        this.sortedNames = Arrays.stream(sortedByName).map(s -> s.name().name()).toArray(String[]::new);
    }

    Optional<KnownStreet> exact(String text) {
        return Optional.ofNullable(byText.get(text));
    }

    /**
     * Known streets scored against the typed name, best first. Besides the name as parsed it also reads a leading
     * directional as part of the name ("South Shore Dr" is S SOUTH SHORE DR) and a suffix word as part of it
     * ("Lake Shore" is N LAKE SHORE DR).
     */
    List<Scored> match(StreetName typed) {
        Map<KnownStreet, Scored> best = new HashMap<>();
        List<StreetName> readings = readings(typed);
        for (int r = 0; r < readings.size(); r++) {
            double penalty = r == 0 ? 0 : ALTERNATIVE_READING_PENALTY;
            for (Scored scored : score(readings.get(r), penalty)) {
                best.merge(scored.street(), scored, (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> -s.street().weight())
                        .thenComparing(s -> s.street().text()))
                .toList();
    }

    private static List<StreetName> readings(StreetName typed) {
        List<StreetName> readings = new ArrayList<>();
        readings.add(typed);
        if (typed.preDirectional() != null) {
            readings.add(new StreetName(null, DIRECTIONAL_WORDS.get(typed.preDirectional()) + " " + typed.name(),
                    typed.suffix(), typed.postDirectional()));
        }
        if (typed.suffix() != null) {
            readings.add(new StreetName(typed.preDirectional(), typed.name() + " " + typed.suffix(), null,
                    typed.postDirectional()));
        }
        return readings;
    }

    private List<Scored> score(StreetName typed, double penalty) {
        String name = typed.compactName();
        List<Scored> scored = new ArrayList<>();
        if (name.isEmpty()) {
            return scored;
        }
        String digits = digits(name);
        for (int id : candidateNames(name)) {
            String candidate = names[id];
            // numbered streets differ by their number: 67TH is never a typo for 68TH
            if (!nameDigits[id].equals(digits)) {
                continue;
            }
            int edits = EDITS.apply(name, candidate);
            int length = Math.max(name.length(), candidate.length());
            double similarity = (JARO_WINKLER.apply(name, candidate)
                    + Math.max(0, 1 - (edits < 0 ? MAX_EDITS + 1 : edits) / (double) length)) / 2;
            boolean closeEnough = edits >= 0 && edits <= allowedEdits(length);
            for (KnownStreet street : streetsByName.get(id)) {
                StreetName known = street.name();
                boolean otherSide = typed.directional() != null && known.directional() != null
                        && !typed.directional().equals(known.directional());
                double score = similarity - penalty - penalty(typed, known);
                if (score >= SUGGESTION_THRESHOLD) {
                    scored.add(new Scored(street, score, closeEnough && !otherSide && score >= MATCH_THRESHOLD));
                }
            }
        }
        return scored;
    }

    private static double penalty(StreetName typed, StreetName known) {
        double penalty = 0;
        if (typed.directional() != null && known.directional() == null) {
            penalty += MISSING_DIRECTIONAL_PENALTY;
        }
        if (typed.suffix() != null) {
            if (known.suffix() == null) {
                penalty += MISSING_SUFFIX_PENALTY;
            }
            else if (!typed.suffix().equals(known.suffix())) {
                penalty += WRONG_SUFFIX_PENALTY;
            }
        }
        return penalty;
    }

    /** Typos a name of this length may have and still match: none in 1-2 letters, up to 3 in 10 or more. */
    static int allowedEdits(int length) {
        if (length <= 2) {
            return 0;
        }
        if (length <= 5) {
            return 1;
        }
        return length <= 9 ? 2 : 3;
    }

    /** Known streets for a partial name, for suggestions: by prefix of the whole street or of its name, then fuzzy. */
    List<KnownStreet> startingLike(StreetName typed, int limit) {
        Set<KnownStreet> found = new LinkedHashSet<>();
        Comparator<KnownStreet> popular = Comparator.comparingInt(KnownStreet::weight).reversed()
                .thenComparing(KnownStreet::text);
        prefixRange(sortedTexts, sortedByText, typed.text()).stream().sorted(popular).forEach(found::add);
        prefixRange(sortedNames, sortedByName, typed.name()).stream()
                .filter(s -> sameSideOrUnknown(typed, s.name()))
                .sorted(popular)
                .forEach(found::add);
        if (found.size() < limit) {
            String name = typed.compactName();
            List<KnownStreet> fuzzy = new ArrayList<>();
            for (int id : candidateNames(name)) {
                String start = names[id].substring(0, Math.min(names[id].length(), name.length()));
                int edits = EDITS.apply(name, start);
                if (edits >= 0 && edits <= allowedEdits(name.length())) {
                    streetsByName.get(id).stream().filter(s -> sameSideOrUnknown(typed, s.name())).forEach(fuzzy::add);
                }
            }
            fuzzy.stream().sorted(popular).forEach(found::add);
        }
        return found.stream().limit(limit).toList();
    }

    private static boolean sameSideOrUnknown(StreetName typed, StreetName known) {
        return typed.directional() == null || known.directional() == null
                || typed.directional().equals(known.directional());
    }

    private static List<KnownStreet> prefixRange(String[] sorted, KnownStreet[] streets, String prefix) {
        if (prefix.isEmpty()) {
            return List.of();
        }
        int from = Arrays.binarySearch(sorted, prefix);
        from = from >= 0 ? from : -from - 1;
        List<KnownStreet> range = new ArrayList<>();
        for (int i = from; i < sorted.length && sorted[i].startsWith(prefix); i++) {
            range.add(streets[i]);
        }
        return range;
    }

    /** Names sharing the most trigrams with the typed one (plus the identical name), best first. */
    private int[] candidateNames(String name) {
        int[] counts = new int[names.length];
        List<Integer> touched = new ArrayList<>();
        for (String trigram : trigrams(name)) {
            for (int id : trigrams.getOrDefault(trigram, new int[0])) {
                if (counts[id]++ == 0) {
                    touched.add(id);
                }
            }
        }
        touched.sort((a, b) -> Integer.compare(counts[b], counts[a]));
        Integer same = nameIds.get(name);
        LinkedHashSet<Integer> ids = new LinkedHashSet<>();
        if (same != null) {
            ids.add(same);
        }
        ids.addAll(touched.subList(0, Math.min(TRIGRAM_CANDIDATES, touched.size())));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Trigrams of the name padded at both ends, so that first letters and short names count too. */
    private static Set<String> trigrams(String name) {
        String padded = "  " + name + " ";
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }

    private static String digits(String name) {
        StringBuilder digits = new StringBuilder();
        name.chars().filter(Character::isDigit).forEach(c -> digits.append((char) c));
        return digits.toString();
    }
}
