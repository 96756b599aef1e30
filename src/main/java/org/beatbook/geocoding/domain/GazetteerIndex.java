package org.beatbook.geocoding.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.beatbook.geocoding.GeocodeAnswer;
import org.beatbook.geocoding.GeocodedAddress;

/**
 * The local geocoder: an immutable in-memory index of the gazetteer's blocks and address points, by street.
 * Answers in microseconds; build a new one to change it.
 */
public final class GazetteerIndex {

    /** Scores this close to the best are a tie: the address is ambiguous unless the house number settles it. */
    private static final double TIE = 0.005;
    private static final int NOT_FOUND_SUGGESTIONS = 5;
    public static final int MAX_SUGGESTIONS = 50;

    private final AddressNormalizer normalizer;
    private final StreetMatcher matcher;
    private final int blocks;
    private final int points;
    private final int streets;

    private GazetteerIndex(AddressNormalizer normalizer, List<KnownStreet> streets, int blocks, int points) {
        this.normalizer = normalizer;
        this.matcher = new StreetMatcher(streets);
        this.blocks = blocks;
        this.points = points;
        this.streets = streets.size();
    }

    public static GazetteerIndex empty(AddressNormalizer normalizer) {
        return new GazetteerIndex(normalizer, List.of(), 0, 0);
    }

    /** Builds the index; the street of every entry must be normalised text (as {@link StreetName#text()}). */
    public static GazetteerIndex build(AddressNormalizer normalizer, Collection<KnownBlock> blocks,
                                       Collection<KnownAddressPoint> points) {
        Map<String, List<KnownBlock>> blocksByStreet = new LinkedHashMap<>();
        blocks.forEach(b -> blocksByStreet.computeIfAbsent(b.street(), k -> new ArrayList<>()).add(b));
        Map<String, List<KnownAddressPoint>> pointsByStreet = new LinkedHashMap<>();
        points.forEach(p -> pointsByStreet.computeIfAbsent(p.street(), k -> new ArrayList<>()).add(p));
        Set<String> names = new LinkedHashSet<>(blocksByStreet.keySet());
        names.addAll(pointsByStreet.keySet());
        List<KnownStreet> streets = names.stream()
                .map(text -> new KnownStreet(text, normalizer.street(text),
                        blocksByStreet.getOrDefault(text, List.of()), pointsByStreet.getOrDefault(text, List.of())))
                .toList();
        return new GazetteerIndex(normalizer, streets, blocks.size(), points.size());
    }

    public boolean isEmpty() {
        return streets == 0;
    }

    public int blockCount() {
        return blocks;
    }

    public int addressPointCount() {
        return points;
    }

    public int streetCount() {
        return streets;
    }

    public GeocodeAnswer geocode(String text) {
        ParsedAddress typed = normalizer.parse(text);
        if (typed.isEmpty() || isEmpty()) {
            return new GeocodeAnswer(Optional.empty(), List.of());
        }
        Optional<KnownStreet> street = exactStreet(typed);
        if (street.isPresent()) {
            return locate(street.get(), typed);
        }
        List<StreetMatcher.Scored> scored = matcher.match(typed.street());
        double best = scored.stream().filter(StreetMatcher.Scored::accepted)
                .mapToDouble(StreetMatcher.Scored::score).max().orElse(Double.NaN);
        List<KnownStreet> accepted = scored.stream()
                .filter(s -> s.accepted() && s.score() >= best - TIE)
                .map(StreetMatcher.Scored::street)
                .toList();
        if (accepted.size() == 1) {
            return locate(accepted.get(0), typed);
        }
        if (accepted.size() > 1) {
            // "1340 Sawyer Ave" when N and S SAWYER AVE exist: the one that has that number, if only one does
            List<KnownStreet> placing = accepted.stream().filter(s -> s.canPlace(typed)).toList();
            if (placing.size() == 1 && (typed.houseNumber() != null || typed.hundredBlock() != null)) {
                return locate(placing.get(0), typed);
            }
            return notFound(accepted.stream().map(s -> s.suggestion(typed)).toList());
        }
        return notFound(scored.stream().map(s -> s.street().suggestion(typed)).toList());
    }

    /** The street exactly as typed, or as typed with trailing words dropped (a city or unit without commas). */
    private Optional<KnownStreet> exactStreet(ParsedAddress typed) {
        String[] words = typed.street().text().split(" ");
        for (int end = words.length; end >= 1; end--) {
            String prefix = String.join(" ", Arrays.asList(words).subList(0, end));
            Optional<KnownStreet> street = matcher.exact(end == words.length ? prefix
                    : normalizer.street(prefix).text());
            if (street.isPresent()) {
                return street;
            }
        }
        return Optional.empty();
    }

    private static GeocodeAnswer locate(KnownStreet street, ParsedAddress typed) {
        Optional<GeocodedAddress> located = street.locate(typed);
        return located.isPresent() ? new GeocodeAnswer(located, List.of())
                : notFound(street.nearestAddresses(typed, NOT_FOUND_SUGGESTIONS));
    }

    private static GeocodeAnswer notFound(List<String> suggestions) {
        return new GeocodeAnswer(Optional.empty(),
                suggestions.stream().distinct().limit(NOT_FOUND_SUGGESTIONS).toList());
    }

    /** Known addresses that start like (or closely resemble) the partial address, most seen streets first. */
    public List<String> suggest(String partial, int limit) {
        ParsedAddress typed = normalizer.parse(partial);
        if (typed.isEmpty() || limit <= 0) {
            return List.of();
        }
        int wanted = Math.min(limit, MAX_SUGGESTIONS);
        return matcher.startingLike(typed.street(), wanted).stream()
                .map(s -> s.suggestion(typed))
                .distinct()
                .limit(wanted)
                .toList();
    }
}
