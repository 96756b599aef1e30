package org.beatbook.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beatbook.geocoding.BlockSighting;
import org.beatbook.geocoding.Gazetteer;
import org.beatbook.geography.BoundaryAdministration;
import org.beatbook.geography.BoundaryImportReport;
import org.beatbook.geography.BoundaryImportRequest;
import org.beatbook.geography.LevelDefinition;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitRef;
import org.beatbook.incidents.ImportReport;
import org.beatbook.incidents.IncidentImports;
import org.beatbook.personnel.OfficerDirectory;
import org.beatbook.personnel.RosterAdministration;
import org.beatbook.personnel.RosterImportReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the Chicago demo once: each part is loaded only when missing, so a restart changes nothing.
 * Runs before the application reports ready, so the first page a visitor sees already has data.
 */
@Component
@ConditionalOnBooleanProperty("beatbook.demo.enabled")
class ChicagoDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChicagoDemo.class);
    private static final String DATA = "demo/chicago/";

    private final BoundaryAdministration boundaries;
    private final UnitCatalogue catalogue;
    private final Gazetteer gazetteer;
    private final RosterAdministration roster;
    private final OfficerDirectory officers;
    private final IncidentImports incidents;

    ChicagoDemo(BoundaryAdministration boundaries, UnitCatalogue catalogue, Gazetteer gazetteer,
                RosterAdministration roster, OfficerDirectory officers, IncidentImports incidents) {
        this.boundaries = boundaries;
        this.catalogue = catalogue;
        this.gazetteer = gazetteer;
        this.roster = roster;
        this.officers = officers;
        this.incidents = incidents;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalogue.levels().isEmpty()) {
            loadGeography();
        }
        if (gazetteer.isEmpty()) {
            loadGazetteer();
        }
        List<UnitRef> beats = catalogue.units("beat");
        if (!beats.isEmpty() && officers.currentOfficers(List.of(beats.get(0).key())).isEmpty()) {
            loadOfficers(beats);
        }
        if (incidents.isEmpty()) {
            loadIncidents();
        }
    }

    /** The same crimes file through the chicago profile; the gazetteer already learned its blocks above. */
    private void loadIncidents() {
        try (InputStream in = new ClassPathResource(DATA + "crimes-2015-01.csv").getInputStream()) {
            ImportReport report = incidents.importFile("chicago", "crimes-2015-01.csv", in, false);
            if (!report.accepted()) {
                throw new IllegalStateException("Demo incidents were rejected: " + report.message());
            }
            log.info("Demo: imported {} incidents ({} rejected, {} data-quality warnings)", report.inserted(),
                    report.rejected(), report.warnings());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loadGeography() {
        boundaries.defineLevels(List.of(
                new LevelDefinition("district", "District", "Districts"),
                new LevelDefinition("sector", "Sector", "Sectors"),
                new LevelDefinition("beat", "Beat", "Beats")));
        check(importFile("district", "DIST_NUM", "police-districts.geojson"));
        check(importFile("beat", "BEAT_NUM", "police-beats.geojson"));
        // Chicago publishes no sector file: a sector is the beats sharing the first three digits (0713 -> 071).
        check(boundaries.deriveLevel("sector", "beat", 3));
        log.info("Demo: loaded {} districts, {} sectors, {} beats of Chicago", catalogue.units("district").size(),
                catalogue.units("sector").size(), catalogue.units("beat").size());
    }

    private BoundaryImportReport importFile(String level, String codeProperty, String file) {
        try (InputStream in = new ClassPathResource(DATA + file).getInputStream()) {
            return boundaries.importBoundaries(new BoundaryImportRequest(level, codeProperty, null, null, false), in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(BoundaryImportReport report) {
        if (!report.accepted()) {
            throw new IllegalStateException("Demo boundaries were rejected: " + report.errors());
        }
    }

    private void loadGazetteer() {
        try (Reader in = new InputStreamReader(new ClassPathResource(DATA + "crimes-2015-01.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            List<BlockSighting> sightings = new ArrayList<>();
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String lat = row.get("Latitude");
                String lon = row.get("Longitude");
                if (!lat.isBlank() && !lon.isBlank()) {
                    sightings.add(new BlockSighting(row.get("Block"), Double.parseDouble(lat), Double.parseDouble(lon)));
                }
            }
            var report = gazetteer.addBlockSightings(sightings.stream());
            log.info("Demo: gazetteer learned {} blocks from {} incident locations", report.added(), report.read());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loadOfficers(List<UnitRef> beats) {
        RosterImportReport report = roster.importRoster(new StringReader(DemoRoster.forChicago(beats,
                catalogue.units("district"))));
        if (!report.accepted()) {
            throw new IllegalStateException("Demo roster was rejected: " + report.errors());
        }
        roster.setStaffingTarget("beat", "beat-officer", 2);
        roster.setStaffingTarget("district", "district-commander", 1);
        log.info("Demo: {} fictitious members with {} assignments", report.members(), report.assignments());
    }
}
