package org.beatbook.incidents.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.beatbook.incidents.domain.SourceIds;
import org.junit.jupiter.api.Test;

class RepeatedIdsTests {

    @Test
    void aMillionDistinctIdsDoNotRepeatAndOneTwinDoes() {
        RepeatedIds ids = new RepeatedIds();
        long first = 0;
        for (int k = 0; k < 1_000_000; k++) {
            first += ids.firstSighting(SourceIds.hash(Integer.toString(20_000_000 + k))) ? 1 : 0;
            first += ids.firstSighting(SourceIds.hash("HY" + k)) ? 1 : 0;
        }
        assertThat(first).as("no collision among two million ids").isEqualTo(2_000_000);
        assertThat(ids.mayRepeat()).isFalse();
        assertThat(ids.firstSighting(SourceIds.hash("20000017"))).isFalse();
        assertThat(ids.mayRepeat()).isTrue();
        assertThat(ids.firstSighting(SourceIds.hash("20000017-B"))).as("tracking goes on after a twin").isTrue();
    }
}
