package org.beatbook.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PersonnelIntegrationTest
class PersonnelWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(width / 2, height / 2, 0xff336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    long memberId(String badge) {
        return jdbc.sql("select id from personnel_member where badge = ?").param(badge).query(Long.class).single();
    }

    @Test
    void staffCreateAMemberWithAPhotoWhichIsPublicOnlyWhileTheyServe() throws Exception {
        MockMultipartFile photo = new MockMultipartFile("photo", "me.png", "image/png", png(400, 300));
        mvc.perform(multipart("/staff/personnel/members").file(photo).with(csrf()).with(user("clerk").roles("STAFF"))
                        .param("badge", "P-100").param("givenName", "Pat").param("familyName", "Quinn")
                        .param("rank", "officer").param("email", "pat@example.org").param("languages", "en es")
                        .param("sworn", "true").param("active", "true"))
                .andExpect(status().is3xxRedirection());
        long id = memberId("P-100");

        MvcResult large = mvc.perform(get("/members/{id}/photo", id).with(user("clerk").roles("STAFF")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(header().string("Cache-Control", containsString("no-cache"))).andReturn();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(large.getResponse().getContentAsByteArray()));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(mvc.perform(get("/members/{id}/photo", id)
                .param("size", "small").with(user("clerk").roles("STAFF"))).andReturn().getResponse().getContentAsByteArray()));
        assertThat(small.getWidth()).isEqualTo(64);

        mvc.perform(get("/members/{id}/photo", id)).andExpect(status().isNotFound());

        mvc.perform(post("/staff/personnel/members/{id}/assignments", id).with(csrf()).with(user("clerk").roles("STAFF"))
                        .param("role", "beat-officer").param("unitLevel", "beat").param("unitCode", "0712")
                        .param("start", LocalDate.now().minusDays(3).toString()))
                .andExpect(status().is3xxRedirection());
        MvcResult served = mvc.perform(get("/members/{id}/photo", id)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=86400")))
                .andExpect(header().string("Cache-Control", containsString("public")))
                .andExpect(header().exists("ETag")).andReturn();
        mvc.perform(get("/members/{id}/photo", id).header("If-None-Match", served.getResponse().getHeader("ETag")))
                .andExpect(status().isNotModified());

        mvc.perform(get("/staff/personnel/members/{id}", id).with(user("clerk").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Beat 0712")))
                .andExpect(content().string(containsString("/members/" + id + "/photo")));
    }

    @Test
    void aFileThatIsNotAnImageIsRejectedNextToTheField() throws Exception {
        MockMultipartFile fake = new MockMultipartFile("photo", "me.png", "image/png", "<svg>not a png</svg>".getBytes());
        mvc.perform(multipart("/staff/personnel/members").file(fake).with(csrf()).with(user("clerk").roles("STAFF"))
                        .param("badge", "P-200").param("givenName", "Not").param("familyName", "Image")
                        .param("rank", "officer").param("email", "broken@"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The photo must be a JPEG or PNG image.")))
                .andExpect(content().string(containsString("id=\"photo-error\"")))
                .andExpect(content().string(containsString("is not an email address")))
                .andExpect(content().string(containsString("aria-describedby=\"email-error\"")));
        assertThat(jdbc.sql("select count(*) from personnel_member where badge = 'P-200'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void theApiNamesEachBadFieldInProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/members").with(user("boss").roles("ADMIN")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"badge": "bad badge", "givenName": "", "familyName": "Lee", "rank": "general",
                                 "email": "nope", "languages": ["en", "qq"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "badge", "givenName", "rank", "email", "languages")))
                .andExpect(jsonPath("$.errors[2].message").value(containsString("Unknown rank “general”")));

        mvc.perform(get("/api/v1/members/999999").with(user("clerk").roles("STAFF")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void theApiCreatesMembersAndAssignmentsAndRejectsOverlapsWith409() throws Exception {
        String created = mvc.perform(post("/api/v1/members").with(httpBasic("test-admin", "test-only-password-not-for-production"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"badge": "A-300", "givenName": "Ana", "familyName": "Ruiz", "rank": "sergeant",
                                 "email": "ana@example.org", "publicEmail": true, "languages": ["es", "en"]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/members/")))
                .andExpect(jsonPath("$.displayName").value("Ana Ruiz"))
                .andExpect(jsonPath("$.rankName").value("Sergeant"))
                .andReturn().getResponse().getContentAsString();
        long id = memberId("A-300");
        assertThat(created).contains("\"publicEmail\":true");

        String assignment = """
                {"role": "beat-officer", "unitLevel": "beat", "unitCode": "0713", "start": "2024-05-01"}""";
        mvc.perform(post("/api/v1/members/{id}/assignments", id).with(user("boss").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content(assignment))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.current").value(true));
        mvc.perform(post("/api/v1/members/{id}/assignments", id).with(user("boss").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content(assignment))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("start"));
        mvc.perform(post("/api/v1/members/{id}/assignments", id).with(user("boss").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": "beat-officer", "unitLevel": "beat", "unitCode": "0799", "start": "01/05/2024"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("start"));
        mvc.perform(post("/api/v1/members/{id}/assignments", id).with(user("clerk").roles("STAFF"))
                        .contentType(MediaType.APPLICATION_JSON).content(assignment))
                .andExpect(status().isForbidden());

        String history = mvc.perform(get("/api/v1/members/{id}/assignments", id).with(user("clerk").roles("STAFF")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        long assignmentId = Long.parseLong(history.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/assignments/{id}/end", assignmentId).with(user("boss").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"end\": \"2024-04-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("before the start date")));
        mvc.perform(post("/api/v1/assignments/{id}/end", assignmentId).with(user("boss").roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.end").value(LocalDate.now().toString()));

        mvc.perform(put("/api/v1/members/{id}", id).with(user("boss").roles("ADMIN")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"badge": "A-300", "givenName": "Ana", "familyName": "Ruiz", "rank": "lieutenant"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rank").value("lieutenant"))
                .andExpect(jsonPath("$.email").doesNotExist());
    }

    @Test
    void theRosterApiAnswers422WithTheRowErrors() throws Exception {
        String bad = "badge,given_name,family_name,rank,role,unit_level,unit_code,start_date\n"
                + "X-1,Al,Bo,officer,beat-officer,beat,0713,2024-13-01\n";
        mvc.perform(post("/api/v1/roster").with(user("boss").roles("ADMIN")).contentType("text/csv").content(bad))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0]").value(containsString("Line 2, column start_date")));
        mvc.perform(post("/api/v1/roster").with(user("clerk").roles("STAFF")).contentType("text/csv").content(bad))
                .andExpect(status().isForbidden());

        MockMultipartFile good = new MockMultipartFile("file", "roster.csv", "text/csv",
                ("badge,given_name,family_name,rank,role,unit_level,unit_code,start_date\n"
                        + "X-2,Cy,Do,officer,beat-officer,beat,0711,2024-01-01\n").getBytes());
        mvc.perform(multipart("/api/v1/roster").file(good).with(user("boss").roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.members").value(1))
                .andExpect(jsonPath("$.assignments").value(1));
    }

    @Test
    void staffPagesListMembersShowStaffingAndUploadRosters() throws Exception {
        mvc.perform(get("/staff/personnel").with(user("clerk").roles("STAFF")).param("status", "all"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<caption>")));
        mvc.perform(post("/staff/personnel/staffing").with(csrf()).with(user("clerk").roles("STAFF"))
                .param("level", "beat").param("role", "beat-officer").param("minimum", "2"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/personnel/staffing").with(csrf()).with(user("boss").roles("ADMIN"))
                        .param("level", "beat").param("role", "beat-officer").param("minimum", "two"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"target-minimum-error\"")));
        mvc.perform(post("/staff/personnel/staffing").with(csrf()).with(user("boss").roles("ADMIN"))
                        .param("level", "beat").param("role", "beat-officer").param("minimum", "50"))
                .andExpect(redirectedUrlPattern("/staff/personnel/staffing*"));
        mvc.perform(get("/staff/personnel/staffing").with(user("clerk").roles("STAFF")).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Beat 0711")))
                .andExpect(content().string(containsString("Beat 0715")))
                .andExpect(content().string(containsString("Dotación por debajo del objetivo")));

        MockMultipartFile bad = new MockMultipartFile("file", "roster.csv", "text/csv",
                ("badge,given_name,family_name,rank\nU-1,Al,Bo,marshal\n").getBytes());
        mvc.perform(multipart("/staff/personnel/roster").file(bad).with(csrf()).with(user("boss").roles("ADMIN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Line 2, column rank: Unknown rank “marshal”")));
    }
}
