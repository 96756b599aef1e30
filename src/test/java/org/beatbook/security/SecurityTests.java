package org.beatbook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;

import org.beatbook.personnel.PersonnelIntegrationTest;
import org.beatbook.security.application.Accounts;
import org.beatbook.security.domain.Role;
import org.beatbook.security.persistence.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PersonnelIntegrationTest
class SecurityTests {

    static final String ADMIN = "test-admin";
    static final String ADMIN_PASSWORD = "test-only-password-not-for-production";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    StaffAccounts store;

    @Test
    void publicPagesAreOpenAndCarryTheContentSecurityPolicy() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("img-src 'self' data: https:")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(get("/css/beatbook.css")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/login").param("lang", "es"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Acceso del personal")));
    }

    @Test
    void staffPagesRedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/staff")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/staff/users")).andExpect(status().is3xxRedirection());
    }

    @Test
    void staffHomeListsTheAreasTheUserMayUse() throws Exception {
        mvc.perform(get("/staff").with(user("clerk").roles("STAFF"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/staff/personnel")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/staff/users"))));
        mvc.perform(get("/staff").with(user("boss").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/staff/users")));
        mvc.perform(get("/staff/users").with(user("clerk").roles("STAFF"))).andExpect(status().isForbidden());
    }

    @Test
    void apiWithoutCredentialsGets401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/members")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/v1/members"));
        mvc.perform(get("/api/v1/members").with(httpBasic(ADMIN, "wrong-password-here")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void apiGives403ProblemJsonToStaffOnAdminEndpoints() throws Exception {
        mvc.perform(post("/api/v1/members").with(user("clerk").roles("STAFF"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void basicAuthWorksWithTheConfiguredAdminAndNeedsNoCsrf() throws Exception {
        mvc.perform(get("/api/v1/members").with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void theFirstAdminComesFromConfigurationWithAHashedPassword() throws Exception {
        var admin = store.byUsername(ADMIN).orElseThrow();
        assertThat(admin.admin()).isTrue();
        assertThat(admin.passwordHash()).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
        mvc.perform(formLogin().user(ADMIN).password(ADMIN_PASSWORD))
                .andExpect(authenticated().withRoles("ADMIN"))
                .andExpect(redirectedUrl("/staff"));
    }

    @Test
    void formsNeedACsrfToken() throws Exception {
        mvc.perform(post("/staff/users").with(user("boss").roles("ADMIN"))
                .param("username", "no-csrf-user")).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", ADMIN).param("password", ADMIN_PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(store.exists("no-csrf-user")).isFalse();
    }

    @Test
    void anAccountIsLockedAfterFiveFailedLogins() throws Exception {
        String name = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a-long-enough-password";
        assertThat(accounts.create(name, "Lock Test", password, password, EnumSet.of(Role.STAFF))).isEmpty();
        mvc.perform(formLogin().user(name).password(password)).andExpect(authenticated());
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(name).password("wrong-" + i))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user(name).password(password))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/api/v1/members").with(httpBasic(name, password))).andExpect(status().isUnauthorized());
    }

    @Test
    void adminsCreateDisableAndResetUsers() throws Exception {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/staff/users").with(user("boss").roles("ADMIN")).with(csrf())
                        .param("username", name).param("displayName", "").param("password", "short")
                        .param("confirmation", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("at least 12 characters")));
        assertThat(store.exists(name)).isFalse();

        mvc.perform(post("/staff/users").with(user("boss").roles("ADMIN")).with(csrf())
                        .param("username", name).param("displayName", "New Clerk")
                        .param("password", "first-password-123").param("confirmation", "first-password-123")
                        .param("roles", "STAFF"))
                .andExpect(redirectedUrl("/staff/users"));
        long id = store.byUsername(name).orElseThrow().id();
        mvc.perform(formLogin().user(name).password("first-password-123")).andExpect(authenticated().withRoles("STAFF"));

        mvc.perform(post("/staff/users/{id}/password", id).with(user("boss").roles("ADMIN")).with(csrf())
                        .param("password", "second-password-456").param("confirmation", "second-password-456"))
                .andExpect(redirectedUrl("/staff/users"));
        mvc.perform(formLogin().user(name).password("second-password-456")).andExpect(authenticated());

        mvc.perform(post("/staff/users/{id}/enabled", id).with(user("boss").roles("ADMIN")).with(csrf())
                .param("enabled", "false")).andExpect(redirectedUrl("/staff/users"));
        mvc.perform(formLogin().user(name).password("second-password-456")).andExpect(unauthenticated());
        mvc.perform(get("/staff/users").with(user("boss").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(name)));
    }

    @Test
    void theLastAdministratorCannotBeDisabled() {
        long id = store.byUsername(ADMIN).orElseThrow().id();
        if (store.countEnabledAdmins() == 1) {
            assertThat(accounts.setEnabled(id, false)).isFalse();
            assertThat(store.enabledAdminExists()).isTrue();
        }
    }
}
