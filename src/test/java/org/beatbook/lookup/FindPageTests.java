package org.beatbook.lookup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The page as a browser without JavaScript gets it: a plain form GET answered with the whole page. */
@SpringBootTest
@AutoConfigureMockMvc
class FindPageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theEmptyPageOffersTheFormAndThe911Notice() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"address\">")))
                .andExpect(content().string(containsString("9-1-1")))
                .andExpect(content().string(containsString("lang=\"en\"")));
    }

    @Test
    void aPlainFormPostAnswersWithTheWholePage() throws Exception {
        mvc.perform(get("/find").param("address", "1340 S Sawyer Ave").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Beat 1022")))
                .andExpect(content().string(containsString("class=\"card\"")));
    }

    @Test
    void htmxGetsOnlyTheResult() throws Exception {
        mvc.perform(get("/find").param("lat", "41.747693646").param("lon", "-87.549035389").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("Beat 0422")));
    }

    @Test
    void badInputIsExplainedOnThePage() throws Exception {
        mvc.perform(get("/find").param("lat", "abc").param("lon", "-87.7").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Latitude (lat) must be a number")));
        mvc.perform(get("/find").param("address", "4000 Zyxwvut Boulevard").header("Accept-Language", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No encontramos la dirección")));
    }

    @Test
    void browsersAskingForSpanishGetSpanish() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5"))
                .andExpect(content().string(containsString("lang=\"es\"")))
                .andExpect(content().string(containsString("Encontrar a mis agentes")));
    }
}
