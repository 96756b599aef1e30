package org.beatbook.incidents.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import org.beatbook.geocoding.AddressGeocoder;
import org.beatbook.geocoding.BlockSighting;
import org.beatbook.geocoding.Gazetteer;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitLocator;
import org.beatbook.incidents.ImportReport;
import org.beatbook.incidents.IncidentImports;
import org.beatbook.incidents.domain.Classification;
import org.beatbook.incidents.domain.Classifier;
import org.beatbook.incidents.domain.MappingProfile;
import org.beatbook.incidents.domain.PrivacyPolicy;
import org.beatbook.incidents.domain.RowParser;
import org.beatbook.incidents.domain.SourceRow;
import org.beatbook.incidents.persistence.ImportSession;
import org.beatbook.incidents.persistence.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Streams a CSV through its profile: parse, classify, place, write with COPY, then merge in one transaction. Memory
 * stays flat: rows are never collected, rejects go to a temporary file.
 */
@Service
public class IncidentImporter implements IncidentImports {

    private static final Logger log = LoggerFactory.getLogger(IncidentImporter.class);
    /** Sightings per hundred block fed to the gazetteer from one import: enough to outline the block. */
    private static final int SIGHTINGS_PER_BLOCK = 20;
    private static final long PROGRESS_NANOS = 1_000_000_000L;
    /** Threads parsing, classifying and placing rows; the importing thread reads the file meanwhile. */
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final ProfileCatalogue profiles;
    private final IncidentStore store;
    private final UnitLocator locator;
    private final UnitCatalogue catalogue;
    private final AddressGeocoder geocoder;
    private final Gazetteer gazetteer;
    private final PrivacyPolicy policy;

    IncidentImporter(ProfileCatalogue profiles, IncidentStore store, UnitLocator locator, UnitCatalogue catalogue,
                     AddressGeocoder geocoder, Gazetteer gazetteer, PrivacyPolicy policy) {
        this.profiles = profiles;
        this.store = store;
        this.locator = locator;
        this.catalogue = catalogue;
        this.geocoder = geocoder;
        this.gazetteer = gazetteer;
        this.policy = policy;
    }

    @Override
    public ImportReport importFile(String profileName, String fileName, InputStream csv, boolean feedGazetteer) {
        MappingProfile profile = profile(profileName);
        return run(store.startImport(profile.name(), fileName), profile, fileName, csv, feedGazetteer);
    }

    /**
     * Runs a background import whose journal entry and file were stored earlier; a run after a crash starts over
     * (the crashed run's transaction was rolled back). A profile that no longer exists or passes its checks
     * rejects the file.
     */
    ImportReport runStored(IncidentStore.ImportEntry entry, InputStream csv) {
        MappingProfile profile;
        try {
            profile = profile(entry.profile());
        }
        catch (IllegalArgumentException e) {
            store.finishRejected(entry.id(), e.getMessage(), 0);
            return new ImportReport(entry.id(), false, e.getMessage(), 0, 0, 0, 0, 0, 0);
        }
        store.markRunning(entry.id());
        return run(entry.id(), profile, entry.fileName(), csv, entry.feedGazetteer());
    }

    private MappingProfile profile(String name) {
        return profiles.profile(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown profile \"" + name + "\"; known: " + String.join(", ", profiles.all().keySet())));
    }

    private ImportReport run(long importId, MappingProfile profile, String fileName, InputStream source,
                             boolean feedGazetteer) {
        List<Classification> table = store.classification(profile.classification());
        if (table.isEmpty()) {
            store.seedClassification();
            table = store.classification(profile.classification());
        }
        Classifier classifier = new Classifier(table);
        MeteredInput csv = new MeteredInput(source);
        long read = 0;
        long rejected = 0;
        long progressAt = System.nanoTime();
        // Malformed bytes become U+FFFD so that the row, not the file, is rejected.
        Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        // Rows with too many or too few fields come through, so that the row parser rejects them by line.
        ReadColumns columns = new ReadColumns();
        try (CsvReader<ReadColumns.Record> parser = CsvReader.builder().fieldSeparator(profile.delimiter())
                .allowExtraFields(true).allowMissingFields(true).build(columns, reader)) {
            Iterator<ReadColumns.Record> records = parser.iterator();
            List<String> header;
            try {
                header = new ArrayList<>(records.hasNext() ? records.next().fields() : List.of());
                if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                    header.set(0, header.get(0).substring(1));
                }
                // Checks the header against the profile once; each worker then builds its own parser.
                columns.readOnly(new RowParser(profile, header).readColumns());
            }
            catch (IllegalArgumentException | CsvParseException e) {
                String message = e instanceof CsvParseException ? "The header cannot be read as CSV: " + e.getMessage()
                        : e.getMessage();
                store.finishRejected(importId, message, 0);
                return new ImportReport(importId, false, message, 0, 0, 0, 0, 0, 0);
            }
            long started = System.nanoTime();
            ImportSession.Merged merged;
            try (ImportSession session = store.openSession(importId, profile.source());
                 StagingWorkers workers = new StagingWorkers(session, WORKERS, () -> stager(profile, header,
                         classifier))) {
                long unreadable = 0;
                while (true) {
                    ReadColumns.Record record;
                    long line = read + 2;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    }
                    catch (UncheckedIOException | CsvParseException broken) {
                        if (csv.failure() != null) {
                            throw new UncheckedIOException("The file could not be read: " + csv.failure().getMessage(),
                                    csv.failure());
                        }
                        // A quote that never closes swallows the rest of the file: say where it started.
                        workers.finish();
                        session.reject(line, "cannot be read as CSV from here on: " + broken.getMessage());
                        unreadable++;
                        read++;
                        break;
                    }
                    read++;
                    workers.add(record.line(), record.fields());
                    // The status page polls the journal: about once a second, never per row.
                    if ((read & 0xFF) == 0 && System.nanoTime() - progressAt >= PROGRESS_NANOS) {
                        store.progress(importId, read, workers.rejected() + unreadable, csv.count());
                        progressAt = System.nanoTime();
                    }
                }
                workers.finish();
                rejected = workers.rejected() + unreadable;
                store.progress(importId, read, rejected, csv.count());
                if (workers.staged() == 0) {
                    String message = read == 0 ? "The file has no rows after the header"
                            : "No row of the file could be used with the profile \"" + profile.name()
                              + "\": is it the right profile? See the reject report for each row";
                    session.close();
                    store.finishRejected(importId, message, read);
                    return new ImportReport(importId, false, message, read, 0, 0, 0, rejected, 0);
                }
                log.info("Import {}: {} rows parsed, classified, placed and staged in {} ms", importId, read,
                        (System.nanoTime() - started) / 1_000_000);
                merged = session.commit(read, rejected, workers.tally(), workers.idsMayRepeat());
            }
            if (feedGazetteer) {
                feedGazetteer(importId);
            }
            log.info("Imported {} with profile {}: {} rows, {} new, {} updated, {} unchanged, {} rejected, {} warnings",
                    fileName, profile.name(), read, merged.inserted(), merged.updated(), merged.unchanged(), rejected,
                    merged.warnings());
            return new ImportReport(importId, true, null, read, merged.inserted(), merged.updated(),
                    merged.unchanged(), rejected, merged.warnings());
        }
        catch (IOException e) {
            store.finishFailed(importId, "The file could not be read: " + e.getMessage(), read);
            return new ImportReport(importId, false, "The file could not be read: " + e.getMessage(), read, 0, 0, 0,
                    rejected, 0);
        }
        catch (RuntimeException e) {
            store.finishFailed(importId, "The import failed and was rolled back, nothing of it was applied: "
                    + e.getMessage(), read);
            throw e;
        }
    }

    /** One worker thread's own parser and placer (neither is thread-safe) around the shared classification. */
    private StagingWorkers.RowStager stager(MappingProfile profile, List<String> header, Classifier classifier) {
        RowParser rows = new RowParser(profile, header);
        Placer placer = new Placer(locator, catalogue, geocoder);
        return (line, values) -> {
            SourceRow row = rows.parse(line, values);
            Classification c = classifier.classify(row.code(), row.offenseText(), row.description());
            boolean sensitive = policy.isSensitive(c.sensitive() || row.flaggedSensitive(), c.offense());
            return placer.place(row, c, sensitive);
        };
    }

    private void feedGazetteer(long importId) {
        try (var sightings = store.blockSightings(importId, SIGHTINGS_PER_BLOCK)) {
            var report = gazetteer.addBlockSightings(sightings.map(s -> new BlockSighting(s[0],
                    Double.parseDouble(s[1]), Double.parseDouble(s[2]))));
            log.info("Gazetteer learned {} new blocks from import {}", report.added(), importId);
        }
    }

    @Override
    public boolean isEmpty() {
        return store.isEmpty();
    }
}
