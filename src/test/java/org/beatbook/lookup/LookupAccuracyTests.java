package org.beatbook.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beatbook.geography.NearbyUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Address lookup end to end on the real Chicago incident blocks: geocoder, spatial index and officers together. */
@SpringBootTest
@AutoConfigureMockMvc
class LookupAccuracyTests {

    private static final Pattern HUNDRED_BLOCK = Pattern.compile("^0*(\\d*)XX (.+)$");

    @Autowired
    NeighborhoodFinder finder;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void geocodedIncidentBlocksLandInTheirRecordedBeat() throws Exception {
        Map<String, Set<String>> beatsByBlock = new LinkedHashMap<>();
        try (Reader in = new InputStreamReader(new ClassPathResource("demo/chicago/crimes-2015-01.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (!row.get("Latitude").isBlank()) {
                    beatsByBlock.computeIfAbsent(row.get("Block"), b -> new LinkedHashSet<>()).add(row.get("Beat"));
                }
            }
        }
        int landed = 0;
        int tried = 0;
        for (var block : beatsByBlock.entrySet()) {
            Matcher m = HUNDRED_BLOCK.matcher(block.getKey());
            if (!m.matches()) {
                continue;
            }
            tried++;
            int hundred = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1)) * 100;
            String address = (hundred + 50) + " " + m.group(2);
            try {
                Neighborhood n = finder.findByAddress(address);
                boolean inside = n.bottomUnit().map(u -> block.getValue().contains(u.code())).orElse(false);
                boolean nearby = n.alternatives().stream().map(NearbyUnit::unit)
                        .anyMatch(u -> u.level().equals("beat") && block.getValue().contains(u.code()));
                if (inside || nearby) {
                    landed++;
                }
            }
            catch (AddressNotFoundException e) {
                // counts as a miss
            }
        }
        double share = 100.0 * landed / tried;
        System.out.printf("Block geocoding: %d of %d distinct blocks (%.2f %%) land in their recorded beat or its alternatives%n",
                landed, tried, share);
        assertThat(tried).isGreaterThan(5000);
        assertThat(share).isGreaterThanOrEqualTo(98.0);
    }

    @Test
    void onABeatBoundaryBothSidesAndTheirOfficersAreShown() throws Exception {
        String body = mvc.perform(get("/api/v1/units.geojson").param("level", "beat"))
                .andReturn().getResponse().getContentAsString();
        JsonNode feature = null;
        for (JsonNode f : json.readTree(body).get("features")) {
            if (f.get("properties").get("code").asString().equals("0422")) {
                feature = f;
            }
        }
        assertThat(feature).as("beat 0422 in the export").isNotNull();
        JsonNode geometry = feature.get("geometry");
        JsonNode ring = geometry.get("type").asString().equals("Polygon")
                ? geometry.get("coordinates").get(0) : geometry.get("coordinates").get(0).get(0);
        Neighborhood onBoundary = null;
        for (int i = 0; i < ring.size() && onBoundary == null; i += 3) {
            Neighborhood n = finder.findByPoint(ring.get(i).get(1).asDouble(), ring.get(i).get(0).asDouble());
            if (n.nearBoundary() && n.alternatives().stream().anyMatch(a -> a.unit().level().equals("beat"))) {
                onBoundary = n;
            }
        }
        assertThat(onBoundary).as("a vertex of beat 0422 shared with another beat").isNotNull();
        assertThat(onBoundary.units()).extracting(u -> u.code()).anyMatch(c -> c.length() == 4);
        assertThat(onBoundary.alternatives()).allSatisfy(a -> assertThat(a.distanceMeters()).isLessThanOrEqualTo(30.0));
        assertThat(onBoundary.nearbyOfficers()).isNotEmpty();
        assertThat(onBoundary.officers()).isNotEmpty();
    }
}
