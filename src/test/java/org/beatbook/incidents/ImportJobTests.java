package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

import org.beatbook.incidents.application.ImportJobs;
import org.beatbook.incidents.persistence.IncidentStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Staff-UI imports run as db-scheduler jobs: upload, status page polled until done, failure rolled back. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportJobTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IncidentStore store;
    @Autowired
    ImportJobs jobs;
    @Autowired
    JdbcClient jdbc;

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Polls the status fragment as htmx does until it stops asking to be polled; returns the last answer. */
    /** The job deletes the stored file after the import's journal entry says how it ended, so shortly after. */
    void awaitStoredFileDeleted(long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (count("SELECT count(*) FROM incident_import_chunks WHERE import_id = ?", id) > 0) {
            assertThat(Instant.now()).as("stored file of import %d still there", id).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    String pollUntilFinished(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        String known = "";
        while (true) {
            String fragment = mvc.perform(get("/staff/incidents/imports/" + id + "/status").param("known", known)
                            .param("lang", "en").with(user("s").roles("STAFF")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (!fragment.contains("hx-get")) {
                return fragment;
            }
            known = fragment.replaceAll("(?s).*known=([A-Z]+).*", "$1");
            assertThat(Instant.now()).as("import %d still running", id).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void anUploadedFileIsImportedInTheBackgroundAndItsStatusPageFollowsIt() throws Exception {
        byte[] file = ChicagoCrimes.bytes();
        long rows = ChicagoCrimes.rows().size();
        String location = mvc.perform(multipart("/staff/incidents/imports")
                        .file(new MockMultipartFile("file", "crimes-2015-01.csv", "text/csv", file))
                        .param("profile", "chicago").with(user("a").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/staff/incidents/imports/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = mvc.perform(get(location).param("lang", "en").with(user("s").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<progress id=\"import-bar\"").contains("aria-live=\"polite\"").contains(">Refresh<");

        String last = pollUntilFinished(id);
        assertThat(last).contains("value=\"100\"").contains(String.format(java.util.Locale.US, "Imported: %,d rows read", rows))
                .contains("hx-swap-oob").doesNotContain(">Refresh<");
        IncidentStore.ImportEntry entry = store.importEntry(id).orElseThrow();
        assertThat(entry.status()).isEqualTo("DONE");
        assertThat(entry.rowsRead()).isEqualTo(rows);
        assertThat(entry.rejected()).isZero();
        // The demo imported the same file at start: every row is unchanged.
        assertThat(entry.unchanged()).isEqualTo(rows);
        assertThat(entry.bytesTotal()).isEqualTo(file.length);
        awaitStoredFileDeleted(id);
        // Without JavaScript the page itself shows the final report; a poll that knows the state says nothing new.
        assertThat(mvc.perform(get(location).param("lang", "es").with(user("s").roles("STAFF"))).andReturn()
                .getResponse().getContentAsString()).containsPattern("Importado: 9.?999 filas leídas");
        assertThat(mvc.perform(get(location + "/status").param("known", "DONE").with(user("s").roles("STAFF")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("hx-swap-oob");
    }

    @Test
    void aJobWhoseFileBreaksMidwayFailsAndLeavesNothingOfIt() throws Exception {
        // New ids (F...), so that any row that got through would show; the file spans three 1 MiB parts.
        String csv = new String(ChicagoCrimes.bytes(), StandardCharsets.UTF_8).lines()
                .map(line -> Character.isDigit(line.charAt(0)) ? "F" + line : line)
                .collect(Collectors.joining("\n", "", "\n"));
        long id = jobs.store("chicago", "broken.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                false);
        assertThat(count("SELECT count(*) FROM incident_import_chunks WHERE import_id = ?", id)).isEqualTo(3);
        jdbc.sql("DELETE FROM incident_import_chunks WHERE import_id = ? AND seq = 1").param(id).update();
        jobs.start(id);
        String last = pollUntilFinished(id);
        IncidentStore.ImportEntry entry = store.importEntry(id).orElseThrow();
        assertThat(entry.status()).isEqualTo("FAILED");
        assertThat(entry.message()).contains("nothing of it was applied").contains("lacks part 2");
        assertThat(entry.rowsRead()).as("it failed midway").isPositive();
        assertThat(last).contains("lacks part 2");
        assertThat(count("SELECT count(*) FROM incidents WHERE source_id LIKE 'F%'")).isZero();
        assertThat(count("SELECT count(*) FROM incidents WHERE import_id = ?", id)).isZero();
        assertThat(count("SELECT count(*) FROM incident_rejects WHERE import_id = ?", id)).isZero();
        awaitStoredFileDeleted(id);
    }
}
