package org.beatbook.lookup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The public lookup API on the Chicago demo (real beats, real incident blocks, fictitious officers). */
@SpringBootTest
@AutoConfigureMockMvc
class LookupApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aPointIsPlacedInDistrictSectorAndBeatWithItsOfficers() throws Exception {
        // The first row of the crimes file: 081XX S COLES AVE, recorded in beat 0422.
        mvc.perform(get("/api/v1/lookup").param("lat", "41.747693646").param("lon", "-87.549035389"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.location.precision").value("point"))
                .andExpect(jsonPath("$.insideServiceArea").value(true))
                .andExpect(jsonPath("$.units[*].level").value(org.hamcrest.Matchers.contains("district", "sector", "beat")))
                .andExpect(jsonPath("$.units[0].code").value("4"))
                .andExpect(jsonPath("$.units[1].code").value("042"))
                .andExpect(jsonPath("$.units[2].code").value("0422"))
                .andExpect(jsonPath("$.officers[?(@.unitCode == '0422')]", hasSize(2)))
                .andExpect(jsonPath("$.officers[?(@.unitLevel == 'district')]", hasSize(1)))
                .andExpect(jsonPath("$.officers[0].demo").value(true))
                .andExpect(jsonPath("$.officers[0].email", containsString("@demo.beatbook.invalid")));
    }

    @Test
    void anAddressBetweenKnownBlocksIsInterpolatedAndPlaced() throws Exception {
        // The demo knows 012XX and 019XX S SAWYER AVE (both beat 1022), not 013XX.
        mvc.perform(get("/api/v1/lookup").param("address", "1340 South Sawyer Avenue, Chicago, IL"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location.matchedAddress").value("1340 S SAWYER AVE"))
                .andExpect(jsonPath("$.location.precision").value("interpolated"))
                .andExpect(jsonPath("$.units[2].code").value("1022"));
    }

    @Test
    void typosAreTolerated() throws Exception {
        mvc.perform(get("/api/v1/lookup").param("address", "1340 s sawyr av"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location.matchedAddress").value("1340 S SAWYER AVE"));
    }

    @Test
    void anUnknownAddressIs404WithSuggestions() throws Exception {
        mvc.perform(get("/api/v1/lookup").param("address", "4000 Zyxwvut Boulevard"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail", containsString("4000 Zyxwvut Boulevard")))
                .andExpect(jsonPath("$.suggestions").isArray());
    }

    @Test
    void aPointOutsideTheCityNamesTheNearestBeat() throws Exception {
        // Gary, Indiana: outside every Chicago beat.
        mvc.perform(get("/api/v1/lookup").param("lat", "41.5934").param("lon", "-87.3464"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.insideServiceArea").value(false))
                .andExpect(jsonPath("$.units", empty()))
                .andExpect(jsonPath("$.officers", empty()))
                .andExpect(jsonPath("$.nearestUnit.level").value("beat"))
                .andExpect(jsonPath("$.nearestUnit.distanceMeters", greaterThan(1000.0)));
    }

    @ParameterizedTest(name = "{0}={1} -> 400 naming {2}")
    @CsvSource({
            "lat, abc, lat",
            "lat, 95, lat",
            "lon, -200, lon",
            "address, '', address",
    })
    void malformedInputIs400ProblemDetails(String name, String value, String parameter) throws Exception {
        var request = get("/api/v1/lookup").param(name, value);
        if (name.equals("lat")) {
            request.param("lon", "-87.7");
        }
        if (name.equals("lon")) {
            request.param("lat", "41.8");
        }
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].parameter", hasItem(parameter)))
                .andExpect(jsonPath("$.errors[*].message", everyItem(not(empty()))));
    }

    @Test
    void anAddressOver500CharactersIs400() throws Exception {
        mvc.perform(get("/api/v1/lookup").param("address", "1".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("address"))
                .andExpect(jsonPath("$.detail", containsString("500")));
    }

    @Test
    void theLookupApiNeedsNoLoginAndIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/lookup'].get").exists());
        mvc.perform(head("/api/v1/lookup").param("lat", "41.8625").param("lon", "-87.7015"))
                .andExpect(status().isOk());
    }
}
