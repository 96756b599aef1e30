package org.beatbook.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@GeographyTest
class StaffPagesTests {

    private static final RequestPostProcessor ADMIN = user("chief").roles("ADMIN");

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

    private String page(String url, String language) throws Exception {
        return mvc.perform(get(url).param("lang", language).with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void overviewListsLevelsCountsAndImports() throws Exception {
        String html = page("/staff/geography", "en");
        assertThat(html).contains("<h1>Units and boundaries</h1>", "href=\"/staff/geography/levels/beat\"", ">275<",
                "Recent boundary imports, newest first", "277 / 275", "<label for=\"upload-file\"",
                "name=\"_csrf\"");
    }

    @Test
    void overviewInSpanish() throws Exception {
        assertThat(page("/staff/geography", "es")).contains("<h1>Unidades y límites</h1>", "Importar límites");
    }

    @Test
    void levelPageListsUnitsWithTheirParents() throws Exception {
        String html = page("/staff/geography/levels/beat", "en");
        assertThat(html).contains("<h1>Beats</h1>", "275 Beats.", "id=\"unit-0713\"",
                "href=\"/staff/geography/levels/sector#unit-071\"");
        mvc.perform(get("/staff/geography/levels/zone").with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void uploadWithoutFileMarksTheField() throws Exception {
        String html = mvc.perform(multipart("/staff/geography/boundaries").param("level", "beat")
                        .param("codeProperty", "").with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("role=\"alert\"", "href=\"#upload-file\"", "Choose a GeoJSON file to upload.",
                "aria-describedby=\"upload-file-hint upload-file-error\"", "aria-invalid=\"true\"",
                "Say which property holds the unit code.");
    }

    @Test
    void rejectedUploadShowsEveryErrorAndKeepsTheForm() throws Exception {
        byte[] bad = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"BEAT_NUM":"0111"},
                 "geometry":{"type":"Point","coordinates":[-87.6,41.8]}}]}
                """.getBytes(StandardCharsets.UTF_8);
        String html = mvc.perform(multipart("/staff/geography/boundaries")
                        .file(new MockMultipartFile("file", "points.geojson", "application/geo+json", bad))
                        .param("level", "beat").param("codeProperty", "BEAT_NUM").with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Import report for level beat", "The file was rejected with 1 errors",
                "feature at index 0 (code 0111) is a Point", "value=\"BEAT_NUM\"");
        assertThat(catalogue.units("beat")).hasSize(275);
    }

    @Test
    void acceptedUploadRedirectsWithTheReport() throws Exception {
        mvc.perform(multipart("/staff/geography/boundaries")
                        .file(new MockMultipartFile("file", "police-districts.geojson", "application/geo+json",
                                Files.readAllBytes(ChicagoFixture.DISTRICTS)))
                        .param("level", "district").param("codeProperty", "DIST_NUM").with(ADMIN).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/geography"))
                .andExpect(flash().attribute("report", org.hamcrest.Matchers.hasProperty("class")));
        assertThat(catalogue.units("district")).hasSize(23);
        assertThat(page("/staff/geography", "en")).contains("chief");
    }

    @Test
    void deriveFormReportsABadPrefixNextToTheField() throws Exception {
        String html = mvc.perform(post("/staff/geography/derive").param("level", "sector").param("from", "beat")
                        .param("prefix", "three").with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("href=\"#derive-prefix\"", "id=\"derive-prefix-error\"",
                "aria-describedby=\"derive-prefix-hint derive-prefix-error\"");
        mvc.perform(post("/staff/geography/derive").param("level", "sector").param("from", "beat")
                        .param("prefix", "3").with(ADMIN).with(csrf()))
                .andExpect(status().isFound());
        assertThat(catalogue.chain(new UnitKey("beat", "0713"))).extracting(UnitRef::code)
                .containsExactly("7", "071", "0713");
    }

    @Test
    void levelsCanBeRenamedAndAnEmptyLevelAddedAndRemoved() throws Exception {
        try {
            mvc.perform(post("/staff/geography/levels").with(ADMIN).with(csrf())
                            .param("levels[0].key", "district").param("levels[0].name", "District")
                            .param("levels[0].pluralName", "Districts").param("levels[0].position", "1")
                            .param("levels[1].key", "sector").param("levels[1].name", "Sector")
                            .param("levels[1].pluralName", "Sectors").param("levels[1].position", "2")
                            .param("levels[2].key", "beat").param("levels[2].name", "Patrol Beat")
                            .param("levels[2].pluralName", "Patrol Beats").param("levels[2].position", "3")
                            .param("levels[3].key", "post").param("levels[3].name", "Post")
                            .param("levels[3].pluralName", "Posts").param("levels[3].position", "4"))
                    .andExpect(status().isFound());
            assertThat(catalogue.level("beat").orElseThrow().name()).isEqualTo("Patrol Beat");
            assertThat(catalogue.level("post").orElseThrow().depth()).isEqualTo(3);

            String html = mvc.perform(post("/staff/geography/levels").with(ADMIN).with(csrf())
                            .param("levels[0].key", "district").param("levels[0].name", "District")
                            .param("levels[0].pluralName", "Districts").param("levels[0].position", "1")
                            .param("levels[1].key", "Bad Key").param("levels[1].name", "")
                            .param("levels[1].pluralName", "x").param("levels[1].position", "2"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("role=\"alert\"", "Level 2: the key &quot;Bad Key&quot;", "Level 2: the name is required");
        }
        finally {
            administration.defineLevels(ChicagoFixture.LEVELS);
        }
        assertThat(catalogue.level("post")).isEmpty();
    }
}
