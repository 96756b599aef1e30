package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.beatbook.incidents.persistence.IncidentStore;

/** Staff pages and API, and the public pages, on the Chicago demo. */
@SpringBootTest
@AutoConfigureMockMvc
class IncidentWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    IncidentImports imports;
    @Autowired
    IncidentStore store;

    /**
     * Imports run one at a time. One that waits for another says so on its status page and in the list of imports,
     * then runs when the other ends.
     */
    @Test
    void anImportWaitingForAnotherSaysSo() throws Exception {
        String[] lines = new String(ChicagoCrimes.bytes(), StandardCharsets.UTF_8).split("\n", 4);
        byte[] threeStoredRows = String.join("\n", lines[0], lines[1], lines[2]).getBytes(StandardCharsets.UTF_8);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                // What a running import holds until its commit.
                s.execute("SELECT pg_advisory_xact_lock(hashtext('incident-import'))");
            }
            CompletableFuture<ImportReport> waiting = CompletableFuture.supplyAsync(() -> imports.importFile("chicago",
                    "waiting.csv", new ByteArrayInputStream(threeStoredRows), false));
            long id = 0;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); id == 0; Thread.sleep(50)) {
                assertThat(System.nanoTime()).as("the import shows it waits").isLessThan(deadline);
                id = store.recentImports(5).stream().filter(e -> e.fileName().equals("waiting.csv") && e.waiting())
                        .mapToLong(IncidentStore.ImportEntry::id).findFirst().orElse(0);
            }
            mvc.perform(get("/staff/incidents/imports/{id}", id).param("lang", "en").with(user("a").roles("ADMIN")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "waiting for another import to finish")));
            mvc.perform(get("/staff/incidents").param("lang", "es").with(user("a").roles("ADMIN")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "esperando a que termine otra importación")));
            other.rollback();
            ImportReport report = waiting.get(60, TimeUnit.SECONDS);
            assertThat(report.accepted()).isTrue();
            assertThat(report.unchanged()).isEqualTo(2);
            IncidentStore.ImportEntry done = store.importEntry(id).orElseThrow();
            assertThat(done.waiting()).isFalse();
            assertThat(done.status()).isEqualTo("DONE");
        }
    }

    @Test
    void staffTrendPageShowsCompStatChartMapsAndTheirTables() throws Exception {
        String html = mvc.perform(get("/staff/incidents/trends").param("lang", "en").with(user("s").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("CompStat as of 2015-02-08").contains("District 4").contains("data-chart=")
                .contains("id=\"choropleth\"").contains("mean plus two standard deviations").contains("<caption");
        String drilled = mvc.perform(get("/staff/incidents/trends").param("parent", "district:4")
                        .with(user("s").roles("STAFF"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(drilled).contains("Sector 042").doesNotContain("District 5<");
        mvc.perform(get("/staff/incidents/trends").param("from", "yesterday").with(user("s").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")));
    }

    @Test
    void staffPagesNeedLogin() throws Exception {
        mvc.perform(get("/staff/incidents")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/trends/compstat")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/incidents")).andExpect(status().isUnauthorized());
    }

    @Test
    void staffPagesRender() throws Exception {
        for (String page : new String[] {"/staff/incidents", "/staff/incidents/warnings", "/staff/incidents/profiles",
                "/staff/incidents/classification"}) {
            mvc.perform(get(page).with(user("s").roles("ADMIN"))).andExpect(status().isOk());
        }
        mvc.perform(get("/staff/incidents").param("lang", "es").with(user("s").roles("ADMIN")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Importación de incidentes")));
    }

    @Test
    void compStatApiAnswersJsonAndCsv() throws Exception {
        mvc.perform(get("/api/v1/trends/compstat").param("level", "district").with(user("s").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2015-02-08"))
                .andExpect(jsonPath("$.rows[0].last7Days.current").isNumber());
        String csv = mvc.perform(get("/api/v1/trends/compstat").param("format", "csv").with(user("s").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("level,code,unit,category,last7");
        mvc.perform(get("/api/v1/trends/series").param("unit", "district:4").param("interval", "month")
                .with(user("s").roles("STAFF"))).andExpect(status().isOk()).andExpect(jsonPath("$.points").isArray());
        mvc.perform(get("/api/v1/trends/hotspots").with(user("s").roles("STAFF")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cells[?(@.hot == true)]").isNotEmpty());
        mvc.perform(get("/api/v1/trends/units").param("level", "beat").param("category", "nonsense")
                        .with(user("s").roles("STAFF")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0]").value(
                        org.hamcrest.Matchers.containsString("category")));
    }

    @Test
    void theApiImportsAFileAndOffersItsRejectReport() throws Exception {
        String csv = new String(ChicagoCrimes.bytes(), StandardCharsets.UTF_8).lines().limit(3)
                .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n1,2,3\n";
        String body = mvc.perform(multipart("/api/v1/incidents/imports").file(new MockMultipartFile("file", "x.csv",
                                "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("profile", "chicago")
                        .param("gazetteer", "false").with(user("a").roles("ADMIN")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.unchanged").value(2)).andReturn().getResponse().getContentAsString();
        String id = body.replaceAll(".*\"importId\":(\\d+).*", "$1");
        mvc.perform(get("/api/v1/incidents/imports/" + id + "/rejects").with(user("s").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("4,\"has 3 columns")));
        mvc.perform(multipart("/api/v1/incidents/imports").file(new MockMultipartFile("file", "x.csv", "text/csv",
                        "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))).param("profile", "chicago")
                        .with(user("a").roles("ADMIN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("missing column")));
        mvc.perform(multipart("/api/v1/incidents/imports").file(new MockMultipartFile("file", "x.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("profile", "chicago")
                        .with(user("s").roles("STAFF")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDepartmentAddsItsOwnProfileAsYaml() throws Exception {
        // Dates in 2012, far from the Chicago file's weeks, so the shared demo numbers stay the file's.
        String yaml = """
                name: county
                source: county-rms
                classification: generic
                columns: {id: case, occurred: when, code: nibrs, address: where, latitude: lat, longitude: lon}
                dateFormat: ISO
                timeZone: America/Chicago
                """;
        mvc.perform(put("/api/v1/incidents/profiles").contentType("application/yaml").content(yaml)
                .with(user("a").roles("ADMIN"))).andExpect(status().isOk());
        String csv = "case,when,nibrs,where,lat,lon\nC1,2012-06-01T10:00,TC,1340 S SAWYER AVE,41.8635,-87.7063\n"
                + "C2,2012-06-02,NOISE,1340 S SAWYER AVE,41.8635,-87.7063\n";
        mvc.perform(multipart("/api/v1/incidents/imports").file(new MockMultipartFile("file", "c.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("profile", "county").param("gazetteer", "false")
                        .with(user("a").roles("ADMIN")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.inserted").value(2));
        mvc.perform(get("/api/v1/trends/units").param("level", "beat").param("category", "traffic")
                        .param("from", "2012-06-01").param("to", "2012-06-01").with(user("s").roles("STAFF")))
                .andExpect(jsonPath("$.units[?(@.code == '1022')].count").value(org.hamcrest.Matchers.hasItem(1)));
        mvc.perform(put("/api/v1/incidents/profiles").contentType("application/yaml").content("name: Bad Name\n")
                .with(user("a").roles("ADMIN"))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("columns.id is required")));
    }

    @Test
    void aProfileOrClassificationRowWithANulCharacterIsRefusedNamingTheField() throws Exception {
        // YAML's "\\0" escape puts a NUL into a value, which is stored and copied onto every imported row
        String yaml = """
                name: nul-source
                source: "county\\0rms"
                classification: generic
                columns: {id: case, occurred: when, address: where}
                dateFormat: ISO
                timeZone: America/Chicago
                """;
        mvc.perform(put("/api/v1/incidents/profiles").contentType("application/yaml").content(yaml)
                        .with(user("a").roles("ADMIN"))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "source contains a NUL byte (0x00), which a text value cannot hold")));
        mvc.perform(get("/api/v1/incidents/profiles").with(user("s").roles("STAFF")))
                .andExpect(jsonPath("$['nul-source']").doesNotExist());

        mvc.perform(put("/api/v1/incidents/classification/generic").contentType("application/json")
                        .content("{\"match\":\"NUL\\u0000TEST\",\"category\":\"quality-of-life\","
                                + "\"offense\":\"Nul\",\"sensitive\":false}")
                        .with(user("a").roles("ADMIN"))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "match contains a NUL byte (0x00), which a text value cannot hold")));
        mvc.perform(multipart("/staff/incidents/classification").param("scheme", "generic").param("match", "nul")
                        .param("offense", "N\u0000ul").param("category", "quality-of-life")
                        .with(user("a").roles("ADMIN")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"N\u2400ul\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("\u0000"))));
        mvc.perform(get("/api/v1/incidents/classification/generic").with(user("s").roles("STAFF")))
                .andExpect(jsonPath("$[?(@.match =~ /NUL.*/)]").isEmpty());
    }

    @Test
    void theClassificationTableIsEditable() throws Exception {
        mvc.perform(multipart("/staff/incidents/classification").param("scheme", "generic").param("match", "fireworks")
                        .param("offense", "Fireworks").param("category", "quality-of-life")
                        .param("priority", "quality-of-life").with(user("a").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/incidents/classification/generic").with(user("s").roles("STAFF")))
                .andExpect(jsonPath("$[?(@.match == 'FIREWORKS')].offense").value(org.hamcrest.Matchers.hasItem("Fireworks")));
        mvc.perform(multipart("/staff/incidents/classification").param("scheme", "generic").param("match", "")
                        .param("offense", "x").param("category", "nope").with(user("a").roles("ADMIN")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")));
    }

    @Test
    void thePublicDashboardIsOpenAndSaysTheDataMayChange() throws Exception {
        mvc.perform(get("/incidents").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("initially reported")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sensitive offenses")));
        mvc.perform(get("/incidents").param("unit", "beat:0422").param("lang", "es")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Delitos denunciados en Beat 0422")));
    }
}
