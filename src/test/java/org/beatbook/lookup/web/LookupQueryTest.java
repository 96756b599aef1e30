package org.beatbook.lookup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LookupQueryTest {

    @Test
    void anAddressOrAPointIsAnswerable() {
        assertThat(new LookupQuery("1340 S Sawyer Ave", null, null).problems()).isEmpty();
        assertThat(new LookupQuery(null, "41.86", "-87.70").problems()).isEmpty();
        assertThat(new LookupQuery("", " 41.86 ", "-87.70").isPoint()).isTrue();
    }

    @ParameterizedTest(name = "address={0} lat={1} lon={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "null, null, null, address:lookup.error.empty",
            "'   ', '', '', address:lookup.error.empty",
            "1340 S Sawyer Ave, 41.8, -87.7, address:lookup.error.both",
            "null, abc, -87.7, lat:lookup.error.lat.number",
            "null, 41.8, east, lon:lookup.error.lon.number",
            "null, 95, -87.7, lat:lookup.error.lat.range",
            "null, 41.8, -181, lon:lookup.error.lon.range",
            "null, NaN, -87.7, lat:lookup.error.lat.range",
            "null, Infinity, -87.7, lat:lookup.error.lat.range",
            "null, 41.8, null, lon:lookup.error.lon.missing",
            "null, null, -87.7, lat:lookup.error.lat.missing",
    })
    void malformedQueriesNameTheParameter(String address, String lat, String lon, String expected) {
        List<LookupQuery.Problem> problems = new LookupQuery(address, lat, lon).problems();
        assertThat(problems).extracting(p -> p.parameter() + ":" + p.messageKey()).containsExactly(expected);
    }

    @Test
    void anAddressOfMoreThan500CharactersIsRefused() {
        assertThat(new LookupQuery("1".repeat(500), null, null).problems()).isEmpty();
        assertThat(new LookupQuery("1".repeat(501), null, null).problems())
                .extracting(LookupQuery.Problem::messageKey).containsExactly("lookup.error.tooLong");
    }
}
