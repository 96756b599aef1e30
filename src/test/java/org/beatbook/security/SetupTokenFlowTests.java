package org.beatbook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beatbook.personnel.FakeUnitCatalogue;
import org.beatbook.security.application.Accounts;
import org.beatbook.security.domain.SetupToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** A fresh installation without a configured administrator: the one-time setup link is the way in. */
@SpringBootTest(properties = {"beatbook.embedded-postgres.data-dir=target/test-postgres-setup",
        "beatbook.demo.enabled=false", "beatbook.security.initial-admin.username="})
@AutoConfigureMockMvc
@Import(FakeUnitCatalogue.class)
class SetupTokenFlowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SetupToken token;

    @Autowired
    Accounts accounts;

    @Test
    void theOneTimeTokenCreatesTheFirstAdminOnce() throws Exception {
        assertThat(accounts.adminExists()).isFalse();
        assertThat(token.issued()).as("a token was issued and logged at start").isTrue();
        String value = token.issue(); // the logged one is replaced; the test cannot read the log

        mvc.perform(get("/setup").param("token", "wrong")).andExpect(status().isNotFound());
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(get("/setup").param("token", value)).andExpect(status().isOk());
        mvc.perform(post("/setup").with(csrf()).param("token", value).param("username", "chief")
                        .param("displayName", "Chief").param("password", "short").param("confirmation", "short"))
                .andExpect(status().isBadRequest());
        assertThat(accounts.adminExists()).isFalse();

        mvc.perform(post("/setup").with(csrf()).param("token", value).param("username", "chief")
                        .param("displayName", "Chief Admin").param("password", "a-proper-long-password")
                        .param("confirmation", "a-proper-long-password"))
                .andExpect(redirectedUrl("/login?setup"));
        assertThat(accounts.adminExists()).isTrue();

        mvc.perform(post("/setup").with(csrf()).param("token", value).param("username", "second")
                        .param("displayName", "Second").param("password", "a-proper-long-password")
                        .param("confirmation", "a-proper-long-password"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/setup").param("token", value)).andExpect(status().isNotFound());
        mvc.perform(formLogin().user("chief").password("a-proper-long-password"))
                .andExpect(authenticated().withRoles("ADMIN"));
    }
}
