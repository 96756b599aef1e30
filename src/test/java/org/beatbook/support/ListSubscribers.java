package org.beatbook.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Confirmed subscribers written straight into the engagement list, for tests that are about what happens next. */
public final class ListSubscribers {

    private ListSubscribers() {
    }

    /** A confirmed English-speaking subscriber of the district; returns the subscriber id. */
    public static long confirmed(JdbcClient jdbc, String name, String email, String district) {
        return jdbc.sql("""
                insert into engagement_subscriber (email, name, address, unit_level, unit_code, language, source)
                values (?, ?, '1 TEST ST', 'district', ?, 'en', 'web') returning id""")
                .params(email, name, district).query(Long.class).single();
    }
}
