package org.beatbook.geocoding.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;

import org.beatbook.geocoding.Gazetteer;
import org.beatbook.geocoding.GeocodingIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@GeocodingIntegrationTest
class GeocodingWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Gazetteer gazetteer;

    @BeforeEach
    void knowsWebTestStreet() {
        gazetteer.addAddressPoints(new StringReader("""
                LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH
                -87.61,41.80,100,W Webtest St,,,,,,,
                -87.62,41.80,120,W Webtest St,,,,,,,
                """));
    }

    @Test
    void suggestionsAreAPublicJsonList() throws Exception {
        mvc.perform(get("/api/v1/geocode/suggestions").param("q", "110 w webt").param("limit", "8"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("[\"110 W WEBTEST ST\"]", org.springframework.test.json.JsonCompareMode.STRICT));
        mvc.perform(get("/api/v1/geocode/suggestions").param("q", ""))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void badParametersAreProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/geocode/suggestions").param("q", "webt").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The parameter \"limit\" must be a whole number from 1 to 50."))
                .andExpect(jsonPath("$.parameter").value("limit"));
        mvc.perform(get("/api/v1/geocode/suggestions").param("q", "x".repeat(201)).param("lang", "es")
                        .header("Accept-Language", "es"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("El parámetro \"q\" es demasiado largo: como máximo 200 caracteres."));
        mvc.perform(get("/api/v1/geocode"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("address"));
    }

    @Test
    void geocodesAsJson() throws Exception {
        mvc.perform(get("/api/v1/geocode").param("address", "100 West Webtest Street, Apt 2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.match.matchedAddress").value("100 W WEBTEST ST"))
                .andExpect(jsonPath("$.match.precision").value("ADDRESS_POINT"))
                .andExpect(jsonPath("$.match.latitude").value(41.80))
                .andExpect(jsonPath("$.suggestions").isEmpty());
        mvc.perform(get("/api/v1/geocode").param("address", "900 W Webtest St"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.match").doesNotExist())
                .andExpect(jsonPath("$.suggestions[0]").value("120 W WEBTEST ST"));
    }

    @Test
    void suggestionsFragmentListsLinksToTheSearch() throws Exception {
        mvc.perform(get("/geocoding/suggestions").param("address", "110 w webtest"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "<li><a href=\"/find?address=110%20W%20WEBTEST%20ST\">110 W WEBTEST ST</a></li>")));
        mvc.perform(get("/geocoding/suggestions").param("address", "zzzzqqq"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<li"))));
    }
}
