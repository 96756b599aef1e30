package org.beatbook.newsletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.newsletters.NewsletterPublishingTests.createIssue;
import static org.beatbook.newsletters.NewsletterPublishingTests.staff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Bad input gets a clear message next to the field, a 400, and nothing stored; never a 500. */
@NewsletterTest
class NewsletterInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long issues() {
        return jdbc.sql("select count(*) from newsletter_issue").query(Long.class).single();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty body          | district | 7     | quarter | 2026-07 | en | ''                       | ' '                                 | body        | Write the text of the newsletter.",
            "script tag          | district | 7     | quarter | 2026-07 | en | ''                       | 'Hi <script>alert(1)</script>'     | body        | contains a script",
            "javascript link     | district | 7     | quarter | 2026-07 | en | ''                       | '[x](JavaScript:alert(1))'          | body        | contains a script",
            "markup in title     | district | 7     | quarter | 2026-07 | en | '<b>Hi</b>'              | 'Text'                              | title       | cannot contain < or >",
            "unknown unit        | district | 7, 999 | quarter | 2026-07 | en | ''                       | 'Text'                              | units       | No such unit at this level: 999.",
            "no unit             | district | ''    | quarter | 2026-07 | en | ''                       | 'Text'                              | units       | Enter at least one unit code.",
            "unknown level       | precinct | 7     | quarter | 2026-07 | en | ''                       | 'Text'                              | level       | Choose a level that exists.",
            "bad period kind     | district | 7     | weekly  | 2026-07 | en | ''                       | 'Text'                              | periodKind  | Choose quarterly or monthly.",
            "malformed month     | district | 7     | quarter | July    | en | ''                       | 'Text'                              | periodStart | e.g. 2026-07",
            "quarter in May      | district | 7     | quarter | 2026-05 | en | ''                       | 'Text'                              | periodStart | January, April, July or October",
            "unknown language    | district | 7     | quarter | 2026-07 | xx | ''                       | 'Text'                              | language    | Choose one of the site's languages: en, es."
    })
    void badInputIsRefusedNextToTheFieldAndNothingIsStored(String what, String level, String units, String kind,
                                                         String month, String language, String title, String body,
                                                         String field, String message) throws Exception {
        long before = issues();
        String page = mvc.perform(staff(post("/staff/newsletters")).param("lang", "en")
                        .param("level", level).param("units", units).param("periodKind", kind)
                        .param("periodStart", month).param("language", language).param("title", title).param("body", body))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(message.replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;"))
                .contains("id=\"" + field + "-error\"").contains("href=\"#" + field + "\"");
        assertThat(issues()).isEqualTo(before);
    }

    @Test
    void tooLongTitleAndBodyAreRefused() throws Exception {
        String page = mvc.perform(staff(post("/staff/newsletters")).param("lang", "en")
                        .param("level", "district").param("units", "7").param("periodKind", "quarter")
                        .param("periodStart", "2026-07").param("language", "en").param("title", "T".repeat(201))
                        .param("body", "x".repeat(50_001)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The title is too long: at most 200 characters.")
                .contains("The text is too long: at most 50,000 characters (it has 50,001).")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void theSpanishPageExplainsInSpanish() throws Exception {
        String page = mvc.perform(staff(post("/staff/newsletters")).param("lang", "es")
                        .param("level", "district").param("units", "abc").param("periodKind", "quarter")
                        .param("periodStart", "2026-07").param("language", "en").param("body", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("No existe esta unidad en este nivel: abc.").contains("Escriba el texto del boletín.");
    }

    @Test
    void workflowStepsOutOfOrderAreExplainedNotCrashed() throws Exception {
        long id = createIssue(mvc, "7", "Draft text");
        assertThat(mvc.perform(staff(post("/staff/newsletters/" + id + "/publish")).param("lang", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("An issue that is Draft cannot become Published.");
        mvc.perform(staff(post("/staff/newsletters/" + id + "/review"))).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(staff(post("/staff/newsletters/" + id + "/schedule")).param("lang", "en")
                        .param("publishAt", "2001-01-01T08:00"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("The time to publish must be in the future.");
        assertThat(mvc.perform(staff(post("/staff/newsletters/" + id + "/schedule")).param("lang", "en")
                        .param("publishAt", "tomorrow"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("Enter the date and time to publish.");
        assertThat(mvc.perform(staff(post("/staff/newsletters/" + id + "/translations")).param("lang", "en")
                        .param("language", "en").param("body", "changed"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("An issue that is In review cannot be changed.");
        mvc.perform(staff(post("/staff/newsletters/" + id + "/schedule")).param("publishAt", "2099-01-01T08:00"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'newsletter-publish' and task_instance = ?")
                .param("issue-" + id).query(Long.class).single()).isEqualTo(1);
        mvc.perform(staff(post("/staff/newsletters/" + id + "/unschedule"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'newsletter-publish' and task_instance = ?")
                .param("issue-" + id).query(Long.class).single()).isZero();
    }

    @Test
    void unknownIssuesAreNotFoundAndStaffPagesNeedSignIn() throws Exception {
        mvc.perform(staff(get("/staff/newsletters/999999"))).andExpect(status().isNotFound());
        mvc.perform(get("/newsletters/issues/999999")).andExpect(status().isNotFound());
        mvc.perform(get("/newsletters/issues/999999/print.pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/newsletters/district/nowhere")).andExpect(status().isNotFound());
        mvc.perform(get("/newsletters/issues/abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/staff/newsletters")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/newsletters")).andExpect(status().isOk());
    }

    @Test
    void aDraftIsNotPublic() throws Exception {
        long id = createIssue(mvc, "7", "Not yet");
        mvc.perform(get("/newsletters/issues/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void thePreviewEscapesHtmlAndDropsDangerousLinks() throws Exception {
        String preview = mvc.perform(staff(post("/staff/newsletters/preview"))
                        .param("body", "<img src=x onerror=alert(1)> **bold** [x](vbscript:evil)"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("&lt;img src=x onerror=alert(1)&gt;").contains("<strong>bold</strong>")
                .doesNotContain("vbscript").doesNotContain("<img");
    }
}
