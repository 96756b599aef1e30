package org.beatbook.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API. Reads use a signed-in user only because this branch has no security configuration yet (Spring's
 * default locks everything); the security module opens the public GETs.
 */
@GeographyTest
class GeographyApiTests {

    private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    private static final RequestPostProcessor READER = user("reader").roles("STAFF");

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitCatalogue catalogue;
    @Autowired
    BoundaryAdministration administration;

    @BeforeEach
    void chicago() {
        ChicagoFixture.ensureImported(catalogue, administration);
    }

    @Test
    void listsTheLevelsWithTheirUnitCounts() throws Exception {
        mvc.perform(get("/api/v1/levels").with(READER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key").value(Matchers.contains("district", "sector", "beat")))
                .andExpect(jsonPath("$[2].name").value("Beat"))
                .andExpect(jsonPath("$[2].unitCount").value(275));
    }

    @Test
    void exportedGeoJsonImportsBackUnchanged() throws Exception {
        String exported = mvc.perform(get("/api/v1/units.geojson").param("level", "beat").with(READER))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode collection = JsonMapper.builder().build().readTree(exported);
        assertThat(collection.get("features")).hasSize(275);
        JsonNode beat0713 = null;
        for (JsonNode f : collection.get("features")) {
            if (f.get("properties").get("code").asString().equals("0713")) {
                beat0713 = f;
            }
        }
        assertThat(beat0713).isNotNull();
        assertThat(beat0713.get("properties").get("parent").asString()).isEqualTo("071");
        assertThat(beat0713.get("properties").get("levelName").asString()).isEqualTo("Beat");
        assertThat(beat0713.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");

        mvc.perform(post("/api/v1/levels/beat/boundaries").param("codeProperty", "code").param("nameProperty", "name")
                        .contentType("application/geo+json").content(exported).with(ADMIN).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.unitCount").value(275))
                .andExpect(jsonPath("$.featureCount").value(275));
        assertThat(catalogue.chain(new UnitKey("beat", "0713"))).extracting(UnitRef::code)
                .containsExactly("7", "071", "0713");
    }

    @Test
    void simplifiedExportIsSmaller() throws Exception {
        int full = mvc.perform(get("/api/v1/units.geojson").param("level", "district").with(READER))
                .andReturn().getResponse().getContentAsByteArray().length;
        int simplified = mvc.perform(get("/api/v1/units.geojson").param("level", "district").param("simplify", "20")
                        .with(READER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray().length;
        assertThat(simplified).isLessThan(full / 2);
        mvc.perform(get("/api/v1/units.geojson").param("level", "district").param("simplify", "-1").with(READER))
                .andExpect(status().isBadRequest());
    }

    @Test
    void unknownLevelIsA404Problem() throws Exception {
        mvc.perform(get("/api/v1/units.geojson").param("level", "zone").with(READER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("zone")));
    }

    @Test
    void aBadUploadIsA422ProblemNamingTheFeature() throws Exception {
        String bad = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"BEAT_NUM":"0111"},
                  "geometry":{"type":"Polygon","coordinates":[[[-87.6,41.8],[-87.5,41.8],[-87.5,41.9],[-87.6,41.9],[-87.6,41.8]]]}},
                 {"type":"Feature","properties":{"BEAT_NUM":"0112"},"geometry":{"type":"LineString","coordinates":[[-87.6,41.8],[-87.5,41.9]]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-87.7,41.8],[-87.65,41.8],[-87.65,41.85],[-87.7,41.8]]]}}]}
                """;
        mvc.perform(multipart("/api/v1/levels/beat/boundaries")
                        .file(new MockMultipartFile("file", "beats.geojson", "application/geo+json", bad.getBytes(StandardCharsets.UTF_8)))
                        .param("codeProperty", "BEAT_NUM").with(ADMIN).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Boundary file rejected"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0]").value(Matchers.allOf(Matchers.containsString("index 1"),
                        Matchers.containsString("0112"), Matchers.containsString("LineString"))))
                .andExpect(jsonPath("$.errors[1]").value(Matchers.allOf(Matchers.containsString("index 2"),
                        Matchers.containsString("BEAT_NUM"))));
        assertThat(catalogue.units("beat")).hasSize(275);
    }

    @Test
    void problemsAreInSpanishForSpanishReaders() throws Exception {
        mvc.perform(post("/api/v1/levels/beat/boundaries").param("codeProperty", "BEAT_NUM")
                        .header("Accept-Language", "es").contentType(MediaType.APPLICATION_JSON).content("[]")
                        .with(ADMIN).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0]").value(Matchers.containsString("no es una FeatureCollection")));
    }

    @Test
    void importNeedsSignIn() throws Exception {
        int status = mvc.perform(post("/api/v1/levels/beat/boundaries").param("codeProperty", "BEAT_NUM")
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isIn(401, 403);
        int withToken = mvc.perform(post("/api/v1/levels/beat/boundaries").param("codeProperty", "BEAT_NUM")
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content("{}").with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(withToken).isEqualTo(401);
        assertThat(catalogue.units("beat")).hasSize(275);
    }

    @Test
    void putLevelsRefusesToDropALevelWithUnits() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/levels")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"key\":\"district\",\"name\":\"District\",\"pluralName\":\"Districts\"},"
                                + "{\"key\":\"beat\",\"name\":\"Beat\",\"pluralName\":\"Beats\"}]")
                        .with(ADMIN).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0]").value(Matchers.containsString("Sector")));
    }
}
