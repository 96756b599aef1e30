package org.beatbook.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.beatbook.geocoding.Gazetteer;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Signed links (unsubscribe, RFC 8058 one-click, preferences, deletion), the JSON API and bad input everywhere. */
@SpringBootTest
@AutoConfigureMockMvc
class ListLinksAndApiTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubscriberDirectory directory;

    @Autowired
    Gazetteer gazetteer;

    @Autowired
    UnitCatalogue catalogue;

    /** An address the gazetteer knows in Gary, Indiana: outside every Chicago district. */
    @BeforeEach
    void knowsAnAddressOutsideTheCity() {
        gazetteer.addAddressPoints(new StringReader("""
                LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH
                -87.3464,41.6020,100,W Outsideview Ave,,GARY,,IN,,,
                """));
    }

    long subscriber(String email, String district, String language) {
        return jdbc.sql("""
                insert into engagement_subscriber (email, name, address, unit_level, unit_code, language, priorities, source)
                values (?, 'Test Person', '1 TEST ST', 'district', ?, ?, 'community', 'web')
                on conflict (email) do update set unsubscribed_at = null returning id""")
                .params(email, district, language).query(Long.class).single();
    }

    String district10() {
        return catalogue.units("district").stream().filter(u -> u.label().startsWith("District 10"))
                .findFirst().orElseThrow().code();
    }

    static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    List<Long> recipients(String district) {
        List<Long> ids = new ArrayList<>();
        directory.forEachRecipient(List.of(new UnitKey("district", district)), r -> ids.add(r.subscriberId()));
        return ids;
    }

    @Test
    void oneClickPostUnsubscribesWithoutAPageOrToken() throws Exception {
        String d = district10();
        long id = subscriber("oneclick@example.org", d, "en");
        assertThat(recipients(d)).contains(id);
        ListLinks links = directory.linksFor(id);
        assertThat(links.oneClickUnsubscribe()).startsWith("http").contains("/subscriptions/one-click?s=" + id);
        assertThat(links.mailtoUnsubscribe()).startsWith("mailto:unsubscribe@");

        mvc.perform(post(path(links.oneClickUnsubscribe())).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk()).andExpect(content().string(""));
        assertThat(recipients(d)).doesNotContain(id);
        assertThat(directory.countRecipients(List.of(new UnitKey("district", d)))).isEqualTo(recipients(d).size());
        // Idempotent, and a tampered signature or a missing body changes nothing.
        mvc.perform(post(path(links.oneClickUnsubscribe())).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
        long other = subscriber("oneclick-other@example.org", d, "en");
        mvc.perform(post("/subscriptions/one-click?s=" + other + "&sig=" + links.oneClickUnsubscribe().split("sig=")[1])
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path(directory.linksFor(other).oneClickUnsubscribe()))).andExpect(status().isBadRequest());
        assertThat(recipients(d)).contains(other);
        // the audit trail has the first unsubscribe, with its channel, once
        assertThat(unsubscribeAudits(id, "one-click link")).isEqualTo(1);
        assertThat(unsubscribeAudits(other, "one-click link")).isZero();
    }

    long unsubscribeAudits(long subscriber, String channel) {
        return jdbc.sql("select count(*) from engagement_audit where action = 'unsubscribe' and detail = ?")
                .param("subscriber " + subscriber + " by " + channel).query(Long.class).single();
    }

    @Test
    void theUnsubscribePageLeavesInOneClickAndPreferencesCanRejoin() throws Exception {
        String d = district10();
        long id = subscriber("pagely@example.org", d, "en");
        ListLinks links = directory.linksFor(id);
        mvc.perform(get(path(links.unsubscribePage())).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Unsubscribe")))
                .andExpect(content().string(not(containsString("pagely@example.org"))));
        String s = String.valueOf(id);
        String sig = links.unsubscribePage().split("sig=")[1];
        mvc.perform(post("/subscriptions/unsubscribe").with(csrf()).param("s", s).param("sig", sig).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("You have left the list")));
        assertThat(recipients(d)).doesNotContain(id);
        assertThat(unsubscribeAudits(id, "unsubscribe page")).isEqualTo(1);

        mvc.perform(get(path(links.preferences())).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Save and rejoin the list")));
        mvc.perform(post("/subscriptions/preferences").with(csrf()).param("s", s).param("sig", sig)
                        .param("language", "es").param("priorities", "reducing-crime", "quality-of-life"))
                .andExpect(status().isOk());
        assertThat(recipients(d)).contains(id);
        assertThat(jdbc.sql("select language || '|' || priorities from engagement_subscriber where id = ?").param(id)
                .query(String.class).single()).isEqualTo("es|reducing-crime,quality-of-life");

        mvc.perform(post("/subscriptions/preferences").with(csrf()).param("s", s).param("sig", sig)
                        .param("language", "<script>").param("priorities", "bribery").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Preferred language: please choose from the list.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    }

    @Test
    void tamperedLinksGetAClearPage() throws Exception {
        long id = subscriber("tamper@example.org", district10(), "en");
        String sig = directory.linksFor(id).preferences().split("sig=")[1];
        for (String bad : new String[] {"/subscriptions/preferences?s=" + (id + 1) + "&sig=" + sig,
                "/subscriptions/preferences?s=" + id + "&sig=" + sig.substring(1),
                "/subscriptions/unsubscribe?s=abc&sig=" + sig, "/subscriptions/unsubscribe",
                "/subscriptions/unsubscribe?s=" + id + "&sig=%3Cscript%3E"}) {
            mvc.perform(get(bad).param("lang", "en")).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("This link is not valid")));
        }
        mvc.perform(post("/subscriptions/delete").with(csrf()).param("s", String.valueOf(id + 1)).param("sig", sig))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from engagement_subscriber where id = ?").param(id).query(Long.class).single())
                .isOne();
    }

    @Test
    void residentsDeleteTheirOwnData() throws Exception {
        long id = subscriber("forget.me@example.org", district10(), "en");
        jdbc.sql("insert into engagement_concern (subscriber_id, unit_level, unit_code, body) values (?, 'district', ?, 'x')")
                .params(id, district10()).update();
        ListLinks links = directory.linksFor(id);
        String sig = links.preferences().split("sig=")[1];
        mvc.perform(post("/subscriptions/delete").with(csrf()).param("s", String.valueOf(id)).param("sig", sig)
                        .param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Your data is deleted")));
        assertThat(jdbc.sql("select count(*) from engagement_subscriber where email = 'forget.me@example.org'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from engagement_concern where subscriber_id = ?").param(id)
                .query(Long.class).single()).isZero();
        mvc.perform(get(path(links.preferences())).param("lang", "en")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This subscription no longer exists")));
        mvc.perform(post(path(links.oneClickUnsubscribe())).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
    }

    @Test
    void threeHardBouncesMakeAnAddressUndeliverable() {
        String d = district10();
        long id = subscriber("bounce@example.org", d, "en");
        directory.recordHardBounce(id);
        directory.recordHardBounce(id);
        assertThat(recipients(d)).contains(id);
        directory.recordHardBounce(id);
        assertThat(recipients(d)).doesNotContain(id);
    }

    @Test
    void theApiAcceptsASignUpAndMailsTheConfirmation() throws Exception {
        mvc.perform(post("/api/v1/subscriptions").with(SignUpFlowTests.freshIp()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("""
                                {"name": "Dee Api", "email": "dee.api@example.org", "phone": null,
                                 "address": "1340 S Sawyer Ave", "language": "en", "priorities": ["reducing-crime"],
                                 "concern": null, "consent": true}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("pending-confirmation"))
                .andExpect(jsonPath("$.district").value(containsString("District 10")));
        String path = Inbox.confirmationPath(Inbox.await(mail, "dee.api@example.org", 1).get(0));
        mvc.perform(get(path)).andExpect(status().isOk());
        assertThat(jdbc.sql("select source from engagement_subscriber where email = 'dee.api@example.org'")
                .query(String.class).single()).isEqualTo("api");
    }

    /** Every field, every kind of bad value: a 400 naming the field, and nothing stored or mailed. */
    @Test
    void badInputIsRefusedFieldByFieldOnTheFormAndTheApi() throws Exception {
        Map<String, String> good = Map.of("name", "Eve Bad", "email", "eve.bad@example.org", "phone", "312-555-0100",
                "address", "1340 S Sawyer Ave", "language", "en", "concern", "fine");
        String[][] cases = {
                {"name", ""}, {"name", "x".repeat(101)}, {"name", "<script>alert(1)</script>"},
                {"email", ""}, {"email", "not-an-email"}, {"email", "a@b"}, {"email", "x".repeat(250) + "@example.org"},
                {"email", "<script>@example.org"},
                {"phone", "call me maybe"}, {"phone", "1".repeat(31)}, {"phone", "<script>"},
                {"address", ""}, {"address", "x".repeat(201)}, {"address", "<script>alert(1)</script>"},
                {"address", "99999 Nowhere Boulevard Zzyzx"}, {"address", "100 W Outsideview Ave"},
                {"language", ""}, {"language", "xx"}, {"language", "<script>"},
                {"concern", "x".repeat(2001)}, {"concern", "<script>alert(1)</script>"},
                {"priorities", "bribery"}, {"consent", "false"}};
        for (String[] c : cases) {
            var request = post("/engagement/join/confirm").with(csrf()).with(SignUpFlowTests.freshIp()).param("lang", "en");
            for (var field : good.entrySet()) {
                if (!field.getKey().equals(c[0])) {
                    request.param(field.getKey(), field.getValue());
                }
            }
            if (!c[0].equals("consent")) {
                request.param("consent", "true");
            }
            request.param(c[0], c[1]);
            String label = switch (c[0]) {
                case "name" -> "Name: ";
                case "email" -> "Email: ";
                case "phone" -> "Phone: ";
                case "address" -> "Home address: ";
                case "language" -> "Preferred language: ";
                case "concern" -> "A concern";
                case "priorities" -> "Which of our service priorities";
                default -> "I agree to receive email";
            };
            mvc.perform(request).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(label)))
                    .andExpect(content().string(containsString("href=\"#" + c[0] + "\"")))
                    .andExpect(content().string(not(containsString("<script>alert"))));

            StringBuilder json = new StringBuilder("{");
            for (var field : good.entrySet()) {
                if (!field.getKey().equals(c[0])) {
                    json.append('"').append(field.getKey()).append("\": \"").append(field.getValue()).append("\", ");
                }
            }
            json.append(switch (c[0]) {
                case "priorities" -> "\"priorities\": [\"bribery\"], \"consent\": true}";
                case "consent" -> "\"consent\": false}";
                default -> "\"" + c[0] + "\": \"" + c[1] + "\", \"consent\": true}";
            });
            mvc.perform(post("/api/v1/subscriptions").with(SignUpFlowTests.freshIp()).header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON).content(json.toString()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", hasItem(c[0])));
        }
        mvc.perform(post("/api/v1/subscriptions").with(SignUpFlowTests.freshIp()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": 5, \"priorities\": \"crime\", \"consent\": \"yes\", \"admin\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("priorities")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("consent")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("admin")));
        mvc.perform(post("/api/v1/subscriptions").with(SignUpFlowTests.freshIp()).contentType(MediaType.APPLICATION_JSON)
                .content("{not json")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/subscriptions").with(SignUpFlowTests.freshIp()).contentType(MediaType.APPLICATION_JSON)
                .content("[1, 2]")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/api/v1/subscriptions").with(SignUpFlowTests.freshIp()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(5));

        Thread.sleep(1000);
        assertThat(jdbc.sql("select count(*) from engagement_pending where email like 'eve.bad%' or email like '%<script>%'")
                .query(Long.class).single()).isZero();
        assertThat(Inbox.messagesTo(mail, "eve.bad@example.org")).isEmpty();
    }

    @Test
    void rateLimitsPerAddressAndPerIp() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(SignUpFlowTests.form("/engagement/join/confirm", "Rita", "rita.rate@example.org", "en"))
                    .andExpect(status().isOk());
        }
        mvc.perform(SignUpFlowTests.form("/engagement/join/confirm", "Rita", "rita.rate@example.org", "en")
                .param("lang", "en")).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many sign-ups")));

        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/v1/subscriptions").with(request -> { request.setRemoteAddr("10.99.0.1"); return request; })
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"name": "Ip %d", "email": "ip%d@example.org", "address": "1340 S Sawyer Ave",
                                     "language": "en", "consent": true}""".formatted(i, i)))
                    .andExpect(status().isAccepted());
        }
        mvc.perform(post("/api/v1/subscriptions").with(request -> { request.setRemoteAddr("10.99.0.1"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Ip 21", "email": "ip21@example.org", "address": "1340 S Sawyer Ave",
                                 "language": "en", "consent": true}"""))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.sql("select count(*) from engagement_pending where email = 'ip21@example.org'")
                .query(Long.class).single()).isZero();
    }
}
