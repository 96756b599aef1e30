package org.beatbook.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.beatbook.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Sign-up → confirmation mail (real SMTP, GreenMail) → confirm, against the Chicago demo. */
@SpringBootTest
@AutoConfigureMockMvc
class SignUpFlowTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    static final AtomicInteger IPS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** Each request from its own address, so the per-IP limit only bites where a test wants it to. */
    static RequestPostProcessor freshIp() {
        int n = IPS.incrementAndGet();
        return request -> {
            request.setRemoteAddr("10.20." + (n / 250) + "." + (n % 250 + 1));
            return request;
        };
    }

    static MockHttpServletRequestBuilder form(String path, String name, String email, String language) {
        return post(path).with(csrf()).with(freshIp())
                .param("name", name).param("email", email).param("phone", "312-555-0142")
                .param("address", "1340 S Sawyer Ave").param("language", language)
                .param("priorities", "traffic-safety", "community").param("concern", "Cars race down our street at night.")
                .param("consent", "true").param("website", "");
    }

    long subscribers(String email) {
        return jdbc.sql("select count(*) from engagement_subscriber where email = ?").param(email).query(Long.class).single();
    }

    long pending(String email) {
        return jdbc.sql("select count(*) from engagement_pending where email = ?").param(email).query(Long.class).single();
    }

    @Test
    void aResidentChecksTheirDistrictConfirmsAndJoinsByTheLinkInTheMail() throws Exception {
        String email = "ana.flow@example.org";
        mvc.perform(get("/engagement/join").param("address", "1340 S Sawyer Ave").param("district", "District 10")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"1340 S Sawyer Ave\"")))
                .andExpect(content().string(containsString("District 10")))
                .andExpect(content().string(containsString("name=\"website\"")))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString().split("name=\"email\""))
                        .as("each field once").hasSize(2));

        mvc.perform(form("/engagement/join", "Ana Flores", email, "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("District 10")))
                .andExpect(content().string(containsString("name=\"action\" value=\"confirm\"")));
        assertThat(pending(email)).as("the check step stores nothing").isZero();

        mvc.perform(form("/engagement/join/confirm", "Ana Flores", email, "es").param("action", "confirm"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"main\"")));
        assertThat(pending(email)).isOne();
        assertThat(subscribers(email)).isZero();

        MimeMessage message = Inbox.await(mail, email, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("Confirme, por favor: lista comunitaria de District 10");
        assertThat(message.isMimeType("multipart/*")).isTrue();
        String text = Inbox.part(message, "text/plain");
        String html = Inbox.part(message, "text/html");
        assertThat(text).contains("Hola, Ana Flores").contains("9-1-1").contains("3510 S Michigan Ave");
        assertThat(html).contains("Confirmar mi suscripción").contains("9-1-1").contains("3510 S Michigan Ave");
        String token = Inbox.confirmationPath(message).substring("/subscriptions/confirm?token=".length());
        assertThat(jdbc.sql("select token_hash from engagement_pending where email = ?").param(email)
                .query(String.class).single()).as("only the hash is stored").isNotEqualTo(token).hasSize(64);

        mvc.perform(get(Inbox.confirmationPath(message)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You are on the list")));
        assertThat(subscribers(email)).isOne();
        assertThat(pending(email)).isZero();
        var row = jdbc.sql("select unit_level, unit_code, language, priorities, source from engagement_subscriber where email = ?")
                .param(email).query().singleRow();
        assertThat(row).containsEntry("unit_level", "district").containsEntry("language", "es")
                .containsEntry("priorities", "traffic-safety,community").containsEntry("source", "web");
        assertThat(((String) row.get("unit_code")).replaceFirst("^0+", "")).isEqualTo("10");
        assertThat(jdbc.sql("""
                select count(*) from engagement_concern c join engagement_subscriber s on s.id = c.subscriber_id
                where s.email = ? and c.body like 'Cars race%'""").param(email).query(Long.class).single()).isOne();

        mvc.perform(get(Inbox.confirmationPath(message)).param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This confirmation link does not work")));
    }

    @Test
    void signingUpAgainUpdatesAfterConfirmationWithoutDuplicatesOrRevealingAnything() throws Exception {
        String known = "ben.again@example.org";
        String unknown = "never.seen@example.org";
        mvc.perform(form("/engagement/join/confirm", "Ben Adams", known, "en")).andExpect(status().isOk());
        mvc.perform(get(Inbox.confirmationPath(Inbox.await(mail, known, 1).get(0)))).andExpect(status().isOk());
        assertThat(subscribers(known)).isOne();

        String again = mvc.perform(form("/engagement/join/confirm", "Benjamin Adams", known, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String fresh = mvc.perform(form("/engagement/join/confirm", "Benjamin Adams", unknown, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(strip(again)).as("the same page whether or not the address is listed").isEqualTo(strip(fresh));
        assertThat(jdbc.sql("select name from engagement_subscriber where email = ?").param(known).query(String.class)
                .single()).as("not updated before confirmation").isEqualTo("Ben Adams");

        List<MimeMessage> mails = Inbox.await(mail, known, 2);
        mvc.perform(get(Inbox.confirmationPath(mails.get(1)))).andExpect(status().isOk());
        assertThat(subscribers(known)).isOne();
        assertThat(jdbc.sql("select name from engagement_subscriber where email = ?").param(known).query(String.class)
                .single()).isEqualTo("Benjamin Adams");
    }

    @Test
    void aFloodOfSignUpsForOneAddressSendsOneMail() throws Exception {
        String email = "flood@example.org";
        for (int i = 0; i < 4; i++) {
            mvc.perform(form("/engagement/join/confirm", "Flood " + i, email, "en")).andExpect(status().isOk());
        }
        Inbox.await(mail, email, 1);
        Thread.sleep(2000);
        assertThat(Inbox.messagesTo(mail, email)).hasSize(1);
        assertThat(pending(email)).isOne();
        assertThat(jdbc.sql("select name from engagement_pending where email = ?").param(email).query(String.class)
                .single()).as("later sign-ups update the pending one").isEqualTo("Flood 3");
        // The one mail confirms the latest data.
        mvc.perform(get(Inbox.confirmationPath(Inbox.messagesTo(mail, email).get(0)))).andExpect(status().isOk());
        assertThat(jdbc.sql("select name from engagement_subscriber where email = ?").param(email).query(String.class)
                .single()).isEqualTo("Flood 3");
    }

    @Test
    void expiredAndTamperedTokensGetClearPages() throws Exception {
        String email = "late@example.org";
        mvc.perform(form("/engagement/join/confirm", "Lena Late", email, "en")).andExpect(status().isOk());
        String path = Inbox.confirmationPath(Inbox.await(mail, email, 1).get(0));
        jdbc.sql("update engagement_pending set expires_at = now() - interval '1 hour' where email = ?").param(email).update();
        mvc.perform(get(path).param("lang", "en")).andExpect(status().isGone())
                .andExpect(content().string(containsString("This confirmation link has expired")));
        assertThat(subscribers(email)).isZero();

        for (String bad : new String[] {path.substring(0, path.length() - 2) + "xx", "/subscriptions/confirm",
                "/subscriptions/confirm?token=", "/subscriptions/confirm?token=%3Cscript%3Ealert(1)%3C/script%3E",
                "/subscriptions/confirm?token=" + "a".repeat(5000)}) {
            mvc.perform(get(bad).param("lang", "en")).andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("This confirmation link does not work")))
                    .andExpect(content().string(not(containsString("<script>alert"))));
        }
    }

    @Test
    void theHoneypotSwallowsBotsQuietly() throws Exception {
        String email = "bot@example.org";
        mvc.perform(form("/engagement/join/confirm", "Bot", email, "en").param("website", "http://spam.example"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"main\"")));
        mvc.perform(form("/engagement/join", "Bot", email, "en").param("website", "x")).andExpect(status().isOk());
        Thread.sleep(1000);
        assertThat(pending(email)).isZero();
        assertThat(Inbox.messagesTo(mail, email)).isEmpty();
    }

    @Test
    void editingGoesBackToTheFormWithTheValues() throws Exception {
        mvc.perform(form("/engagement/join/confirm", "Carla <Edit>", "carla@example.org", "en").param("action", "edit")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Carla &lt;Edit&gt;\"")))
                .andExpect(content().string(containsString("Check my district")));
        assertThat(pending("carla@example.org")).isZero();
    }

    /** The pages differ only in the CSRF token. */
    private static String strip(String page) {
        return page.replaceAll("name=\"_csrf\"[^>]*", "").replaceAll("content=\"[A-Za-z0-9_-]{20,}\"", "");
    }
}
