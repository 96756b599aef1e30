package org.beatbook.incidents.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatedIdsTests {

    @Test
    void aMillionDistinctIdsDoNotRepeatAndOneTwinDoes() {
        RepeatedIds ids = new RepeatedIds();
        for (int k = 0; k < 1_000_000; k++) {
            ids.add(RepeatedIds.hash(Integer.toString(20_000_000 + k)));
            ids.add(RepeatedIds.hash("HY" + k));
        }
        assertThat(ids.mayRepeat()).as("no collision among two million ids").isFalse();
        ids.add(RepeatedIds.hash("20000017"));
        assertThat(ids.mayRepeat()).isTrue();
    }
}
