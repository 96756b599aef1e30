package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The privacy policy on everything public: page, public API, CSV export (public window 2014-11-11 to 2015-02-08). */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPrivacyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    JsonNode publicPoints(String unit) throws Exception {
        var request = get("/api/v1/public/incidents");
        if (unit != null) {
            request.param("unit", unit);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void noSensitiveOffenseAppearsAsAPointAndEveryOtherLocatedIncidentDoes() throws Exception {
        JsonNode features = publicPoints(null).get("features");
        long publicCount = jdbc.sql("SELECT count(*) FROM incidents WHERE NOT sensitive AND latitude IS NOT NULL "
                + "AND lower(offense) <> 'human trafficking' AND occurred_on BETWEEN '2014-11-11' AND '2015-02-08'")
                .query(Long.class).single();
        assertThat(features.size()).isEqualTo((int) publicCount);
        Set<String> sensitiveOnly = new HashSet<>(jdbc.sql("SELECT DISTINCT offense FROM incidents WHERE sensitive "
                + "EXCEPT SELECT DISTINCT offense FROM incidents WHERE NOT sensitive").query(String.class).list());
        assertThat(sensitiveOnly).contains("Sexual assault", "Domestic battery", "Offense involving children");
        for (JsonNode f : features) {
            assertThat(sensitiveOnly).doesNotContain(f.get("properties").get("offense").asString());
        }
        // Per beat too, and the CSV export says the same.
        assertThat(publicPoints("beat:0422").get("features").size()).isEqualTo(jdbc.sql("SELECT count(*) FROM "
                + "incidents_with_units WHERE NOT sensitive AND latitude IS NOT NULL AND 'beat:0422' = ANY(unit_path)"
                + " AND occurred_on BETWEEN '2014-11-11' AND '2015-02-08'")
                .query(Long.class).single().intValue());
        String csv = mvc.perform(get("/api/v1/public/incidents").param("format", "csv")).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv.lines().count() - 1).isEqualTo(publicCount);
        for (String offense : sensitiveOnly) {
            assertThat(csv).doesNotContain("," + offense + ",");
        }
    }

    @Test
    void noPublicCoordinateEqualsASourceCoordinate() throws Exception {
        Set<String> source = new HashSet<>();
        jdbc.sql("SELECT latitude, longitude FROM incidents WHERE latitude IS NOT NULL").query(r -> {
            source.add(r.getDouble(1) + "," + r.getDouble(2));
        });
        JsonNode features = publicPoints(null).get("features");
        assertThat(features.size()).isGreaterThan(8000);
        for (JsonNode f : features) {
            JsonNode c = f.get("geometry").get("coordinates");
            assertThat(source).doesNotContain(c.get(1).asDouble() + "," + c.get(0).asDouble());
        }
        // Deterministic: the same incident lands on the same spot every time.
        assertThat(publicPoints("beat:0422").toString()).isEqualTo(publicPoints("beat:0422").toString());
    }

    @Test
    void noPublicAddressIsFinerThanTheHundredBlock() throws Exception {
        for (JsonNode f : publicPoints(null).get("features")) {
            JsonNode block = f.get("properties").get("block");
            if (!block.isNull()) {
                assertThat(block.asString()).matches("(\\d{3,}XX [^0-9]*\\S.*|[^0-9]+)");
            }
        }
    }

    @Test
    void thePublicApiNeverReturnsInternalFields() throws Exception {
        String body = mvc.perform(get("/api/v1/public/incidents").param("unit", "district:4")).andReturn()
                .getResponse().getContentAsString();
        assertThat(body).doesNotContain("caseNumber").doesNotContain("HY1").doesNotContain("description")
                .doesNotContain("sourceId").doesNotContain("arrest").doesNotContain("domestic");
        JsonNode first = json.readTree(body).get("features").get(0).get("properties");
        assertThat(List.copyOf(first.propertyNames())).containsExactly("category", "offense", "date", "block");
    }

    @Test
    void sensitiveOffensesAreCountedOnlyAtDistrictLevelAndAbove() throws Exception {
        mvc.perform(get("/api/v1/public/trends").param("level", "district").param("unit", "4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sensitive.shown").value(true))
                .andExpect(jsonPath("$.sensitive.count").value(jdbc.sql("SELECT count(*) FROM incidents_with_units "
                        + "WHERE (sensitive OR lower(offense) = 'human trafficking') AND 'district:4' = ANY(unit_path) "
                        + "AND occurred_on BETWEEN '2014-11-11' AND '2015-02-08'")
                        .query(Long.class).single().intValue()));
        String beat = mvc.perform(get("/api/v1/public/trends").param("unit", "beat:0422"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sensitive.shown").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(beat).get("sensitive").has("count")).isFalse();
        // The beat's public category counts leave sensitive incidents out entirely.
        long shown = json.readTree(beat).get("categories").valueStream().mapToLong(c -> c.get("current").asLong())
                .sum();
        assertThat(shown).isEqualTo(jdbc.sql("SELECT count(*) FROM incidents_with_units WHERE NOT sensitive AND "
                + "'beat:0422' = ANY(unit_path) AND occurred_on BETWEEN '2014-11-11' AND '2015-02-08'")
                .query(Long.class).single());
        String page = mvc.perform(get("/incidents").param("unit", "beat:0422").param("lang", "en")).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("not shown for areas this small");
        mvc.perform(get("/api/v1/public/trends").param("unit", "9999")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.containsString("No unit")));
    }
}
