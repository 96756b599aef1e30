package org.beatbook.incidents.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.Interval;
import org.beatbook.incidents.TrendFilter;
import org.beatbook.incidents.domain.CompStatPeriods;
import org.beatbook.incidents.domain.HotSpots;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts from the daily table (and, for hot spots and points, from the incidents themselves). */
@Repository
public class TrendQueries {

    /** Which incidents count: all (staff), the non-sensitive ones, or only the sensitive ones (public views). */
    public enum Sensitivity { ALL, NOT_SENSITIVE, SENSITIVE_ONLY }

    /** One incident as stored, for maps and lists; internal fields stay here and never reach the public. */
    public record IncidentRow(long id, String source, String sourceId, String caseNumber, java.time.OffsetDateTime occurredAt,
                              LocalDate day, String category, String offense, String description, String address,
                              Double latitude, Double longitude, boolean sensitive, String[] unitPath) {
    }

    private final JdbcClient jdbc;

    public TrendQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public java.util.Optional<LocalDate> latestDay() {
        return jdbc.sql("SELECT max(day) FROM incident_daily WHERE unit = " + DailyCounts.CITY).query(LocalDate.class)
                .optional();
    }

    /** The mean latitude of located incidents, for sizing grid cells in meters. */
    public java.util.Optional<Double> referenceLatitude() {
        return jdbc.sql("SELECT avg(latitude) FROM (SELECT latitude FROM incidents WHERE latitude IS NOT NULL LIMIT 1000) s")
                .query(Double.class).optional();
    }

    /** unit code -> category -> the six counts: week, week a year ago, 28 days, a year ago, YTD, last YTD. */
    public Map<String, Map<IncidentCategory, long[]>> compStat(String level, CompStatPeriods p, TrendFilter filter,
                                                             Set<String> extraSensitive) {
        LocalDate[][] ranges = {
                {p.weekStart(), p.asOf()}, {p.previous(p.weekStart()), p.previous(p.asOf())},
                {p.monthStart(), p.asOf()}, {p.previous(p.monthStart()), p.previous(p.asOf())},
                {p.yearStart(), p.asOf()}, {p.previousYearStart(), p.previousYearToDate()}};
        // Only the days some period needs (most of last year is in none), so the index range scans stay short.
        Where where = new Where(extraSensitive).units(new Where(extraSensitive).level(level));
        List<Object> days = new ArrayList<>();
        StringBuilder anyPeriod = new StringBuilder("(");
        for (LocalDate[] range : ranges) {
            anyPeriod.append(days.isEmpty() ? "" : " OR ").append("day BETWEEN ? AND ?");
            days.add(Date.valueOf(range[0]));
            days.add(Date.valueOf(range[1]));
        }
        where.add(anyPeriod.append(")").toString(), days.toArray()).kinds(new Where(extraSensitive).filter(filter));
        List<Object> params = new ArrayList<>();
        // Summed by unit and kind number first, named afterwards: a few hundred sums instead of a million rows joined.
        StringBuilder sql = new StringBuilder("SELECT u.unit_code, k.category, sum(c0), sum(c1), sum(c2), sum(c3), "
                + "sum(c4), sum(c5) FROM (SELECT unit, kind");
        for (int k = 0; k < ranges.length; k++) {
            sql.append(", coalesce(sum(n) FILTER (WHERE day BETWEEN ? AND ?), 0) AS c").append(k);
            params.add(Date.valueOf(ranges[k][0]));
            params.add(Date.valueOf(ranges[k][1]));
        }
        sql.append(" FROM incident_daily").append(where.sql).append(" GROUP BY unit, kind) d ").append(NAMED)
                .append(" GROUP BY 1, 2");
        params.addAll(where.params);
        Map<String, Map<IncidentCategory, long[]>> result = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query(r -> {
            long[] counts = new long[6];
            for (int k = 0; k < 6; k++) {
                counts[k] = r.getLong(3 + k);
            }
            result.computeIfAbsent(r.getString(1), u -> new LinkedHashMap<>())
                    .put(IncidentCategory.of(r.getString(2)).orElse(IncidentCategory.OTHER), counts);
        });
        return result;
    }

    public record Bucket(LocalDate start, IncidentCategory category, long count) {
    }

    public List<Bucket> series(String level, String code, Interval interval, TrendFilter filter, Sensitivity sensitivity,
                               Set<String> extraSensitive) {
        Where where = daily(new Where(extraSensitive).unit(level, code), filter, sensitivity, extraSensitive);
        String unit = interval == Interval.WEEK ? "week" : "month";
        return jdbc.sql("SELECT d.start, k.category, sum(d.n) FROM (SELECT date_trunc('" + unit + "', day)::date AS start, "
                        + "kind, sum(n) AS n FROM incident_daily" + where.sql + " GROUP BY 1, 2) d "
                        + "JOIN incident_kinds k ON k.id = d.kind GROUP BY 1, 2 ORDER BY 1, 2").params(where.params)
                .query((r, n) -> new Bucket(r.getObject(1, LocalDate.class),
                        IncidentCategory.of(r.getString(2)).orElse(IncidentCategory.OTHER), r.getLong(3)))
                .list();
    }

    public Map<String, Long> byUnit(String level, TrendFilter filter, Sensitivity sensitivity, Set<String> extraSensitive) {
        Where where = daily(new Where(extraSensitive).level(level), filter, sensitivity, extraSensitive);
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT u.unit_code, d.n FROM (SELECT unit, sum(n) AS n FROM incident_daily" + where.sql
                        + " GROUP BY unit) d JOIN incident_daily_units u ON u.id = d.unit").params(where.params)
                .query(r -> {
                    counts.put(r.getString(1), r.getLong(2));
                });
        return counts;
    }

    public Map<IncidentCategory, Long> byCategory(String level, String code, TrendFilter filter, Sensitivity sensitivity,
                                                  Set<String> extraSensitive) {
        Where where = daily(new Where(extraSensitive).unit(level, code), filter, sensitivity, extraSensitive);
        Map<IncidentCategory, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT k.category, sum(d.n) FROM (SELECT kind, sum(n) AS n FROM incident_daily" + where.sql
                        + " GROUP BY kind) d JOIN incident_kinds k ON k.id = d.kind GROUP BY 1 ORDER BY 1")
                .params(where.params)
                .query(r -> {
                    counts.put(IncidentCategory.of(r.getString(1)).orElse(IncidentCategory.OTHER), r.getLong(2));
                });
        return counts;
    }

    /** Incident counts on a grid of cells {@code cellLat} x {@code cellLon} degrees. */
    public List<HotSpots.Bin> grid(String unitKey, TrendFilter filter, double cellLat, double cellLon,
                                   Set<String> extraSensitive) {
        Where where = incidentsWhere(unitKey, filter, Sensitivity.ALL, extraSensitive);
        List<Object> params = new ArrayList<>(List.of(cellLat, cellLon));
        params.addAll(where.params);
        return jdbc.sql("SELECT floor(latitude / ?)::bigint, floor(longitude / ?)::bigint, count(*) FROM incidents"
                        + where.sql + " AND latitude IS NOT NULL GROUP BY 1, 2").params(params)
                .query((r, n) -> new HotSpots.Bin(r.getLong(1), r.getLong(2), r.getLong(3))).list();
    }

    /** Streams incidents (bounded by {@code limit}) newest first. */
    public void incidents(String unitKey, TrendFilter filter, Sensitivity sensitivity, Set<String> extraSensitive,
                          int limit, Consumer<IncidentRow> each) {
        Where where = incidentsWhere(unitKey, filter, sensitivity, extraSensitive);
        List<Object> params = new ArrayList<>();
        params.add(where.extraSensitive);
        params.addAll(where.params);
        params.add(limit);
        jdbc.sql("SELECT id, source, source_id, case_number, occurred_at, occurred_on, category, offense, description, "
                        + "address, latitude, longitude, sensitive OR lower(offense) = ANY(?::text[]), "
                        + "(SELECT units FROM incident_unit_lists WHERE key = unit_path_key) "
                        + "FROM incidents" + where.sql + " ORDER BY occurred_at DESC, id LIMIT ?").params(params)
                .query(r -> {
                    each.accept(new IncidentRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getObject(5, java.time.OffsetDateTime.class), r.getObject(6, LocalDate.class),
                            r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                            (Double) r.getObject(11), (Double) r.getObject(12), r.getBoolean(13),
                            (String[]) r.getArray(14).getArray()));
                });
    }

    /** The daily counts' names for their unit and kind numbers, joined to an aliased {@code d}. */
    private static final String NAMED = "JOIN incident_daily_units u ON u.id = d.unit JOIN incident_kinds k ON k.id = d.kind";

    /** The daily counts of the units that meet the conditions, over the filter's days, of the incidents that count. */
    private static Where daily(Where units, TrendFilter filter, Sensitivity sensitivity, Set<String> extraSensitive) {
        return new Where(extraSensitive).units(units)
                .between(filter.from(), filter.to())
                .kinds(new Where(extraSensitive).filter(filter).sensitivity(sensitivity));
    }

    private Where incidentsWhere(String unitKey, TrendFilter filter, Sensitivity sensitivity, Set<String> extraSensitive) {
        Where where = new Where(extraSensitive);
        where.add("occurred_on BETWEEN ? AND ?", Date.valueOf(filter.from()), Date.valueOf(filter.to()));
        if (unitKey != null) {
            where.add("unit_path_key IN (SELECT key FROM incident_unit_lists WHERE ? = ANY(units))", unitKey);
        }
        return where.filter(filter).sensitivity(sensitivity);
    }

    /** A WHERE clause and its parameters, built from filters. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();
        private final String[] extraSensitive;

        Where(Set<String> extraSensitive) {
            this.extraSensitive = extraSensitive.toArray(String[]::new);
        }

        Where add(String condition, Object... values) {
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
            params.addAll(List.of(values));
            return this;
        }

        /**
         * The daily counts of the units that meet the conditions (on level and unit_code). Their numbers are read
         * first, as an array, so PostgreSQL looks them up in the (unit, day) index rather than joining.
         */
        Where units(Where units) {
            return numbered("unit", "incident_daily_units", units);
        }

        /** The daily counts of the kinds that meet the conditions (on category, offense, priority, sensitive). */
        Where kinds(Where kinds) {
            return numbered("kind", "incident_kinds", kinds);
        }

        private Where numbered(String column, String table, Where conditions) {
            if (conditions.sql.isEmpty()) {
                return this;
            }
            return add(column + " = ANY(ARRAY(SELECT id FROM " + table + conditions.sql + "))",
                    conditions.params.toArray());
        }

        Where level(String level) {
            return add("level = ?", level);
        }

        Where unit(String level, String code) {
            return level == null ? add("level = 'city' AND unit_code = 'all'") : add("level = ? AND unit_code = ?", level, code);
        }

        Where between(LocalDate from, LocalDate to) {
            return add("day BETWEEN ? AND ?", Date.valueOf(from), Date.valueOf(to));
        }

        Where filter(TrendFilter filter) {
            if (!filter.categories().isEmpty()) {
                add("category = ANY(?)", (Object) filter.categories().stream().map(IncidentCategory::key).toArray(String[]::new));
            }
            if (!filter.offenses().isEmpty()) {
                add("lower(offense) = ANY(?)", (Object) filter.offenses().stream().map(o -> o.toLowerCase(java.util.Locale.ROOT))
                        .toArray(String[]::new));
            }
            if (filter.priority() != null) {
                add("priority = ?", filter.priority().key());
            }
            return this;
        }

        Where sensitivity(Sensitivity sensitivity) {
            return switch (sensitivity) {
                case ALL -> this;
                case NOT_SENSITIVE -> add("NOT (sensitive OR lower(offense) = ANY(?::text[]))", (Object) extraSensitive);
                case SENSITIVE_ONLY -> add("(sensitive OR lower(offense) = ANY(?::text[]))", (Object) extraSensitive);
            };
        }
    }
}
