package org.beatbook.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ZoneDaysTests {

    /**
     * Every seven minutes and some seconds of three years, in zones with transitions at night (Chicago), at midnight
     * (São Paulo in 2015-2016: the day of the spring change starts at 01:00) and none (UTC, a fixed offset).
     */
    @Test
    void givesTheInstantsOfAtZoneThroughEveryTransition() {
        for (String id : new String[] {"America/Chicago", "America/Sao_Paulo", "Europe/London", "UTC", "+05:30"}) {
            ZoneId zone = ZoneId.of(id);
            ZoneDays days = new ZoneDays(zone);
            LocalDateTime local = LocalDateTime.of(2014, 1, 1, 0, 0, 0, 500_000);
            int checked = 0;
            while (local.getYear() < 2017) {
                assertThat(days.instant(local)).as("%s in %s", local, id).isEqualTo(local.atZone(zone).toInstant());
                local = local.plusMinutes(7).plusSeconds(checked % 60);
                checked++;
            }
            assertThat(checked).isGreaterThan(200_000);
        }
    }
}
