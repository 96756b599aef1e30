package org.beatbook.geocoding.application;

import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.beatbook.geocoding.AddressGeocoder;
import org.beatbook.geocoding.BlockSighting;
import org.beatbook.geocoding.Gazetteer;
import org.beatbook.geocoding.GazetteerImportReport;
import org.beatbook.geocoding.GeocodeAnswer;
import org.beatbook.geocoding.GeocodedAddress;
import org.beatbook.geocoding.domain.AddressNormalizer;
import org.beatbook.geocoding.domain.AddressPointBatch;
import org.beatbook.geocoding.domain.BlockFit;
import org.beatbook.geocoding.domain.CsvFiles;
import org.beatbook.geocoding.domain.GazetteerIndex;
import org.beatbook.geocoding.domain.LabelledSighting;
import org.beatbook.geocoding.domain.SightingBatch;
import org.beatbook.geocoding.persistence.GazetteerRepository;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The geocoder and its gazetteer: answers from an immutable in-memory index, loaded from the database at start
 * and replaced as a whole after each import, so lookups never see half an import.
 */
@Service
public class GeocodingService implements AddressGeocoder, Gazetteer, SmartInitializingSingleton {

    private final GazetteerRepository repository;
    private final TransactionTemplate transactions;
    private final ExternalGeocoder external;
    private final AddressNormalizer normalizer = AddressNormalizer.standard();
    private final AtomicReference<GazetteerIndex> index = new AtomicReference<>(GazetteerIndex.empty(normalizer));
    /** Imports read, merge and write blocks: one at a time, so that none overwrites another's refinement. */
    private final Object imports = new Object();

    GeocodingService(GazetteerRepository repository, TransactionTemplate transactions, ExternalGeocoder external) {
        this.repository = repository;
        this.transactions = transactions;
        this.external = external;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    /** Rebuilds the in-memory index from the database. */
    public void reload() {
        index.set(GazetteerIndex.build(normalizer, repository.blocks(), repository.addressPoints()));
    }

    /** The index answering now; a new one replaces it after every import. */
    public GazetteerIndex index() {
        return index.get();
    }

    @Override
    public GeocodeAnswer geocode(String address) {
        GeocodeAnswer local = index.get().geocode(address);
        if (local.match().isPresent() || !external.enabled()) {
            return local;
        }
        Optional<GeocodedAddress> found = external.locate(address);
        return found.isPresent() ? new GeocodeAnswer(found, List.of()) : local;
    }

    @Override
    public List<String> suggest(String partialAddress, int limit) {
        return index.get().suggest(partialAddress, limit);
    }

    @Override
    public GazetteerImportReport addBlockSightings(Stream<BlockSighting> sightings) {
        AtomicInteger n = new AtomicInteger();
        return importBlocks(sightings.map(s -> new LabelledSighting("sighting " + n.incrementAndGet(), s.block(),
                Double.toString(s.latitude()), Double.toString(s.longitude()))));
    }

    /** Adds sightings that say where they came from ("line 18"), so that rejects can point at them. */
    public GazetteerImportReport importBlocks(Stream<LabelledSighting> sightings) {
        synchronized (imports) {
            SightingBatch batch = SightingBatch.of(normalizer, sightings);
            Integer added = transactions.execute(status -> {
                Map<SightingBatch.BlockKey, BlockFit> known = repository.blockFits();
                repository.saveBlocks(batch.refine(known::get));
                return (int) batch.pointsByBlock().keySet().stream().filter(k -> !known.containsKey(k)).count();
            });
            reload();
            return new GazetteerImportReport(batch.read(), added, batch.rejected());
        }
    }

    /** @throws IllegalArgumentException when the CSV is not in the OpenAddresses layout; nothing is added then */
    @Override
    public GazetteerImportReport addAddressPoints(Reader openAddressesCsv) {
        synchronized (imports) {
            AddressPointBatch batch = CsvFiles.openAddresses(normalizer, openAddressesCsv);
            Integer added = transactions.execute(status -> {
                Set<String> known = repository.addressPointKeys();
                repository.saveAddressPoints(batch.points());
                return (int) batch.points().stream().filter(p -> !known.contains(p.street() + "|" + p.number()))
                        .count();
            });
            reload();
            return new GazetteerImportReport(batch.read(), added, batch.rejected());
        }
    }

    @Override
    public boolean isEmpty() {
        return index.get().isEmpty();
    }
}
