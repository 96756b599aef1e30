package org.beatbook.geocoding.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.beatbook.platform.NulCharacters;

/**
 * Hundred-block sightings checked and grouped by block, ready to refine the gazetteer's block fits.
 *
 * @param read sightings read
 * @param pointsByBlock the usable sightings' positions per block, in input order
 * @param rejected unusable sightings, each naming where it came from and what is wrong
 */
public record SightingBatch(int read, Map<BlockKey, List<GeoPoint>> pointsByBlock, List<String> rejected) {

    /** A block of a street: normalised street text and the block's first house number. */
    public record BlockKey(String street, int number) {
    }

    /** The batch's blocks, each fitted from the block's earlier fit (null when new) refined by these sightings. */
    public List<KnownBlock> refine(Function<BlockKey, BlockFit> earlier) {
        List<KnownBlock> blocks = new ArrayList<>();
        pointsByBlock.forEach((key, points) -> {
            BlockFit before = earlier.apply(key);
            blocks.add(new KnownBlock(key.street(), key.number(),
                    before == null ? BlockFit.of(points) : before.plus(points)));
        });
        return blocks;
    }

    public static SightingBatch of(AddressNormalizer normalizer, Stream<LabelledSighting> sightings) {
        int read = 0;
        Map<BlockKey, List<GeoPoint>> points = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        for (Iterator<LabelledSighting> it = sightings.iterator(); it.hasNext(); ) {
            LabelledSighting sighting = it.next();
            read++;
            if (NulCharacters.in(sighting.block())) {
                // the normaliser would turn it into a space: a street the file does not name
                rejected.add(sighting.where() + ": the block " + NulCharacters.REASON);
                continue;
            }
            ParsedAddress block = normalizer.parse(sighting.block());
            Integer number = block.hundredBlock() != null ? block.hundredBlock()
                    : block.houseNumber() != null ? block.houseNumber() / 100 * 100 : null;
            if (number == null || block.isEmpty()) {
                rejected.add(sighting.where() + ": \"" + sighting.block()
                        + "\" is not a hundred-block address such as 013XX S SAWYER AVE");
                continue;
            }
            try {
                double latitude = Coordinates.parse("latitude", sighting.latitude());
                double longitude = Coordinates.parse("longitude", sighting.longitude());
                String problem = Coordinates.problem(latitude, longitude);
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
                points.computeIfAbsent(new BlockKey(block.street().text(), number), k -> new ArrayList<>())
                        .add(new GeoPoint(latitude, longitude));
            }
            catch (IllegalArgumentException e) {
                rejected.add(sighting.where() + ": " + e.getMessage());
            }
        }
        return new SightingBatch(read, points, List.copyOf(rejected));
    }
}
