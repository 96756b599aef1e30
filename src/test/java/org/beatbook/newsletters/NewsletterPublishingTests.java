package org.beatbook.newsletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.beatbook.geography.UnitKey;
import org.beatbook.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * End to end on the Chicago demo: staff write an issue for District 7 in English and Spanish, publish it, GreenMail
 * receives one message per subscriber in their language with the list headers, and the archive shows it as a page,
 * a PDF and in the Atom feed.
 */
@NewsletterTest
class NewsletterPublishingTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    static final UnitKey DISTRICT_7 = new UnitKey("district", "7");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSubscribers.TableSubscriberDirectory subscribers;

    @Autowired
    JdbcClient jdbc;

    static MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder request) {
        return request.with(user("editor").roles("STAFF")).with(csrf());
    }

    static long createIssue(MockMvc mvc, String units, String body) throws Exception {
        String location = mvc.perform(staff(post("/staff/newsletters"))
                        .param("level", "district").param("units", units).param("periodKind", "quarter")
                        .param("periodStart", "2026-07").param("language", "en").param("title", "").param("body", body))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static void publish(MockMvc mvc, long id) throws Exception {
        mvc.perform(staff(post("/staff/newsletters/" + id + "/review"))).andExpect(status().is3xxRedirection());
        mvc.perform(staff(post("/staff/newsletters/" + id + "/publish"))).andExpect(status().is3xxRedirection());
    }

    static List<MimeMessage> awaitMessages(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<MimeMessage> to = Arrays.stream(mail.getReceivedMessagesForDomain(address)).toList();
            if (to.size() >= count || System.nanoTime() > deadline) {
                return to;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aPublishedIssueReachesEverySubscriberOnceInTheirLanguageWithTheListHeaders() throws Exception {
        long english = subscribers.add("ana.en@d7.example", "en", DISTRICT_7);
        long spanish = subscribers.add("beto.es@d7.example", "es-MX", DISTRICT_7);
        subscribers.add("chloe.fr@d7.example", "fr", DISTRICT_7);
        subscribers.add("dan@d8.example", "en", new UnitKey("district", "8"));

        long id = createIssue(mvc, "7", "## Summer safety\n\nLock your **bikes**.\n\n| Day | Event |\n|---|---|\n| Sat | Block party |");
        mvc.perform(staff(post("/staff/newsletters/" + id + "/translations")).param("language", "es")
                        .param("title", "").param("body", "## Seguridad en verano\n\nCierre sus **bicicletas**."))
                .andExpect(status().is3xxRedirection());
        publish(mvc, id);

        MimeMessage en = awaitMessages("ana.en@d7.example", 1).get(0);
        MimeMessage es = awaitMessages("beto.es@d7.example", 1).get(0);
        MimeMessage fr = awaitMessages("chloe.fr@d7.example", 1).get(0);
        assertThat(en.getSubject()).isEqualTo("District 7 Community Newsletter — July 2026");
        assertThat(es.getSubject()).isEqualTo("Boletín comunitario de District 7 — Julio de 2026");
        assertThat(fr.getSubject()).as("no French version: the default language").isEqualTo(en.getSubject());

        assertThat(es.getHeader("List-Unsubscribe", null))
                .isEqualTo("<http://localhost:8080/subscriptions/one-click?s=" + spanish
                        + ">, <mailto:unsubscribe@beatbook.invalid?subject=unsubscribe-" + spanish + ">");
        assertThat(es.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(es.getMessageID()).matches("<newsletter-" + id + "-\\d+@localhost>");
        assertThat(es.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) es.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(html).contains("<h2>Seguridad en verano</h2>").contains("<strong>bicicletas</strong>")
                .contains("Sus agentes").contains("Commander").contains("9-1-1").contains("3510 S Michigan Ave")
                .contains("http://localhost:8080/newsletters/issues/" + id + "?lang=es")
                .contains("http://localhost:8080/subscriptions/unsubscribe?s=" + spanish)
                .contains("http://localhost:8080/subscriptions/preferences?s=" + spanish)
                .doesNotContain("%%BEATBOOK");
        assertThat(text).contains("Seguridad en verano").contains("9-1-1").contains("3510 S Michigan Ave")
                .contains("Darse de baja: http://localhost:8080/subscriptions/unsubscribe?s=" + spanish);
        String englishHtml = (String) ((Multipart) en.getContent()).getBodyPart(1).getContent();
        assertThat(englishHtml).contains("<table>").contains("Block party").contains("Your officers")
                .contains("unsubscribe?s=" + english);

        Thread.sleep(500);
        assertThat(mail.getReceivedMessagesForDomain("ana.en@d7.example")).hasSize(1);
        assertThat(mail.getReceivedMessagesForDomain("d8.example")).isEmpty();
        awaitDone(id);
        assertThat(mvc.perform(staff(get("/staff/newsletters/" + id + "/progress"))).andReturn().getResponse()
                .getContentAsString()).contains("100 %").contains("Sent 3, pending 0, failed 0 of 3")
                .doesNotContain("hx-trigger");

        // the archive: page in the reader's language, PDF, Atom feed
        String page = mvc.perform(get("/newsletters/issues/" + id).param("lang", "es")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Boletín comunitario de District 7 — Julio de 2026").contains("Sus agentes")
                .contains("print.pdf");
        assertThat(mvc.perform(get("/newsletters")).andReturn().getResponse().getContentAsString())
                .contains("/newsletters/district/7");
        byte[] pdf = mvc.perform(get("/newsletters/issues/" + id + "/print.pdf").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String pdfText = new PDFTextStripper().getText(document);
            assertThat(pdfText).contains("District 7 Community Newsletter — July 2026").contains("Summer safety")
                    .contains("Block party").contains("Your officers").contains("9-1-1");
        }
        String atom = mvc.perform(get("/newsletters/district/7/feed.atom").param("lang", "es"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).anySatisfy(entry -> {
            assertThat(entry.getTitle()).isEqualTo("Boletín comunitario de District 7 — Julio de 2026");
            assertThat(entry.getLink()).isEqualTo("http://localhost:8080/newsletters/issues/" + id + "?lang=es");
            assertThat(entry.getContents().get(0).getValue()).contains("Seguridad en verano");
        });
    }

    void awaitDone(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("select count(*) from newsletter_outbox where issue_id = ? and status = 'pending'").param(id)
                .query(Long.class).single() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
