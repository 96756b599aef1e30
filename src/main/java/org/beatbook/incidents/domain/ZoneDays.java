package org.beatbook.incidents.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;

import com.carrotsearch.hppc.LongIntHashMap;

/**
 * Turns a zone's local date-times into instants exactly as {@link LocalDateTime#atZone} does, remembering each local
 * day's offset: going through {@code ZonedDateTime} for every row searched the zone's transitions every time, a
 * twentieth of an import's parsing. Days with a transition (a gap or an overlap) are left to {@code atZone}. Not
 * thread-safe.
 */
public final class ZoneDays {

    /** Mark a day with a transition, and a day not met yet: no real offset is this far off (the most is 18 hours). */
    private static final int TRANSITION = Integer.MIN_VALUE;
    private static final int UNKNOWN = Integer.MAX_VALUE;
    private static final int MAX_DAYS = 100_000;

    private final ZoneId zone;
    private final LongIntHashMap offsets = new LongIntHashMap();

    public ZoneDays(ZoneId zone) {
        this.zone = zone;
    }

    public Instant instant(LocalDateTime local) {
        long day = local.toLocalDate().toEpochDay();
        int offset = offsets.getOrDefault(day, UNKNOWN);
        if (offset == UNKNOWN) {
            offset = offsetAllDay(local.toLocalDate());
            if (offsets.size() >= MAX_DAYS) {
                offsets.clear();
            }
            offsets.put(day, offset);
        }
        if (offset == TRANSITION) {
            return local.atZone(zone).toInstant();
        }
        return Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.ofTotalSeconds(offset)), local.getNano());
    }

    /** The offset the whole day has, or {@link #TRANSITION} if it changes between its first and its last moment. */
    private int offsetAllDay(LocalDate day) {
        var start = day.atStartOfDay(zone);
        if (!start.toLocalDate().equals(day) || start.toLocalTime().toNanoOfDay() != 0) {
            return TRANSITION;
        }
        ZoneOffsetTransition next = zone.getRules().nextTransition(start.toInstant());
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (next != null && next.getInstant().isBefore(end)) {
            return TRANSITION;
        }
        return start.getOffset().getTotalSeconds();
    }
}
