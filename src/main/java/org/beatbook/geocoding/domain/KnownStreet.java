package org.beatbook.geocoding.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.beatbook.geocoding.GeocodedAddress;
import org.beatbook.geocoding.Precision;

/**
 * One street of the gazetteer with its known blocks and address points, and the house-number line along it:
 * anchors (house number -> position) through which numbers that fall between known places are interpolated.
 * Immutable.
 */
final class KnownStreet {

    /**
     * Interpolation between two known places spans at most this many house numbers (about ten Chicago blocks,
     * two kilometres); farther apart, the street may bend or break, and a guess could land in the wrong beat.
     */
    static final int MAX_INTERPOLATION_SPAN = 1000;

    private final StreetName name;
    private final String text;
    private final NavigableMap<Integer, KnownBlock> blocks;
    private final NavigableMap<Integer, GeoPoint> points;
    /** Per block: its segment's end at the low house numbers, or absent when the direction is unknown. */
    private final Map<Integer, GeoPoint[]> oriented;
    private final double[] anchorNumbers;
    private final GeoPoint[] anchorPoints;

    KnownStreet(String text, StreetName name, List<KnownBlock> blockList, List<KnownAddressPoint> pointList) {
        this.name = name;
        this.text = text;
        this.blocks = new TreeMap<>();
        blockList.forEach(b -> blocks.put(b.number(), b));
        this.points = new TreeMap<>();
        pointList.forEach(p -> points.put(p.number(), p.location()));
        this.oriented = new HashMap<>();
        TreeMap<Double, GeoPoint> anchors = new TreeMap<>();
        points.forEach((number, location) -> anchors.put(number.doubleValue(), location));
        for (KnownBlock block : blocks.values()) {
            GeoPoint[] lowHigh = orient(block);
            if (lowHigh != null) {
                oriented.put(block.number(), lowHigh);
                anchors.putIfAbsent((double) block.number(), lowHigh[0]);
                anchors.putIfAbsent(block.number() + 99.999, lowHigh[1]);
            }
            else {
                anchors.putIfAbsent(block.number() + 50.0, block.fit().centroid());
            }
        }
        this.anchorNumbers = anchors.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        this.anchorPoints = anchors.values().toArray(GeoPoint[]::new);
    }

    /**
     * Which end of the block's segment holds the low numbers: the side towards the neighbouring lower block (or
     * away from the upper one). Null for a point-like segment or a block without known neighbours.
     */
    private GeoPoint[] orient(KnownBlock block) {
        BlockFit fit = block.fit();
        if (!fit.isSegment()) {
            return null;
        }
        Map.Entry<Integer, KnownBlock> lower = blocks.lowerEntry(block.number());
        Map.Entry<Integer, KnownBlock> upper = blocks.higherEntry(block.number());
        GeoPoint from = near(lower, block.number()) ? lower.getValue().fit().centroid() : fit.centroid();
        GeoPoint to = near(upper, block.number()) ? upper.getValue().fit().centroid() : fit.centroid();
        if (from.equals(to)) {
            return null;
        }
        double kx = Math.cos(Math.toRadians(fit.centroid().latitude()));
        double along = (to.longitude() - from.longitude()) * kx * (fit.end2().longitude() - fit.end1().longitude()) * kx
                + (to.latitude() - from.latitude()) * (fit.end2().latitude() - fit.end1().latitude());
        return along >= 0 ? new GeoPoint[] {fit.end1(), fit.end2()} : new GeoPoint[] {fit.end2(), fit.end1()};
    }

    private static boolean near(Map.Entry<Integer, KnownBlock> neighbour, int number) {
        return neighbour != null && Math.abs(neighbour.getKey() - number) <= MAX_INTERPOLATION_SPAN;
    }

    StreetName name() {
        return name;
    }

    String text() {
        return text;
    }

    /** How much the gazetteer has seen of this street; ranks suggestions. */
    int weight() {
        return points.size() + blocks.values().stream().mapToInt(b -> b.fit().sightings()).sum();
    }

    /** Whether the numbers of the address (its street is not looked at) can be placed on this street. */
    boolean canPlace(ParsedAddress address) {
        return locate(address).isPresent();
    }

    /** The location of a house number, a hundred block or (with neither) the street on this street, if known. */
    Optional<GeocodedAddress> locate(ParsedAddress address) {
        if (address.houseNumber() != null) {
            return locateNumber(address.houseNumber());
        }
        if (address.hundredBlock() != null) {
            int number = address.hundredBlock();
            KnownBlock block = blocks.get(number);
            String label = ParsedAddress.blockLabel(number) + " " + text;
            if (block != null) {
                return Optional.of(answer(block.fit().centroid(), label, Precision.BLOCK));
            }
            return between(number + 50.0).map(p -> answer(p, label, Precision.INTERPOLATED));
        }
        return Optional.of(answer(middle(), text, Precision.STREET));
    }

    private Optional<GeocodedAddress> locateNumber(int number) {
        String matched = number + " " + text;
        GeoPoint point = points.get(number);
        if (point != null) {
            return Optional.of(answer(point, matched, Precision.ADDRESS_POINT));
        }
        int blockNumber = number / 100 * 100;
        GeoPoint[] lowHigh = oriented.get(blockNumber);
        if (lowHigh != null) {
            return Optional.of(answer(lowHigh[0].towards(lowHigh[1], (number - blockNumber) / 100.0), matched,
                    Precision.INTERPOLATED));
        }
        Optional<GeoPoint> between = between(number);
        if (between.isPresent()) {
            return Optional.of(answer(between.get(), matched, Precision.INTERPOLATED));
        }
        KnownBlock block = blocks.get(blockNumber);
        // the block is known but not which way it runs: its middle is as close as we can honestly get
        return Optional.ofNullable(block).map(b -> answer(b.fit().centroid(),
                ParsedAddress.blockLabel(blockNumber) + " " + text, Precision.BLOCK));
    }

    /** Linear interpolation between the nearest anchors below and above, when both are near enough. */
    private Optional<GeoPoint> between(double number) {
        int i = Arrays.binarySearch(anchorNumbers, number);
        if (i >= 0) {
            return Optional.of(anchorPoints[i]);
        }
        int upper = -i - 1;
        int lower = upper - 1;
        if (lower < 0 || upper >= anchorNumbers.length
                || anchorNumbers[upper] - anchorNumbers[lower] > MAX_INTERPOLATION_SPAN) {
            return Optional.empty();
        }
        double fraction = (number - anchorNumbers[lower]) / (anchorNumbers[upper] - anchorNumbers[lower]);
        return Optional.of(anchorPoints[lower].towards(anchorPoints[upper], fraction));
    }

    /** The middle of the street as known: the median block's centre, or the median address point. */
    private GeoPoint middle() {
        if (!blocks.isEmpty()) {
            return new ArrayList<>(blocks.values()).get(blocks.size() / 2).fit().centroid();
        }
        return new ArrayList<>(points.values()).get(points.size() / 2);
    }

    /**
     * What to offer when this street cannot place the address: the known numbers nearest to the one typed,
     * written as addresses ("1300 S SAWYER AVE" for a block), or the street itself when no number was typed.
     */
    List<String> nearestAddresses(ParsedAddress address, int limit) {
        Integer wanted = address.houseNumber() != null ? address.houseNumber() : address.hundredBlock();
        if (wanted == null) {
            return List.of(text);
        }
        List<Integer> numbers = new ArrayList<>(blocks.keySet());
        numbers.addAll(points.keySet());
        return numbers.stream()
                .sorted(Comparator.comparingInt((Integer n) -> Math.abs(n - wanted)).thenComparing(n -> n))
                .distinct()
                .limit(limit)
                .map(n -> n + " " + text)
                .toList();
    }

    /** The address to suggest for what was typed: it as typed when this street can place it, else the nearest. */
    String suggestion(ParsedAddress address) {
        if (address.houseNumber() == null && address.hundredBlock() == null) {
            return text;
        }
        if (!canPlace(address)) {
            return nearestAddresses(address, 1).get(0);
        }
        return (address.houseNumber() != null ? address.houseNumber().toString()
                : ParsedAddress.blockLabel(address.hundredBlock())) + " " + text;
    }

    private static GeocodedAddress answer(GeoPoint point, String matched, Precision precision) {
        return new GeocodedAddress(point.latitude(), point.longitude(), matched, precision);
    }
}
