package org.beatbook.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Staff pages: counts, CSV export (audited), paper sign-ups (still confirmed by mail), concerns, deletion. */
@SpringBootTest
@AutoConfigureMockMvc
class StaffListTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnitCatalogue catalogue;

    String district(String label) {
        return catalogue.units("district").stream().filter(u -> u.label().equals(label) || u.label().startsWith(label + " "))
                .findFirst().orElseThrow().code();
    }

    long subscriber(String email, String code, String language, String priorities) {
        return jdbc.sql("""
                insert into engagement_subscriber (email, name, phone, address, unit_level, unit_code, language, priorities, source)
                values (?, ?, '=cmd|calc', '1 TEST ST', 'district', ?, ?, ?, 'web') returning id""")
                .params(email, "Staff Test " + email, code, language, priorities).query(Long.class).single();
    }

    long audits(String actor, String action) {
        return jdbc.sql("select count(*) from engagement_audit where actor = ? and action = ?").params(actor, action)
                .query(Long.class).single();
    }

    @Test
    void staffSeeCountsAndExportCsvAndEveryLookIsAudited() throws Exception {
        String d = district("District 3");
        subscriber("s1@example.org", d, "en", "reducing-crime,community");
        subscriber("s2@example.org", d, "es", "community");
        mvc.perform(get("/staff/engagement").with(user("clerk").roles("STAFF")).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("District 3")));
        mvc.perform(get("/staff/engagement/lists/" + d).with(user("clerk").roles("STAFF")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Subscribers by language")))
                .andExpect(content().string(containsString("Engaging with the community")))
                .andExpect(content().string(containsString("s2@example.org")))
                .andExpect(content().string(containsString("New members per month")));
        assertThat(audits("clerk", "view-list")).isPositive();

        String csv = mvc.perform(get("/staff/engagement/lists/" + d + "/export.csv").with(user("exporter").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("name,email,phone,address,language,priorities,source,joined");
        assertThat(csv).contains("s1@example.org").contains("s2@example.org").contains("'=cmd|calc");
        assertThat(audits("exporter", "export")).isOne();
        assertThat(jdbc.sql("select detail from engagement_audit where actor = 'exporter'").query(String.class).single())
                .isEqualTo((csv.lines().count() - 1) + " rows");

        mvc.perform(get("/staff/engagement/audit").with(user("auditor").roles("STAFF")).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("exporter")))
                .andExpect(content().string(containsString("Exported CSV")));
    }

    @Test
    void listsArePrivate() throws Exception {
        String d = district("District 3");
        mvc.perform(get("/staff/engagement/lists/" + d + "/export.csv")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/engagement/lists/" + d)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/subscriptions")).andExpect(status().isUnauthorized());
        mvc.perform(get("/staff/engagement/lists/nope").with(user("clerk").roles("STAFF"))).andExpect(status().isNotFound());
    }

    @Test
    void paperSignUpsAreStillConfirmedByEmail() throws Exception {
        String email = "paper.person@example.org";
        mvc.perform(post("/staff/engagement/paper").with(csrf()).with(user("officer").roles("STAFF"))
                        .param("name", "Pat Paper").param("email", email).param("address", "1340 S Sawyer Ave")
                        .param("language", "es").param("priorities", "reducing-crime").param("consent", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from engagement_subscriber where email = ?").param(email).query(Long.class)
                .single()).isZero();
        String path = Inbox.confirmationPath(Inbox.await(mail, email, 1).get(0));
        mvc.perform(get(path)).andExpect(status().isOk());
        assertThat(jdbc.sql("select source from engagement_subscriber where email = ?").param(email).query(String.class)
                .single()).isEqualTo("paper");
        assertThat(audits("officer", "paper-signup")).isOne();

        mvc.perform(post("/staff/engagement/paper").with(csrf()).with(user("officer").roles("STAFF")).param("lang", "en")
                        .param("name", "").param("email", "bad").param("address", "1340 S Sawyer Ave").param("language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Email: this is not an email address")));
    }

    @Test
    void concernsLandInTheDistrictInboxAndAreMarkedHandled() throws Exception {
        String d = district("District 5");
        long id = subscriber("concerned@example.org", d, "en", "");
        long concern = jdbc.sql("""
                insert into engagement_concern (subscriber_id, unit_level, unit_code, body)
                values (?, 'district', ?, '<b>Broken streetlight</b> at the corner') returning id""")
                .params(id, d).query(Long.class).single();
        mvc.perform(get("/staff/engagement/lists/" + d + "/concerns").with(user("sgt").roles("STAFF")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;Broken streetlight&lt;/b&gt;")))
                .andExpect(content().string(containsString("Mark handled")));
        assertThat(audits("sgt", "view-concerns")).isOne();
        String other = district("District 3");
        mvc.perform(post("/staff/engagement/lists/" + other + "/concerns/" + concern + "/handled").with(csrf())
                .with(user("sgt").roles("STAFF"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select handled_at is null from engagement_concern where id = ?").param(concern)
                .query(Boolean.class).single()).as("another district's concern is not touched").isTrue();
        mvc.perform(post("/staff/engagement/lists/" + d + "/concerns/" + concern + "/handled").with(csrf())
                .with(user("sgt").roles("STAFF"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select handled_by from engagement_concern where id = ?").param(concern)
                .query(String.class).single()).isEqualTo("sgt");
    }

    @Test
    void staffDeleteASubscriberOnRequest() throws Exception {
        String d = district("District 5");
        long id = subscriber("delete.on.request@example.org", d, "en", "");
        mvc.perform(post("/staff/engagement/lists/" + d + "/subscribers/" + id + "/delete").with(csrf())
                .with(user("clerk2").roles("STAFF"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from engagement_subscriber where id = ?").param(id).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select detail from engagement_audit where actor = 'clerk2' and action = 'delete'")
                .query(String.class).single()).isEqualTo("subscriber " + id).doesNotContain("delete.on.request");
        mvc.perform(get("/staff/engagement/lists/" + d).with(user("clerk2").roles("STAFF")))
                .andExpect(content().string(not(containsString("delete.on.request@example.org"))));
    }
}
